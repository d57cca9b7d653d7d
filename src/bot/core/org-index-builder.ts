import { byName, matchCoreOf, norm, orgOrder, REGION_SUFFIX, surfacesOf } from './org-names.js';
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
  surfaces: readonly string[];
  core: OrgCore | null;
  sounds: readonly string[];
}

/** Whether two records of one organisation (same id) are alike in everything the index depends on. */
function unchanged(a: OrgRecord, b: OrgRecord): boolean {
  if (a.name !== b.name || a.org !== b.org || a.region !== b.region || a.kind !== b.kind || a.aliases.length !== b.aliases.length) return false;
  return a.aliases.every((x, i) => x === b.aliases[i]);
}

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

/** Pinyin order of county names, made total. */
const regionOrder = (a: string, b: string): number => byName.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
const coreOrder = (a: OrgCore, b: OrgCore): number => orgOrder(a.org, b.org);

export function createOrgIndexer(): OrgIndexer {
  const entries = new Map<number, Entry>();
  const surfaces = new Map<string, OrgRecord[]>();
  const sounds = new Map<string, OrgCore[]>();
  const byShortName = new Map<string, OrgRecord[]>();
  const labels = new Map<number, string>();
  /** Organisations per county, and the counties' names (沂源县, 沂源) with the counties bearing each. */
  const regionCount = new Map<string, number>();
  const formBearers = new Map<string, string[]>();
  const regionSurfaces = new Map<string, string>();
  let regions: string[] = [];
  let sorted: OrgRecord[] = [];
  let cores: OrgCore[] = [];
  let maxLen = 2;
  /** The longest name went: the next longest is looked for once the update is done. */
  let longestGone = false;
  let current: OrgIndex | undefined;

  const entryOf = (org: OrgRecord): Entry => {
    const s = matchCoreOf(org);
    const core = s === null ? null : { org, core: s };
    return { org, surfaces: [...surfacesOf(org)], core, sounds: core ? soundKeys(core.core) : [] };
  };

  /** A county's names as questions are matched: 沂源县, and 沂源 without 县/市/区. */
  const formsOfRegion = new Map<string, string[]>();
  const formsOf = (region: string): string[] => {
    let forms = formsOfRegion.get(region);
    if (!forms) {
      const full = norm(region);
      const short = full.replace(REGION_SUFFIX, '');
      formsOfRegion.set(region, (forms = short.length >= 2 && short !== full ? [full, short] : [full]));
    }
    return forms;
  };

  /** A county comes or goes; where two share a name, the first in pinyin order answers to it. */
  const regionCame = (region: string) => {
    insertSorted(regions, region, regionOrder);
    for (const form of formsOf(region)) {
      const list = formBearers.get(form) ?? [];
      insertSorted(list, region, regionOrder);
      formBearers.set(form, list);
      regionSurfaces.set(form, list[0]!);
    }
  };
  const regionWent = (region: string) => {
    regions.splice(regions.indexOf(region), 1);
    for (const form of formsOf(region)) {
      removeFrom(formBearers, form, region);
      const first = formBearers.get(form)?.[0];
      if (first === undefined) regionSurfaces.delete(form);
      else regionSurfaces.set(form, first);
    }
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
    if (e.core) for (const k of e.sounds) put(sounds, k, e.core, coreOrder);
    put(byShortName, e.org.name, e.org, orgOrder);
    const region = e.org.region;
    if (region) {
      const n = (regionCount.get(region) ?? 0) + 1;
      regionCount.set(region, n);
      if (n === 1) regionCame(region);
    }
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
    const region = e.org.region;
    if (region) {
      const n = regionCount.get(region)! - 1;
      if (n > 0) regionCount.set(region, n);
      else {
        regionCount.delete(region);
        regionWent(region);
      }
    }
  };

  /** How answers name an organisation: 张家坡镇, or 沂源县张家坡镇 when two share the name. */
  const relabel = (name: string) => {
    const bearers = byShortName.get(name) ?? [];
    for (const o of bearers) {
      labels.set(o.id, bearers.length === 1 ? o.name : o.region && !o.name.startsWith(o.region) ? `${o.region}${o.name}` : o.org);
    }
  };

  function rebuild(orgs: readonly OrgRecord[]): void {
    for (const m of [entries, surfaces, sounds, byShortName, labels, regionCount, formBearers, regionSurfaces]) m.clear();
    regions = [];
    maxLen = 2;
    sorted = [...orgs].sort(orgOrder);
    for (const o of sorted) file(entryOf(o), true);
    cores = sorted.flatMap((o) => entries.get(o.id)!.core ?? []);
    for (const name of byShortName.keys()) relabel(name);
  }

  function patch(gone: Entry[], fresh: readonly OrgRecord[]): void {
    // New arrays, so that an index handed out before keeps its own lists.
    regions = [...regions];
    const touched = new Set<string>();
    const goneIds = new Set<number>();
    for (const e of gone) {
      unfile(e);
      goneIds.add(e.org.id);
      touched.add(e.org.name);
    }
    const nextOrgs = goneIds.size > 0 ? sorted.filter((o) => !goneIds.has(o.id)) : [...sorted];
    const nextCores = goneIds.size > 0 ? cores.filter((c) => !goneIds.has(c.org.id)) : [...cores];
    for (const o of fresh) {
      const e = entryOf(o);
      file(e, false);
      insertSorted(nextOrgs, o, orgOrder);
      if (e.core) insertSorted(nextCores, e.core, coreOrder);
      touched.add(o.name);
    }
    sorted = nextOrgs;
    cores = nextCores;
    for (const name of touched) relabel(name);
    if (longestGone) {
      maxLen = 2;
      for (const s of surfaces.keys()) maxLen = Math.max(maxLen, s.length);
      longestGone = false;
    }
  }

  /** What changed since the last update: each record compared with the one filed under its id. */
  function changes(orgs: readonly OrgRecord[]): { gone: Entry[]; fresh: OrgRecord[] } {
    const gone: Entry[] = [];
    const fresh: OrgRecord[] = [];
    let kept = 0;
    for (const o of orgs) {
      const e = entries.get(o.id);
      if (e && unchanged(e.org, o)) kept++;
      else {
        if (e) gone.push(e);
        fresh.push(o);
      }
    }
    // Some filed organisations are not on the list any more: find which (rare, so a second pass).
    if (kept + gone.length < entries.size) {
      const ids = new Set(orgs.map((o) => o.id));
      for (const e of entries.values()) if (!ids.has(e.org.id)) gone.push(e);
    }
    return { gone, fresh };
  }

  return {
    update(orgs) {
      const { gone, fresh } = changes(orgs);
      if (current && gone.length === 0 && fresh.length === 0) return current;
      if (!current || gone.length + fresh.length > Math.max(REBUILD_MIN, REBUILD_SHARE * orgs.length)) rebuild(orgs);
      else patch(gone, fresh);
      current = { orgs: sorted, surfaces, regionSurfaces, maxLen, cores, regions, labels, sounds };
      return current;
    },
  };
}
