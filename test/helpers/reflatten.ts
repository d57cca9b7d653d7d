/**
 * Re-flattenings of a seed's text into the other shapes real reports arrive in: pipes (HTML tables
 * copied as text), runs of spaces, everything on one line. They keep the text's cells and order.
 */

/** Tab-separated cells → `| a | b |` rows; an indented cell line becomes a one-cell row. */
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

/** The whole report on a single line, cells and paragraphs separated by single spaces. */
export function toOneLine(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/\t/g, ' ').trim())
    .filter((l) => l !== '')
    .join(' ');
}
