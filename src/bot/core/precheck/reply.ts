import { metricInfo } from '../../../catalog/index.js';
import { FIX_HINT } from '../../../parsing/checks/messages.js';
import { CODE_TITLE, TABLE_TITLE } from '../../../parsing/checks/messages.js';
import type { LineOrigin, ReadError, SourceType } from '../../../parsing/readers/types.js';
import type { Finding, ParsedReport, Source } from '../../../parsing/types.js';
import type { Precheck, PrecheckSummary } from './summary.js';
import { FORMAT_NAME, KEY_FIGURES, MARK, SHORT_LIST_MAX, SOURCE_NAME, TEXT } from './texts.js';

/**
 * The answer a county reviewer would give on a report before it is published, as one chat message:
 * the report as read, its key figures, each problem with where it is and how to fix it, and a verdict.
 * Pure: the findings are the parser's and the calendar's (LATE), their words those of parsing/checks.
 */

export interface PrecheckInput {
  source: { type: SourceType; pages?: number };
  /** The parsed report, its findings already those of today's calendar (findingsNow). */
  report: ParsedReport;
  /** Where each line of the read text came from (pages of a PDF). */
  lineOrigins?: readonly (LineOrigin | undefined)[];
}

/** Where a line is: its page, and the table row a figure on it belongs to. */
function locator(input: PrecheckInput) {
  const byLine = new Map<number, Source>();
  for (const s of Object.values(input.report.sources)) if (s?.table && !byLine.has(s.line)) byLine.set(s.line, s);
  return (line: number | undefined): string => {
    if (!line) return '';
    const page = input.lineOrigins?.[line - 1]?.page;
    const cell = byLine.get(line);
    const parts = [
      page ? `第${page}页` : '',
      cell?.table ? `${TABLE_TITLE[cell.table].replace(/（.*$/, '')}${cell.row ? `“${cell.row}”一行` : ''}` : '',
      `第${line}行`,
    ];
    return parts.filter(Boolean).join('，');
  };
}

function problemLines(findings: readonly Finding[], where: (line?: number) => string, numbered = true): string[] {
  return findings.map((f, i) => {
    const at = where(f.line);
    const hint = FIX_HINT[f.code];
    const head = `${numbered ? `${i + 1}. ` : ''}${MARK[f.severity]} ${CODE_TITLE[f.code]}${at ? `（${at}）` : ''}：${f.message}`;
    return hint ? `${head}\n   ${TEXT.fix(hint)}` : head;
  });
}

function figureLines(input: PrecheckInput): string[] {
  const { metrics, sources } = input.report;
  const lines = KEY_FIGURES.filter((k) => k in metrics).map((k) => {
    const info = metricInfo(k);
    const src = sources[k];
    const page = src ? input.lineOrigins?.[src.line - 1]?.page : undefined;
    return TEXT.figure(info?.say ?? k, metrics[k] ?? null, info?.unit ?? '', page ? `第${page}页` : src ? `第${src.line}行` : '');
  });
  return lines.length > 0 ? [TEXT.figuresHead, ...lines] : [TEXT.noFigures];
}

export function precheckReport(input: PrecheckInput): Precheck {
  const r = input.report;
  const where = locator(input);
  const errors = r.findings.filter((f) => f.severity === 'error');
  const warnings = r.findings.filter((f) => f.severity === 'warning');
  const infos = r.findings.filter((f) => f.severity === 'info');
  const identity = [...(r.org ? [] : [TEXT.noOrg]), ...(r.year === null ? [TEXT.noYear] : [])];
  const verdict = errors.length === 0 && identity.length === 0 ? 'ok' : 'fix';
  const summary: PrecheckSummary = {
    org: r.org,
    name: r.name,
    region: r.region,
    year: r.year,
    format: r.format,
    source: input.source,
    errors: errors.map((f) => f.code),
    warnings: warnings.map((f) => f.code),
  };
  const head = [
    TEXT.title(r.org, r.year),
    TEXT.format(FORMAT_NAME[r.format], SOURCE_NAME[input.source.type], input.source.pages),
    ...figureLines(input),
    ...identity,
  ];
  const problems = [...errors, ...warnings];
  const verdictLine = verdict === 'ok' ? TEXT.verdictOk : TEXT.verdictFix;
  const shortList =
    problems.length === 0 ? [TEXT.noProblems] : [TEXT.problemsHead(errors.length, warnings.length), ...problemLines(problems.slice(0, SHORT_LIST_MAX), where)];
  const hidden = problems.length - Math.min(problems.length, SHORT_LIST_MAX);
  const reply = [...head, ...shortList, ...(hidden > 0 ? [TEXT.more(hidden)] : []), verdictLine].join('\n');
  const full = problems.length === 0 ? [TEXT.noProblems] : [TEXT.detailHead, ...problemLines(problems, where)];
  const notes = infos.length === 0 ? [] : [TEXT.infosHead, ...problemLines(infos, where, false)];
  const detail = [...head, ...full, ...notes, verdictLine].join('\n');
  return { verdict, summary, reply, detail };
}

/** A file the readers refused: one sentence, recorded like any pre-check. */
export function refusedPrecheck(error: ReadError): Precheck {
  const text = TEXT.refused(error.message.replace(/[。；;，,\s]+$/, ''));
  const summary: PrecheckSummary = { org: null, name: null, region: null, year: null, format: null, source: null, errors: [], warnings: [], refusal: error };
  return { verdict: 'refused', summary, reply: text, detail: text };
}
