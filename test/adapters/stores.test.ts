import { describe, expect, it } from 'vitest';
import { createMemorySeenUpdates } from '../../src/bot/adapters/dedupe.js';
import { createScopeResolver, guessScope } from '../../src/bot/adapters/scope.js';
import { isStale } from '../../src/bot/core/guards.js';
import type { OrgRecord } from '../../src/bot/core/store.js';
import { createMemorySubscriptionStore } from '../../src/bot/subscriptions.js';

const AT = new Date('2027-01-20T01:00:00Z');

describe('memory subscription store', () => {
  it('binds once per chat and scope, lists by chat or scope, and unbinds one or all', async () => {
    const s = createMemorySubscriptionStore();
    const g1 = { transport: 'telegram' as const, chatId: '-1' };
    const g2 = { transport: 'wechat' as const, chatId: 'room@chatroom' };
    const town = { kind: 'org' as const, name: '康庄镇' };
    const county = { kind: 'region' as const, name: '霍邱县' };
    expect(await s.subscribe(g1, town, 'telegram:1', AT)).toBe('added');
    expect(await s.subscribe(g1, town, 'telegram:2', AT)).toBe('exists');
    await s.subscribe(g1, county, 'telegram:1', AT);
    await s.subscribe(g2, town, 'wechat:w', AT);
    expect((await s.list({ scope: town })).map((r) => r.target)).toEqual([g1, g2]);
    expect(await s.list({ target: g1 })).toHaveLength(2);
    expect(await s.unsubscribe(g1, county)).toBe(1);
    expect(await s.unsubscribe(g1)).toBe(1);
    expect(await s.list()).toEqual([{ target: g2, scope: town, by: 'wechat:w', at: AT }]);
  });
});

describe('seen updates', () => {
  it('claims a key once and forgets the oldest beyond its capacity', async () => {
    const seen = createMemorySeenUpdates(2);
    expect(await seen.add('telegram:1')).toBe(true);
    expect(await seen.add('telegram:1')).toBe(false);
    await seen.add('telegram:2');
    await seen.add('telegram:3');
    expect(await seen.has('telegram:1')).toBe(false);
    expect(await seen.has('telegram:3')).toBe(true);
  });

  it('calls a message stale only past the maximum age', () => {
    expect(isStale(new Date(AT.getTime() - 179_000), AT, 180_000)).toBe(false);
    expect(isStale(new Date(AT.getTime() - 181_000), AT, 180_000)).toBe(true);
  });
});

describe('scope resolution', () => {
  it('guesses region for 县/市/区 and org otherwise', () => {
    expect(guessScope('霍邱县')).toEqual({ kind: 'region', name: '霍邱县' });
    expect(guessScope('临清市')).toEqual({ kind: 'region', name: '临清市' });
    expect(guessScope(' 康庄镇 ')).toEqual({ kind: 'org', name: '康庄镇' });
    expect(guessScope('')).toBeNull();
  });

  it('resolves against the database: organisation names and aliases, then regions', () => {
    const orgs: OrgRecord[] = [{ id: 1, org: '延庆区康庄镇人民政府', name: '康庄镇', region: '延庆区', kind: 'town', aliases: ['康庄'] }];
    const resolve = createScopeResolver(() => orgs);
    expect(resolve('康庄')).toEqual({ kind: 'org', name: '康庄镇', region: '延庆区' });
    expect(resolve('延庆区康庄镇人民政府')).toEqual({ kind: 'org', name: '康庄镇', region: '延庆区' });
    expect(resolve('延庆区')).toEqual({ kind: 'region', name: '延庆区' });
    expect(resolve('霍邱县')).toBeNull();
  });

  it('asks which county when several organisations carry the name, and takes the county written with it', () => {
    const orgs = [
      { name: '张家坡镇', region: '沂源县', org: '沂源县张家坡镇人民政府', aliases: [] },
      { name: '张家坡镇', region: '博山区' },
      { name: '南麻街道', region: '沂源县' },
      // A report that did not say its county: the one county's 南麻街道.
      { name: '南麻街道', region: null },
    ];
    const resolve = createScopeResolver(() => orgs);
    expect(resolve('张家坡镇')).toEqual({ kind: 'ambiguous', name: '张家坡镇', regions: ['博山区', '沂源县'] });
    expect(resolve('沂源县张家坡镇')).toEqual({ kind: 'org', name: '张家坡镇', region: '沂源县' });
    expect(resolve('博山区 张家坡镇')).toEqual({ kind: 'org', name: '张家坡镇', region: '博山区' });
    expect(resolve('张家坡镇（博山区）')).toEqual({ kind: 'org', name: '张家坡镇', region: '博山区' });
    expect(resolve('沂源县张家坡镇人民政府')).toEqual({ kind: 'org', name: '张家坡镇', region: '沂源县' });
    expect(resolve('临清市张家坡镇')).toBeNull();
    expect(resolve('南麻街道')).toEqual({ kind: 'org', name: '南麻街道', region: '沂源县' });
    expect(resolve('沂源县')).toEqual({ kind: 'region', name: '沂源县' });
  });
});
