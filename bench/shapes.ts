/**
 * The shapes report text arrives in besides the seed's own (one cell per line or one row per line,
 * tab-separated): the same re-flattenings the parser's tests use (test/helpers/reflatten.ts), kept
 * here because bench code does not import from test/.
 */

export const SHAPES = ['native', 'pipes', 'spaces', 'oneline'] as const;
export type Shape = (typeof SHAPES)[number];

/** Tab-separated cells → `| a | b |` rows (HTML tables copied as text). */
export function toPipes(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.includes('\t') ? `| ${line.replace(/^\t/, '').split('\t').join(' | ')} |` : line))
    .join('\n');
}

/** Tabs → two spaces: blank cells vanish, as when a PDF is copied as text. */
export function toSpaces(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^\t/, '').replace(/\t+/g, '  ').trimEnd())
    .join('\n');
}

/** The whole report on one line. */
export function toOneLine(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/\t/g, ' ').trim())
    .filter((l) => l !== '')
    .join(' ');
}

export function reshape(text: string, shape: Shape): string {
  switch (shape) {
    case 'native':
      return text;
    case 'pipes':
      return toPipes(text);
    case 'spaces':
      return toSpaces(text);
    case 'oneline':
      return toOneLine(text);
  }
}
