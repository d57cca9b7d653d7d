/**
 * The PDF reader on files it must refuse (made by test/fixtures/files/make-bad-pdfs.ts and qpdf),
 * and the guarantees around pdf2json: one time limit per file, and nothing left running.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createPdfReader, DEFAULT_PDF_LIMITS, pdfReader, PDF_MESSAGES } from '../../../src/parsing/readers/pdf.js';
import { parseOk, readSeed } from '../../helpers/seeds.js';

const FILES = join(__dirname, '../../fixtures/files');
const REAL = join(__dirname, '../../fixtures/real-files');
const bytesOf = (path: string) => new Uint8Array(readFileSync(path));

async function codeOf(file: string): Promise<string> {
  const r = await pdfReader.read(bytesOf(join(FILES, file)), file);
  return r.ok ? 'ok' : r.error.code;
}

describe('files the reader refuses', () => {
  it('a scan (pages that are only images) is SCANNED_PDF, saying to send the Word file or a PDF exported from Word', async () => {
    const r = await pdfReader.read(bytesOf(join(FILES, 'scanned.pdf')), 'scanned.pdf');
    expect(r).toEqual({ ok: false, error: { code: 'SCANNED_PDF', message: PDF_MESSAGES.SCANNED_PDF } });
    expect(PDF_MESSAGES.SCANNED_PDF).toMatch(/扫描/);
    expect(PDF_MESSAGES.SCANNED_PDF).toMatch(/Word原文件/);
    expect(PDF_MESSAGES.SCANNED_PDF).toMatch(/导出为PDF/);
  });

  it('a PDF whose Chinese all decodes to one character (made without a Chinese font) is SCANNED_PDF too', async () => {
    expect(await codeOf('no-cjk-font-libreoffice.pdf')).toBe('SCANNED_PDF');
  });

  it.each(['encrypted.pdf', 'encrypted-aes128.pdf'])('%s (a user password) is ENCRYPTED', async (file) => {
    expect(await codeOf(file)).toBe('ENCRYPTED');
  });

  it.each(['garbage.pdf', 'truncated.pdf', 'truncated-text.pdf'])('%s is CORRUPT', async (file) => {
    expect(await codeOf(file)).toBe('CORRUPT');
  });

  it.each(['pages-300.pdf', 'pages-300-objstm.pdf'])('%s (300 pages) is TOO_LARGE', async (file) => {
    // The second hides its page tree in compressed object streams: the worker counts the pages.
    expect(await codeOf(file)).toBe('TOO_LARGE');
  });

  it('a file over 64 MB is TOO_LARGE without being read', async () => {
    const huge = new Uint8Array(65 * 1024 * 1024);
    huge.set(Buffer.from('%PDF-1.7\n'));
    expect(await pdfReader.read(huge, 'huge.pdf')).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });

  it('every refusal is one plain sentence for a town officer', () => {
    for (const m of Object.values(PDF_MESSAGES)) expect(m).toMatch(/^这个PDF.*：.*。$/);
  });
});

describe('a small PDF with text', () => {
  it('is read, with its page', async () => {
    const r = await pdfReader.read(bytesOf(join(FILES, 'text.pdf')), 'text.pdf');
    if (!r.ok) throw new Error(r.error.code);
    // The first line runs to the right margin and the second starts at the left one: one paragraph.
    expect(r.doc.text).toBe('Annual report on government information disclosure 2023 Page one of a small text PDF');
    expect(r.doc.lineOrigins).toEqual([{ page: 1 }]);
    expect(r.doc.pages).toBe(1);
  });
});

describe('accepts', () => {
  const pdf = bytesOf(join(FILES, 'text.pdf'));
  it('by content, whatever the name', () => {
    expect(pdfReader.accepts(pdf, 'report.bin')).toBe(true);
  });
  it('not a .docx, a .doc or a web page, even named .pdf', () => {
    expect(pdfReader.accepts(new Uint8Array(Buffer.from('PK\x03\x04rest', 'latin1')), 'a.pdf')).toBe(false);
    expect(pdfReader.accepts(new Uint8Array(Buffer.from('\xD0\xCF\x11\xE0rest', 'latin1')), 'a.pdf')).toBe(false);
    expect(pdfReader.accepts(new Uint8Array(Buffer.from('<html><body>x</body></html>')), 'a.pdf')).toBe(false);
    expect(pdfReader.accepts(new Uint8Array(Buffer.from('一、总体情况')), 'a.txt')).toBe(false);
  });
  it('a file named .pdf that is nothing else, to say it is broken', async () => {
    const junk = new Uint8Array(Buffer.from('not a pdf at all'));
    expect(pdfReader.accepts(junk, 'a.pdf')).toBe(true);
    expect(await pdfReader.read(junk, 'a.pdf')).toMatchObject({ ok: false, error: { code: 'CORRUPT' } });
  });
});

describe('limits', () => {
  it('a file not read within the time limit is TOO_LARGE, and the next file is read normally', async () => {
    const hurried = createPdfReader({ ...DEFAULT_PDF_LIMITS, timeoutMs: 1 });
    const real = bytesOf(join(REAL, '103_huaian-city-gov-2024.pdf'));
    expect(await hurried.read(real, 'r.pdf')).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    const next = await pdfReader.read(bytesOf(join(FILES, 'text.pdf')), 'text.pdf');
    expect(next.ok).toBe(true);
  });

  it('a file that needs more memory than the limit is TOO_LARGE, and the next file is read normally', async () => {
    const small = createPdfReader({ timeoutMs: 20_000, maxPages: 60, maxHeapMb: 24 });
    const r = await small.read(bytesOf(join(REAL, '103_huaian-city-gov-2024.pdf')), 'r.pdf');
    expect(r).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect((await pdfReader.read(bytesOf(join(FILES, 'text.pdf')), 'text.pdf')).ok).toBe(true);
  });

  it('a page limit below the page count is TOO_LARGE', async () => {
    const strict = createPdfReader({ ...DEFAULT_PDF_LIMITS, maxPages: 3 });
    const r = await strict.read(bytesOf(join(REAL, '101_hongze-district-gov-2023.pdf')), 'r.pdf');
    expect(r).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });

  it('nothing keeps the process alive after reading, or after a refusal', async () => {
    const code = `
      import { readFileSync } from 'node:fs';
      import { pdfReader } from ${JSON.stringify(join(__dirname, '../../../src/parsing/readers/pdf.ts'))};
      const a = await pdfReader.read(new Uint8Array(readFileSync(${JSON.stringify(join(FILES, 'text.pdf'))})), 'a.pdf');
      const b = await pdfReader.read(new Uint8Array(readFileSync(${JSON.stringify(join(FILES, 'garbage.pdf'))})), 'b.pdf');
      console.log(a.ok, b.ok ? 'ok' : b.error.code);
    `;
    // If a worker or a timer were left running, the child would never exit and be killed here.
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      timeout: 60_000,
      cwd: join(__dirname, '../../..'),
    });
    expect(stdout.trim()).toBe('true CORRUPT');
  }, 90_000);
});

describe('a Word file exported to PDF by LibreOffice', () => {
  it('gives exactly the metrics and findings of the seed text it was made from', async () => {
    const patient = createPdfReader({ ...DEFAULT_PDF_LIMITS, timeoutMs: 60_000 });
    const r = await patient.read(bytesOf(join(FILES, 'mianyang-2021-libreoffice.pdf')), 'm.pdf');
    if (!r.ok) throw new Error(r.error.code);
    const fromPdf = parseOk(r.doc.text);
    const fromText = parseOk(readSeed('mianyang-2021'));
    expect(Object.keys(fromPdf.metrics).length).toBeGreaterThan(100);
    expect(fromPdf.metrics).toEqual(fromText.metrics);
    expect(fromPdf.findings.map((f) => f.code)).toEqual(fromText.findings.map((f) => f.code));
    expect([fromPdf.org, fromPdf.year, fromPdf.format]).toEqual([fromText.org, fromText.year, fromText.format]);
  });
});
