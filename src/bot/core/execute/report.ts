import type { MetricKey } from '../../../catalog/index.js';
import type { Answer, AnswerRow } from '../../types.js';
import { lateness, reportStatus } from '../../../calendar/status.js';
import { keyInfo } from '../lexicon/captions.js';
import { findingTitle, formatValue, join } from '../answer.js';
import type { Query } from '../query.js';
import { FORMAT_NAME } from '../resolve.js';
import type { ReportRecord } from '../store.js';
import { nameOf, rowName, scopeOrgs, type ExecContext } from './context.js';
import { noReport, understoodAs, unknownNames } from './phrases.js';
import { yearsFor } from './years.js';

type ReportQuery = Extract<Query, { kind: 'report' }>;

/** Facts about reports themselves: when published, which format, which file, a summary, 信息处理费. */

/** 康庄镇逾期了吗: the date judged against the region's deadline under today's calendar. */
function dateSentence(ctx: ExecContext, r: ReportRecord): { text: string; row: AnswerRow } {
  const { date, deadline, late, daysLate } = lateness(ctx.calendar, r);
  const row: AnswerRow = { ...rowName(ctx, r), year: r.year, signedDate: r.signedDate, deadline, onTime: late === null ? null : !late };
  if (date === null) {
    return { text: `${nameOf(ctx, r)}${r.year}年度报告里找不到落款或发布日期，无法判断是否按时发布（截止日期是${deadline}）。`, row };
  }
  const verdict = late ? `晚了${daysLate}天，属于逾期发布` : '按时发布';
  return { text: `${nameOf(ctx, r)}${r.year}年度报告的落款日期是${date}，截止日期是${deadline}，${verdict}。`, row };
}

function formatSentence(ctx: ExecContext, r: ReportRecord): { text: string; row: AnswerRow } {
  const expected = r.year >= 2021 ? 'gov2021' : 'gov2019';
  const row: AnswerRow = { ...rowName(ctx, r), year: r.year, format: r.format };
  if (r.format === 'unknown') return { text: `${nameOf(ctx, r)}${r.year}年度报告没有找到统一格式的统计表（非标准格式）。`, row };
  const verdict = r.format === expected ? `，符合${r.year}年度报告的要求` : `，但${r.year}年度报告应使用${FORMAT_NAME[expected]}，属于“使用了旧版表格格式”`;
  return { text: `${nameOf(ctx, r)}${r.year}年度报告用的是${FORMAT_NAME[r.format]}${verdict}。`, row };
}

function originalSentence(ctx: ExecContext, r: ReportRecord): { text: string; row: AnswerRow } {
  const file = r.file ? `原文文件是 ${r.file}` : '没有保存原文文件名';
  return {
    text: `${nameOf(ctx, r)}${r.year}年度报告：${file}（收录于${r.ingestedAt.slice(0, 10)}）。`,
    row: { ...rowName(ctx, r), year: r.year, file: r.file },
  };
}

const SUMMARY_KEYS: MetricKey[] = ['applications.new.total', 'prose.active_items'];

function summarySentence(ctx: ExecContext, r: ReportRecord): { text: string; row: AnswerRow } {
  const { status } = reportStatus(ctx.calendar, r);
  const figures = SUMMARY_KEYS.flatMap((k) => {
    const m = ctx.store.metric(r.id, k);
    return m ? [`${keyInfo(k).label}${formatValue(m.value, k)}`] : [];
  });
  const errors = [...new Set(r.findings.filter((f) => f.severity === 'error').map(findingTitle))];
  const text = join([
    `${nameOf(ctx, r)}${r.year}年度报告：`,
    r.signedDate ? `落款日期${r.signedDate}，` : '没有落款日期，',
    `${FORMAT_NAME[r.format]}`,
    figures.length > 0 && `；${figures.join('，')}`,
    errors.length > 0 ? `；问题：${errors.join('、')}。` : '；没有发现使报告不完整的问题。',
  ]);
  return { text, row: { ...rowName(ctx, r), year: r.year, format: r.format, signedDate: r.signedDate, status, codes: r.findings.map((f) => f.code) } };
}

function unsupportedSentence(ctx: ExecContext, r: ReportRecord): { text: string; row: AnswerRow } {
  const file = r.file ? `（原文：${r.file}）` : '';
  return {
    text: `${nameOf(ctx, r)}${r.year}年度报告里这一项是正文的文字说明，年报助手只提取统计表的数字和主动公开总条数，请看原文${file}。`,
    row: { ...rowName(ctx, r), year: r.year, file: r.file },
  };
}

function infoFeeSentence(ctx: ExecContext, r: ReportRecord): { text: string; row: AnswerRow } {
  const silent = r.findings.some((f) => f.code === 'NO_INFO_FEE_STATEMENT');
  const text = silent
    ? `${nameOf(ctx, r)}${r.year}年度报告没有说明信息处理费的收取情况（未收取也应写明）。`
    : r.year >= 2021
      ? `${nameOf(ctx, r)}${r.year}年度报告第六部分对信息处理费有说明，具体内容请看原文“其他需要报告的事项”。`
      : `${nameOf(ctx, r)}${r.year}年度报告是${r.year}年度的，当时还不要求说明信息处理费。`;
  return { text, row: { ...rowName(ctx, r), year: r.year, infoFeeStated: !silent } };
}

export function answerReport(ctx: ExecContext, q: ReportQuery): Answer {
  const orgs = scopeOrgs(ctx, q.scope);
  const named = q.scope.orgs.length > 0;
  const parts: string[] = [understoodAs(q.scope, ctx), unknownNames(q.scope)];
  const rows: AnswerRow[] = [];
  const sentence = (r: ReportRecord) =>
    q.aspect === 'date'
      ? dateSentence(ctx, r)
      : q.aspect === 'format'
        ? formatSentence(ctx, r)
        : q.aspect === 'original'
          ? originalSentence(ctx, r)
          : q.aspect === 'info_fee'
            ? infoFeeSentence(ctx, r)
            : q.aspect === 'unsupported'
              ? unsupportedSentence(ctx, r)
              : summarySentence(ctx, r);
  for (const org of orgs) {
    const all = ctx.store.reportsOf(org.id);
    let reports: ReportRecord[];
    if (q.years.kind === 'none') reports = named && q.aspect === 'summary' ? all : all.slice(-1);
    else {
      const wanted = yearsFor(ctx, org, q.years).years;
      reports = all.filter((r) => wanted.includes(r.year));
      if (named) for (const y of wanted.filter((y) => !all.some((r) => r.year === y))) parts.push(noReport(ctx, org, y));
    }
    if (named && all.length === 0) parts.push(`还没有收录${nameOf(ctx, org)}的任何报告。`);
    if (named && q.years.kind === 'none' && all.length > 1 && q.aspect !== 'summary') {
      parts.push(`（没有说年份，按最新的${reports[0]!.year}年度报告回答）`);
    }
    for (const r of reports) {
      if (q.onlyWrong && r.format === (r.year >= 2021 ? 'gov2021' : 'gov2019')) continue;
      const s = sentence(r);
      parts.push(orgs.length > 1 ? `\n${s.text}` : s.text);
      rows.push(s.row);
    }
  }
  if (rows.length === 0 && q.onlyWrong) parts.push('收录的报告都用了与年度相符的表格格式。');
  else if (rows.length === 0 && !named) parts.push('没有找到相关的报告。');
  return { kind: 'report', text: join(parts).trim(), rows };
}
