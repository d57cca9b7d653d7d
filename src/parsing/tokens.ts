import { isUnit, readCell, type CellValue } from './cells.js';
import type { ReportText } from './report-text.js';
import { lineAt } from './report-text.js';

/** One piece of a flattened table: a cell (number or blank) or a piece of text (a label, a header). */
export interface Token {
  text: string;
  line: number;
  cell: CellValue;
}

/**
 * Splits one line's worth of table text into pieces. Tabs and pipes keep empty cells (a blank cell is
 * an empty field); runs of spaces do not, so blanks vanish there and the row readers right-align.
 * A leading tab is indentation (one cell per line, as Word exports), and border pipes are not cells.
 */
/** A Markdown table's rule line (| --- | :---: |): layout, not cells. */
const RULE_LINE = /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*$/;

/**
 * The four tables print a few hundred cells; a stretch of text with this many pieces is not a table
 * any office printed (a page of junk, a hostile file), and reading further would only cost time.
 */
const MAX_TOKENS = 100_000;

/** Cells of a generic header row: 类别, 项目, 数据1, 列2, Column 3, 总计. */
const GENERIC_HEADER = /^(?:|类别|项目|内容|名称|指标|数据\s*\d{1,2}|列\s*\d{1,2}|字段\s*\d{1,2}|col(?:umn)?\s*\d{1,2}|总计|合计)$/i;

/** A Markdown heading's marker (### 一、本年新收…): the label is what follows it. */
const HEADING_MARK = /^[ \t]*#{1,6}[ \t]+/;

export function splitLine(line: string): string[] {
  const segment = line.charCodeAt(0) === 35 || line.includes('#') ? line.replace(HEADING_MARK, '') : line;
  if (segment.includes('---') && RULE_LINE.test(segment)) return [];
  if (segment.includes('\t')) {
    const fields = segment.split('\t', MAX_TOKENS);
    if (fields.length > 1 && fields[0]!.trim() === '') fields.shift();
    return fields.map((f) => f.trim());
  }
  if (segment.trim() === '') return [];
  if (segment.includes('|')) {
    const fields = segment.split('|', MAX_TOKENS);
    if (fields.length > 1 && fields[0]!.trim() === '') fields.shift();
    if (fields.length > 1 && fields[fields.length - 1]!.trim() === '') fields.pop();
    const cells = fields.map((f) => f.trim());
    // A PDF extractor's generic header row (| 类别 | 数据1 | 数据2 | … | 总计 |) names no column: layout.
    return cells.length > 2 && cells.every((c) => GENERIC_HEADER.test(c)) && cells.some((c) => /\d/.test(c)) ? [] : cells;
  }
  const words = segment.trim().split(/\s+/, MAX_TOKENS);
  const out: string[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    if (prev !== undefined && isUnit(w) && readCell(prev).kind === 'number') out[out.length - 1] = `${prev} ${w}`;
    else out.push(w);
  }
  return out;
}

/** A line holding only pipes: `|` between cells printed one a line, `|||` for empty cells. */
const PIPES_ONLY = /^[ \t]*\|+[ \t]*$/;
/** Anything but pipes and spaces: a line with pipes and this holds a cell's text (`0 |`, `| 规章 | 0 |`). */
const CELL_TEXT = /[^|\s]/;

/** A table of `|` lines has a separator after nearly every cell: a few stray ones are not the shape. */
const MIN_SEPARATORS = 8;

/**
 * How the pipes of a stretch of text are read. `separator`: cells one a line with a line holding
 * only `|` between them (crawled pages print tables so, rows running on); there a pipes-only line is
 * a separator and two of them with nothing but empty lines between enclose an empty cell. `cell`
 * (every other text): pipes belong to the cells, and a pipes-only line is one empty cell per pipe
 * (`0 |` lines with `||` for the empty cells between them).
 */
function pipeReading(text: string, start: number, end: number): 'separator' | 'cell' {
  let bars = 0;
  let piped = 0;
  let nextPipe = text.indexOf('|', start);
  while (nextPipe !== -1 && nextPipe < end) {
    const lineStart = text.lastIndexOf('\n', nextPipe) + 1;
    const nl = text.indexOf('\n', nextPipe);
    const stop = nl === -1 || nl > end ? end : nl;
    const line = text.slice(Math.max(lineStart, start), stop);
    if (line.trim() === '|') bars++;
    else if (CELL_TEXT.test(line)) piped++;
    nextPipe = stop < end ? text.indexOf('|', stop) : -1;
  }
  return bars >= MIN_SEPARATORS && piped * 4 < bars ? 'separator' : 'cell';
}
const blankAt = (line: number): Token => ({ text: '', line, cell: readCell('') });

/** Tokens of the text between two offsets, in reading order, each with its line. */
export function tokenize(rt: ReportText, start: number, end: number): Token[] {
  const out: Token[] = [];
  const separators = pipeReading(rt.text, start, end) === 'separator';
  // In the separator reading: a separator was seen; nothing but empty lines since the last one.
  let seenSeparator = false;
  let emptySince = false;
  let line = lineAt(rt, start);
  let pos = start;
  while (pos < end && out.length < MAX_TOKENS) {
    const nl = rt.text.indexOf('\n', pos);
    const stop = nl === -1 || nl > end ? end : nl;
    const text = rt.text.slice(pos, stop);
    if (text.includes('|') && PIPES_ONLY.test(text)) {
      const pipes = Math.min(text.trim().length, MAX_TOKENS - out.length);
      if (!separators) for (let k = 0; k < pipes; k++) out.push(blankAt(line));
      else {
        // n separators in a row enclose n - 1 empty cells, one more if nothing came since the last.
        const blanks = pipes - 1 + (emptySince ? 1 : 0);
        for (let k = 0; k < blanks; k++) out.push(blankAt(line));
        seenSeparator = true;
        emptySince = true;
      }
    } else if (separators && seenSeparator) {
      // Between separators a line is one cell, spaces and all ("1. 属于国家秘密").
      const cell = text.trim();
      if (cell !== '') {
        out.push({ text: cell, line, cell: readCell(cell) });
        emptySince = false;
      }
    } else {
      for (const piece of splitLine(text)) out.push({ text: piece, line, cell: readCell(piece) });
    }
    pos = stop + 1;
    line++;
  }
  return out;
}
