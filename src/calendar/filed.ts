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
 * The report on file for each of many entries (reports of one year): same region first, else a
 * loose match. The list is indexed by name once, so a national roster
 * (~40,000 entries) against a national year of reports is linear. `skip` leaves out reports already
 * given to another entry (as if they had been removed from the list).
 */
export function reportFinder<R extends Named>(reports: readonly R[]): (entry: Named, skip?: (r: R) => boolean) => R | undefined {
  const byName = new Map<string, R[]>();
  for (const r of reports) {
    const list = byName.get(r.name);
    if (list) list.push(r);
    else byName.set(r.name, [r]);
  }
  return (entry, skip) => {
    const list = byName.get(entry.name);
    if (!list) return undefined;
    return list.find((r) => !skip?.(r) && r.region === entry.region) ?? list.find((r) => !skip?.(r) && sameOrg(entry, r));
  };
}
