import type { Answer } from '../../types.js';
import { MAX_QUESTION_CHARS } from '../text.js';
import type { HelpReason, Query } from '../query.js';
import { oneEditApart } from '../org-fuzzy.js';
import { coreOf } from '../org-names.js';
import type { ExecContext } from './context.js';

/** Help, questions back (clarify) and names not on file (unknown). */

/** Examples that work on the data at hand: the year with the most reports, its first organisation. */
function examples(ctx: ExecContext): string[] {
  // Counted from the lean heads: reading a year's reports in full costs a second nationally.
  const counts = ctx.store.years().map((y) => ({ y, n: ctx.store.headsOfYear(y).length }));
  const best = counts.reduce<{ y: number; n: number } | undefined>((b, c) => (!b || c.n >= b.n ? c : b), undefined);
  const filed = best ? new Set(ctx.store.headsOfYear(best.y).map((h) => h.orgId)) : new Set<number>();
  // The first by name of those that filed that year, as the full read listed them.
  const sample = ctx.index.orgs.filter((o) => filed.has(o.id)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id))[0];
  const name = sample?.name ?? '康庄镇';
  const year = best && sample ? best.y : ctx.currentYear - 1;
  return [`${name}${year}年依申请公开多少件`, `${year}年哪个镇主动公开的信息最多`, '哪些报告不完整'];
}

const OPENING: Record<HelpReason, string> = {
  asked: '',
  thanks: '不客气！',
  empty: '请问想了解什么？',
  too_long: `问题太长了（超过${MAX_QUESTION_CHARS}字），请用一两句话提问。`,
  not_understood: '抱歉，没看懂这个问题。',
  out_of_scope: '怎么办理、是什么意思这类问题请查《政府信息公开条例》或问业务科室；',
  no_more: '',
};

export function answerHelp(ctx: ExecContext, reason: HelpReason): Answer {
  const ex = examples(ctx);
  // In a busy group a misunderstanding gets one line, not the whole help.
  if (reason === 'no_more') return { kind: 'help', text: '上一个回答已经全部列出，没有更多了。', rows: [] };
  if (reason === 'not_understood') return { kind: 'help', text: `抱歉，没看懂这个问题。可以这样问：“${ex[0]}”（发送“帮助”看更多例子）。`, rows: [] };
  const orgs = ctx.index.orgs.length;
  const years = ctx.store.years();
  const coverage =
    orgs > 0 && years.length > 0 ? `目前收录了${orgs}个单位的报告（${years[0]}${years.length > 1 ? `–${years.at(-1)}` : ''}年度）。` : '目前还没有收录报告。';
  const text = [
    `${OPENING[reason]}我是年报助手，可以查询政府信息公开工作年度报告里的数字、检查结果和截止日期。例如：`,
    ...ex.map((e, i) => `${i + 1}. ${e}`),
    '还可以问：某镇的年报什么时候发布的、用的哪种格式、历年变化、几个镇对比、谁还没交、今年的年报什么时候截止。',
    coverage,
  ].join('\n');
  return { kind: 'help', text, rows: [] };
}

export function answerClarify(ctx: ExecContext, q: Extract<Query, { kind: 'clarify' }>): Answer {
  if (q.about === 'metric') {
    return {
      kind: 'clarify',
      text: '想按哪一项比较？例如：依申请公开的申请数、主动公开的信息条数、行政许可、行政处罚、行政复议。',
      rows: [],
    };
  }
  const c = q.mention.candidates;
  const shared = (o: (typeof c)[number]) => c.some((x) => x !== o && x.name === o.name);
  const label = (o: (typeof c)[number]) => (o.region && !o.name.startsWith(o.region) ? `${o.region}${o.name}` : shared(o) ? o.org : o.name);
  const lines = c.map((o, i) => `${i + 1}. ${label(o)}`);
  const ask =
    q.mention.match === 'exact'
      ? `“${q.mention.surface}”有${c.length}个，问的是哪一个？`
      : `“${q.mention.surface}”可能是下面${c.length}个中的一个，问的是哪一个？`;
  const text = [ask, ...lines, `回复序号（如“1”），或带上完整名称再问一次，例如“${label(c[0]!)}……”。`].join('\n');
  return { kind: 'clarify', text, rows: c.map((o) => ({ name: o.name, region: o.region, org: o.org })) };
}

/** Up to this many organisations on file, a name not on file is answered with all of them. */
const FEW_ORGS = 8;

export function answerUnknown(ctx: ExecContext, q: Extract<Query, { kind: 'unknown' }>): Answer {
  const parts: string[] = [`没有收录${q.names.map((n) => `“${n.name}”`).join('、')}的报告。`];
  const first = q.names[0]!;
  const nearest = first.nearest;
  const all = ctx.index.orgs;
  const label = (o: (typeof all)[number]) => ctx.index.labels.get(o.id) ?? o.name;
  const typed = coreOf(first.name);
  const typo = nearest.find((o) => oneEditApart(typed, coreOf(o.name)));
  // A county that could be either of two on file is not guessed: the officer says which.
  if (first.counties) parts.push(`“${first.name}”可能是${first.counties.join('或')}，问的是哪一个？请带上县名再问一次。`);
  else if (typo) parts.push(`是不是要问“${label(typo)}”？`);
  const few = all.length <= FEW_ORGS;
  if (all.length === 0) parts.push('目前还没有收录任何报告。');
  else if (few) parts.push(`目前收录的单位有：${all.map(label).join('、')}。`);
  else if (nearest.length > 0) parts.push(`相近的单位有：${nearest.map(label).join('、')}（共收录${all.length}个单位）。`);
  else parts.push(`没有名字相近的单位（共收录${all.length}个单位，问“哪些县有数据”可以看收录了哪些地方）。`);
  const rows = (few ? all : nearest).map((o) => ({ name: o.name, region: o.region }));
  return { kind: 'unknown', text: parts.join(''), rows };
}
