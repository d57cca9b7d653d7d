import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSeenUpdates } from '../../db/seen-updates.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { bj } from './helpers.js';

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.dispose());

describe('subscriptions over SQLite', () => {
  it('binds once per chat and scope, lists by chat or scope, unbinds one or all, and survives a reopen', () => {
    const s = t.stores.subscriptions;
    const g1 = { transport: 'telegram' as const, chatId: '-1' };
    const g2 = { transport: 'wechat' as const, chatId: 'room@chatroom' };
    const town = { kind: 'org' as const, name: '康庄镇', region: '临清市' };
    const county = { kind: 'region' as const, name: '霍邱县' };
    const at = bj('2027-01-20T09:00');
    expect(s.subscribe(g1, town, 'telegram:1', at)).toBe('added');
    expect(s.subscribe(g1, town, 'telegram:2', at)).toBe('exists');
    s.subscribe(g1, county, 'telegram:1', at);
    s.subscribe(g2, town, 'wechat:w', at);
    expect(s.list({ scope: town }).map((r) => r.target)).toEqual([g1, g2]);
    expect(s.list({ target: g1 })).toHaveLength(2);
    expect(t.reopen().stores.subscriptions.list()).toHaveLength(3);
    expect(s.unsubscribe(g1, county)).toBe(1);
    expect(s.unsubscribe(g1)).toBe(1);
    expect(s.list()).toEqual([{ target: g2, scope: town, by: 'wechat:w', at }]);
  });

  it('keeps a town of one county apart from the same name in another, and from a binding without a county', () => {
    const s = t.stores.subscriptions;
    const g = { transport: 'telegram' as const, chatId: '-1' };
    const at = bj('2027-01-20T09:00');
    const yiyuan = { kind: 'org' as const, name: '张家坡镇', region: '沂源县' };
    const boshan = { kind: 'org' as const, name: '张家坡镇', region: '博山区' };
    const legacy = { kind: 'org' as const, name: '张家坡镇', region: null };
    expect([s.subscribe(g, yiyuan, 'x', at), s.subscribe(g, boshan, 'x', at), s.subscribe(g, legacy, 'x', at), s.subscribe(g, yiyuan, 'x', at)]).toEqual([
      'added',
      'added',
      'added',
      'exists',
    ]);
    expect(s.list({ scope: boshan }).map((r) => r.scope)).toEqual([boshan]);
    expect(s.list({ scope: { kind: 'org', name: '张家坡镇' } })).toHaveLength(3);
    expect(s.unsubscribe(g, yiyuan)).toBe(1);
    expect(s.list().map((r) => r.scope)).toEqual([boshan, legacy]);
  });
});

describe('seen updates over SQLite', () => {
  it('claims a key once, also from another connection, and forgets keys older than a week', () => {
    let now = bj('2027-01-01T10:00');
    const seen = createSeenUpdates(t, { now: () => now, pruneEvery: 2 });
    const other = t.reopen().stores.seenUpdates;
    expect(seen.add('telegram:7:1')).toBe(true);
    expect(other.add('telegram:7:1')).toBe(false);
    expect(other.has('telegram:7:1')).toBe(true);
    now = bj('2027-01-09T10:00');
    seen.add('telegram:7:2');
    expect(seen.has('telegram:7:1')).toBe(false);
    expect(seen.has('telegram:7:2')).toBe(true);
  });
});
