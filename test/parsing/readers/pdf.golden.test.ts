/**
 * Three real reports as their offices published them (test/fixtures/real-files/README.md), read by
 * the PDF reader and parsed. Every expected value below was read by eye from the rendered pages
 * (pdftoppm -r 80, table pages again at 110–150 dpi), not from the reader's output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isMetricKey, t3RowsPrintedIn, type MetricKey } from '../../../src/catalog/index.js';
import { parseReportText } from '../../../src/parsing/parse-report.js';
import { createPdfReader, DEFAULT_PDF_LIMITS } from '../../../src/parsing/readers/pdf.js';
import type { ReadDocument } from '../../../src/parsing/readers/types.js';
import type { ParsedReport } from '../../../src/parsing/types.js';

const DIR = join(__dirname, '../../fixtures/real-files');

/** 表三 总计 column, in table order: 一, 二, (一), (二), (三)1–8, (四)1–3, (五)1–5, (六)…, (七), 四. */
const T3_ROWS_COMMON = t3RowsPrintedIn('gov2019', 'gov2021').filter((row) => row !== 'handled' && row !== 'carried_forward');

function t3Totals(common: number[], other: Record<string, number>, handled: number, forward: number): Record<string, number> {
  const out: Record<string, number> = {};
  T3_ROWS_COMMON.forEach((row, k) => (out[`applications.${row}.total`] = common[k]!));
  for (const [row, v] of Object.entries(other)) out[`applications.${row}.total`] = v;
  out['applications.handled.total'] = handled;
  out['applications.carried_forward.total'] = forward;
  return out;
}

function t2(regs: number[], normative: number[], licensing: number, penalty: number, coercion: number, fees: number) {
  return {
    'active.regulations.issued': regs[0],
    'active.regulations.repealed': regs[1],
    'active.regulations.in_force': regs[2],
    'active.normative_docs.issued': normative[0],
    'active.normative_docs.repealed': normative[1],
    'active.normative_docs.in_force': normative[2],
    'active.licensing.decisions': licensing,
    'active.penalty.decisions': penalty,
    'active.coercion.decisions': coercion,
    'active.fees.amount_wan': fees,
  };
}

function t4(review: number[], direct: number[], afterReview: number[]) {
  const out: Record<string, number> = {};
  const cols = ['upheld', 'corrected', 'other', 'pending', 'total'];
  cols.forEach((c, k) => {
    out[`review.${c}`] = review[k]!;
    out[`litigation_direct.${c}`] = direct[k]!;
    out[`litigation_after_review.${c}`] = afterReview[k]!;
  });
  return out;
}

interface Golden {
  file: string;
  org: string;
  year: number;
  pages: number;
  /** Page of the 表三 row 一、本年新收 and of 表四's data row. */
  t3Page: number;
  t4Page: number;
  values: Record<string, number | undefined>;
  /** Every finding code the report should get, sorted. */
  findings: string[];
}

const GOLDEN: Golden[] = [
  {
    file: '101_hongze-district-gov-2023.pdf',
    org: '洪泽区人民政府',
    year: 2023,
    pages: 5,
    t3Page: 3,
    t4Page: 4,
    values: {
      ...t2([0, 0, 0], [0, 5, 5], 550, 4119, 195, 7730.28),
      // (六)其他处理 is printed as one row, without the three sub-rows of the 2021 format.
      ...t3Totals([21, 0, 0, 4, 1, 0, 0, 0, 0, 1, 1, 0, 10, 3, 0, 1, 0, 0, 0, 0], { other: 0 }, 21, 0),
      // Totals of 0 printed beside non-zero parts.
      ...t4([10, 1, 0, 0, 0], [0, 0, 0, 0, 0], [5, 0, 0, 0, 0]),
    },
    findings: ['DATE_UNKNOWN', 'NONSTANDARD_LABEL', 'NO_PRIOR_YEAR_RECTIFICATION', 'T4_TOTAL', 'T4_TOTAL', 'TRUNCATED_TABLE'],
  },
  {
    file: '102_hongze-district-gov-2024.pdf',
    org: '淮安市洪泽区人民政府',
    year: 2024,
    pages: 5,
    t3Page: 3,
    t4Page: 4,
    values: {
      ...t2([0, 0, 0], [3, 0, 8], 9487, 2776, 84, 7545),
      ...t3Totals([95, 0, 50, 9, 0, 0, 1, 0, 0, 1, 1, 0, 31, 1, 0, 1, 0, 0, 0, 0], { other: 0 }, 95, 0),
      ...t4([1, 1, 0, 0, 2], [1, 0, 0, 0, 1], [2, 0, 1, 0, 3]),
      // The prose says 受理政府信息公开申请17件.
      'prose.applications_received': 17,
    },
    findings: ['DATE_UNKNOWN', 'NONSTANDARD_LABEL', 'NO_PRIOR_YEAR_RECTIFICATION', 'TEXT_TABLE_MISMATCH', 'TRUNCATED_TABLE'],
  },
  {
    file: '103_huaian-city-gov-2024.pdf',
    org: '淮安市人民政府',
    year: 2024,
    pages: 6,
    t3Page: 4,
    t4Page: 5,
    values: {
      ...t2([1, 0, 11], [8, 26, 66], 447228, 3985758, 88283, 96171.6),
      ...t3Totals(
        [3119, 34, 1362, 454, 2, 31, 5, 6, 8, 12, 9, 105, 769, 11, 1, 62, 25, 0, 0, 1],
        { 'other.overdue_correction': 71, 'other.overdue_fee': 6, 'other.misc': 110 },
        3050,
        103,
      ),
      ...t4([72, 64, 178, 37, 351], [13, 4, 8, 1, 26], [12, 1, 1, 6, 20]),
      // Two whole rows, every applicant column.
      'applications.new.natural': 3001,
      'applications.new.org_commercial': 53,
      'applications.new.org_research': 0,
      'applications.new.org_social': 0,
      'applications.new.org_legal': 61,
      'applications.new.org_other': 4,
      'applications.handled.natural': 2932,
      'applications.handled.org_legal': 61,
      'prose.applications_received': 3119,
    },
    findings: ['DATE_UNKNOWN', 'NO_PRIOR_YEAR_RECTIFICATION'],
  },
];

