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

/** Cells of a generic header row: 类别, 项目, 数据1, 列2, Column 3, 总计. */
const GENERIC_HEADER = /^(?:|类别|项目|内容|名称|指标|数据\s*\d{1,2}|列\s*\d{1,2}|字段\s*\d{1,2}|col(?:umn)?\s*\d{1,2}|总计|合计)$/i;

/** A Markdown heading's marker (### 一、本年新收…): the label is what follows it. */
const HEADING_MARK = /^[ \t]*#{1,6}[ \t]+/;

export function splitLine(line: string): string[] {
  const segment = line.charCodeAt(0) === 35 || line.includes('#') ? line.replace(HEADING_MARK, '') : line;
  if (segment.includes('---') && RULE_LINE.test(segment)) return [];
  if (segment.includes('\t')) {
    const fields = segment.split('\t');
    if (fields.length > 1 && fields[0]!.trim() === '') fields.shift();
    return fields.map((f) => f.trim());
  }
  if (segment.trim() === '') return [];
  if (segment.includes('|')) {
    const fields = segment.split('|');
    if (fields.length > 1 && fields[0]!.trim() === '') fields.shift();
    if (fields.length > 1 && fields[fields.length - 1]!.trim() === '') fields.pop();
    const cells = fields.map((f) => f.trim());
    // A PDF extractor's generic header row (| 类别 | 数据1 | 数据2 | … | 总计 |) names no column: layout.
    return cells.length > 2 && cells.every((c) => GENERIC_HEADER.test(c)) && cells.some((c) => /\d/.test(c)) ? [] : cells;
  }
  const words = segment.trim().split(/\s+/);
  const out: string[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    if (prev !== undefined && isUnit(w) && readCell(prev).kind === 'number') out[out.length - 1] = `${prev} ${w}`;
    else out.push(w);
  }
  return out;
}

/** Tokens of the text between two offsets, in reading order, each with its line. */
export function tokenize(rt: ReportText, start: number, end: number): Token[] {
  const out: Token[] = [];
  let line = lineAt(rt, start);
  let pos = start;
  while (pos < end) {
    const nl = rt.text.indexOf('\n', pos);
    const stop = nl === -1 || nl > end ? end : nl;
    for (const text of splitLine(rt.text.slice(pos, stop))) out.push({ text, line, cell: readCell(text) });
    pos = stop + 1;
    line++;
  }
  return out;
}
