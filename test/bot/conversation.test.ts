import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { converse, createMemoryConversationStore, CONVERSATION_TTL_MS } from '../../src/bot/conversations.js';
import { createCore, type QuestionCore } from '../../src/bot/core/index.js';
import { createConversationStore } from '../../db/conversations.js';
import type { Answer } from '../../src/bot/types.js';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { createTestDb, type TestDb } from '../helpers/db.js';

const SEEDS = fileURLToPath(new URL('../fixtures/seed-reports', import.meta.url));
const T0 = new Date('2026-11-21T10:00:00+08:00');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const facts = (a: Answer) => a.rows.map((r) => [r.name, r.year, r.metric, r.value]);

/** Multi-turn conversations through the real core and the SQLite conversation store (issue 14). */
describe('conversation context', () => {
  let t: TestDb;
  let core: QuestionCore;
  beforeAll(async () => {
    t = createTestDb();
    await ingestPaths(t, [SEEDS], { now: () => new Date('2026-11-21T00:00:00Z') });
    core = createCore({ store: t.stores.reports, now: () => T0, calendar: DEFAULT_CALENDAR });
  });
  afterAll(() => t.dispose());

  let chat = 0;
  /** A new chat: each call asks one turn in it, at `at` (default T0). */
  function newChat(store = t.stores.conversations) {
    const key = `test:${++chat}`;
    return (q: string, at = T0) => converse(core, store, key, q, at);
  }

  it('「那龙潭镇呢」 takes the year and the figure of the last question, 「处罚呢」 its town and year', () => {
    const say = newChat();
    expect(facts(say('康庄镇2020年依申请公开多少件'))).toEqual([['康庄镇', 2020, 'applications.new.total', 1]]);
    expect(facts(say('那龙潭镇呢'))).toEqual([['龙潭镇', 2020, 'applications.new.total', 0]]);
    expect(facts(say('处罚呢'))).toEqual([['龙潭镇', 2020, 'active.penalty.decisions', 0]]);
  });

  it('「2020年呢」 and 「去年呢」 change only the year', () => {
    const say = newChat();
    expect(facts(say('张家坡镇2021年依申请公开多少件'))[0]?.slice(0, 3)).toEqual(['张家坡镇', 2021, 'applications.new.total']);
    const other = say('2020年呢');
    expect(other.text).toContain('张家坡镇');
    expect(other.text).toContain('2020');
    const lastYear = say('去年呢', new Date('2022-03-01T10:00:00+08:00'));
    expect(facts(lastYear)[0]?.slice(0, 3)).toEqual(['张家坡镇', 2021, 'applications.new.total']);
  });

  it('a follow-up of a ranking ranks again for the new year; a question that stands alone is not changed', () => {
    const say = newChat();
    expect(say('2021年哪个镇依申请公开最多').kind).toBe('rank');
    const again = say('2020年呢');
    expect(again.kind).toBe('rank');
    expect(again.rows.map((r) => [r.name, r.year])).toEqual([
      ['康庄镇', 2020],
      ['龙潭镇', 2020],
    ]);
    expect(facts(say('龙潭镇2020年主动公开了多少条信息'))[0]?.slice(0, 2)).toEqual(['龙潭镇', 2020]);
  });

  it('without a conversation the same follow-up stands alone', () => {
    const say = newChat();
    say('康庄镇2020年依申请公开多少件');
    const alone = converse(core, t.stores.conversations, null, '那龙潭镇呢', T0);
    expect(alone.kind).not.toBe('metric');
  });

  it('is forgotten 30 minutes after the last turn, and each turn restarts the 30 minutes', () => {
    const say = newChat();
    say('康庄镇2020年依申请公开多少件', minutes(0));
    expect(facts(say('那龙潭镇呢', minutes(29)))).toEqual([['龙潭镇', 2020, 'applications.new.total', 0]]);
    expect(facts(say('康庄镇呢', minutes(58)))).toEqual([['康庄镇', 2020, 'applications.new.total', 1]]);
    const late = say('那龙潭镇呢', minutes(58 + 31));
    expect(late.kind).toBe('report');
    expect(late.rows.some((r) => r.metric === 'applications.new.total')).toBe(false);
    expect(CONVERSATION_TTL_MS).toBe(30 * 60_000);
  });

  it('survives a restart: another connection to the database continues the conversation', () => {
    const key = 'telegram:-100777';
    converse(core, t.stores.conversations, key, '康庄镇2020年依申请公开多少件', T0);
    const other = t.reopen();
    const core2 = createCore({ store: other.stores.reports, now: () => T0, calendar: DEFAULT_CALENDAR });
    expect(facts(converse(core2, other.stores.conversations, key, '那龙潭镇呢', minutes(1)))).toEqual([['龙潭镇', 2020, 'applications.new.total', 0]]);
  });

  it('two chats keep two contexts', () => {
    const a = newChat();
    const b = newChat();
    a('康庄镇2020年依申请公开多少件');
    b('龙潭镇2020年主动公开了多少条信息');
    expect(facts(a('处罚呢'))[0]?.slice(0, 3)).toEqual(['康庄镇', 2020, 'active.penalty.decisions']);
    expect(b('康庄镇呢').rows[0]?.name).toBe('康庄镇');
    expect(b('康庄镇呢').rows[0]?.metric).not.toBe('applications.new.total');
  });

  it('「更多」 after an answer that is not a list says there is no more, and the context stays', () => {
    const say = newChat();
    say('康庄镇2020年依申请公开多少件');
    expect(say('更多').text).toBe('上一个回答已经全部列出，没有更多了。');
    expect(facts(say('那龙潭镇呢'))).toEqual([['龙潭镇', 2020, 'applications.new.total', 0]]);
  });

  it('a message not understood keeps the context for the next follow-up', () => {
    const say = newChat(createMemoryConversationStore());
    say('康庄镇2020年依申请公开多少件');
    expect(say('啊这').kind).toBe('help');
    expect(facts(say('那龙潭镇呢'))).toEqual([['龙潭镇', 2020, 'applications.new.total', 0]]);
  });

  it('a context of another shape read back from the database is ignored, not trusted', () => {
    const store = createConversationStore(t);
    store.save('test:broken', { orgIds: 'x' }, T0);
    const answer = converse(core, store, 'test:broken', '那龙潭镇呢', T0);
    expect(answer.kind).toBe('report');
  });
});
