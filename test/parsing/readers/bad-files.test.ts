import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createBoundedReader } from '../../../src/ingest/bounded-read.js';
import { docReader } from '../../../src/parsing/readers/doc.js';
import { docxReader } from '../../../src/parsing/readers/docx.js';
import { readDocument } from '../../../src/parsing/readers/dispatch.js';
import { parseOk, readSeed } from '../../helpers/seeds.js';
import { badFiles } from './bad-files.js';

const reader = createBoundedReader();
afterAll(() => reader.close());

describe('bad files are refused with their code', () => {
  for (const bad of badFiles()) {
    it(`${bad.name} → ${bad.code}`, async () => {
      // Through the bounded reader, as parse and ingest read files.
      const r = await reader.read(bad.bytes, bad.name);
      expect(r.ok ? 'read' : r.error.code).toBe(bad.code);
      if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it('each reader says "not mine" to the other kinds', () => {
    const seed = (f: string) => readFileSync(new URL(`../../fixtures/files/seeds/${f}`, import.meta.url));
    const byName = Object.fromEntries(badFiles().map((b) => [b.name, b.bytes]));
    expect(docxReader.accepts(seed('longtan-2020.docx'), 'a.docx')).toBe(true);
    for (const other of [byName['table.xlsx']!, byName['photos.zip']!, seed('longtan-2020.doc'), seed('longtan-2020.pdf')]) {
      expect(docxReader.accepts(other, 'a.docx')).toBe(false);
    }
    expect(docReader.accepts(seed('longtan-2020.doc'), 'a.doc')).toBe(true);
    for (const other of [byName['table.xls']!, seed('longtan-2020.docx'), seed('longtan-2020.html')]) expect(docReader.accepts(other, 'a.doc')).toBe(false);
  });

  it('goes by content before the name: a text report named .docx is read as text', async () => {
    const r = await readDocument(Buffer.from(readSeed('longtan-2020')), 'longtan.docx');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.doc.type).toBe('text');
    expect(parseOk(r.doc.text).metrics).toEqual(parseOk(readSeed('longtan-2020')).metrics);
  });

  it('reads a Word 97 file named .wps (what WPS saves) as one', async () => {
    const bytes = readFileSync(new URL('../../fixtures/files/seeds/longtan-2020.doc', import.meta.url));
    const r = await reader.read(bytes, 'longtan-2020.wps');
    expect(r.ok && r.doc.type).toBe('doc');
  });
});

describe('one file, one time limit', () => {
  it('ends a read that outlasts the limit and refuses the file, then goes on with the next files', async () => {
    const docx = readFileSync(new URL('../../fixtures/files/seeds/longtan-2020.docx', import.meta.url));
    const impatient = createBoundedReader({ timeoutMs: 0 });
    try {
      for (const name of ['a.docx', 'b.docx']) {
        const r = await impatient.read(docx, name);
        expect(r.ok ? 'read' : r.error).toEqual({ code: 'TOO_LARGE', message: expect.stringContaining('超时') });
      }
      // Text is read in-process, whatever happened to the thread.
      const text = await impatient.read(Buffer.from(readSeed('longtan-2020')), 'longtan-2020.txt');
      expect(text.ok && text.doc.type).toBe('text');
    } finally {
      await impatient.close();
    }
    const again = await reader.read(docx, 'longtan-2020.docx');
    expect(again.ok && again.doc.type).toBe('docx');
  });
});
