import { createRequire } from 'node:module';

/**
 * word-extractor's Word 97 reader, corrected where table rows end. A row ends with a row-end mark:
 * a paragraph whose properties say so (sprmPFTtp), which word-extractor turns into a line break.
 * It walks the property list reading every variable-length operand's size from one byte, but the
 * row's cell layout (sprmTDefTable, present on rows with merged cells: every 表三 row) gives its
 * size in two; the walk loses step and the row-end mark is missed, so those rows run together on
 * one line. This subclass walks the list correctly (and follows properties too large for their page
 * into the Data stream, sprmPHugePapx), so that every row ends its line. It uses word-extractor's
 * internals (1.0.4, pinned).
 */

const require = createRequire(import.meta.url);

interface Piece {
  startFilePos: number;
  size: number;
  bpc: number;
  text: string;
}

interface OleExtractor {
  _pieces: Piece[];
  extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown>;
  writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void;
  documentStream(document: unknown, name: string): Promise<unknown>;
  streamBuffer(stream: unknown): Promise<Buffer>;
  extract(reader: unknown): Promise<{ getBody(): string }>;
}

type OleExtractorClass = new () => OleExtractor;

const WordOleExtractor = require('word-extractor/lib/word-ole-extractor.js') as OleExtractorClass;
const BufferReader = require('word-extractor/lib/buffer-reader.js') as new (b: Buffer) => { open(): Promise<void>; close(): Promise<void> };

const SPRM_TTP = 0x2417;
const SPRM_HUGE_PAPX = 0x6646;
/** Its operand starts with a two-byte size (plus one). */
const SPRM_TDEF_TABLE = 0xd608;

/** Calls `handler` with each property (sprm) of a property list and the offset of its operand. */
function eachSprm(buf: Buffer, from: number, handler: (sprm: number, operand: number) => void): void {
  let at = from;
  while (at + 2 <= buf.length) {
    const sprm = buf.readUInt16LE(at);
    at += 2;
    handler(sprm, at);
    const spra = (sprm >> 13) & 7;
    const size = [1, 1, 2, 4, 2, 2, -1, 3][spra]!;
    if (sprm === SPRM_TDEF_TABLE) {
      if (at + 2 > buf.length) return;
      at += 1 + buf.readUInt16LE(at);
    } else if (size === -1) {
      if (at >= buf.length) return;
      at += buf.readUInt8(at) + 1;
    } else at += size;
  }
}

/** The paragraph property runs (file positions and property lists) of the document's FKP pages. */
function* paragraphRuns(word: Buffer, table: Buffer): Generator<{ from: number; to: number; props: Buffer }> {
  const fc = word.readUInt32LE(0x0102);
  const lcb = word.readUInt32LE(0x0106);
  const count = (lcb - 4) / 8;
  if (!Number.isInteger(count) || fc + lcb > table.length) return;
  const plc = table.subarray(fc, fc + lcb);
  for (let i = 0; i < count; i++) {
    const page = plc.readUInt32LE((count + 1) * 4 + i * 4);
    const fkp = word.subarray(page * 512, (page + 1) * 512);
    if (fkp.length < 512) continue;
    const crun = fkp.readUInt8(511);
    for (let j = 0; j < crun; j++) {
      const at = fkp.readUInt8((crun + 1) * 4 + j * 13) * 2;
      if (at === 0 || at >= 511) continue;
      const cb = fkp.readUInt8(at);
      const props = cb !== 0 ? fkp.subarray(at + 1, at + 2 * cb) : fkp.subarray(at + 2, at + 2 + 2 * fkp.readUInt8(at + 1));
      yield { from: fkp.readUInt32LE(j * 4), to: fkp.readUInt32LE((j + 1) * 4), props };
    }
  }
}

/** Overwrites the characters at file positions [from, to) with `ch`, as word-extractor does for row ends. */
function fill(pieces: Piece[], from: number, to: number, ch: string): void {
  for (const p of pieces) {
    const start = Math.max(from, p.startFilePos);
    const end = Math.min(to, p.startFilePos + p.size);
    if (start >= end) continue;
    const a = (start - p.startFilePos) / p.bpc;
    const b = (end - p.startFilePos) / p.bpc;
    p.text = p.text.slice(0, a) + ch.repeat(b - a) + p.text.slice(b);
  }
}

/** A Word 97 file saved with a password: its text is encrypted (FIB fEncrypted). */
export class EncryptedWordError extends Error {}

class RowEndingExtractor extends WordOleExtractor {
  private data: Buffer | null = null;

  override extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown> {
    if (buffer.length >= 12 && buffer.readUInt16LE(0) === 0xa5ec && (buffer.readUInt16LE(0x0a) & 0x0100) !== 0) {
      return Promise.reject(new EncryptedWordError('encrypted'));
    }
    return this.documentStream(document, 'Data')
      .then((s) => this.streamBuffer(s))
      .catch(() => null)
      .then((data) => {
        this.data = data && data.length > 0 ? data : null;
        return super.extractWordDocument(document, buffer);
      });
  }

  override writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void {
    // Replaces word-extractor's own pass (the one that loses step), not added to it.
    const data = this.data;
    const isRowEnd = (props: Buffer, from: number) => {
      let found = false;
      eachSprm(props, from, (sprm, operand) => {
        if (sprm === SPRM_TTP && props[operand] === 1) found = true;
      });
      return found;
    };
    for (const run of paragraphRuns(buffer, tableBuffer)) {
      if (isRowEnd(run.props, 2)) fill(this._pieces, run.from, run.to, '\n');
      if (!data) continue;
      eachSprm(run.props, 2, (sprm, operand) => {
        if (sprm !== SPRM_HUGE_PAPX || operand + 4 > run.props.length) return;
        const at = run.props.readUInt32LE(operand);
        if (at + 2 > data.length) return;
        const huge = data.subarray(at + 2, at + 2 + data.readUInt16LE(at));
        if (isRowEnd(huge, 0)) fill(this._pieces, run.from, run.to, '\n');
      });
    }
  }
}

/** The body text of a Word 97 file: table cells end with a tab, rows and paragraphs with a line break. */
export async function word97Body(bytes: Buffer): Promise<string> {
  const reader = new BufferReader(bytes);
  await reader.open();
  try {
    return (await new RowEndingExtractor().extract(reader)).getBody();
  } finally {
    await reader.close();
  }
}