// The time limit is tested in pdf.test.ts; here a loaded test machine must not turn into TOO_LARGE.
const pdfReader = createPdfReader({ ...DEFAULT_PDF_LIMITS, timeoutMs: 60_000 });
const read = new Map<string, { doc: ReadDocument; report: ParsedReport }>();

beforeAll(async () => {
  for (const g of GOLDEN) {
    const bytes = new Uint8Array(readFileSync(join(DIR, g.file)));
    expect(pdfReader.accepts(bytes, g.file)).toBe(true);
    const r = await pdfReader.read(bytes, g.file);
    if (!r.ok) throw new Error(`${g.file}: ${r.error.code} ${r.error.message}`);
    const parsed = parseReportText(r.doc.text);
    if (!parsed.ok) throw new Error(`${g.file}: ${parsed.error.code}`);
    read.set(g.file, { doc: r.doc, report: parsed.report });
  }
}, 120_000);

describe.each(GOLDEN)('$file', (g) => {
  const get = () => read.get(g.file)!;

  it('names the organisation, the year and the format', () => {
    const { report, doc } = get();
    expect(report.org).toBe(g.org);
    expect(report.year).toBe(g.year);
    expect(report.format).toBe('gov2021');
    expect(report.sections).toEqual(['overview', 'active', 'applications', 'review_litigation', 'problems', 'other']);
    expect(doc).toMatchObject({ type: 'pdf', encoding: 'pdf', pages: g.pages });
  });

  it('reads every value of 表二, 表三 (总计) and 表四 exactly as printed', () => {
    const { metrics } = get().report;
    const got = Object.fromEntries(Object.keys(g.values).map((k) => [k, isMetricKey(k) ? metrics[k] : 'not a catalog key']));
    expect(got).toEqual(g.values);
  });

  it('raises the findings a reviewer would', () => {
    const { findings } = get().report;
    expect(findings.map((f) => f.code).sort()).toEqual(g.findings);
    expect(findings.some((f) => f.code.startsWith('T3_') || f.code === 'BAD_NUMBER' || f.code === 'BLANK_CELLS')).toBe(false);
  });

  it('gives each line its page, and drops page numbers', () => {
    const { doc, report } = get();
    const lines = doc.text.split('\n');
    expect(doc.lineOrigins).toHaveLength(lines.length);
    const pageOf = (key: MetricKey) => doc.lineOrigins![report.sources[key]!.line - 1]?.page;
    expect(pageOf('applications.new.total')).toBe(g.t3Page);
    expect(pageOf('review.total')).toBe(g.t4Page);
    expect(lines.filter((l) => /^[-—\s]*\d+[-—\s]*$/.test(l))).toEqual([]);
    // Pages only go forward.
    const pages = doc.lineOrigins!.map((o) => o!.page!);
    expect(pages.every((p, k) => k === 0 || p >= pages[k - 1]!)).toBe(true);
    expect(pages[pages.length - 1]).toBe(g.pages);
  });
});

describe('what the reviewer is told', () => {
  it('101: 表四 totals of 0 beside non-zero parts, for 行政复议 and 复议后起诉', () => {
    const msgs = read
      .get('101_hongze-district-gov-2023.pdf')!
      .report.findings.filter((f) => f.code === 'T4_TOTAL')
      .map((f) => f.message);
    expect(msgs).toEqual([expect.stringContaining('行政复议'), expect.stringContaining('复议后起诉')]);
    expect(msgs[0]).toContain('11');
  });

  it('102: the prose says 17 applications, 表三 says 95', () => {
    const f = read.get('102_hongze-district-gov-2024.pdf')!.report.findings.find((x) => x.code === 'TEXT_TABLE_MISMATCH');
    expect(f?.message).toMatch(/17.*95/);
  });

  it('103: the row-group labels set vertically or broken at the page stay whole', () => {
    const { text } = read.get('103_huaian-city-gov-2024.pdf')!.doc;
    expect(text).toContain('三、本年度办理结果\t（一）予以公开\t1288');
    expect(text).toContain('（四）无法提供\t1.本机关不掌握相关政府信息\t746');
    expect(text).not.toMatch(/^法提供/m);
  });
});
