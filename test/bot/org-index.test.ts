import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/bot/core/index.js';
import { createOrgIndexer } from '../../src/bot/core/org-index-builder.js';
import { indexFor } from '../../src/bot/core/snapshot.js';
import { buildOrgIndex, type OrgIndex } from '../../src/bot/core/orgs.js';
import type { OrgRecord, ReportStore } from '../../src/bot/core/store.js';
import { seedStore } from '../helpers/memory-store.js';
import { at } from './table.js';

/** Everything an index answers with, in a form two indexes can be compared by. */
function view(index: OrgIndex) {
  const ids = (list: readonly OrgRecord[]) => list.map((o) => o.id);
  return {
    orgs: ids(index.orgs),
    surfaces: [...index.surfaces].map(([s, list]) => [s, ids(list)] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    regionSurfaces: [...index.regionSurfaces].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    maxLen: index.maxLen,
    cores: index.cores.map((c) => [c.org.id, c.core]),
    sounds: [...index.sounds].map(([k, list]) => [k, list.map((c) => c.org.id)] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    regions: [...index.regions],
    labels: [...index.labels].sort(([a], [b]) => a - b),
  };
}

const NAMES = ['康庄镇', '康乐镇', '龙潭镇', '张家坡镇', '城关街道', '大刘庄镇', '石桥乡', '南麻街道', '教育局'];
const REGIONS = ['临清市', '霍邱县', '沂源县', null];

const org = fc.record({
  name: fc.constantFrom(...NAMES),
  region: fc.constantFrom(...REGIONS),
  alias: fc.option(fc.constantFrom('城关办', '康庄', '石桥'), { nil: undefined }),
});

/** A step of an organisation list's life: something ingested, renamed, given an alias, or gone. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), org }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('change' as const), at: fc.nat(), org }),
);

describe('org index kept up to date', () => {
  it('is, after any sequence of changes, the index built from scratch', () => {
    fc.assert(
      fc.property(fc.array(org, { maxLength: 12 }), fc.array(step, { maxLength: 12 }), (start, steps) => {
        let nextId = 1;
        const make = (o: { name: string; region: string | null; alias?: string }): OrgRecord => ({
          id: nextId++,
          org: `${o.region ?? ''}${o.name}人民政府`,
          name: o.name,
          region: o.region,
          kind: 'town',
          aliases: o.alias ? [o.alias] : [],
        });
        let list = start.map(make);
        const indexer = createOrgIndexer();
        expect(view(indexer.update(list))).toEqual(view(buildOrgIndex(list)));
        for (const s of steps) {
          if (s.kind === 'add') list = [...list, make(s.org)];
          else if (list.length > 0 && s.kind === 'remove') list = list.filter((_, i) => i !== s.at % list.length);
          else if (list.length > 0 && s.kind === 'change') {
            const i = s.at % list.length;
            const changed = { ...make(s.org), id: list[i]!.id };
            list = list.map((o, j) => (j === i ? changed : o));
          }
          expect(view(indexer.update(list))).toEqual(view(buildOrgIndex(list)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('takes a new organisation into account on the next question', () => {
    const store = seedStore();
    const core = createCore({ store, now: () => at('2026-11-21') });
    expect(core.ask('石桥镇什么时候截止').kind).not.toBe('deadline');
    store.addOrg({ org: '沂源县石桥镇人民政府', name: '石桥镇', region: '沂源县', kind: 'town', aliases: [] });
    expect(core.ask('石桥镇的年报什么时候截止').rows).toMatchObject([{ name: '石桥镇', deadline: '2027-01-31' }]);
  });

  it('hands back the same index while the store hands back the same list', () => {
    const orgs = seedStore().listOrgs();
    const store = { listOrgs: () => orgs } as unknown as ReportStore;
    expect(indexFor(store)).toBe(indexFor(store));
  });
});
