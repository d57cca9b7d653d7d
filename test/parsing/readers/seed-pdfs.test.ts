import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/parsing/readers/dispatch.js';
import { parseOk, readSeed, SEED_NAMES } from '../../helpers/seeds.js';

/**
 * The seed reports as PDFs (LibreOffice from the .docx fixtures, scripts/make-fixtures.ts), read
 * through the dispatcher by the PDF reader (src/parsing/readers/pdf.ts): every metric as in the .txt.
 */
describe('seed reports as PDFs read the metrics of their text', () => {
  for (const seed of SEED_NAMES) {
    it(`${seed}.pdf`, async () => {
      const bytes = readFileSync(new URL(`../../fixtures/files/seeds/${seed}.pdf`, import.meta.url));
      const read = await readDocument(bytes, `${seed}.pdf`);
      if (!read.ok) throw new Error(`${read.error.code} ${read.error.message}`);
      expect(read.doc.type).toBe('pdf');
      expect(read.doc.pages).toBeGreaterThan(0);
      const expected = parseOk(readSeed(seed));
      const actual = parseOk(read.doc.text);
      expect({ org: actual.org, year: actual.year, format: actual.format }).toEqual({ org: expected.org, year: expected.year, format: expected.format });
      expect(actual.metrics).toEqual(expected.metrics);
    });
  }
});
