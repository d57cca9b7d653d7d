import * as OpenCC from 'opencc-js';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, type Calendar } from '../../src/calendar/calendar.js';
import { findingsNow } from '../../src/calendar/status.js';
import { parseReportBytes } from '../../src/parsing/parse-report.js';
import type { ParsedReport } from '../../src/parsing/types.js';
import { toOneLine, toPipes, toSpaces } from '../helpers/reflatten.js';
import { codes, parseOk, readSeed, SEED_NAMES } from '../helpers/seeds.js';

const FIELDS = ['org', 'name', 'region', 'year', 'signedDate', 'format', 'sections'] as const;

function expectSameReport(actual: ParsedReport, expected: ParsedReport) {
  for (const f of FIELDS) expect.soft(actual[f], f).toEqual(expected[f]);
  expect(actual.metrics).toEqual(expected.metrics);
  expect(codes(actual).sort()).toEqual(codes(expected).sort());
}

describe('every flattening of the tables reads the same values as the original', () => {
  const flattenings = { pipes: toPipes, spaces: toSpaces, 'one line': toOneLine };
  for (const seed of SEED_NAMES) {
    for (const [shape, flatten] of Object.entries(flattenings)) {
      it(`${seed} as ${shape}`, () => {
        const original = parseOk(readSeed(seed));
        const text = flatten(readSeed(seed));
        expect(text).not.toBe(readSeed(seed));
        expectSameReport(parseOk(text), original);
      });
    }
  }

  it('keeps blanks as null when spaces drop them (kangzhuang 其他 column)', () => {
    const r = parseOk(toSpaces(readSeed('kangzhuang-2020')));
    expect(r.metrics['applications.new.org_other']).toBe(1);
    expect(r.metrics['applications.new.natural']).toBeNull();
    expect(r.metrics['applications.new.total']).toBe(1);
  });

  it('points at line 1 for every value of a one-line report', () => {
    const r = parseOk(toOneLine(readSeed('longtan-2020')));
    expect(r.sources['active.licensing.decisions']).toMatchObject({ line: 1, text: '5' });
  });
});

describe('character sets and encodings', () => {
  it('reads a report converted to Traditional characters (結果維持, 辦事處)', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const text = toTraditional(readSeed('zhangjiapo-2021'));
    expect(text).toContain('張家坡鎮');
    expectSameReport(parseOk(text), parseOk(readSeed('zhangjiapo-2021')));
  });

  it('reads full-width digits in the cells', () => {
    const text = readSeed('longtan-2020').replace(
      /(\t)(\d+)(?=\t|$)/gm,
      (_, tab: string, d: string) => tab + [...d].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(''),
    );
    expect(text).toContain('１４５');
    expect(parseOk(text).metrics['active.other_services.prev_items']).toBe(145);
  });

  const encodings: Array<[string, (s: string) => Buffer, string]> = [
    // GBK has no no-break space; a file saved as GBK from Word has plain spaces there.
    ['GBK', (s) => iconv.encode(s.replace(/\u00a0/g, ' '), 'gbk'), 'gb18030'],
    ['GB18030', (s) => iconv.encode(s, 'gb18030'), 'gb18030'],
    ['UTF-8 with BOM', (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)]), 'utf-8'],
    ['UTF-16LE with BOM', (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]), 'utf-16le'],
    ['UTF-16LE without BOM', (s) => Buffer.from(s, 'utf16le'), 'utf-16le'],
    ['UTF-16BE with BOM', (s) => Buffer.from(iconv.encode(s, 'utf16-be', { addBOM: true })), 'utf-16be'],
  ];
  for (const [name, encode, expected] of encodings) {
    it(`decodes ${name}`, () => {
      const text = readSeed('kangzhuang-2020');
      const outcome = parseReportBytes(encode(text));
      if (!outcome.ok) throw new Error(outcome.error.message);
      expect(outcome.encoding).toBe(expected);
      expectSameReport(outcome.report, parseOk(text));
    });
  }
});

