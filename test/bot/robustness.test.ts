import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS } from '../../src/bot/core/index.js';
import type { ReportStore } from '../../src/bot/core/store.js';
import { seedStore } from '../helpers/memory-store.js';
import { AnswerJson, coreFor } from './table.js';

/** A store that records every call, to show questions reach it only as typed arguments. */
function spied(store: ReportStore) {
  const calls: Array<{ method: string; args: unknown[] }> = [];
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        calls.push({ method: String(prop), args });
        return v.apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

const valid = (a: unknown) => AnswerJson.safeParse(JSON.parse(JSON.stringify(a))).success;

describe('hostile and odd input', () => {
  const core = coreFor(seedStore());

  it('refuses a question longer than the limit politely, naming the limit', () => {
    const a = core.ask('康庄镇2020年依申请公开多少件'.repeat(40));
    expect(a.kind).toBe('help');
    expect(a.text).toContain(String(MAX_QUESTION_CHARS));
    expect(a.rows).toEqual([]);
  });

  it('answers exactly the limit', () => {
    const q = '康庄镇2020年依申请公开多少件';
    expect(core.ask(q + '啊'.repeat(MAX_QUESTION_CHARS - q.length)).kind).toBe('metric');
  });

  it.each(['', '   ', '\n\t', '\u0000\u0001', '😀😀', '@年报助手', '/ask'])('an empty question (%j) gets help', (q) => {
    const a = core.ask(q);
    expect(a.kind).toBe('help');
    expect(a.text).toContain('例如');
  });

  it('reads through control characters', () => {
    expect(core.ask('康庄\u0000镇\u00072020年\u001b依申请公开多少件').rows).toHaveLength(1);
  });

  it.each([
    "'; DROP TABLE reports; --",
    'SELECT * FROM metrics WHERE 1=1',
    "康庄镇' OR '1'='1",
    '1; DELETE FROM orgs',
    '<script>alert(1)</script>',
    '${process.exit(1)}',
    '%s%s%n',
    '../../etc/passwd',
    '\\x00\\u0000',
  ])('treats %j as text: help or an answer, nothing executed', (q) => {
    const { store, calls } = spied(seedStore());
    const a = coreFor(store).ask(q);
    expect(valid(a)).toBe(true);
    expect(['help', 'unknown', 'clarify', 'report']).toContain(a.kind);
    for (const c of calls) {
      for (const arg of c.args) expect(['number', 'string', 'undefined']).toContain(typeof arg);
      if (c.method === 'metric') expect(c.args[1]).toMatch(/^[a-z_]+(\.[a-z_]+){1,3}$/);
    }
  });

  it('passes only contract keys to the store for SQL-looking text around a real question', () => {
    const { store, calls } = spied(seedStore());
    const a = coreFor(store).ask("康庄镇2020年依申请公开多少件'; DROP TABLE metrics;--");
    expect(a.rows).toEqual([{ name: '康庄镇', year: 2020, metric: 'applications.new.total', value: 1 }]);
    for (const c of calls.filter((x) => x.method === 'metric')) expect(c.args[1]).toMatch(/^[a-z_]+(\.[a-z_]+){1,3}$/);
  });

  it('never throws and always answers in the contract shape, whatever the text', () => {
    const chars = fc.constantFrom(...'康庄镇龙潭棉洋大刘张家坡2020年依申请公开多少件哪个最多历年截止不完整吗？，、 @/#\u0000😀abcDROP;'.split(''));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.array(chars, { maxLength: 60 }).map((a) => a.join('')),
        ),
        (q) => {
          const a = core.ask(q);
          expect(valid(a)).toBe(true);
        },
      ),
      { numRuns: 400, seed: 20261121 },
    );
  });

  it('answers the same question the same way every time', () => {
    const q = '2020年哪个镇主动公开的信息最多';
    expect(core.ask(q)).toEqual(core.ask(q));
  });
});
