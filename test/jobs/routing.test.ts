import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../src/bot/subscriptions.js';
import { groupIndex, nameCounts } from '../../src/jobs/outgoing.js';

const at = new Date('2026-12-20T02:00:00Z');
const bind = (chatId: string, name: string, region?: string | null): Subscription => ({
  target: { transport: 'telegram', chatId },
  scope: { kind: 'org', name, ...(region === undefined ? {} : { region }) },
  by: 'x',
  at,
});
const ids = (list: Array<{ chatId: string }>) => list.map((t) => t.chatId);

describe('which groups an organisation has', () => {
  const subs = [bind('-201', '张家坡镇', '沂源县'), bind('-301', '张家坡镇', '博山区'), bind('-1', '城关镇', null), bind('-2', '悦庄镇')];

  it('goes by name and county', () => {
    const groups = groupIndex(subs, nameCounts([]));
    expect(ids(groups.ofOrg({ name: '张家坡镇', region: '沂源县' }))).toEqual(['-201']);
    expect(ids(groups.ofOrg({ name: '张家坡镇', region: '博山区' }))).toEqual(['-301']);
    expect(ids(groups.ofOrg({ name: '张家坡镇', region: '临清市' }))).toEqual([]);
  });

  it('takes a binding without a county as the only organisation of its name, and never one of several', () => {
    const roster = [
      { name: '城关镇', region: '沂源县' },
      { name: '城关镇', region: '博山区' },
      { name: '悦庄镇', region: '沂源县' },
    ];
    const groups = groupIndex(subs, nameCounts(roster));
    expect(ids(groups.ofOrg({ name: '悦庄镇', region: '沂源县' }))).toEqual(['-2']);
    expect(ids(groups.ofOrg({ name: '城关镇', region: '沂源县' }))).toEqual([]);
    expect(ids(groups.ofOrg({ name: '城关镇', region: null }))).toEqual(['-1']);
  });
});
