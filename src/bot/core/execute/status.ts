import type { Finding } from '../../../parsing/types.js';
import type { Answer, AnswerRow } from '../../types.js';
import { findingTitle, join } from '../answer.js';
import type { Query } from '../query.js';
import type { ReportRecord } from '../store.js';
import { nameOf, rowName, scopeOrgs, type ExecContext } from './context.js';
import { answerMissing } from './missing.js';
import { noReport } from './phrases.js';
import { yearsFor } from './years.js';

type StatusQuery = Extract<Query, { kind: 'status' }>;
type Status = 'ok' | 'late' | 'incomplete';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const bySeverity = (a: Finding, b: Finding) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];

/** An error other than lateness makes a report incomplete (docs/data-contract.md §3); lateness alone makes it late. */
export function statusOf(report: ReportRecord): Status {
  const errors = report.findings.filter((f) => f.severity === 'error');
  if (errors.some((f) => f.code !== 'LATE')) return 'incomplete';
  return errors.length > 0 ? 'late' : 'ok';
}

const STATUS_WORD: Record<Status, string> = { ok: '没有发现使报告不完整的问题', late: '逾期发布', incomplete: '不完整' };
const codesOf = (fs: readonly Finding[]) => [...new Set(fs.map((f) => f.code))];

function reportsInScope(ctx: ExecContext, q: StatusQuery): ReportRecord[] {
  const orgs = scopeOrgs(ctx, q.scope);
  const order = new Map(orgs.map((o, i) => [o.id, i]));
  const list = orgs.flatMap((o) => {
    const all = ctx.store.reportsOf(o.id);
    if (q.years.kind === 'none' || q.years.kind === 'all') return all;
    const wanted = new Set(yearsFor(ctx, o, q.years).years);
    return all.filter((r) => wanted.has(r.year));
  });
  // Oldest year first, then in the order the organisations were named (or pinyin order).
  return list.sort((a, b) => a.year - b.year || order.get(a.orgId)! - order.get(b.orgId)!);
}

/** Everything found in one report, errors first, in the checker's own words. */
function detail(ctx: ExecContext, report: ReportRecord): { text: string; row: AnswerRow } {
  const status = statusOf(report);
  const findings = [...report.findings].sort(bySeverity);
  const errors = findings.filter((f) => f.severity === 'error');
  const others = findings.filter((f) => f.severity !== 'error');
  const line = (f: Finding) => `\n• ${findingTitle(f)}：${f.message}`;
  const text = join([
    `${nameOf(ctx, report)}${report.year}年度报告${STATUS_WORD[status]}`,
    errors.length > 0 ? `，问题：${errors.map(line).join('')}` : '。',
    others.length > 0 ? `\n另有${others.length}条提醒：${others.map(line).join('')}` : status === 'ok' ? '也没有其他提醒。' : '',
    '\n',
  ]);
  return { text, row: { ...rowName(ctx, report), year: report.year, status, codes: codesOf(findings) } };
}

export function answerStatus(ctx: ExecContext, q: StatusQuery): Answer {
  if (q.filter === 'missing') return answerMissing(ctx, q);
  const reports = reportsInScope(ctx, q);
  const one = q.scope.orgs.length === 1 ? q.scope.orgs[0]!.org : null;
  if (one && reports.length === 0) {
    const year = q.years.kind === 'list' ? q.years.years[0]! : null;
    return { kind: 'status', text: year ? noReport(ctx, one, year) : `还没有收录${nameOf(ctx, one)}的任何报告。`, rows: [] };
  }
  if (one && q.filter !== 'late') {
    const parts = reports.map((r) => detail(ctx, r));
    return { kind: 'status', text: parts.map((p) => p.text).join('').trim(), rows: parts.map((p) => p.row) };
  }
  const relevant = (r: ReportRecord): Finding[] =>
    r.findings.filter((f) =>
      q.filter === 'late' ? f.code === 'LATE' : q.filter === 'incomplete' ? f.severity === 'error' : f.severity !== 'info',
    );
  const listed = reports.filter((r) => relevant(r).length > 0);
  const rows: AnswerRow[] = listed.map((r) => ({ ...rowName(ctx, r), year: r.year, status: statusOf(r), codes: codesOf(relevant(r)) }));
  const what = q.filter === 'late' ? '逾期发布' : q.filter === 'incomplete' ? '不完整' : '有问题';
  if (reports.length === 0) return { kind: 'status', text: '没有找到相关的报告。', rows: [] };
  if (listed.length === 0) {
    return { kind: 'status', text: `收录的${reports.length}份报告中，没有${what}的报告。${lateHint(ctx, q, reports)}`, rows: [] };
  }
  const lines = listed.map((r) => `\n• ${nameOf(ctx, r)}${r.year}年度：${[...new Set(relevant(r).map(findingTitle))].join('、')}`);
  const rest = reports.length - listed.length;
  const text = join([
    `收录的${reports.length}份报告中，有${listed.length}份${what}：`,
    lines.join(''),
    rest > 0 ? `\n其余${rest}份没有发现这类问题。` : '',
    lateHint(ctx, q, reports),
  ]);
  return { kind: 'status', text, rows };
}

/** Reports without any date cannot be called on time; say so when lateness is asked. */
function lateHint(ctx: ExecContext, q: StatusQuery, reports: ReportRecord[]): string {
  if (q.filter !== 'late') return '';
  const unknown = reports.filter((r) => r.findings.some((f) => f.code === 'DATE_UNKNOWN'));
  return unknown.length > 0 ? `\n无法判断是否按时（报告里找不到日期）：${unknown.map((r) => `${nameOf(ctx, r)}${r.year}年度`).join('、')}。` : '';
}
