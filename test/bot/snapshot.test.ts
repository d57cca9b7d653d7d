import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../src/bot/core/snapshot.js';
import type { OrgRecord } from '../../src/bot/core/store.js';
import { createMemoryStore } from '../helpers/memory-store.js';

/** What answers keep between two changes of the database, and how much of it. */
describe('snapshot memo', () => {
  // The database store hands back the same organisation list until the database changes; so here.
  const store = createMemoryStore();
  store.addOrg({ org: '康庄镇人民政府', name: '康庄镇', region: '临清市', kind: 'town', aliases: [] });
  const list: OrgRecord[] = store.listOrgs();
  const stable = { ...store, listOrgs: () => list };

  it('works a key out once while the organisation list is the same', () => {
    let made = 0;
    const a = snapshotOf(stable).memo('k', () => ++made);
    const b = snapshotOf(stable).memo('k', () => ++made);
    expect([a, b, made]).toEqual([1, 1, 1]);
  });

  it('keeps the 32 most recently used answers and forgets the oldest first', () => {
    const s = snapshotOf(stable);
    const made: string[] = [];
    const memo = (k: string) => s.memo(k, () => (made.push(k), k));
    for (let i = 0; i < 32; i++) memo(`n${i}`);
    memo('n0'); // used again: now the most recent
    memo('n32'); // one too many: n1, the least recently used, goes
    made.length = 0;
    memo('n0');
    memo('n2');
    memo('n32');
    expect(made).toEqual([]);
    memo('n1');
    expect(made).toEqual(['n1']);
  });

  it('starts afresh when the organisation list changes', () => {
    let made = 0;
    snapshotOf(stable).memo('fresh', () => ++made);
    const changed = { ...stable, listOrgs: () => [...list] };
    snapshotOf(changed).memo('fresh', () => ++made);
    expect(made).toBe(2);
  });
});