describe('damaged and wrong reports get the findings a reviewer would give', () => {
  const kangzhuang = readSeed('kangzhuang-2020');

  it('a report cut short in 表三 keeps what is there and reports the truncation', () => {
    const cut = kangzhuang.slice(0, kangzhuang.indexOf('4.保护第三方合法权益'));
    const r = parseOk(cut);
    expect(r.metrics['applications.new.total']).toBe(1);
    expect(r.metrics['applications.denied.three_safety.total']).toBe(0);
    expect('applications.handled.total' in r.metrics).toBe(false);
    expect(codes(r, 'error')).toEqual(expect.arrayContaining(['TRUNCATED_TABLE', 'MISSING_SECTION']));
    expect(codes(r)).not.toContain('T3_BALANCE');
  });

  it('a broken 总计 is caught by the balance, row and result checks', () => {
    const lines = kangzhuang.split('\n');
    const handled = lines.findIndex((l) => l.includes('（七）总计'));
    // The row's cells follow its label: five blanks, the 其他 column, then 总计.
    expect(lines[handled + 7]).toBe('\t1');
    lines[handled + 7] = '\t2';
    const r = parseOk(lines.join('\n'));
    expect(r.metrics['applications.handled.total']).toBe(2);
    expect(codes(r, 'error').sort()).toEqual(['T3_BALANCE', 'T3_RESULT_SUM', 'T3_ROW_TOTAL']);
    const balance = r.findings.find((f) => f.code === 'T3_BALANCE')!;
    expect(balance.message).toContain('总计');
    expect(balance.line).toBe(handled + 8);
  });

  it('a 表四 total that does not add up', () => {
    const text = readSeed('daliuzhuang-2022').replace(/^0\t0\t0\t0\t0\t/m, '1\t0\t0\t0\t0\t');
    const r = parseOk(text);
    expect(r.metrics['review.upheld']).toBe(1);
    expect(codes(r, 'error')).toContain('T4_TOTAL');
  });

  it('a negative count and words in a numeric cell are bad numbers; 本年增/减 may be negative', () => {
    const text = readSeed('longtan-2020').replace('行政许可\t2\t0\t5', '行政许可\t-2\t-1\t5').replace('行政处罚\t5\t0\t0', '行政处罚\t五\t0\t0');
    const r = parseOk(text);
    const bad = r.findings.filter((f) => f.code === 'BAD_NUMBER');
    expect(bad.map((f) => f.line)).toEqual([39, 43]);
    expect(r.metrics['active.licensing.delta_items']).toBe(-1);
    expect(r.metrics['active.penalty.prev_items']).toBeNull();
  });

  it('prose that contradicts the table', () => {
    const r = parseOk(kangzhuang.replace('共收到政府信息公开申请1件', '共收到政府信息公开申请3件'));
    const f = r.findings.find((x) => x.code === 'TEXT_TABLE_MISMATCH');
    expect(f?.message).toContain('3件');
    expect(f?.line).toBe(10);
    expect(codes(parseOk(kangzhuang))).not.toContain('TEXT_TABLE_MISMATCH');
  });

  /** Lateness is the calendar's, judged from the date the parser reads (src/calendar/status.ts). */
  const judged = (r: ParsedReport, cal: Calendar = DEFAULT_CALENDAR, severity?: string) =>
    findingsNow(cal, { ...r, year: r.year! })
      .filter((f) => !severity || f.severity === severity)
      .map((f) => f.code);

  it('a report signed after 31 January is late; a Chinese-numeral date is read', () => {
    const late = parseOk(readSeed('daliuzhuang-2022').replace('2023年1月14日', '2023年2月14日'));
    expect(late.signedDate).toBe('2023-02-14');
    expect(judged(late, DEFAULT_CALENDAR, 'error')).toContain('LATE');
    // The parser reads the date and leaves the verdict to the calendar of the day it is asked.
    expect(codes(late)).not.toContain('LATE');
    const chinese = parseOk(readSeed('daliuzhuang-2022').replace('2023年1月14日', '二〇二三年一月十四日'));
    expect(chinese.signedDate).toBe('2023-01-14');
    expect(judged(chinese)).not.toContain('LATE');
  });

  it('a later deadline moves the LATE line', () => {
    const report = parseOk(readSeed('daliuzhuang-2022').replace('2023年1月14日', '2023年2月14日'));
    expect(judged(report, { ...DEFAULT_CALENDAR, deadlineDay: '02-20' })).not.toContain('LATE');
  });

  it('a town that reports 规章 is warned', () => {
    const r = parseOk(readSeed('longtan-2020').replace('规章\t0\t0\t0', '规章\t1\t1\t1'));
    expect(codes(r)).toContain('TOWN_REGULATIONS_NONZERO');
  });

  it('a missing part is an error', () => {
    const r = parseOk(readSeed('zhangjiapo-2021').replace('五、存在的主要问题及改进情况', '（五）工作中的不足'));
    expect(codes(r, 'error')).toEqual(['MISSING_SECTION']);
    expect(r.sections).not.toContain('problems');
  });

  it('stray markup and page numbers between table rows do not disturb the figures', () => {
    const text = readSeed('longtan-2020')
      .replace('三、收到和处理政府信息公开申请情况', '[image: table.png]**三、收到和处理政府信息公开申请情况**')
      .replace('四、政府信息公开行政复议', '- 3 -\n四、政府信息公开行政复议')
      .replace('\t(四) 无法提供', '第 2 页 共 5 页\n\t(四) 无法提供')
      .replace('(七) 总计', '— 4 —\n3/5\n(七) 总计');
    for (const mark of ['- 3 -', '第 2 页 共 5 页', '— 4 —', '3/5', '[image: table.png]']) expect(text).toContain(mark);
    const r = parseOk(text);
    const original = parseOk(readSeed('longtan-2020'));
    expect(r.metrics).toEqual(original.metrics);
    expect(r.metrics['applications.carried_forward.total']).toBe(0);
    expect(codes(r).sort()).toEqual(codes(original).sort());
  });
});

