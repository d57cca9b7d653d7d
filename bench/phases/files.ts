import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import PDFParser from 'pdf2json';
import { parseReportText } from '../../src/parsing/parse-report.js';
import { extractPdf } from '../../src/parsing/readers/pdf-extract.js';
import { flattenPages } from '../../src/parsing/readers/pdf-flatten.js';
import { layoutPage } from '../../src/parsing/readers/pdf-layout.js';
import { docxReader } from '../../src/parsing/readers/docx.js';
import { DEFAULT_PDF_LIMITS, pdfReader } from '../../src/parsing/readers/pdf.js';
import { median, peakRssMb, round } from '../stats.js';

export interface FilesResult {
  files: number;
  pages: number;
  rounds: number;
  /** pdf2json alone (parseBuffer to dataReady, on this thread): the floor for any PDF reader built on it. */
  library: { ms_per_file: number; files_per_s: number };
  /** nianbao: pdfReader.read (pdf2json in its worker, tables rebuilt) then parseReportText. */
  reader_and_parse: { ms_per_file: number; files_per_s: number };
  /** The part that is nianbao's own: layout, table rebuild and flattening, then the parse, on pages already extracted. */
  rebuild_and_parse: { ms_per_file: number };
  /** (reader_and_parse − library) / library; the goal is ≤ 0.5. */
  overhead_ratio: number;
  /** rebuild_and_parse / library. */
  rebuild_ratio: number;
  /** The five seeds as .docx: nianbao's reader (zip checks, mammoth, flattening) and parse against mammoth's convertToHtml alone. */
  docx: { files: number; library: { ms_per_file: number }; reader_and_parse: { ms_per_file: number; files_per_s: number }; overhead_ratio: number };
  peak_rss_mb: number;
}

const DOCX_DIR = fileURLToPath(new URL('../../test/fixtures/files/seeds', import.meta.url));

async function runDocx(rounds: number): Promise<FilesResult['docx']> {
  const names = readdirSync(DOCX_DIR)
    .filter((f) => /\.docx$/i.test(f))
    .sort();
  const files = names.map((f) => new Uint8Array(readFileSync(join(DOCX_DIR, f))));
  const lib: number[] = [];
  const ours: number[] = [];
  for (let r = 0; r <= rounds; r++) {
    const l = await timeRound(files, (b) => mammoth.convertToHtml({ buffer: Buffer.from(b) }));
    const o = await timeRound(files, async (b) => {
      const read = await docxReader.read(b, 'bench.docx');
      if (!read.ok) throw new Error(`bench .docx refused: ${read.error.code}`);
      const parsed = parseReportText(read.doc.text);
      if (!parsed.ok) throw new Error(`bench .docx not parsed: ${parsed.error.code}`);
    });
    if (r > 0) {
      lib.push(l);
      ours.push(o);
    }
  }
  const libMs = median(lib) / files.length;
  const oursMs = median(ours) / files.length;
  return {
    files: files.length,
    library: { ms_per_file: round(libMs, 1) },
    reader_and_parse: { ms_per_file: round(oursMs, 1), files_per_s: round(1000 / oursMs, 1) },
    overhead_ratio: round((oursMs - libMs) / libMs, 3),
  };
}

const DEFAULT_DIR = fileURLToPath(new URL('../../test/fixtures/real-files', import.meta.url));

function libraryOnly(bytes: Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    const parser = new PDFParser(null, false);
    parser.on('pdfParser_dataError', (e) => reject(e instanceof Error ? e : e.parserError));
    parser.on('pdfParser_dataReady', (d) => {
      parser.destroy();
      resolve(d.Pages.length);
    });
    parser.parseBuffer(Buffer.from(bytes), -1);
  });
}

async function timeRound(files: Uint8Array[], one: (b: Uint8Array) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (const b of files) await one(b);
  return performance.now() - t0;
}

/**
 * Files per second per core for PDFs: nianbao's reader and parse against pdf2json's own extraction
 * on the same files, one file at a time on one core (pdf2json runs in a worker thread in the reader,
 * in this thread for the library figure). Rounds alternate so a busy machine slows both alike; the
 * first round warms both up and is not counted.
 */
export async function runFiles(opts: { dir?: string; rounds?: number } = {}): Promise<FilesResult> {
  const dir = opts.dir ?? DEFAULT_DIR;
  const rounds = opts.rounds ?? 5;
  const names = readdirSync(dir)
    .filter((f) => /\.pdf$/i.test(f))
    .sort();
  const files = names.map((f) => new Uint8Array(readFileSync(join(dir, f))));
  const lib: number[] = [];
  const ours: number[] = [];
  let pages = 0;
  for (let r = 0; r <= rounds; r++) {
    const l = await timeRound(files, libraryOnly);
    const o = await timeRound(files, async (b) => {
      const read = await pdfReader.read(b, 'bench.pdf');
      if (!read.ok) throw new Error(`bench PDF refused: ${read.error.code}`);
      if (r === 0) pages += read.doc.pages ?? 0;
      const parsed = parseReportText(read.doc.text);
      if (!parsed.ok) throw new Error(`bench PDF not parsed: ${parsed.error.code}`);
    });
    if (r > 0) {
      lib.push(l);
      ours.push(o);
    }
  }
  // Our own share, on pages extracted once.
  const extracted = [];
  for (const b of files) {
    const x = await extractPdf(b, DEFAULT_PDF_LIMITS);
    if (!x.ok) throw new Error(`bench PDF refused: ${x.code}`);
    extracted.push(x.pages);
  }
  const rebuild: number[] = [];
  for (let r = 0; r < rounds * 4; r++) {
    const t0 = performance.now();
    for (const p of extracted) {
      const flat = flattenPages(p.map((page) => ({ height: page.height, blocks: layoutPage(page) })));
      parseReportText(flat.lines.join('\n'));
    }
    rebuild.push(performance.now() - t0);
  }
  const perFile = (ms: number[]) => median(ms) / files.length;
  const libMs = perFile(lib);
  const oursMs = perFile(ours);
  const rebuildMs = perFile(rebuild);
  return {
    files: files.length,
    pages,
    rounds,
    library: { ms_per_file: round(libMs, 1), files_per_s: round(1000 / libMs, 2) },
    reader_and_parse: { ms_per_file: round(oursMs, 1), files_per_s: round(1000 / oursMs, 2) },
    rebuild_and_parse: { ms_per_file: round(rebuildMs, 2) },
    overhead_ratio: round((oursMs - libMs) / libMs, 3),
    rebuild_ratio: round(rebuildMs / libMs, 3),
    docx: await runDocx(rounds),
    peak_rss_mb: round(peakRssMb(), 0),
  };
}

// `npx tsx bench/phases/files.ts [dir] [rounds]` prints the figures alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dir, rounds] = process.argv.slice(2);
  void runFiles({ dir: dir || undefined, rounds: rounds ? Number(rounds) : undefined }).then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
