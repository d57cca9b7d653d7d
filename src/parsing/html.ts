import { Parser } from 'htmlparser2';
import { TableGrid } from './html-grid.js';

/**
 * Reports saved from a government website (and Word files, through mammoth) arrive as HTML. This
 * turns a page into the flattened text the parser reads: a table row per line with its cells
 * separated by tabs (row and column spans expanded into empty cells, so columns stay aligned),
 * other blocks on their own lines. A streaming parser (htmlparser2) does the HTML: omitted end
 * tags, every entity, scripts; no DOM is built, so time and memory stay linear in the page.
 */

/** Elements whose content is never report text. */
const SKIPPED = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math',
  'nav', 'footer', 'aside', 'select', 'button', 'form', 'textarea',
]);

/** A site's menus, breadcrumbs, sharing bars and footers, as portals name them in class and id. */
const CHROME = /(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|breadcrumb|crumbs?|copyright|sidebar|share|topbar|site-?header)(?:[\s_-]|$)/i;
const HIDDEN = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Tags after which the text goes on a new line. */
const BLOCKS = new Set([
  'p', 'div', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'section', 'article', 'main', 'header', 'center', 'blockquote', 'pre', 'address', 'caption',
  'table', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'body', 'html', 'figure', 'figcaption',
]);

/** Page-level dates a portal writes into meta tags (the national portal standard's PubDate). */
const DATE_METAS = new Set(['pubdate', 'publishdate', 'firstpublishedtime', 'publishtime']);

export interface FlatHtml {
  text: string;
  /** Publication dates found in the page's meta tags, as written. */
  metaDates: string[];
}

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, ' ');

/** Flattens a page. Linear in its length; a table's padding cells are capped in proportion to it. */
export function flattenHtml(html: string): FlatHtml {
  const lines: string[] = [];
  let para = '';
  const metaDates: string[] = [];
  /** Depth inside a skipped element (0: not skipping), counted over every element opened in it. */
  let skip = 0;
  const tables: TableGrid[] = [];
  const budget = { cells: 2 * html.length + 100_000 };

  const flushPara = () => {
    const line = para.trim();
    if (line) lines.push(line);
    para = '';
  };
  /** The innermost table collecting cells, unless a table nested in it made it a layout table. */
  const grid = () => {
    const t = tables[tables.length - 1];
    return t && !t.layout && t.inCell() ? t : null;
  };
  const emitRow = (row: string) => {
    flushPara();
    lines.push(row);
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'meta') {
          const key = (attrs.name ?? attrs.property ?? '').toLowerCase();
          if (DATE_METAS.has(key) && attrs.content) metaDates.push(attrs.content);
        }
        if (skip > 0) {
          skip++;
          return;
        }
        const marks = `${attrs.class ?? ''} ${attrs.id ?? ''}`;
        if (SKIPPED.has(name) || CHROME.test(marks) || HIDDEN.test(attrs.style ?? '')) {
          skip = 1;
          return;
        }
        const t = tables[tables.length - 1];
        if (name === 'table') {
          if (t && t.inCell()) {
            // A table inside a cell: the outer one only lays out the page; its cells become blocks.
            t.becomeLayout((text) => (para += ` ${text}`));
          }
          flushPara();
          tables.push(new TableGrid(budget, emitRow));
          return;
        }
        if (t && !t.layout) {
          if (name === 'tr') return (flushPara(), t.startRow());
          if (name === 'td' || name === 'th') {
            if (!t.inCell()) flushPara();
            return t.startCell(attrs.colspan, attrs.rowspan);
          }
        }
        if (BLOCKS.has(name)) {
          const g = grid();
          if (g) g.text(' ');
          else flushPara();
        }
      },
      ontext(text) {
        if (skip > 0) return;
        const g = grid();
        if (g) g.text(text);
        else para += text;
      },
      onclosetag(name) {
        if (skip > 0) {
          skip--;
          return;
        }
        const t = tables[tables.length - 1];
        if (name === 'table' && t) {
          t.endTable();
          tables.pop();
          const outer = tables[tables.length - 1];
          if (outer && !outer.layout && outer.inCell()) outer.text(' ');
          return;
        }
        if (t && !t.layout && (name === 'td' || name === 'th')) return t.endCell();
        if (t && !t.layout && name === 'tr') return t.endRow();
        if (BLOCKS.has(name)) {
          const g = grid();
          if (g) g.text(' ');
          else flushPara();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  for (const t of tables.reverse()) t.endTable();
  flushPara();
  return { text: lines.map(squashLine).join('\n'), metaDates };
}

/** Spaces inside a line collapse; tabs (cell borders) stay. */
function squashLine(line: string): string {
  return line.includes('\t') ? line.split('\t').map((c) => squash(c).trim()).join('\t') : squash(line).trim();
}

/** True when the text is an HTML page or fragment rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4000);
  return /<(?:!doctype\s+html|html|body|table|tr|td|p|div)[\s>]/i.test(head) && /<\/(?:td|p|div|tr|table|body|html)>/i.test(text);
}

/** The flattened text of a page (what the parser reads when it is handed HTML as text). */
export function htmlToText(html: string): string {
  return flattenHtml(html).text;
}
