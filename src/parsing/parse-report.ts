import { checkReport } from './checks/report-checks.js';
import { checkTables } from './checks/table-checks.js';
import { stripChrome } from './chrome.js';
import { decodeReport } from './decode.js';
import { cellsToMetrics, deriveMetrics } from './derive.js';
import { detectFormat } from './format.js';
import { htmlToText, looksLikeHtml } from './html.js';
import { readMeta } from './metadata.js';
import { readProse } from './prose.js';
import { toReportText, type ReportText } from './report-text.js';
import { splitSections } from './sections.js';
import { readTables, type Region } from './tables/read-tables.js';
import type { Finding, ParseOutcome, ParsedReport, SectionKey, SectionSpan } from './types.js';
import { SECTION_KEYS } from './types.js';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Where a table is looked for: its own part, or, when that heading is missing, the stretch between
 * the parts around it (a report may drop a heading and keep the table).
 */
function regionOf(key: SectionKey, spans: readonly SectionSpan[], textLength: number): Region {
  const own = spans.find((s) => s.key === key);
  if (own) return { start: own.bodyStart, end: own.end };
  const order = SECTION_KEYS.indexOf(key);
  const before = spans.filter((s) => SECTION_KEYS.indexOf(s.key) < order).pop();
  const after = spans.find((s) => SECTION_KEYS.indexOf(s.key) > order);
  return { start: before?.bodyStart ?? 0, end: after?.start ?? textLength };
}

/** How far into the text a cut-off report names itself (title, crawler header, preamble). */
const HEAD_CHARS = 3000;

/**
 * A document with none of the six parts and none of the tables is not a disclosure annual report.
 * One that has a part or a table and names itself one (in its title, or near the top when a page
 * cut it off before its tables) is a report, read for what it holds.
 */
function looksLikeReport(spans: readonly SectionSpan[], tablesFound: number, title: string, head: string): boolean {
  if (spans.length >= 2 || tablesFound >= 2) return true;
  if (spans.length + tablesFound < 1) return false;
  const names = (s: string) => /政府信息公开|政务公开/.test(s) && /年度报告|年报/.test(s);
  return names(title) || names(head);
}

/** Parses the text of one report. Pure; never throws on content, returns NOT_A_REPORT instead. */
export function parseReportText(raw: string): ParseOutcome {
  // A page saved from a website: lines then count in the text extracted from it.
  const rt: ReportText = toReportText(stripChrome(looksLikeHtml(raw) ? htmlToText(raw) : raw));
  const spans = splitSections(rt);
  const meta = readMeta(rt, spans);
  const regions = {
    active: regionOf('active', spans, rt.text.length),
    applications: regionOf('applications', spans, rt.text.length),
    review_litigation: regionOf('review_litigation', spans, rt.text.length),
  };
  const slice = (r: Region) => rt.text.slice(r.start, r.end);
  const format = detectFormat(slice(regions.active), slice(regions.applications));
  const overview = spans.find((s) => s.key === 'overview');
  const tablesStart = spans.find((s) => s.key === 'active')?.start ?? rt.text.length;
  const prose = readProse(rt, overview ? { start: overview.start, end: overview.end } : { start: 0, end: tablesStart }, tablesStart);
  const tables = readTables(rt, format, regions, { applicationsReceived: prose.applicationsReceived?.value ?? null });
  const tablesFound = [tables.t2Rows.length > 0, tables.t3Rows.length > 0, tables.t4Found].filter(Boolean).length;
  if (!looksLikeReport(spans, tablesFound, meta.title, rt.text.slice(0, HEAD_CHARS))) {
    return { ok: false, error: { code: 'NOT_A_REPORT', message: '这不是政府信息公开工作年度报告：找不到报告的六个部分和统计表' } };
  }

  const { metrics, sources } = cellsToMetrics(tables.cells);
  deriveMetrics(metrics, sources, new Set(tables.cells.filter((c) => c.status === 'ambiguous').map((c) => c.key)));
  if (prose.activeItems) {
    metrics['prose.active_items'] = prose.activeItems.value;
    sources['prose.active_items'] = { line: prose.activeItems.line, text: prose.activeItems.text, section: 'overview', derived: false };
  }
  if (prose.applicationsReceived) {
    metrics['prose.applications_received'] = prose.applicationsReceived.value;
    sources['prose.applications_received'] = {
      line: prose.applicationsReceived.line,
      text: prose.applicationsReceived.text,
      section: 'overview',
      derived: false,
    };
  }

  const sections = SECTION_KEYS.filter((k) => spans.some((s) => s.key === k));
  const sectionText: Partial<Record<SectionKey, string>> = {};
  for (const s of spans) sectionText[s.key] = rt.text.slice(s.bodyStart, s.end);
  const findings: Finding[] = [...checkReport({ meta, format, sections, sectionText, prose, metrics }), ...checkTables(tables, format, meta.kind)].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.line ?? 0) - (b.line ?? 0),
  );

  const report: ParsedReport = {
    org: meta.org,
    name: meta.name,
    region: meta.region,
    kind: meta.kind,
    year: meta.year,
    yearInTitle: meta.yearInTitle,
    signedDate: meta.signedDate,
    format,
    title: meta.title,
    sections,
    spans,
    metrics,
    sources,
    findings,
    sectionText,
  };
  return { ok: true, report, encoding: 'utf-8' };
}

/** Parses the bytes of a report file: decodes (UTF-8/16, GB18030), then parses the text. */
export function parseReportBytes(bytes: Uint8Array): ParseOutcome {
  const decoded = decodeReport(bytes);
  if (!decoded.ok) return decoded;
  const outcome = parseReportText(decoded.text);
  return outcome.ok ? { ...outcome, encoding: decoded.encoding } : outcome;
}
