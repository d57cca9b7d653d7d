import type { OrgRecord } from '../bot/core/store.js';
import { regionsOf } from '../calendar/assess.js';
import { misprintOf, sameOrg } from '../calendar/filed.js';
import { kindOfName } from '../parsing/org-kind.js';
import type { OrgKind } from '../parsing/types.js';

/**
 * Who is expected to report: the imported roster plus every organisation found in an ingested
 * report. MISSING is judged against this list.
 */
export interface RosterEntry {
  /** Short name people type and groups bind to: 康庄镇. */
  name: string;
  /** County or county-level city; null when nobody has said. */
  region: string | null;
  kind: OrgKind | null;
  /** Where the entry comes from: the imported list, reports on file, or both. */
  source: 'import' | 'reports' | 'both';
}

export const ORG_KINDS = [
  'town',
  'township',
  'subdistrict',
  'department',
  'government',
  'committee',
  'area_office',
  'dev_zone',
  'other',
] as const satisfies readonly OrgKind[];

/** Kind words accepted in a roster file, Chinese as county offices write them. */
const KIND_WORDS: Readonly<Record<string, OrgKind>> = {
  镇: 'town',
  乡: 'township',
  民族乡: 'township',
  街道: 'subdistrict',
  部门: 'department',
  县直部门: 'department',
  政府: 'government',
  管委会: 'committee',
  管理委员会: 'committee',
  片区管理局: 'area_office',
  片区: 'area_office',
  开发区: 'dev_zone',
  经济开发区: 'dev_zone',
  高新区: 'dev_zone',
  其他: 'other',
};

/** What a roster file may write in its kind column, for the error that names them. */
export const KIND_WORDS_HINT = '镇、乡、街道、部门、政府、管委会、片区管理局、开发区、其他';

export function parseKind(word: string): OrgKind | null | undefined {
  const w = word.trim();
  if (w === '') return null;
  if ((ORG_KINDS as readonly string[]).includes(w)) return w as OrgKind;
  return KIND_WORDS[w];
}

/** The kind a name implies, as the parser infers it from a title. */
export const kindFromName = (name: string): OrgKind => kindOfName(name);

const keyOf = (name: string, region: string | null) => `${region ?? ''}/${name}`;

/** The organisation part of a delivery key, stable across restarts and roster re-imports. */
export const orgSubject = (e: { name: string; region: string | null }) => `org:${keyOf(e.name, e.region)}`;

/**
 * Imported entries first, then organisations on file that no imported entry covers. An organisation
 * without a region is taken as the imported entry of the same name when there is exactly one; one
 * whose county no imported entry names, as the entry of the same name in the one county it misprints.
 */
export function mergeRoster(imported: readonly Omit<RosterEntry, 'source'>[], orgs: readonly OrgRecord[]): RosterEntry[] {
  const out: RosterEntry[] = imported.map((e) => ({ ...e, source: 'import' }));
  // Entries by name, in the order of `out`: the first one found below is the one out.find() would find.
  const byName = new Map<string, RosterEntry[]>();
  const index = (e: RosterEntry) => {
    const list = byName.get(e.name);
    if (list) list.push(e);
    else byName.set(e.name, [e]);
  };
  out.forEach(index);
  const importedRegions = regionsOf(imported);
  const misprints = new Map<string, string | null>();
  const misprintFor = (region: string) => {
    let m = misprints.get(region);
    if (m === undefined) misprints.set(region, (m = misprintOf(region, importedRegions)));
    return m;
  };
  for (const o of orgs) {
    const sameName = byName.get(o.name) ?? [];
    const exact = sameName.find((e) => e.region === o.region);
    const loose = sameName.filter((e) => sameOrg(e, o));
    // 霍丘县龙潭镇 on file is the imported 霍邱县龙潭镇: a county no imported entry names, misprinted.
    const misprint = loose.length === 0 && sameName.length > 0 && o.region !== null ? misprintFor(o.region) : null;
    const misprinted = misprint === null ? [] : sameName.filter((e) => e.region === misprint && e.source !== 'reports');
    const match = exact ?? (loose.length === 1 ? loose[0] : misprinted.length === 1 ? misprinted[0] : undefined);
    if (match) {
      if (match.source === 'import') match.source = 'both';
      continue;
    }
    const added: RosterEntry = { name: o.name, region: o.region, kind: (o.kind as OrgKind | null) ?? null, source: 'reports' };
    out.push(added);
    index(added);
  }
  return sortByRegionAndName(out);
}

/** What the roster is merged from: the imported list and the organisations on file (db/roster.ts). */
export interface RosterSources {
  imported: readonly Omit<RosterEntry, 'source'>[];
  orgs: readonly OrgRecord[];
}

/**
 * The merged roster of `sources`, merged again only when they are new objects (the database store
 * hands back the same sources until the database changes). Every call until then gets the same
 * array (~40,000 entries at national scale, asked for by every status question), frozen, so no
 * caller can change what the next one reads.
 */
export function rosterReader(sources: () => RosterSources): () => readonly RosterEntry[] {
  let last: { from: RosterSources; roster: readonly RosterEntry[] } | undefined;
  return () => {
    const from = sources();
    if (last?.from !== from) last = { from, roster: Object.freeze(mergeRoster(from.imported, from.orgs).map((e) => Object.freeze(e))) };
    return last.roster;
  };
}

/** Chinese collation, as String.prototype.localeCompare(…, 'zh') does it, without setting it up for every comparison. */
const zh = new Intl.Collator('zh');

export function byRegionAndName(a: { name: string; region: string | null }, b: { name: string; region: string | null }): number {
  return zh.compare(a.region ?? '\uffff', b.region ?? '\uffff') || zh.compare(a.name, b.name);
}

/**
 * Sorts in place, in the order of byRegionAndName, with far fewer collator calls: the few thousand
 * distinct regions are ranked once (regions that collate equal share a rank), the entries are put
 * in their region's bucket in list order, and names are collated only within a bucket (a county's
 * dozen towns). Buckets keep list order and each is sorted stably, so the order is the one a
 * stable sort by byRegionAndName gives.
 */
export function sortByRegionAndName<T extends { name: string; region: string | null }>(list: T[]): T[] {
  const regions = [...new Set(list.map((e) => e.region ?? '\uffff'))].sort((a, b) => zh.compare(a, b));
  const rank = new Map<string, number>();
  regions.forEach((r, i) => rank.set(r, i > 0 && zh.compare(regions[i - 1]!, r) === 0 ? rank.get(regions[i - 1]!)! : i));
  const buckets: T[][] = regions.map(() => []);
  for (const e of list) buckets[rank.get(e.region ?? '\uffff')!]!.push(e);
  let i = 0;
  for (const bucket of buckets) for (const e of bucket.sort((a, b) => zh.compare(a.name, b.name))) list[i++] = e;
  return list;
}
