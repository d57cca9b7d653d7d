import { compact } from '../normalize.js';
import { NUMBER_GONE_WRONG, readCell } from '../cells.js';
import type { Token } from '../tokens.js';
import type { RowSpec } from './row-specs.js';

/** One row of a table as read: its spec, the label token, and the cells that follow it. */
export interface MatchedRow<K extends string = string> {
  spec: RowSpec<K>;
  specIndex: number;
  label: Token;
  /** Cells as printed, in order, before alignment (numbers, blanks, and text found among them). */
  cells: Token[];
  /** The label was printed glued to its figures (`…申请数量461000047`): the figures are cells[0]. */
  glued?: boolean;
}

const MAX_LABEL = 60;
const HAS_CJK = /[\u3400-\u9fff]/;
/** Continuation pieces of a label broken over lines are skipped before the first cell. */
const MAX_LABEL_PIECES = 4;

/** Figures glued to the end of a label by a page that lost the table's separators. */
const TRAILING_FIGURES = /^(.*[\u3400-\u9fff）)”」》])([+-]?\d[\d+-]*)$/;
/** One piece holding several cells: digits with signs inside (`15+210`), as in a 本年增/减 column. */
export const SIGNED_RUN = /^[+-]?\d+(?:[+-]\d+)+$/;

function matchSpec(token: Token, specs: readonly RowSpec<string>[], last: number): number {
  if (token.cell.kind !== 'text' || token.text.length > MAX_LABEL || !HAS_CJK.test(token.text)) return -1;
  return matchLabel(compact(token.text), specs, last);
}

function matchLabel(label: string, specs: readonly RowSpec<string>[], last: number): number {
  for (let i = last + 1; i < specs.length; i++) {
    const spec = specs[i]!;
    if (spec.after !== undefined && last < spec.after) continue;
    if (spec.pattern.test(label)) return i;
  }
  return -1;
}

/**
 * Reads rows of a flattened table from a token stream, whatever the flattening: the labels are the
 * anchors, taken in table order (a row missing from the text is skipped, never borrowed from a later
 * one), and each row owns the cells between its label and the next label.
 */
export function matchRows<K extends string>(tokens: readonly Token[], specs: readonly RowSpec<K>[]): MatchedRow<K>[] {
  const anchors: Array<{ index: number; specIndex: number; glued?: { label: Token; figures: Token } }> = [];
  let last = -1;
  tokens.forEach((token, index) => {
    // A label with figures glued to its end is matched without them (patterns need not be anchored).
    let glued = unglue(token);
    let specIndex = glued ? matchSpec(glued.label, specs, last) : -1;
    if (specIndex === -1) {
      glued = undefined;
      specIndex = matchSpec(token, specs, last);
    }
    if (specIndex !== -1) {
      anchors.push({ index, specIndex, ...(glued ? { glued } : {}) });
      last = specIndex;
    }
  });
  return anchors.map((a, k) => {
    const stop = anchors[k + 1]?.index ?? tokens.length;
    // Objects written out in full, not spread from a common base: one shape for every row, and
    // the spread cost 5 % of a whole parse.
    const spec = specs[a.specIndex]!;
    if (a.glued)
      return { spec, specIndex: a.specIndex, label: a.glued.label, cells: [a.glued.figures, ...takeCells(tokens, a.index + 1, stop, 0)], glued: true };
    return { spec, specIndex: a.specIndex, label: tokens[a.index]!, cells: takeCells(tokens, a.index + 1, stop) };
  });
}

