/**
 * The text shapes crawled report pages come in (docs/real-shapes.md), made from a seed: the seed is
 * read as a sequence of prose lines and table rows (cells), and each shape prints that sequence the
 * way one kind of crawler or converter does. Only the layout changes; every word and figure is the
 * seed's, so the values read from a shape must be the seed's own.
 */

export type Piece = { kind: 'text'; text: string } | { kind: 'row'; cells: string[] };

/**
 * The seed as prose lines and table rows. A line with a tab after some text is a row (tab-separated
 * seeds); a run of lines each starting with a tab is a row of one cell per line (the other seeds),
 * ended by an empty line, with a line without the tab continuing the cell above it (a wrapped label).
 */
export function seedPieces(seed: string): Piece[] {
  const out: Piece[] = [];
  let row: string[] | null = null;
  const end = () => {
    if (row) out.push({ kind: 'row', cells: row });
    row = null;
  };
  for (const line of seed.split('\n')) {
    if (/^\t[^\t]*$/.test(line)) {
      (row ??= []).push(line.slice(1).trim());
    } else if (row && line.trim() !== '' && !/^(?:[一二三四五六七八九十]+|\d{1,2})、/.test(line.trim())) {
      const last = row.length - 1;
      row[last] = `${row[last]!}\n${line.trim()}`;
    } else if (line.includes('\t')) {
      end();
      out.push({ kind: 'row', cells: line.split('\t').map((c) => c.trim()) });
    } else {
      end();
      out.push({ kind: 'text', text: line });
    }
  }
  end();
  return out;
}

/** Prints pieces: prose lines as they are, each row as `row` prints it. */
function print(pieces: readonly Piece[], row: (cells: string[]) => string[]): string {
  return pieces.flatMap((p) => (p.kind === 'text' ? [p.text] : row(p.cells))).join('\n');
}

const oneLine = (cell: string) => cell.replace(/\n/g, '');

/** Long labels wrapped over two lines after their last comma, as narrow table cells print them. */
export function wrapLabels(pieces: readonly Piece[]): Piece[] {
  const wrap = (c: string) => (c.length >= 16 && !c.includes('\n') ? c.replace(/^(.{8,}[，,])([^，,]{3,})$/, '$1\n$2') : c);
  return pieces.map((p) => (p.kind === 'row' ? { kind: 'row', cells: p.cells.map(wrap) } : p));
}

/**
 * Every cell on its own line and a line holding only `|` after each cell; rows run on with no break
 * between them; an empty cell is an empty line between two `|` lines (a Xinjiang township page, 2023).
 */
export function toPipeLines(pieces: readonly Piece[]): string {
  return print(pieces, (cells) => cells.flatMap((c) => [c, '|']));
}

/** The same with tabs turned into `|` lines by a one-line sed (`s/\t/\n|\n/g`): a row's first cell has no `|` before it. */
export function toSedPipeLines(seed: string): string {
  return seed.replace(/\t/g, '\n|\n');
}

/**
 * Every non-empty cell on its own line ending in ` |`, empty cells printed together as a line of
 * pipes, and a line of pipes (`||`, or `|` on a Hunan page) closing each row (Sichuan, Heilongjiang
 * and Hunan pages, 2019–2024).
 */
export function toTrailingPipeLines(pieces: readonly Piece[], closer = '||'): string {
  return print(pieces, (cells) => {
    const out: string[] = [];
    for (const c of cells) {
      if (c !== '') out.push(`${c} |`);
      else if (out.length > 0 && /^\|+$/.test(out[out.length - 1]!)) out[out.length - 1] += '|';
      else out.push('|');
    }
    return [...out, closer];
  });
}

/**
 * One row a line, every cell followed by ` |` and no pipe before the first, empty cells printed as
 * bare pipes run together (`第二十条第(一)项 | |||`), an empty cell closing each row (Shandong,
 * Chongqing, Hubei, Henan pages of both formats).
 */
export function toTrailingPipeRows(pieces: readonly Piece[]): string {
  return print(pieces, (cells) => {
    let line = '';
    for (const c of [...cells, '']) line += c === '' ? (line.endsWith('|') ? '|' : ' |') : `${line === '' ? '' : ' '}${oneLine(c)} |`;
    return [line.trim()];
  });
}

/**
 * Every cell its own paragraph (an empty line between), padded with spaces as a page's `&nbsp;`
 * leaves them, labels kept wrapped (Jiangxi, Chongqing, Shandong, Jilin, Hainan pages).
 */
export function toParagraphs(pieces: readonly Piece[]): string {
  return print(pieces, (cells) => cells.flatMap((c, i) => [i % 2 === 0 ? ` ${c}` : `${c} `, '']));
}

/** Full-width brackets and colons as half-width ones, as most portals print them. */
export function toHalfWidth(text: string): string {
  return text.replace(/[（）：，]/g, (c) => ({ '（': '(', '）': ')', '：': ':', '，': ',' })[c]!);
}

/** Rows with border pipes and a space after the last (`| 规章 | 0 | 0 | 0 | `), empty cells as bare pipes (a Sichuan county page). */
export function toBorderedPipeRows(pieces: readonly Piece[]): string {
  return print(pieces, (cells) => [`|${cells.map((c) => (c === '' ? '|' : ` ${oneLine(c)} |`)).join('')} `]);
}
