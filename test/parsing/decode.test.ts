import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeReport, MAX_REPORT_BYTES } from '../../src/parsing/decode.js';
import { normalizeText } from '../../src/parsing/normalize.js';
import { parseReportText } from '../../src/parsing/parse-report.js';
import { readSeed, SEED_NAMES } from '../helpers/seeds.js';

describe('decodeReport refuses what is not a text report, with a reason', () => {
  const refused = (bytes: Uint8Array) => {
    const d = decodeReport(bytes);
    if (d.ok) throw new Error('accepted');
    return d.error;
  };

  it('an empty file, or one with only white space', () => {
    expect(refused(new Uint8Array())).toMatchObject({ code: 'EMPTY' });
    expect(refused(Buffer.from(' \n\t\n'))).toMatchObject({ code: 'EMPTY' });
  });

  it('a PDF and a .docx, saying how to convert them', () => {
    expect(refused(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toMatchObject({ code: 'PDF', message: expect.stringContaining('pdftotext') });
    expect(refused(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toMatchObject({ code: 'DOCX' });
  });

  it('binary content', () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(refused(bytes)).toMatchObject({ code: 'BINARY' });
  });

  it('a file too large to be one report, before decoding it', () => {
    expect(refused(new Uint8Array(MAX_REPORT_BYTES + 1))).toMatchObject({ code: 'TOO_LARGE' });
  });
});

describe('parseReportText on text that is not a report', () => {
  it('says NOT_A_REPORT for a notice or a poem', () => {
    for (const text of ['关于做好2021年防汛工作的通知\n各村委会：\n现将有关事项通知如下。', '床前明月光，疑是地上霜。']) {
      const outcome = parseReportText(text);
      expect(outcome.ok ? 'parsed' : outcome.error.code).toBe('NOT_A_REPORT');
    }
  });
});

describe('normalizeText', () => {
  it('is idempotent and keeps the line count', () => {
    for (const seed of SEED_NAMES) {
      const raw = readSeed(seed);
      const once = normalizeText(raw);
      expect(normalizeText(once)).toBe(once);
      expect(once.split('\n').length).toBe(raw.split('\n').length);
    }
  });

  it('joins spaced-out words and numbering, and maps full-width characters', () => {
    expect(normalizeText('结 果 维 持\t（一） 予以公开\t１２')).toBe('结果维持\t(一)予以公开\t12');
    expect(normalizeText('二〇二二年一月十日')).toBe('2022年1月10日');
  });
});

describe('a UTF-8 file with a little damage is still text', () => {
  const bytes = Buffer.from(readFileSync(new URL('../fixtures/seed-reports/longtan-2020.txt', import.meta.url)));

  it('one invalid byte', () => {
    const damaged = Buffer.from(bytes);
    damaged[500] = 0xff;
    const d = decodeReport(damaged);
    expect(d.ok && d.encoding).toBe('utf-8');
    expect(d.ok && d.text.includes('龙潭镇')).toBe(true);
  });

  it('cut in the middle of a character', () => {
    let end = bytes.length - 1;
    while (bytes[end]! < 0xc0) end--;
    const d = decodeReport(bytes.subarray(0, end + 1));
    expect(d.ok && d.encoding).toBe('utf-8');
  });

  it('a GBK text with a few Chinese characters is still GBK', () => {
    const d = decodeReport(iconv.encode('Report 2020: 龙潭镇 ok\nline two\n', 'gbk'));
    expect(d.ok && d.encoding).toBe('gb18030');
    expect(d.ok && d.text).toContain('龙潭镇');
  });
});
