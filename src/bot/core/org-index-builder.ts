import { matchCoreOf, norm, orgOrder, REGION_SUFFIX, surfacesOf } from './org-names.js';
import type { OrgCore, OrgIndex } from './orgs.js';
import { readings } from './pinyin.js';
import type { OrgRecord } from './store.js';

/**
 * Builds the org index and keeps it up to date as the organisation list changes. Working out every
 * name form of an organisation (normalisation, pinyin) is what costs: ~40,000 organisations take
 * seconds. So each organisation's forms are worked out once, and when the list changes (a report of
 * a new town ingested, an alias added) only the organisations that changed are taken out and put
 * back, in their place in the index order; the index is built whole only the first time or when
 * much of the list changed. Either way the index is the same as one built from scratch.
 *
 * The maps of the index are updated in place: an index handed out before is not to be read after
 * the next update (answers read it within one question).
 */

interface Entry {
  org: OrgRecord;
  key: string;
  surfaces: readonly string[];
  core: OrgCore | null;
  sounds: readonly string[];
}

/** Everything about an organisation the index depends on; the id is the entry's key. */
const keyOf = (o: OrgRecord): string => [o.name, o.org, o.region ?? '\u0002', o.kind ?? '', ...o.aliases].join('\u0001');

/** Keys of the sound index a core is filed under: the readings of its first and of its second character. */
function soundKeys(core: string): string[] {
  const keys: string[] = [];
  for (const pos of [0, 1]) for (const r of readings(core[pos]!)) keys.push(`${pos}:${r}`);
  return keys;
}

function insertSorted<T>(list: T[], item: T, cmp: (a: T, b: T) => number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(list[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}

function removeFrom<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (!list) return;
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) map.delete(key);
}

/** Beyond this share of the list changed (and this many organisations), building whole is quicker than updating. */
const REBUILD_SHARE = 0.25;
const REBUILD_MIN = 64;

export interface OrgIndexer {
  /** The index of this organisation list (the previous index when nothing changed). */
  update(orgs: readonly OrgRecord[]): OrgIndex;
}

export function createOrgIndexer(): OrgIndexer {
  const entries = new Map<number, Entry>();
  const surfaces = new Map<string, OrgRecord[]>();
  const sounds = new Map<string, OrgCore[]>();
  const byShortName = new Map<string, OrgRecord[]>();
  const labels = new Map<number, string>();
  const regionForms = new Map<string, string>();
  let sorted: OrgRecord[] = [];
  let maxLen = 2;
  /** The longest name went: the next longest is looked for once the update is done. */
  let longestGone = false;
  let current: OrgIndex | undefined;

  const entryOf = (org: OrgRecord, key: string): Entry => {
    const s = matchCoreOf(org);
    const core = s === null ? null : { org, core: s };
    return { org, key, surfaces: [...surfacesOf(org)], core, sounds: core ? soundKeys(core.core) : [] };
  };

  /** Files an entry; `inOrder` when entries come in index order (a whole build), else each is put in its place. */
  const file = (e: Entry, inOrder: boolean) => {
    const put = <K, T>(map: Map<K, T[]>, key: K, item: T, cmp: (a: T, b: T) => number) => {
      const list = map.get(key);
      if (!list) map.set(key, [item]);
      else if (inOrder) list.push(item);
      else insertSorted(list, item, cmp);
    };
    entries.set(e.org.id, e);
    for (const s of e.surfaces) {
      put(surfaces, s, e.org, orgOrder);
      maxLen = Math.max(maxLen, s.length);
    }
    if (e.core) for (const k of e.sounds) put(sounds, k, e.core, (a, b) => orgOrder(a.org, b.org));
    put(byShortName, e.org.name, e.org, orgOrder);
  };

  const unfile = (e: Entry) => {
    entries.delete(e.org.id);
    labels.delete(e.org.id);
    for (const s of e.surfaces) {
      removeFrom(surfaces, s, e.org);
      if (s.length === maxLen && !surfaces.has(s)) longestGone = true;
    }
    if (e.core) for (const k of e.sounds) removeFrom(sounds, k, e.core);
    removeFrom(byShortName, e.org.name, e.org);
  };

  /** How answers name an organisation: 张家坡镇, or 沂源县张家坡镇 when two share the name. */
  const relabel = (name: string) => {
    const bearers = byShortName.get(name) ?? [];
    for (const o of bearers) {
      labels.set(o.id, bearers.length === 1 ? o.name : o.region && !o.name.startsWith(o.region) ? `${o.region}${o.name}` : o.org);
    }
  };

  const normRegion = (region: string) => {
    let n = regionForms.get(region);
    if (n === undefined) regionForms.set(region, (n = norm(region)));
    return n;
  };

  function rebuild(orgs: readonly OrgRecord[], keys: Map<number, string>): void {
    for (const m of [entries, surfaces, sounds, byShortName, labels]) m.clear();
    maxLen = 2;
    sorted = [...orgs].sort(orgOrder);
    for (const o of sorted) file(entryOf(o, keys.get(o.id)!), true);
    for (const name of byShortName.keys()) relabel(name);
  }

  function patch(gone: Entry[], fresh: readonly OrgRecord[], keys: Map<number, string>): void {
    const touched = new Set<string>();
    const goneIds = new Set<number>();
    for (const e of gone) {
      unfile(e);
      goneIds.add(e.org.id);
      touched.add(e.org.name);
    }
    const next = goneIds.size > 0 ? sorted.filter((o) => !goneIds.has(o.id)) : [...sorted];
    for (const o of fresh) {
      file(entryOf(o, keys.get(o.id)!), false);
      insertSorted(next, o, orgOrder);
      touched.add(o.name);
    }
    sorted = next;
    for (const name of touched) relabel(name);
    if (longestGone) {
      maxLen = 2;
      for (const s of surfaces.keys()) maxLen = Math.max(maxLen, s.length);
      longestGone = false;
    }
  }

  return {
    update(orgs) {
      const keys = new Map<number, string>();
      for (const o of orgs) keys.set(o.id, keyOf(o));
      const gone = [...entries.values()].filter((e) => keys.get(e.org.id) !== e.key);
      const fresh = orgs.filter((o) => entries.get(o.id)?.key !== keys.get(o.id));
      if (current && gone.length === 0 && fresh.length === 0) return current;
      if (!current || gone.length + fresh.length > Math.max(REBUILD_MIN, REBUILD_SHARE * orgs.length)) rebuild(orgs, keys);
      else patch(gone, fresh, keys);

      // Cheap whole passes over the ordered list; only a county named before any of its towns matters.
      const regionSurfaces = new Map<string, string>();
      const regions = new Set<string>();
      for (const o of sorted) {
        if (!o.region) continue;
        regions.add(o.region);
        const n = normRegion(o.region);
        regionSurfaces.set(n, o.region);
        // A short county name that is also some organisation's name stays that organisation's.
        const short = n.replace(REGION_SUFFIX, '');
        if (short.length >= 2 && !surfaces.has(short)) regionSurfaces.set(short, o.region);
      }
      const cores: OrgCore[] = [];
      for (const o of sorted) {
        const core = entries.get(o.id)!.core;
        if (core) cores.push(core);
      }
      current = { orgs: sorted, surfaces, regionSurfaces, maxLen, cores, regions: [...regions], labels, sounds };
      return current;
    },
  };
}
