import { Parser } from 'htmlparser2';

/**
 * What a county portal's list page says (pure). Portals differ in markup but not in shape: a column
 * of links, each with its date beside it (in the same <li>, table row or block), and a pager
 * (下一页, index_1.html, ?page=2, or a script that writes the pager).
 */

export interface ListLink {
  url: string;
  title: string;
  /** The year the report is about, from its title. */
  year: number;
  /** The date the list shows beside the link (ISO), else null. */
  date: string | null;
}

export interface ListPage {
  /** Links to annual reports, in page order, each once. */
  reports: ListLink[];
  /** Other pages of the same list. */
  pages: string[];
}

const REPORT_TITLE = /年度报告|年报/;
const TITLE_YEAR = /((?:19|20)\d{2})\s*年/;
const DATE = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?/;
const CONTAINERS = new Set(['li', 'tr', 'dl', 'p', 'div', 'ul', 'table', 'tbody']);
const NEXT_WORDS = /^(?:下一页|下页|后页|尾页|末页|>|>>|»|\d{1,3})$/;
const PAGED_HREF = /(?:index_\d+\.s?html?$|[?&](?:page|pageNo|pageIndex|pageNum|curPage|currentPage|p)=\d+)/i;
/** Gov-site CMS pagers written by script: createPageHTML(pages, current, "index", "html"). */
const SCRIPT_PAGER = /createPageHTML\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*["'](\w+)["']\s*,\s*["'](\w+)["']/;

export function isoDate(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || d < 1 || date.getUTCMonth() !== mo - 1) return null;
  return date.toISOString().slice(0, 10);
}

export function resolveUrl(href: string, base: string): string | null {
  const h = href.trim();
  if (h === '' || /^(?:javascript|mailto|tel):/i.test(h) || h.startsWith('#')) return null;
  try {
    const u = new URL(h, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

interface Anchor {
  href: string;
  titleAttr: string;
  text: string;
  date: string | null;
}
type Item = { anchor: Anchor } | { text: string; used?: boolean };

/**
 * A date after the link (up to the next link) in its block, else the one just before it; a date
 * another link already took is that link's (the row above must not lend its date).
 */
function dateAround(items: readonly Item[], i: number): string | null {
  const take = (k: number): string | null | 'stop' => {
    const it = items[k]!;
    if ('anchor' in it) return 'stop';
    if (it.used) return null;
    const d = isoDate(it.text);
    if (d) it.used = true;
    return d;
  };
  for (const step of [1, -1]) {
    for (let k = i + step; k >= 0 && k < items.length; k += step) {
      const d = take(k);
      if (d === 'stop') break;
      if (d) return d;
    }
  }
  return null;
}

/** Every link of a page with the text and date of its block. */
export function anchorsOf(html: string): Anchor[] {
  const anchors: Anchor[] = [];
  const stack: Item[][] = [[]];
  let open: Anchor | null = null;
  const close = () => {
    const items = stack.pop()!;
    items.forEach((it, i) => {
      if ('anchor' in it && it.anchor.date === null) it.anchor.date = dateAround(items, i);
    });
    (stack[stack.length - 1] ?? []).push(...items);
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (CONTAINERS.has(name)) stack.push([]);
        if (name === 'a' && attrs.href !== undefined) {
          open = { href: attrs.href, titleAttr: attrs.title ?? '', text: '', date: null };
          anchors.push(open);
          stack[stack.length - 1]!.push({ anchor: open });
        }
      },
      ontext(text) {
        if (open) open.text += text;
        else stack[stack.length - 1]!.push({ text });
      },
      onclosetag(name) {
        if (name === 'a') open = null;
        if (CONTAINERS.has(name) && stack.length > 1) close();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  while (stack.length > 1) close();
  const root = stack[0]!;
  root.forEach((it, i) => {
    if ('anchor' in it && it.anchor.date === null) it.anchor.date = dateAround(root, i);
  });
  return anchors;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The report links and the other pages of a list page at `pageUrl`. */
export function readListPage(html: string, pageUrl: string): ListPage {
  const reports: ListLink[] = [];
  const seen = new Set<string>();
  const pages = new Set<string>();
  const origin = new URL(pageUrl).origin;
  for (const a of anchorsOf(html)) {
    const url = resolveUrl(a.href, pageUrl);
    if (!url) continue;
    const text = clean(a.text);
    const titleAttr = clean(a.titleAttr);
    const shown = titleAttr.length > text.replace(/[.…]+$/, '').length ? titleAttr : text;
    // A date printed inside the link belongs to the list, not to the title.
    const title = clean(shown.replace(DATE, ''));
    const date = a.date ?? isoDate(text);
    if (REPORT_TITLE.test(title)) {
      const year = TITLE_YEAR.exec(title)?.[1];
      if (year && !seen.has(url)) {
        seen.add(url);
        reports.push({ url, title, year: Number(year), date });
      }
      continue;
    }
    const sameSite = new URL(url).origin === origin;
    if (sameSite && url !== pageUrl && (NEXT_WORDS.test(text) || (PAGED_HREF.test(url) && text.length <= 6))) pages.add(url);
  }
  const pager = SCRIPT_PAGER.exec(html);
  if (pager) {
    const [total, , stem, ext] = [Number(pager[1]), pager[2], pager[3]!, pager[4]!];
    for (let i = 1; i < Math.min(total, 100); i++) pages.add(new URL(`${stem}_${i}.${ext}`, pageUrl).href);
  }
  pages.delete(pageUrl);
  return { reports, pages: [...pages] };
}

const PAGE_PARAMS = /^(?:page|pageNo|pageIndex|pageNum|curPage|currentPage|p)$/i;

/** The same list page whatever its address says of page 1 (`list.jsp?page=1` is `list.jsp`). */
export function pageKey(url: string): string {
  const u = new URL(url);
  for (const [k, v] of [...u.searchParams]) if (PAGE_PARAMS.test(k) && (v === '1' || v === '0' || v === '')) u.searchParams.delete(k);
  return u.href.replace(/\/index_0\.(s?html?)$/, '/index.$1');
}

const ATTACHMENT = /\.(?:pdf|docx?|wps)(?:$|[?#&])/i;

/**
 * The report file a report page links to (a .pdf, .docx or .doc): the one whose link names an annual
 * report, else the first; null when it has none.
 */
export function attachmentOf(html: string, pageUrl: string): string | null {
  const files = anchorsOf(html)
    .map((a) => ({ url: resolveUrl(a.href, pageUrl), text: clean(a.text) + clean(a.titleAttr) }))
    .filter((a): a is { url: string; text: string } => a.url !== null && ATTACHMENT.test(a.url));
  return (files.find((f) => REPORT_TITLE.test(f.text)) ?? files[0])?.url ?? null;
}
