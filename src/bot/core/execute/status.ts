import { lastPassedYear } from '../../../calendar/due.js';
import { reportStatus, type OrgStatus } from '../../../calendar/status.js';
import type { Finding } from '../../../parsing/types.js';
import type { Answer, AnswerRow } from '../../types.js';
import { findingTitle, join } from '../answer.js';
import type { Query } from '../query.js';
import type { ReportRecord } from '../store.js';
import type { YearSpec } from '../years.js';
import { nameOf, rowName, scopeOrgs, type ExecContext } from './context.js';
import { answerMissing } from './missing.js';
import { pageOf } from './paging.js';
import { noReport } from './phrases.js';
import { yearsFor } from './years.js';

type StatusQuery = Extract<Query, { kind: 'status' }>;

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const bySeverity = (a: Finding, b: Finding) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];

const STATUS_WORD: Partial<Record<OrgStatus, string>> = { ok: '没有发现使报告不完整的问题', late: '逾期发布', incomplete: '不完整' };
const codesOf = (fs: readonly Finding[]) => [...new Set(fs.map((f) => f.code))];

/**
 * The reports a question covers. The whole country's are read a year at a time rather than one
 * organisation at a time (~40,000 of them); a county's, one organisation at a time.
 */
function reportsInScope(ctx: ExecContext, q: StatusQuery, years: YearSpec): ReportRecord[] {
  const orgs = scopeOrgs(ctx, q.scope);
  const order = new Map(orgs.map((o, i) => [o.id, i]));
  let list: ReportRecord[];
  if (q.scope.orgs.length === 0 && !q.scope.region && (years.kind === 'none' || years.kind === 'all' || years.kind === 'list')) {
    const wanted = years.kind === 'list' ? years.years : ctx.store.years();
    list = wanted.flatMap((y) => ctx.store.reportsForYear(y).filter((r) => order.has(r.orgId)));
  } else {
    list = orgs.flatMap((o) => {
      const all = ctx.store.reportsOf(o.id);
      if (years.kind === 'none' || years.kind === 'all') return all;
      const wanted = new Set(yearsFor(ctx, o, years).years);
      return all.filter((r) => wanted.has(r.year));
    });
  }
  // Oldest year first, then in the order the organisations were named (or pinyin order).
  return list.sort((a, b) => a.year - b.year || order.get(a.orgId)! - order.get(b.orgId)!);
}

/** Everything found in one report, errors first, in the checker's own words. */
function detail(ctx: ExecContext, report: ReportRecord): { text: string; row: AnswerRow } {
  const { status } = reportStatus(ctx.calendar, report);
  const findings = [...report.findings].sort(bySeverity);
  const errors = findings.filter((f) => f.severity === 'error');
  const others = findings.filter((f) => f.severity !== 'error');
  const line = (f: Finding) => `\n• ${findingTitle(f)}：${f.message}`;
  const text = join([
    `${nameOf(ctx, report)}${report.year}年度报告${STATUS_WORD[status] ?? ''}`,
    errors.length > 0 ? `，问题：${errors.map(line).join('')}` : '。',
    others.length > 0 ? `\n另有${others.length}条提醒：${others.map(line).join('')}` : status === 'ok' ? '也没有其他提醒。' : '',
    '\n',
  ]);
  return { text, row: { ...rowName(ctx, report), year: report.year, status, codes: codesOf(findings) } };
}

/**
 * 「哪些镇逾期了」 with no year: nothing can be overdue before its deadline, so the question is about
 * the last year whose deadline has passed, and the answer says so.
 */
function yearsAsked(ctx: ExecContext, q: StatusQuery): { years: YearSpec; note: string } {
  if (q.filter !== 'late' || !q.overdue || q.years.kind !== 'none' || q.scope.orgs.length > 0) return { years: q.years, note: '' };
  const year = lastPassedYear(ctx.calendar, ctx.now, q.scope.region);
  return { years: { kind: 'list', years: [year], relative: false }, note: `（没有说年份，按截止日期已过的最近一个年度：${year}年度）` };
}

export function answerStatus(ctx: ExecContext, q: StatusQuery): Answer {
  if (q.filter === 'missing') return answerMissing(ctx, q);
  const { years, note } = yearsAsked(ctx, q);
  const reports = reportsInScope(ctx, q, years);
  const one = q.scope.orgs.length === 1 ? q.scope.orgs[0]!.org : null;
  if (one && reports.length === 0) {
    const year = q.years.kind === 'list' ? q.years.years[0]! : null;
    return { kind: 'status', text: year ? noReport(ctx, one, year) : `还没有收录${nameOf(ctx, one)}的任何报告。`, rows: [] };
  }
  if (one && q.filter !== 'late') {
    const parts = reports.map((r) => detail(ctx, r));
    return {
      kind: 'status',
      text: parts
        .map((p) => p.text)
        .join('')
        .trim(),
      rows: parts.map((p) => p.row),
    };
  }
  const relevant = (r: ReportRecord): Finding[] =>
    r.findings.filter((f) => (q.filter === 'late' ? f.code === 'LATE' : q.filter === 'incomplete' ? f.severity === 'error' : f.severity !== 'info'));
  const allListed = reports.filter((r) => relevant(r).length > 0);
  const page = pageOf(allListed, q.page ?? 0);
  const listed = page.items;
  const rows: AnswerRow[] = listed.map((r) => ({
    ...rowName(ctx, r),
    year: r.year,
    status: reportStatus(ctx.calendar, r).status,
    codes: codesOf(relevant(r)),
  }));
  const what = q.filter === 'late' ? '逾期发布' : q.filter === 'incomplete' ? '不完整' : '有问题';
  if (reports.length === 0) return { kind: 'status', text: `${note}没有找到相关的报告。`, rows: [] };
  if (allListed.length === 0) {
    return { kind: 'status', text: `${note}收录的${reports.length}份报告中，没有${what}的报告。${lateHint(ctx, q, reports)}`, rows: [] };
  }
  const lines = listed.map((r) => `\n• ${nameOf(ctx, r)}${r.year}年度：${[...new Set(relevant(r).map(findingTitle))].join('、')}`);
  const rest = reports.length - allListed.length;
  const text = join([
    note,
    `收录的${reports.length}份报告中，有${allListed.length}份${what}：`,
    lines.join(''),
    page.footer,
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
