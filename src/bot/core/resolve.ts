import { isMetricKey, keyOf, LITIGATION_PARTS, t2Key, T2, type MetricKey, type T2Column, type T2Row } from '../../catalog/index.js';
import type { ReportFormat } from '../../parsing/types.js';
import type { T2Hint } from './lexicon/columns.js';
import type { MetricAsk } from './metrics.js';

/**
 * Which metric keys answer a figure in a report of a given format (docs/data-contract.md §1, docs/domain.md §5
 * disambiguation rules). A 2019-format report asked for 制发 answers with 本年新制作数量 and says
 * so; 对外公开总数量 is never passed off as 现行有效件数; 收费 is item counts in 2019, 万元 in 2021.
 */
export interface Resolution {
  /** Keys whose values answer the question, one row each. Empty when the format has no such figure. */
  keys: MetricKey[];
  /** Said next to the answer: the format caveat, or why there is no figure. */
  note?: string;
  /** Related figures mentioned in the text only (the nearest figure when `keys` is empty). */
  also: MetricKey[];
}

export const FORMAT_NAME: Record<ReportFormat, string> = {
  gov2019: '2019年版格式（国办公开办函〔2019〕60号）',
  gov2021: '2021年版格式（国办公开办函〔2021〕30号）',
  unknown: '非标准格式',
};

const DOC_ROWS: ReadonlySet<T2Row> = new Set(['regulations', 'normative_docs']);
const DECISION_ROWS: ReadonlySet<T2Row> = new Set(['licensing', 'other_services', 'penalty', 'coercion']);

function t2(row: T2Row, hints: readonly T2Hint[], format: 'gov2019' | 'gov2021'): Resolution {
  const k = (col: T2Column) => t2Key(row, col);
  const f = FORMAT_NAME[format];
  const has = (h: T2Hint) => hints.includes(h);
  if (DOC_ROWS.has(row)) {
    if (format === 'gov2021') {
      const picked = [has('issued') || has('new_made') ? 'issued' : null, has('repealed') ? 'repealed' : null, has('in_force') ? 'in_force' : null].filter(
        (x): x is T2Column => x !== null,
      );
      if (picked.length > 0) return { keys: picked.map(k), also: [] };
      if (has('total_published') || has('new_published')) {
        return {
          keys: [],
          note: `这份报告用的是${f}，表二没有“对外公开总数量/本年新公开数量”栏（现行有效件数是另一回事，不能替代）`,
          also: [k('issued'), k('in_force')],
        };
      }
      return { keys: [k('issued')], also: [k('repealed'), k('in_force')] };
    }
    const caveat = `这份报告用的是${f}，表二没有“本年制发件数/本年废止件数/现行有效件数”栏`;
    if (has('in_force') || has('repealed')) {
      return { keys: [], note: `${caveat}；“对外公开总数量”不是现行有效件数，不能替代`, also: [k('new_made'), k('total_published')] };
    }
    const picked = [
      has('new_published') ? 'new_published' : null,
      has('total_published') ? 'total_published' : null,
      has('new_made') ? 'new_made' : null,
    ].filter((x): x is T2Column => x !== null);
    if (picked.length > 0) return { keys: picked.map(k), also: [] };
    return { keys: [k('new_made')], note: `${caveat}，这里按“本年新制作数量”回答`, also: [k('new_published'), k('total_published')] };
  }
  if (DECISION_ROWS.has(row)) {
    if (format === 'gov2021') {
      if (row === 'other_services') return { keys: [], note: `这份报告用的是${f}，表二已取消“${T2.other_services.printed}”这一行`, also: [] };
      if (has('items') || has('delta')) return { keys: [], note: `这份报告用的是${f}，表二只填“本年处理决定数量”，没有项目数量`, also: [k('decisions')] };
      return { keys: [k('decisions')], also: [] };
    }
    const picked = [has('items') ? 'prev_items' : null, has('delta') ? 'delta_items' : null, has('decisions') ? 'decisions' : null].filter(
      (x): x is T2Column => x !== null,
    );
    return { keys: (picked.length > 0 ? picked : (['decisions'] as const)).map(k), also: [] };
  }
  if (row === 'fees') {
    if (format === 'gov2021') {
      if (has('items') || has('delta'))
        return { keys: [], note: `这份报告用的是${f}，“行政事业性收费”填的是收费金额（万元），没有收费项目数`, also: [k('amount_wan')] };
      return { keys: [k('amount_wan')], also: [] };
    }
    const caveat = `这份报告用的是${f}，“行政事业性收费”填的是收费项目数量，不是金额`;
    if (has('amount')) return { keys: [], note: caveat, also: [k('prev_items'), k('delta_items')] };
    if (has('delta')) return { keys: [k('delta_items')], note: caveat, also: [k('prev_items')] };
    return { keys: [k('prev_items')], note: caveat, also: [k('delta_items')] };
  }
  if (row === 'procurement') {
    if (format === 'gov2021') return { keys: [], note: `这份报告用的是${f}，表二已取消“政府集中采购”这一项`, also: [] };
    if (has('items') && !has('amount')) return { keys: [k('items')], also: [k('amount_wan')] };
    return { keys: [k('amount_wan')], also: [k('items')] };
  }
  return { keys: [], note: `表二没有“${T2[row].printed}”这一项`, also: [] };
}

/** The keys of a row for the asked columns (a column the row does not have is no key). */
const keysFor = (concept: MetricAsk['concept'], columns: readonly string[]): MetricKey[] =>
  concept === 'info_fee' || concept === 'unsupported' ? [] : columns.flatMap((c) => keyOf(concept, c) ?? []);

function t3(ask: MetricAsk, format: ReportFormat): Resolution {
  const sub = /^applications\.other\.(\w+)$/.exec(ask.concept);
  if (sub && format === 'gov2019') {
    return {
      keys: keysFor('applications.other', ask.columns),
      note: `这份报告用的是${FORMAT_NAME.gov2019}，表三“（六）其他处理”只有一行，没有细分，这里给出“其他处理”的合计`,
      also: [],
    };
  }
  return { keys: keysFor(ask.concept, ask.columns), also: [] };
}

function t4(ask: MetricAsk): Resolution {
  if (ask.concept !== 'litigation') return { keys: keysFor(ask.concept, ask.columns), also: [] };
  if (ask.columns.length === 1 && ask.columns[0] === 'total') {
    return { keys: ['litigation.total'], also: [] };
  }
  return { keys: ask.columns.flatMap((c) => LITIGATION_PARTS.flatMap((g) => keyOf(g, c) ?? [])), also: [] };
}

/** Keys for `ask` in a report of `format`; an unknown format is read as the 2021 one first. */
export function resolveKeys(ask: MetricAsk, format: ReportFormat): Resolution {
  switch (ask.family) {
    case 't2':
      return t2(ask.concept.replace(/^active\./, '') as T2Row, ask.hints, format === 'gov2019' ? 'gov2019' : 'gov2021');
    case 't3':
      return t3(ask, format);
    case 't4':
      return t4(ask);
    default:
      return { keys: isMetricKey(ask.concept) ? [ask.concept] : [], also: [] };
  }
}
