import { describe, expect, it } from 'vitest';
import { TELEGRAM_TEXT_LIMIT } from '../../src/bot/adapters/telegram-send.js';
import { converse, createMemoryConversationStore } from '../../src/bot/conversations.js';
import { createCore } from '../../src/bot/core/index.js';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import type { ParsedReport } from '../../src/parsing/types.js';
import phrasings from '../fixtures/questions-phrasings.json' with { type: 'json' };
import spec from '../fixtures/questions-spec.json' with { type: 'json' };
import { createMemoryStore, parseFile, seedStore } from '../helpers/memory-store.js';
import { SEED_NAMES, seedPath } from '../helpers/seeds.js';
import { at, TODAY, type Case } from './table.js';

/** Every answer fits one chat message (issue 14): lists page ten at a time, 「更多」 shows the next ten. */

const CHARS = [...'安柏宝碧滨昌朝辰川春丹岱峨丰枫福阜港葛谷瀚禾鹤恒红洪虎华桦怀桓黄徽嘉江蛟锦晋靖峻凯岚兰澜黎莲林临'];

const townName = (i: number) => `${CHARS[i % CHARS.length]}${CHARS[Math.floor(i / CHARS.length) % CHARS.length]}${CHARS[(i * 7 + 3) % CHARS.length]}镇`;

/** 600 towns in 2021, each with a truncated table and blank figures here and there. */
function bigStore() {
  const store = createMemoryStore();
  const seeds = SEED_NAMES.map((n) => parseFile(seedPath(n)));
  for (let i = 0; i < 600; i++) {
    const seed = seeds[i % seeds.length]!;
    const name = townName(i);
    const metrics = { ...seed.metrics, 'applications.new.total': i % 11 === 0 ? null : (i * 37) % 101 };
    const report: ParsedReport = { ...seed, name, org: `${name}人民政府`, region: `${CHARS[i % 9]}${CHARS[30 + (i % 5)]}县`, year: 2021, metrics };
    store.add(report, `${i}.txt`);
  }
  return store;
}

const fits = (text: string) => {
  expect(text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
};

describe('answers that fit one message', () => {
  const seedCore = createCore({ store: seedStore(), now: () => at(TODAY), calendar: DEFAULT_CALENDAR });
  it('no answer in the question tables exceeds one Telegram message', () => {
    const cases = [...(spec as Case[]), ...(phrasings as Case[])];
    expect(cases.length).toBeGreaterThan(200);
    for (const c of cases) fits(seedCore.ask(c.q, c.now ? at(c.now) : undefined).text);
  });

  const core = createCore({ store: bigStore(), now: () => at(TODAY), calendar: DEFAULT_CALENDAR });
  const BROAD = [
    '2021年哪个镇依申请公开最多',
    '2021年哪些报告有问题',
    '2021年哪些报告不完整',
    '谁还没交',
    '2021年各镇依申请公开多少件',
    '有哪些报告',
    '数据库里有几份报告',
    '2021年报告有什么问题',
  ];
  for (const q of BROAD) {
    it(`${q}: at most one message over 600 towns`, () => {
      const a = core.ask(q, at(TODAY));
      fits(a.text);
      expect(a.text.split('\n').length).toBeLessThanOrEqual(30);
    });
  }

  it('a ranking shows the top ten; 「更多」 shows places 11 to 20, then 21 to 30', () => {
    const store = createMemoryConversationStore();
    const say = (q: string) => converse(core, store, 'g', q, at(TODAY));
    const first = say('2021年哪个镇依申请公开最多');
    expect(first.text).toContain('发送“更多”看下一页');
    const ranked = first.rows.filter((r) => r.rank !== null);
    expect(ranked).toHaveLength(10);
    expect(ranked[0]!.value).toBe(100);
    const second = say('更多');
    const next = second.rows.filter((r) => r.rank !== null);
    expect(next).toHaveLength(10);
    expect(next.every((r) => (r.value as number) <= (ranked.at(-1)!.value as number))).toBe(true);
    expect(second.text).toContain('第11–20项');
    expect(new Set([...ranked, ...next].map((r) => r.name)).size).toBe(20);
    expect(say('更多').text).toContain('第21–30项');
  });

  it('a ranking also says where the asking group’s own organisation stands', () => {
    // Town 101 has 0 applications: near the bottom, far from the top ten.
    const own = townName(101);
    const a = core.turn('2021年哪个镇依申请公开最多', null, at(TODAY), [own]).answer;
    expect(a.text).toMatch(new RegExp(`本群的${own}排第\\d+（0件，共\\d+个单位）`));
    expect(a.rows.filter((r) => r.rank !== null).map((r) => r.name)).toContain(own);
    expect(a.text.split('\n').length).toBeLessThanOrEqual(20);
    expect(core.turn('2021年哪个镇依申请公开最多', null, at(TODAY), []).answer.text).not.toContain('本群');
  });

  it('a list of problems shows counts and ten, and pages through 「更多」', () => {
    const store = createMemoryConversationStore();
    const say = (q: string) => converse(core, store, 'h', q, at(TODAY));
    const first = say('2021年哪些报告有问题');
    expect(first.text).toMatch(/收录的600份报告中，有\d+份有问题/);
    expect(first.rows).toHaveLength(10);
    const second = say('更多');
    expect(second.rows).toHaveLength(10);
    expect(second.rows.map((r) => r.name)).not.toEqual(first.rows.map((r) => r.name));
  });
});

describe('fitOneMessage', () => {
  it('cuts at a line end within both limits, and cuts one endless line too', async () => {
    const { fitOneMessage, MAX_ANSWER_CHARS, MAX_ANSWER_LINES } = await import('../../src/bot/core/execute/paging.js');
    const many = Array.from({ length: 100 }, (_, i) => `第${i}行`).join('\n');
    const cut = fitOneMessage(many);
    expect(cut.split('\n')).toHaveLength(MAX_ANSWER_LINES);
    expect(cut.split('\n').slice(0, 3)).toEqual(['第0行', '第1行', '第2行']);
    expect(cut).toContain('内容太长');
    const endless = fitOneMessage('镇'.repeat(10_000));
    expect(endless.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(endless).toContain('内容太长');
    expect(fitOneMessage('短答案')).toBe('短答案');
  });
});
