/** What one table cell says: a number (maybe with a unit written into it), blank, or text. */
export type CellValue = { kind: 'number'; value: number; unit: string | null } | { kind: 'blank' } | { kind: 'text' };

/** Units people type into numeric cells; the official tables keep units in the header. */
export const CELL_UNITS = ['万元', '元', '件', '个', '条', '项', '次', '宗', '起', '份', '篇'] as const;

const NUMBER = new RegExp(`^([+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*(${CELL_UNITS.join('|')})?$`);

/** Marks that a report prints for "nothing here"; the contract stores them as null. */
const BLANK = /^(?:|\/|-|--|—|——|－|无|空|\\)$/;

/** No table cell holds more digits than this (the largest real figure, 万元 with decimals, has under 12). */
const MAX_CELL_DIGITS = 15;

/** Text a number converter leaves in a cell (Infinity, NaN, 1e400): a number gone wrong, not words. */
export const NUMBER_GONE_WRONG = /^(?:[+-]?(?:Infinity|inf|∞)|NaN|[+-]?\d+(?:\.\d+)?e[+-]?\d+)$/i;

const BLANK_CELL: CellValue = { kind: 'blank' };
const TEXT_CELL: CellValue = { kind: 'text' };

export function readCell(raw: string): CellValue {
  const s = raw.trim();
  if (s.length === 0) return BLANK_CELL;
  const first = s.charCodeAt(0);
  // Most cells are labels (CJK) or plain numbers; only those starting like a number need the regex.
  const numeric = (first >= 48 && first <= 57) || first === 43 || first === 45;
  if (!numeric) return s.length <= 2 && BLANK.test(s) ? BLANK_CELL : TEXT_CELL;
  if (BLANK.test(s)) return BLANK_CELL;
  const m = NUMBER.exec(s);
  if (!m) return TEXT_CELL;
  const digits = m[1]!.replace(/,/g, '');
  // A count past 2^53 is not exact as a number: it is a misprint, read as text (BAD_NUMBER), never a float.
  const value = Number(digits);
  if (digits.replace(/\D/g, '').length > MAX_CELL_DIGITS || !Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) return TEXT_CELL;
  return { kind: 'number', value, unit: m[2] ?? null };
}

export function isUnit(s: string): boolean {
  return (CELL_UNITS as readonly string[]).includes(s.trim());
}
