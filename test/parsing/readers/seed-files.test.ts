import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricEntries } from '../../../src/catalog/index.js';
import { ParseJson, toParseJson } from '../../../src/parsing/contract.js';
import { readDocument } from '../../../src/parsing/readers/dispatch.js';
import type { ParsedReport } from '../../../src/parsing/types.js';
import { parseOk, readSeed, SEED_NAMES } from '../../helpers/seeds.js';

/**
 * The five seed reports made into Word files with real merged tables, then converted by LibreOffice
 * into .doc and web pages (scripts/make-fixtures.ts): each must read exactly as its .txt.
 *
 * What legitimately differs is where things are: line numbers point into each file's own flattened
 * text (a Word table row is one line, where the .txt has one cell per line), so findings are compared
 * with their line left out, and a message's 「第N行」 with the number left out. Word 97 files keep
 * straight quotes where the .txt has curly ones in one sentence; source texts are compared with
 * quotes made alike.
 */

export const seedFile = (name: string, ext: string) => new URL(`../../fixtures/files/seeds/${name}.${ext}`, import.meta.url);

const FIELDS = ['org', 'name', 'region', 'kind', 'year', 'yearInTitle', 'signedDate', 'format', 'title', 'sections'] as const;
const withoutLine = (r: ParsedReport) => r.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message.replace(/第\d+行/g, '第N行') }));
const sameQuotes = (s: string) => s.replace(/[“”]/g, '"');

export function expectSameAsText(actual: ParsedReport, expected: ParsedReport): void {
  for (const f of FIELDS) expect(actual[f], f).toEqual(expected[f]);
  expect(actual.metrics).toEqual(expected.metrics);
  expect(withoutLine(actual)).toEqual(withoutLine(expected));
  for (const [key, s] of metricEntries(expected.sources)) {
    const a = actual.sources[key];
    expect({ key, text: sameQuotes(a?.text ?? ''), section: a?.section, derived: a?.derived }).toEqual({
      key,
      text: sameQuotes(s.text),
      section: s.section,
      derived: s.derived,
    });
  }
}

describe('seed reports as Word files and web pages read exactly as their text', () => {
  for (const seed of SEED_NAMES) {
    for (const ext of ['docx', 'doc', 'html'] as const) {
      it(`${seed}.${ext}`, async () => {
        const read = await readDocument(readFileSync(seedFile(seed, ext)), `${seed}.${ext}`);
        if (!read.ok) throw new Error(`${read.error.code} ${read.error.message}`);
        expect(read.doc.type).toBe(ext);
        expect(read.doc.text).not.toBe(readSeed(seed));
        expectSameAsText(parseOk(read.doc.text), parseOk(readSeed(seed)));
      });
    }
  }

  it('reads the GBK portal page around kangzhuang-2020: charset, 发布时间, no menus or footer', async () => {
    const bytes = readFileSync(seedFile('kangzhuang-2020', 'html'));
    expect(bytes.includes(Buffer.from('charset=gb2312'))).toBe(true);
    expect(bytes.includes(Buffer.from('康庄镇', 'utf8'))).toBe(false);
    const read = await readDocument(bytes, 'kangzhuang-2020.html');
    if (!read.ok) throw new Error(read.error.message);
    expect(read.doc).toMatchObject({ type: 'html', encoding: 'gb18030', published: '2021-01-20' });
    for (const chrome of ['首页', '当前位置', '版权所有', '浏览次数', 'document.write']) expect(read.doc.text).not.toContain(chrome);
  });

  for (const ext of ['docx', 'doc', 'html'] as const) {
    it(`gives one table row per line with merged cells left empty in place (${ext})`, async () => {
      const read = await readDocument(readFileSync(seedFile('zhangjiapo-2021', ext)), `z.${ext}`);
      if (!read.ok) throw new Error(read.error.message);
      const lines = read.doc.text.split('\n');
      const zeros = Array(7).fill('0').join('\t');
      // The row-group labels merged down leave their columns empty on the rows below.
      expect(lines).toContain(`\t\t2．其他法律行政法规禁止公开\t${zeros}`);
      expect(lines).toContain(`\t（七）总计${ext === 'doc' ? '' : '\t'}\t${zeros}`);
      expect(lines).toContain(Array(15).fill('0').join('\t'));
      if (ext !== 'doc') {
        // 「（一）予以公开」 spans the item column: an empty cell before the figures (Word 97 text
        // has no column spans: a merged cell is one cell there).
        expect(lines).toContain(`三、本年度办理结果\t（一）予以公开\t\t${zeros}`);
        // 表四's head: 行政复议 over five columns, 行政诉讼 over the rest.
        expect(lines).toContain('行政复议\t\t\t\t\t行政诉讼');
      }
    });
  }
});

describe('provenance of values read from a file', () => {
  it('parse --json gives each source the page of its line (data contract §6.1)', () => {
    const report = parseOk(readSeed('longtan-2020'));
    const lines = readSeed('longtan-2020').split('\n').length;
    // As a PDF reader describes its text: the first 40 lines on page 1, the rest on page 2.
    const lineOrigins = Array.from({ length: lines }, (_, i) => ({ page: i < 40 ? 1 : 2 }));
    const json = ParseJson.parse(toParseJson('longtan-2020.pdf', report, { source: { type: 'pdf', pages: 2 }, published: null, lineOrigins }));
    expect(json.source).toEqual({ type: 'pdf', pages: 2 });
    for (const [key, s] of metricEntries(json.sources)) expect(s.page, key).toBe(report.sources[key]!.line <= 40 ? 1 : 2);
    expect(new Set(Object.values(json.sources).map((s) => s.page))).toEqual(new Set([1, 2]));
    const plain = ParseJson.parse(toParseJson('longtan-2020.txt', report));
    expect(plain).toMatchObject({ source: { type: 'text' }, published: null });
    expect(Object.values(plain.sources).some((s) => 'page' in s)).toBe(false);
  });
});
