/** What one table cell says: a number (maybe with a unit written into it), blank, or text. */
export type CellValue =
  | { kind: 'number'; value: number; unit: string | null }
  | { kind: 'blank' }
  | { kind: 'text' };

/** Units people type into numeric cells; the official tables keep units in the header. */
export const CELL_UNITS = ['万元', '元', '件', '个', '条', '项', '次', '宗', '起', '份', '篇'] as const;

const NUMBER = new RegExp(
  `^([+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*(${CELL_UNITS.join('|')})?$`,
);

/** Marks that a report prints for "nothing here"; the contract stores them as null. */
const BLANK = /^(?:|\/|-|--|—|——|－|无|空|\\)$/;

export function readCell(raw: string): CellValue {
  const s = raw.trim();
  if (BLANK.test(s)) return { kind: 'blank' };
  const m = NUMBER.exec(s);
  if (m) return { kind: 'number', value: Number(m[1]!.replace(/,/g, '')), unit: m[2] ?? null };
  return { kind: 'text' };
}

export function isUnit(s: string): boolean {
  return (CELL_UNITS as readonly string[]).includes(s.trim());
}
