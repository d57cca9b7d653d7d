import { describe, expect, it } from 'vitest';
import { metricEntries, type MetricKey } from '../../src/catalog/index.js';
import { T3_COLUMNS, T3_ROWS } from '../../src/parsing/tables/row-specs.js';
import type { ParsedReport } from '../../src/parsing/types.js';
import { codes, parseOk, readSeed } from '../helpers/seeds.js';

// Ground truth from docs/domain.md §6, re-checked by hand against the seed files.

const ALL_SECTIONS = ['overview', 'active', 'applications', 'review_litigation', 'problems', 'other'];
const T4_KEYS = ['review', 'litigation_direct', 'litigation_after_review'].flatMap((g) =>
  ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `${g}.${c}`),
);

function expectMetrics(r: ParsedReport, expected: Partial<Record<MetricKey, number | null>>) {
  for (const [key, value] of metricEntries(expected)) {
    expect.soft(r.metrics[key], key).toBe(value);
    expect.soft(key in r.metrics, `${key} present`).toBe(true);
  }
}

/** Every 表三 row the report has (by spec) reads 0 in its 总计 column. */
function expectT3TotalsZero(r: ParsedReport, except: string[] = []) {
  for (const row of T3_ROWS) {
    const key = `${row.key}.total` as const;
    if (except.includes(key) || !(key in r.metrics)) continue;
    expect.soft(r.metrics[key], key).toBe(0);
  }
}

describe('kangzhuang-2020: one cell per line, blank applicant cells, no year in the title', () => {
  const r = parseOk(readSeed('kangzhuang-2020'));

  it('reads the report fields', () => {
    expect(r).toMatchObject({
      org: '康庄镇人民政府',
      name: '康庄镇',
      region: '临清市',
      year: 2020,
      signedDate: '2021-01-20',
      format: 'gov2019',
    });
    expect(r.sections).toEqual(ALL_SECTIONS);
  });

  it('reads 依申请公开 as 1 in the 其他 column, with the other applicant cells blank (null)', () => {
    expectMetrics(r, {
      'applications.new.total': 1,
      'applications.new.org_other': 1,
      'applications.new.natural': null,
      'applications.new.org_commercial': null,
      'applications.new.org_legal': null,
      'applications.carried_over.total': 0,
      'applications.carried_over.org_other': null,
      'applications.granted.total': 1,
      'applications.granted.org_other': 1,
      'applications.handled.total': 1,
      'applications.carried_forward.total': 0,
      'prose.active_items': 170,
      'prose.applications_received': 1,
    });
    expectT3TotalsZero(r, ['applications.new.total', 'applications.granted.total', 'applications.handled.total']);
  });

  it('keeps the line each value came from', () => {
    expect(r.sources['applications.new.total']).toMatchObject({ line: 119, text: '1', derived: false });
    expect(r.sources['prose.active_items']?.text).toContain('170条');
    expect(r.sources['applications.denied.total']).toMatchObject({ derived: true });
  });

  it('reads 表二 (2019 columns) and 表四 as zeros', () => {
    for (const row of ['regulations', 'normative_docs']) {
      expectMetrics(r, { [`active.${row}.new_made`]: 0, [`active.${row}.new_published`]: 0, [`active.${row}.total_published`]: 0 });
    }
    for (const row of ['licensing', 'other_services', 'penalty', 'coercion']) {
      expectMetrics(r, { [`active.${row}.prev_items`]: 0, [`active.${row}.delta_items`]: 0, [`active.${row}.decisions`]: 0 });
    }
    expectMetrics(r, { 'active.fees.prev_items': 0, 'active.fees.delta_items': 0, 'active.procurement.items': 0, 'active.procurement.amount_wan': 0 });
    expectMetrics(r, Object.fromEntries(T4_KEYS.map((k) => [k, 0])));
  });

  it('raises no error, and warns of blank cells and the missing title year', () => {
    expect(codes(r, 'error')).toEqual([]);
    expect(codes(r)).toEqual(expect.arrayContaining(['BLANK_CELLS', 'YEAR_NOT_IN_TITLE']));
    expect(codes(r)).not.toContain('LATE');
  });
});

describe('longtan-2020: one row per line, merged-cell shift, blank 复议 cells, unit in a cell', () => {
  const r = parseOk(readSeed('longtan-2020'));

  it('reads the report fields', () => {
    expect(r).toMatchObject({ org: '龙潭镇人民政府', name: '龙潭镇', region: '霍邱县', year: 2020, signedDate: null, format: 'gov2019' });
    expect(r.sections).toEqual(ALL_SECTIONS);
  });

  it('reads 表二 figures', () => {
    expectMetrics(r, {
      'active.regulations.new_made': 0,
      'active.normative_docs.new_made': 3,
      'active.normative_docs.new_published': 3,
      'active.normative_docs.total_published': 21,
      'active.licensing.prev_items': 2,
      'active.licensing.delta_items': 0,
      'active.licensing.decisions': 5,
      'active.other_services.prev_items': 145,
      'active.other_services.delta_items': 0,
      'active.other_services.decisions': 186,
      'active.penalty.prev_items': 5,
      'active.penalty.decisions': 0,
      'active.coercion.prev_items': 6,
      'active.coercion.decisions': 0,
      'active.fees.prev_items': 0,
      'active.procurement.items': 8,
      'active.procurement.amount_wan': 5.2,
      'prose.active_items': 1374,
    });
  });

  it('right-aligns the rows with 8 numbers to the 7 columns and reads 表三 as zeros', () => {
    for (const col of T3_COLUMNS) expect.soft(r.metrics[`applications.other.${col}`], col).toBe(0);
    expectT3TotalsZero(r);
    expect(r.metrics['applications.new.total']).toBe(0);
    expect(r.sources['applications.new.total']?.line).toBe(57);
  });

  it('reads blank 复议 cells as null and 诉讼 as zeros', () => {
    expectMetrics(r, {
      'review.upheld': null,
      'review.total': null,
      'litigation_direct.total': 0,
      'litigation_after_review.total': 0,
      'litigation.total': 0,
    });
  });

  it('has no error; warns of the missing date and blank cells; notes the unit', () => {
    expect(codes(r, 'error')).toEqual([]);
    expect(codes(r)).toEqual(expect.arrayContaining(['DATE_UNKNOWN', 'BLANK_CELLS', 'UNIT_ANOMALY']));
    expect(r.findings.find((f) => f.code === 'UNIT_ANOMALY')?.line).toBe(50);
  });
});

