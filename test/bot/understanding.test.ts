import { describe, expect, it } from 'vitest';
import { converse, createMemoryConversationStore } from '../../src/bot/conversations.js';
import { createCore } from '../../src/bot/core/index.js';
import { CODE_EXPLAINED, FIX_HINT } from '../../src/parsing/checks/messages.js';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { seedStore } from '../helpers/memory-store.js';

/** Issue 14's misunderstandings: places not on file, fragments, questions about the data, findings explained. */

const TODAY = new Date('2026-11-21T10:00:00+08:00');
const core = createCore({ store: seedStore(), now: () => TODAY, calendar: DEFAULT_CALENDAR });
const ask = (q: string) => core.ask(q, TODAY);
const SEED_TOWNS = ['康庄镇', '龙潭镇', '棉洋镇', '张家坡镇', '大刘庄镇'];

describe('places not on file', () => {
  for (const q of ['北京市2020年依申请公开多少件', '海淀区主动公开多少', '请问北京市的年报交了吗']) {
    it(`${q}: says nothing is on file and answers about nobody else`, () => {
      const a = ask(q);
      expect(a.kind).toBe('unknown');
      expect(a.text).toMatch(/没有收录“(北京市|海淀区)”的报告/);
      expect(a.text).not.toMatch(/\d+件|\d+条/);
      expect(a.rows.every((r) => r.value === undefined)).toBe(true);
    });
  }

  it('a known county is still a county (临清市各镇主动公开排名 ranks 临清市)', () => {
    const a = ask('临清市各镇主动公开排名');
    expect(a.kind).toBe('rank');
    expect(a.rows.map((r) => r.name)).toEqual(['康庄镇']);
  });

  it('「庄镇」 fitting several gets a clarifying question, and 「1」 picks the first', () => {
    const a = ask('庄镇2020年依申请公开多少件');
    expect(a.kind).toBe('clarify');
    expect(a.rows.map((r) => r.name).sort()).toEqual(['大刘庄镇', '康庄镇']);
    const store = createMemoryConversationStore();
    const first = converse(core, store, 'c', '庄镇2022年依申请公开多少件', TODAY);
    const pick = a.rows.findIndex((r) => r.name === '大刘庄镇') + 1;
    expect(first.text).toContain(`${pick}. 大刘庄镇`);
    const picked = converse(core, store, 'c', String(pick), TODAY);
    expect(picked.kind).toBe('metric');
    expect(picked.rows[0]).toMatchObject({ name: '大刘庄镇', year: 2022, metric: 'applications.new.total' });
  });
});

describe('questions about the data itself', () => {
  it('霍邱县有几个镇 lists the towns of 霍邱县 on file', () => {
    const a = ask('霍邱县有几个镇');
    expect(a.kind).toBe('report');
    expect(a.text).toContain('霍邱县1个单位');
    expect(a.rows).toEqual([{ name: '龙潭镇', region: '霍邱县' }]);
  });

  it('棉洋镇属于哪个县 / 康庄镇属于哪个县', () => {
    expect(ask('康庄镇属于哪个县').text).toBe('康庄镇属于临清市。');
    expect(ask('棉洋镇属于哪个县').text).toContain('没有注明');
  });

  it('数据库里有几份报告 and 哪些县有数据 count what is on file', () => {
    for (const q of ['数据库里有几份报告', '哪些县有数据']) {
      const a = ask(q);
      expect(a.kind).toBe('report');
      expect(a.text).toContain('收录了5份报告（2020–2022年度），来自5个单位');
      expect(a.text).toContain('临清市1个单位');
      expect(a.text.split('\n').length).toBeLessThanOrEqual(3);
    }
  });

  it('康庄镇镇长是谁: the reports do not contain it', () => {
    const a = ask('康庄镇镇长是谁');
    expect(a.text).toContain('年度报告里没有这项内容');
    expect(a.rows).toEqual([]);
  });
});

describe('findings explained from the finding catalog', () => {
  const cases: Array<[string, 'TRUNCATED_TABLE' | 'T3_BALANCE']> = [
    ['TRUNCATED_TABLE是什么意思', 'TRUNCATED_TABLE'],
    ['表三不完整是什么意思', 'TRUNCATED_TABLE'],
    ['勾稽关系不对怎么改', 'T3_BALANCE'],
  ];
  for (const [q, code] of cases) {
    it(q, () => {
      const a = ask(q);
      expect(a.kind).toBe('help');
      expect(a.text).toContain(CODE_EXPLAINED[code]);
      expect(a.text).toContain(`怎么改：${FIX_HINT[code]}`);
    });
  }
});

describe('short answers to what is not understood, and years in words', () => {
  it('a misunderstanding gets one line with an example', () => {
    const a = ask('啊这');
    expect(a.text.split('\n')).toHaveLength(1);
    expect(a.text).toMatch(/没看懂.*可以这样问：“.+\d{4}年.+”/);
  });

  it('两千零二十年 is the year 2020, 二千零二十一年 is 2021', () => {
    expect(ask('两千零二十年康庄镇依申请公开多少件').rows).toEqual([{ name: '康庄镇', year: 2020, metric: 'applications.new.total', value: 1 }]);
    expect(ask('二千零二十一年张家坡镇依申请公开多少件').rows[0]).toMatchObject({ name: '张家坡镇', year: 2021 });
  });

  it('a 表三 warning goes with a 表三 figure, not with a 表二 or prose one', () => {
    expect(ask('棉洋镇2021年依申请公开多少件').text).toContain('表三不完整');
    expect(ask('棉洋镇2021年行政处罚多少').text).not.toContain('表三不完整');
    expect(ask('棉洋镇2021年主动公开了多少条信息').text).not.toContain('表三不完整');
  });

  it('no answer names a seed town it was not asked about when the place is unknown', () => {
    const a = ask('北京市康庄镇2020年依申请公开多少件');
    expect(a.rows.map((r) => r.name)).toEqual(['康庄镇']);
    expect(SEED_TOWNS.filter((t) => t !== '康庄镇' && a.text.includes(t))).toEqual([]);
  });
});