/** A label token with figures glued to its end, split in two; undefined for any other token. */
function unglue(token: Token): { label: Token; figures: Token } | undefined {
  if (token.cell.kind !== 'text' || token.text.length > MAX_LABEL + 40) return undefined;
  // Nearly every label ends in a character, not a digit: spares the backtracking pattern below.
  const end = token.text.charCodeAt(token.text.length - 1);
  if (end < 0x30 || end > 0x39) return undefined;
  const m = TRAILING_FIGURES.exec(token.text);
  if (!m) return undefined;
  const [label, figures] = [m[1]!, m[2]!];
  if (!/^[+-]?\d+$/.test(figures) && !SIGNED_RUN.test(figures)) return undefined;
  return {
    label: { text: label, line: token.line, cell: readCell(label) },
    figures: { text: figures, line: token.line, cell: readCell(figures) },
  };
}

/**
 * The cells of one row: skip the rest of a broken label, then take numbers and blanks. A piece of
 * text among them is a cell someone typed words into (kept, to be reported); text after the last
 * cell belongs to what follows (a group heading, a note).
 */
function takeCells(tokens: readonly Token[], from: number, stop: number, labelPieces = MAX_LABEL_PIECES): Token[] {
  let i = from;
  let skipped = 0;
  const cells: Token[] = [];
  // A heading printed twice repeats the pieces already skipped: those do not count again.
  const seen = new Set<string>(from > 0 ? [tokens[from - 1]!.text] : []);
  while (i < stop && isLabelPiece(tokens[i]!) && skipped < labelPieces) {
    // The last piece of a broken label may carry the row's figures glued to it.
    const glued = unglue(tokens[i]!);
    if (!seen.has(tokens[i]!.text)) skipped++;
    seen.add(tokens[i]!.text);
    i++;
    if (glued) {
      cells.push(glued.figures);
      break;
    }
  }
  for (; i < stop; i++) {
    const t = tokens[i]!;
    if (t.cell.kind !== 'text' || isNumberLike(t.text)) {
      cells.push(t);
      continue;
    }
    const next = tokens[i + 1];
    const cellFollows = i + 1 < stop && next !== undefined && next.cell.kind !== 'text';
    if ((cells.length > 0 || looksLikeFigure(t.text)) && cellFollows && t.text.length <= 8) cells.push(t);
    else break;
  }
  return cells;
}

/**
 * Text that is a cell however wrong: cells run together (15+210), a number too long to be one
 * (300 digits), a converter's Infinity or 1e400. Kept as the row's cell, to be split or reported.
 */
function isNumberLike(s: string): boolean {
  return SIGNED_RUN.test(s) || /^[+-]?\d{16,}$/.test(s) || NUMBER_GONE_WRONG.test(s);
}

/** Words someone typed where a number belongs: 五, 约3, 3件左右, 两. */
const FIGURE_WORD = /^[\d零〇一二两三四五六七八九十百千万.,%约余多共计件条项次个元左右]+$/;
function looksLikeFigure(s: string): boolean {
  return s.length <= 6 && FIGURE_WORD.test(s) && !/[、.]$/.test(s);
}

/**
 * The rest of a label broken over lines or at spaces ("…确认或重新" / "出具已获取信息"): text after
 * the label that is not a figure typed as words.
 */
function isLabelPiece(t: Token): boolean {
  return t.cell.kind === 'text' && !looksLikeFigure(t.text) && !isNumberLike(t.text);
}

/** A value slot after alignment: the token it came from, or none when the flattening lost the cell. */
export interface AlignedCell {
  token: Token | null;
}

/**
 * Fits the cells read for a row to the table's columns. Extra trailing blanks are placeholders of the
 * next row; extra leading cells come from merged label cells (the last N belong to the columns).
 * Too few cells means blanks vanished in a space-separated flattening: the figures are right-aligned,
 * because the 总计 column is the one always filled.
 */
export function alignCells(cells: readonly Token[], columns: number): AlignedCell[] {
  const c = [...cells];
  while (c.length > columns && c[c.length - 1]!.cell.kind === 'blank') c.pop();
  const fitted = c.length > columns ? c.slice(c.length - columns) : c;
  const pad: AlignedCell[] = Array.from({ length: columns - fitted.length }, () => ({ token: null }));
  return [...pad, ...fitted.map((token) => ({ token }))];
}