describe('mianyang-2021: 2021 format, 表三 cut short', () => {
  const r = parseOk(readSeed('mianyang-2021'));

  it('reads the report fields', () => {
    expect(r).toMatchObject({ org: '棉洋镇人民政府', name: '棉洋镇', region: null, year: 2021, signedDate: '2022-01-10', format: 'gov2021' });
  });

  it('reads what is there and leaves what is missing absent', () => {
    expectMetrics(r, {
      'active.regulations.issued': 0,
      'active.normative_docs.in_force': 0,
      'active.licensing.decisions': 2624,
      'active.penalty.decisions': 0,
      'active.coercion.decisions': 0,
      'active.fees.amount_wan': 0,
      'applications.new.total': 0,
      'applications.unable.not_held.total': 0,
      ...Object.fromEntries(T4_KEYS.map((k) => [k, 0])),
    });
    for (const key of [
      'applications.unable.need_creation.total',
      'applications.handled.total',
      'applications.carried_forward.total',
      'prose.active_items',
      'active.licensing.prev_items',
    ]) {
      expect.soft(key in r.metrics, key).toBe(false);
    }
  });

  it('raises exactly TRUNCATED_TABLE as error, and no balance error it cannot verify', () => {
    expect(codes(r, 'error')).toEqual(['TRUNCATED_TABLE']);
    expect(codes(r)).toContain('NO_PRIOR_YEAR_RECTIFICATION');
    expect(codes(r)).not.toContain('NO_INFO_FEE_STATEMENT');
  });
});

describe('daliuzhuang-2022: a 2022 report on the 2019 tables', () => {
  const r = parseOk(readSeed('daliuzhuang-2022'));

  it('reads the report fields', () => {
    expect(r).toMatchObject({ org: '大刘庄镇人民政府', name: '大刘庄镇', region: null, year: 2022, signedDate: '2023-01-14', format: 'gov2019' });
  });

  it('reads 表二 as printed, old columns and all', () => {
    expectMetrics(r, {
      'active.normative_docs.new_made': 2,
      'active.normative_docs.new_published': 2,
      'active.normative_docs.total_published': 2,
      'active.licensing.prev_items': 0,
      'active.licensing.delta_items': 2,
      'active.licensing.decisions': 2,
      'active.penalty.delta_items': 8,
      'active.penalty.decisions': 8,
      'active.procurement.items': 0,
      'applications.new.total': 0,
      'applications.handled.total': 0,
      'applications.carried_forward.total': 0,
      'applications.other.total': 0,
      ...Object.fromEntries(T4_KEYS.map((k) => [k, 0])),
    });
    expect('active.licensing.decisions' in r.metrics && !('active.regulations.issued' in r.metrics)).toBe(true);
    expectT3TotalsZero(r);
  });

  it('raises exactly OUTDATED_FORMAT as error, plus the fee statement and title warnings', () => {
    expect(codes(r, 'error')).toEqual(['OUTDATED_FORMAT']);
    expect(codes(r)).toEqual(expect.arrayContaining(['NO_INFO_FEE_STATEMENT', 'YEAR_NOT_IN_TITLE', 'NO_PRIOR_YEAR_RECTIFICATION']));
  });
});

describe('zhangjiapo-2021: 2021 format, mixed heading numbering, label variants', () => {
  const r = parseOk(readSeed('zhangjiapo-2021'));

  it('reads the report fields', () => {
    expect(r).toMatchObject({
      org: '沂源县张家坡镇人民政府',
      name: '张家坡镇',
      region: '沂源县',
      year: 2021,
      signedDate: '2022-01-15',
      format: 'gov2021',
    });
    expect(r.sections).toEqual(ALL_SECTIONS);
  });

  it('reads all three 其他处理 sub-rows and the totals', () => {
    expectMetrics(r, {
      'prose.active_items': 95,
      'applications.new.total': 0,
      'applications.new.natural': 0,
      'applications.other.overdue_correction.total': 0,
      'applications.other.overdue_fee.total': 0,
      'applications.other.misc.total': 0,
      'applications.other.total': 0,
      'applications.handled.total': 0,
      'applications.carried_forward.total': 0,
      'active.regulations.in_force': 0,
      'active.normative_docs.issued': 0,
      'active.licensing.decisions': 0,
      'active.fees.amount_wan': 0,
      ...Object.fromEntries(T4_KEYS.map((k) => [k, 0])),
    });
    expect(r.sources['applications.other.total']?.derived).toBe(true);
  });

  it('has no error; flags the wrong statistics period and the nonstandard labels', () => {
    expect(codes(r, 'error')).toEqual([]);
    expect(codes(r)).toEqual(expect.arrayContaining(['STAT_PERIOD_WRONG', 'NONSTANDARD_LABEL', 'NO_PRIOR_YEAR_RECTIFICATION']));
    expect(codes(r)).not.toContain('NO_INFO_FEE_STATEMENT');
    expect(r.findings.find((f) => f.code === 'STAT_PERIOD_WRONG')?.line).toBe(15);
  });
});
