import type { AnswerRow } from '../../types.js';
import { citation, errorCaveat, formatValue, join } from '../answer.js';
import type { MetricKey } from '../../../catalog/index.js';
import { columnTitle, keyInfo, rowTitle } from '../lexicon/captions.js';
import { nameOf, rowName, type ExecContext } from './context.js';
import { noReport } from './phrases.js';
import type { Reading } from './read.js';

/** The sentences about one reading, for a single organisation and year (metric answers). */

/** Figures worth adding to the main one: 依申请公开 also says 予以公开 and any 上年结转. */
const EXTRAS: Partial<Record<MetricKey, (get: (key: MetricKey) => number | null | undefined) => string>> = {
  'applications.new.total': (get) => {
    const granted = get('applications.granted.total');
    const carried = get('applications.carried_over.total');
    return join([
      typeof granted === 'number' && `，其中予以公开${granted}件`,
      typeof carried === 'number' && carried > 0 && `；另有上年结转的申请${carried}件`,
    ]);
  },
  'litigation.total': (get) => {
    const direct = get('litigation_direct.total');
    const after = get('litigation_after_review.total');
    return typeof direct === 'number' && typeof after === 'number' ? `（其中未经复议直接起诉${direct}件，复议后起诉${after}件）` : '';
  },
};

function extras(ctx: ExecContext, reading: Reading, key: string): string {
  const say = EXTRAS[key as MetricKey];
  const report = reading.report;
  return say && report ? say((k) => ctx.store.metric(report.id, k)?.value) : '';
}

const alsoText = (r: Reading) =>
  r.also.length === 0 ? '' : `（${r.also.map((a) => `${keyInfo(a.key).label}${formatValue(a.record.value, a.key)}`).join('，')}）`;

export function readingSentence(ctx: ExecContext, r: Reading, yesNo: boolean): { text: string; rows: AnswerRow[] } {
  const name = nameOf(ctx, r.org);
  const who = `${name}${r.year}年`;
  if (r.state === 'no_report') return { text: noReport(ctx, r.org, r.year), rows: [] };
  const report = r.report!;
  if (r.state === 'not_in_format') {
    return { text: join([`${name}${r.year}年度报告里没有这项数字：`, r.note, alsoText(r), '。']), rows: [] };
  }
  if (r.state === 'row_missing') {
    const captions = r.missing.map((k) => keyInfo(k).caption).join('、');
    return { text: join([`${name}${r.year}年度报告缺少${captions}这一行，无法给出数字。`, errorCaveat(report, undefined, r.missing)]), rows: [] };
  }
  const rows: AnswerRow[] = r.values.map((v) => ({ ...rowName(ctx, r.org), year: r.year, metric: v.key, value: v.record.value }));
  const parts: string[] = [];
  const only = r.values.length === 1 ? r.values[0]! : null;
  if (yesNo && only && only.record.value !== null) parts.push(only.record.value === 0 ? '没有。' : '有。');
  if (only) {
    const info = keyInfo(only.key);
    const v = only.record.value;
    parts.push(
      v === null ? `${who}${info.label}：报告未填写（该栏是空白，不等于0）` : `${who}${info.label}${formatValue(v, only.key)}${extras(ctx, r, only.key)}`,
    );
    parts.push(`${citation(report, only.key, only.record, name)}。`);
  } else {
    // Several columns of one row (法人或其他组织): one line, one source.
    const first = r.values[0]!;
    const row = first.key.split('.').slice(0, -1).join('.');
    const sameRow = r.values.every((v) => v.key.startsWith(`${row}.`));
    const head = sameRow ? rowTitle(first.key) : '';
    const list = r.values.map(
      (v) => `${sameRow ? columnTitle(v.key) : keyInfo(v.key).label} ${v.record.value === null ? '报告未填写' : formatValue(v.record.value, v.key)}`,
    );
    parts.push(`${who}${head}：${list.join('；')}${citation(report, first.key, first.record, name)}。`);
    if (r.values.some((v) => v.record.value === null)) parts.push('（“报告未填写”是该栏空白，不等于0。）');
  }
  if (r.note) parts.push(`说明：${r.note}${alsoText(r)}。`);
  else if (r.also.length > 0) parts.push(`另：${alsoText(r).slice(1, -1)}。`);
  if (r.missing.length > 0) parts.push(`报告缺少${r.missing.map((k) => keyInfo(k).label).join('、')}。`);
  parts.push(
    errorCaveat(
      report,
      undefined,
      r.values.map((v) => v.key),
    ),
  );
  return { text: parts.join(''), rows };
}
