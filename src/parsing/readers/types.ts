/**
 * The contract between the file readers (one per kind of file) and the rest of nianbao. A reader
 * turns the bytes of one file into the flattened text the table reader already understands: one
 * table row per line, cells separated by a tab, paragraphs on their own lines; plus where each
 * line came from, so provenance can name a page and a table instead of a line of extracted text.
 */

/** The input kinds of data contract §6.1 (`source.type` in `parse --json`). */
export type SourceType = 'text' | 'html' | 'docx' | 'doc' | 'pdf';

/** Why a file cannot be read (data contract §6.1). */
export type ReadErrorCode = 'EMPTY' | 'BINARY' | 'NOT_A_REPORT' | 'SCANNED_PDF' | 'ENCRYPTED' | 'CORRUPT' | 'TOO_LARGE' | 'UNSUPPORTED';

export interface ReadError {
  code: ReadErrorCode;
  /** One plain Chinese sentence for a town officer: what is wrong and what to send instead. */
  message: string;
}

/** Where one line of the flattened text came from. */
export interface LineOrigin {
  /** 1-based page (PDF only). */
  page?: number;
}

export interface ReadDocument {
  type: SourceType;
  /** The flattened text (rows per line, tab-separated cells). */
  text: string;
  /** What the bytes were decoded as (`utf-8`, `gb18030`, `pdf`, `docx`…). */
  encoding: string;
  /** Number of pages (PDF). */
  pages?: number;
  /** The website publication date the document states (`发布时间：2021-01-20`), ISO, else null. */
  published?: string | null;
  /** `lineOrigins[i]` describes line i+1 of `text`; absent when every line is plain text. */
  lineOrigins?: readonly (LineOrigin | undefined)[];
}

export type ReadResult = { ok: true; doc: ReadDocument } | { ok: false; error: ReadError };

/** One kind of file. `accepts` is cheap and decides by content first, file name second. */
export interface Reader {
  type: SourceType;
  /** "Not mine" is `false`: the dispatcher then asks the next reader. */
  accepts(bytes: Uint8Array, fileName: string): boolean;
  read(bytes: Uint8Array, fileName: string): Promise<ReadResult>;
}