describe('a report saved from a website as HTML', () => {
  /** The seed as a web page: tab rows become <tr><td>, other lines paragraphs, with entities and markup. */
  function toHtml(text: string): string {
    const body = text
      .split('\n')
      .map((line) =>
        line.includes('\t')
          ? `<tr>${line
              .split('\t')
              .map((c) => `<td style="width:20px"><p><span>${c.replace(/ /g, '&nbsp;')}</span></p></td>`)
              .join('')}</tr>`
          : `<p class="MsoNormal">${line.replace(/&/g, '&amp;')}</p>`,
      )
      .join('\n')
      .replace(/(<tr>[\s\S]*?<\/tr>)(?![\s\S]*?<tr>)/, '$1</table>')
      .replace(/<tr>/, '<table border="1"><tr>');
    return `<!DOCTYPE html><html><head><style>p{margin:0}</style><script>var x = "<td>";</script></head><body>${body}</body></html>`;
  }

  for (const seed of ['longtan-2020', 'daliuzhuang-2022'] as const) {
    it(`reads ${seed} as a web page`, () => {
      const html = toHtml(readSeed(seed));
      expect(html).toContain('<td');
      const outcome = parseReportBytes(Buffer.from(html));
      if (!outcome.ok) throw new Error(outcome.error.message);
      expectSameReport(outcome.report, parseOk(readSeed(seed)));
    });
  }
});

describe('group headings printed with empty cells', () => {
  it('does not take the 30号 (六)其他处理 heading for a row of blanks', () => {
    const text = readSeed('zhangjiapo-2021').replace('\t（六）其他处理\n', `\t（六）其他处理\n${'\t\n'.repeat(7)}`);
    expect(text).not.toBe(readSeed('zhangjiapo-2021'));
    const r = parseOk(text);
    expect(r.metrics['applications.other.total']).toBe(0);
    expect(r.sources['applications.other.total']?.derived).toBe(true);
    expect(codes(r)).not.toContain('BLANK_CELLS');
  });
});

describe('PDF text with labels wrapped over two lines (pdftotext -layout)', () => {
  it('reads figures printed beside the first or the second half of a wrapped label', () => {
    const wrapped = toSpaces(readSeed('longtan-2020'))
      // Figures on the first line, the rest of the label below them.
      .replace(
        '(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)  0  0  0  0  0  0  0',
        '(二) 部分公开(区分处理的,只计  0  0  0  0  0  0  0\n      这一情形,不计其他情形)',
      )
      // Figures on the second line, after the rest of the label.
      .replace('2. 其他法律行政法规禁止公开  0  0  0  0  0  0  0', '2. 其他法律行政法规\n      禁止公开  0  0  0  0  0  0  0')
      .replace('5. 要求行政机关确认或重新出具已获取信息  0', '5. 要求行政机关确认或\n   重新出具已获取信息  0');
    for (const piece of ['只计  0', '行政法规\n', '确认或\n']) expect(wrapped).toContain(piece);
    const r = parseOk(wrapped);
    expect(r.metrics).toEqual(parseOk(readSeed('longtan-2020')).metrics);
    expect(codes(r, 'error')).toEqual([]);
  });
});
