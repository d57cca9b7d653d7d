import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { TableGrid, type Budget } from './html-grid.js';

/**
 * Reports saved from a government website (and Word files, through mammoth) arrive as HTML. This
 * turns a page into the flattened text the parser reads: a table row per line with its cells
 * separated by tabs (row and column spans expanded into empty cells, so columns stay aligned),
 * other blocks on their own lines. htmlparser2's tokenizer reads the HTML (every entity, script and
 * style bodies as raw text); omitted end tags are handled here. Its tree builder is not used: it
 * keeps open elements in an array it shifts and searches, quadratic on a page of 100,000 nested or
 * stray tags. No tree is built here, so time and memory stay linear in the page.
 */

/** Elements whose content is never report text. */
const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
  'math',
  'nav',
  'footer',
  'aside',
  'select',
  'button',
  'form',
  'textarea',
]);
/** What may stand in <head>; anything else starts the body even when </head> was left out. */
const HEAD_CONTENT = new Set(['title', 'meta', 'link', 'style', 'script', 'base', 'noscript', 'template']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** A site's menus, breadcrumbs, sharing bars and footers, as portals name them in class and id. */
const CHROME = /(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|breadcrumb|crumbs?|copyright|sidebar|share|topbar|site-?header)(?:[\s_-]|$)/i;
const HIDDEN = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Tags after which the text goes on a new line. */
const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'section',
  'article',
  'main',
  'header',
  'center',
  'blockquote',
  'pre',
  'address',
  'caption',
  'table',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'body',
  'html',
  'figure',
  'figcaption',
]);

/** Layout tables nest a few deep; past this, nested tables are read as plain blocks. */
const MAX_NESTING = 32;

/** Page-level dates a portal writes into meta tags (the national portal standard's PubDate). */
const DATE_METAS = new Set(['pubdate', 'publishdate', 'firstpublishedtime', 'publishtime']);

export interface FlatHtml {
  text: string;
  /** Publication dates found in the page's meta tags, as written. */
  metaDates: string[];
}

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, ' ');

class Flattener implements TokenizerCallbacks {
  readonly lines: string[] = [];
  readonly metaDates: string[] = [];
  private para = '';
  /** The skipped element being read through, and how many of it are open. */
  private skipName: string | null = null;
  private skipDepth = 0;
  private readonly tables: TableGrid[] = [];
  /** Tables opened deeper than MAX_NESTING: read as blocks, counted so their ends match. */
  private flatTables = 0;
  private readonly budget: Budget;
  private tag = '';
  private attrs: Record<string, string> = {};
  private attrName = '';
  private attrValue = '';

  constructor(private readonly html: string) {
    this.budget = { cells: html.length / 2 + 100_000 };
  }

  finish(): void {
    for (const t of this.tables.reverse()) t.endTable();
    this.flushPara();
  }

  private flushPara(): void {
    const line = this.para.trim();
    if (line) this.lines.push(line);
    this.para = '';
  }

  private readonly emitRow = (row: string) => {
    this.flushPara();
    this.lines.push(row);
  };

  /** The innermost table collecting cells, unless a table nested in it made it a layout table. */
  private grid(): TableGrid | null {
    const t = this.tables[this.tables.length - 1];
    return t && !t.layout && t.inCell() ? t : null;
  }

  private block(): void {
    const g = this.grid();
    if (g) g.text(' ');
    else this.flushPara();
  }

  private text(s: string): void {
    if (this.skipName) return;
    const g = this.grid();
    if (g) g.text(s);
    else this.para += s;
  }

  private open(name: string, attrs: Record<string, string>): void {
    if (name === 'meta') {
      const key = (attrs.name ?? attrs.property ?? '').toLowerCase();
      if (DATE_METAS.has(key) && attrs.content) this.metaDates.push(attrs.content);
    }
    if (this.skipName) {
      if (name === this.skipName) this.skipDepth++;
      if (this.skipName !== 'head' || HEAD_CONTENT.has(name)) return;
      this.skipName = null;
    }
    if (SKIPPED.has(name) || CHROME.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`) || HIDDEN.test(attrs.style ?? '')) {
      if (VOID.has(name)) return;
      this.skipName = name;
      this.skipDepth = 1;
      return;
    }
    const t = this.tables[this.tables.length - 1];
    if (name === 'table' && this.tables.length >= MAX_NESTING) {
      this.flatTables++;
      return this.block();
    }
    if (name === 'table') {
      // A table inside a cell: the outer one only lays out the page; its cells become blocks.
      if (t && t.inCell()) t.becomeLayout((text) => (this.para += ` ${text}`));
      this.flushPara();
      this.tables.push(new TableGrid(this.budget, this.emitRow));
      return;
    }
    if (t && !t.layout) {
      if (name === 'tr') {
        this.flushPara();
        return t.startRow();
      }
      if (name === 'td' || name === 'th') {
        if (!t.inCell()) this.flushPara();
        return t.startCell(attrs.colspan, attrs.rowspan);
      }
    }
    if (BLOCKS.has(name)) this.block();
  }

  private close(name: string): void {
    if (this.skipName) {
      if (name === this.skipName && --this.skipDepth === 0) this.skipName = null;
      return;
    }
    const t = this.tables[this.tables.length - 1];
    if (name === 'table' && this.flatTables > 0) {
      this.flatTables--;
      return this.block();
    }
    if (name === 'table') {
      if (!t) return;
      t.endTable();
      this.tables.pop();
      const outer = this.tables[this.tables.length - 1];
      if (outer && !outer.layout && outer.inCell()) outer.text(' ');
      return;
    }
    if (t && !t.layout && (name === 'td' || name === 'th')) return t.endCell();
    if (t && !t.layout && name === 'tr') return t.endRow();
    if (BLOCKS.has(name)) this.block();
  }

  onopentagname(start: number, end: number): void {
    this.tag = this.html.slice(start, end).toLowerCase();
    this.attrs = {};
  }
  onattribname(start: number, end: number): void {
    this.attrName = this.html.slice(start, end).toLowerCase();
    this.attrValue = '';
  }
  onattribdata(start: number, end: number): void {
    this.attrValue += this.html.slice(start, end);
  }
  onattribentity(codepoint: number): void {
    this.attrValue += String.fromCodePoint(codepoint);
  }
  onattribend(): void {
    if (!(this.attrName in this.attrs)) this.attrs[this.attrName] = this.attrValue;
  }
  onopentagend(): void {
    this.open(this.tag, this.attrs);
  }
  /** `<td/>` opens a td in HTML, as browsers read it. */
  onselfclosingtag(): void {
    this.open(this.tag, this.attrs);
  }
  onclosetag(start: number, end: number): void {
    this.close(this.html.slice(start, end).toLowerCase());
  }
  ontext(start: number, end: number): void {
    this.text(this.html.slice(start, end));
  }
  ontextentity(codepoint: number): void {
    this.text(String.fromCodePoint(codepoint));
  }
  oncdata(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {}
}

/** Flattens a page. Linear in its length; a table's padding cells are capped in proportion to it. */
export function flattenHtml(html: string): FlatHtml {
  const f = new Flattener(html);
  const tokenizer = new Tokenizer({ decodeEntities: true }, f);
  tokenizer.write(html);
  tokenizer.end();
  f.finish();
  return { text: f.lines.map(squashLine).join('\n'), metaDates: f.metaDates };
}

/** Spaces inside a line collapse; tabs (cell borders) stay. */
function squashLine(line: string): string {
  return line.includes('\t')
    ? line
        .split('\t')
        .map((c) => squash(c).trim())
        .join('\t')
    : squash(line).trim();
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
