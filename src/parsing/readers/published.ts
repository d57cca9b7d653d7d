import { statedPublished } from '../chrome.js';
import type { FlatHtml } from '../html.js';

const META = /^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/;
function iso(y: string, m: string, d: string): string | null {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** A portal's info bar under the article title: 发布时间：… 来源：… 浏览次数：… */
const INFO_LINE = /^\s*(?:\[?\s*)?(?:发布(?:时间|日期)|信息来源|来源|作者|浏览次数|访问次数|点击数|字号)\s*[:：]/;
const INFO_LINES = 40;

/**
 * The page's text without its info bar (the lines of the header that only say when and where the
 * article was published: they are the page's, not the report's, and would read as its title).
 */
export function withoutInfoBar(text: string): string {
  const lines = text.split('\n');
  const head = lines.slice(0, INFO_LINES).filter((l) => !(INFO_LINE.test(l) && l.length < 200));
  return head.length === Math.min(lines.length, INFO_LINES) ? text : [...head, ...lines.slice(INFO_LINES)].join('\n');
}

/**
 * The website publication date a page states: its meta tag (PubDate, the national portal standard)
 * or the 发布时间 line of its header. ISO `YYYY-MM-DD`, else null.
 */
export function publishedDate(page: FlatHtml): string | null {
  for (const raw of page.metaDates) {
    const m = META.exec(raw);
    const date = m ? iso(m[1]!, m[2]!, m[3]!) : null;
    if (date) return date;
  }
  return statedPublished(page.text);
}
