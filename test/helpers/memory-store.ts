import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { metricEntries } from '../../src/catalog/index.js';
import type { MetricRecord, OrgRecord, ReportRecord, ReportStore } from '../../src/bot/core/store.js';
import { parseReportBytes } from '../../src/parsing/parse-report.js';
import type { ParsedReport } from '../../src/parsing/types.js';
import { SEED_NAMES, seedPath } from './seeds.js';

/**
 * A ReportStore held in memory, filled from reports parsed by the real parser, so the question core
 * is tested on the same figures the database would hold. Organisations are keyed by name + region,
 * the way the database keys them; a later report for the same organisation and year replaces the
 * earlier one as the current version.
 */

export interface MemoryStore extends ReportStore {
  add(report: ParsedReport, file?: string | null): ReportRecord;
  addOrg(org: Omit<OrgRecord, 'id'>): OrgRecord;
}

export function createMemoryStore(): MemoryStore {
  const orgs: OrgRecord[] = [];
  const reports: ReportRecord[] = [];
  const metrics = new Map<number, Map<string, MetricRecord>>();

  const current = (): ReportRecord[] => {
    const latest = new Map<string, ReportRecord>();
    for (const r of reports) latest.set(`${r.orgId}/${r.year}`, r);
    return [...latest.values()].sort((a, b) => a.year - b.year || a.orgId - b.orgId);
  };

  const store: MemoryStore = {
    addOrg(o) {
      const found = orgs.find((x) => x.name === o.name && x.region === o.region);
      if (found) return found;
      const rec: OrgRecord = { ...o, id: orgs.length + 1 };
      orgs.push(rec);
      return rec;
    },
    add(p, file = null) {
      if (!p.name || !p.org || p.year === null) throw new Error(`report without name or year: ${file}`);
      const org = store.addOrg({ org: p.org, name: p.name, region: p.region, kind: p.kind, aliases: [] });
      const rec: ReportRecord = {
        id: reports.length + 1,
        orgId: org.id,
        name: org.name,
        org: org.org,
        region: org.region,
        year: p.year,
        signedDate: p.signedDate,
        format: p.format,
        file,
        ingestedAt: '2026-11-21T00:00:00.000Z',
        findings: p.findings.map((f) => ({ ...f })),
      };
      reports.push(rec);
      const m = new Map<string, MetricRecord>();
      for (const [key, value] of metricEntries(p.metrics)) {
        const s = p.sources[key];
        m.set(key, { key, value, line: s?.line ?? 0, text: s?.text ?? '', derived: s?.derived ?? false });
      }
      metrics.set(rec.id, m);
      return rec;
    },
    listOrgs: () => orgs.map((o) => ({ ...o })),
    currentReport: (orgId, year) => current().find((r) => r.orgId === orgId && r.year === year),
    reportsOf: (orgId) => current().filter((r) => r.orgId === orgId),
    reportsForYear: (year) => current().filter((r) => r.year === year),
    metric: (reportId, key) => metrics.get(reportId)?.get(key),
    metricForYear(year, key, region) {
      return current()
        .filter((r) => r.year === year && (region === undefined || r.region === region))
        .flatMap((report) => {
          const metric = metrics.get(report.id)?.get(key);
          return metric ? [{ report, metric }] : [];
        });
    },
    headsOfYear: (year) =>
      current()
        .filter((r) => r.year === year)
        .map((r) => ({ reportId: r.id, orgId: r.orgId, format: r.format })),
    figureOfYear: (year, key) =>
      new Map(
        current()
          .filter((r) => r.year === year)
          .flatMap((r) => {
            const m = metrics.get(r.id)?.get(key);
            return m ? [[r.id, m.value] as const] : [];
          }),
      ),
    years: () => [...new Set(current().map((r) => r.year))].sort((a, b) => a - b),
  };
  return store;
}

/** Parses a report file with the real parser; fails loudly when it is not a report. */
export function parseFile(path: string): ParsedReport {
  const outcome = parseReportBytes(readFileSync(path));
  if (!outcome.ok) throw new Error(`${path}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.report;
}

/** The five seed reports, parsed and stored, in seed order. */
export function seedStore(): MemoryStore {
  const store = createMemoryStore();
  for (const name of SEED_NAMES) store.add(parseFile(seedPath(name)), basename(seedPath(name)));
  return store;
}
