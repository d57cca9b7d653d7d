/**
 * Who filed: an expected organisation (a roster entry) and a report are the same organisation when
 * they have the same short name, and the same region unless one side does not know it.
 */

export interface Named {
  name: string;
  region: string | null;
}

export function sameOrg(a: Named, b: Named): boolean {
  return a.name === b.name && (a.region === b.region || a.region === null || b.region === null);
}

/**
 * The one county of `known` that `region` is a misprint of (霍丘县 for 霍邱县, 沂原县 for 沂源县): the
 * same length, at least three characters, the same ending (县/市/区/旗), one other character
 * different. Null when `region` is itself known, or when none or several fit (霍X县 could be 霍邱县
 * or 霍山县): a misprint is matched only when it can mean one county.
 */
export function misprintOf(region: string, known: Iterable<string>): string | null {
  const chars = [...region];
  if (chars.length < 3) return null;
  let found: string | null = null;
  for (const k of known) {
    if (k === region) return null;
    const other = [...k];
    if (other.length !== chars.length || other[other.length - 1] !== chars[chars.length - 1]) continue;
    let diffs = 0;
    for (let i = 0; i < chars.length && diffs < 2; i++) if (chars[i] !== other[i]) diffs++;
    if (diffs !== 1) continue;
    if (found !== null && found !== k) return null;
    found = k;
  }
  return found;
}

/**
 * The report on file for each of many entries (reports of one year): same region first, else a
 * loose match, else (given the counties the entries name) a report whose county is a misprint of
 * the entry's (霍丘县龙潭镇 for the entry 霍邱县龙潭镇). The list is indexed by name once, so a national roster
 * (~40,000 entries) against a national year of reports is linear. `skip` leaves out reports already
 * given to another entry (as if they had been removed from the list).
 */
export function reportFinder<R extends Named>(
  reports: readonly R[],
  knownRegions?: ReadonlySet<string>,
): (entry: Named, skip?: (r: R) => boolean) => R | undefined {
  const misprints = new Map<string, string | null>();
  const misprinted = (r: R): string | null => {
    if (!knownRegions || r.region === null || knownRegions.has(r.region)) return null;
    let m = misprints.get(r.region);
    if (m === undefined) misprints.set(r.region, (m = misprintOf(r.region, knownRegions)));
    return m;
  };
  const byName = new Map<string, R[]>();
  for (const r of reports) {
    const list = byName.get(r.name);
    if (list) list.push(r);
    else byName.set(r.name, [r]);
  }
  return (entry, skip) => {
    const list = byName.get(entry.name);
    if (!list) return undefined;
    return (
      list.find((r) => !skip?.(r) && r.region === entry.region) ??
      list.find((r) => !skip?.(r) && sameOrg(entry, r)) ??
      (entry.region === null ? undefined : list.find((r) => !skip?.(r) && misprinted(r) === entry.region))
    );
  };
}
