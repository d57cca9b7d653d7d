/**
 * A page saved by a crawler: a header block (标题：…, 发布时间：…, 原文链接：…) before the report and
 * the site's chrome (breadcrumbs, 附件下载, 打印本页, 上一篇, 版权所有…) around it. None of it is the
 * report's prose: the lines are emptied (kept, so line numbers stay the file's), and the 标题 line
 * keeps its value, which is the report's title.
 */

/** A list bullet a portal prints before its toolbar items (• 字号：, • 打印). */
const BULLET = '(?:[•·●▪◦][ \\t]*)?';

/** Fields of a crawler's header block or a portal's info bar. */
const FIELD_NAME =
  '(标题|题目|文章标题|发布时间|发布日期|发文日期|成文日期|生成日期|公开日期|日期|时间|更新时间|来源|信息来源|文章来源|原文链接|原文地址|链接|网址|URL|url|作者|责任编辑|编辑|浏览次数|访问次数|阅读次数|访问量|浏览量|阅读量|点击数|点击量|字号|索引号|发布机构|发布单位|发文单位|发文机关|主题分类|文号|公开方式|公开范围|有效性|时效性|所属机构|分类|栏目|联系电话)';
const FIELD = new RegExp(`^[ \\t]*${BULLET}[[【]?[ \\t]*${FIELD_NAME}[ \\t]*[\\]】]?[ \\t]*[:：]`);
/** A portal's bulleted metadata list: the field's name alone after its bullet, its value on the next line. */
const BULLETED_FIELD = new RegExp(`^[ \\t]*[•·●▪◦][ \\t]*${FIELD_NAME}[ \\t]*$`);
/** A field's value on the line after its name is a short line. */
const FIELD_VALUE_MAX = 60;
const FIELD_ON_ANY_LINE = new RegExp(FIELD.source, 'm');
/** Breadcrumbs and navigation: 当前位置：首页 > 政务公开 > …, 您当前所在位置：…, 首页 » 信息公开. */
const BREADCRUMB = /^[ \t]*(?:(?:您)?(?:当前|现在)?(?:所在|的)?(?:的)?位置[ \t]*[:：]|首页[ \t]*[>＞»›/|-])/;
/** Words of a page's boxes and links, never a report's sentence. */
const CHROME_WORD =
  '(?:附件下载|相关附件|附件列表|打印本页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|分享到|分享|收藏|上一篇|下一篇|上一条|下一条|相关链接|相关文章|相关阅读|网站地图|联系我们|主办单位|承办单位|协办单位|版权所有|技术支持|网站标识码|扫一扫|政府网站找错|无障碍|关怀版|长辈版|适老版|长者模式|登录|注册|繁體|简体|字体|信息公开元数据|涉密文件严禁上网|【?[大中小]】?)';
/** A chrome line: one or more of those words (each maybe in 【】, apart by spaces or |), the last maybe with a value. */
const CHROME = new RegExp(`^[ \\t]*${BULLET}(?:[[【]?[ \\t]*${CHROME_WORD}(?:[ \\t]*[\\]】])?[ \\t|]*)+(?:[:：>].*)?[ \\t]*$`);
const ICP = /(?:ICP备|公网安备|网站标识码|版权所有)/;
/** A portal's hint about screen sizes and browsers (使用大于1366*768分辨率…浏览器…最佳浏览效果). */
const BROWSER_HINT = /分辨率[^。\n]{0,40}?浏览器|浏览器[^。\n]{0,40}?分辨率|最佳浏览效果/;
/** A bullet with nothing but pipes: the empty item of a portal's toolbar. */
const EMPTY_ITEM = /^[ \t]*[•·●▪◦][ \t|]*$/;
/** A line of pipes only; and the run of pipes a page's layout table leaves after a title or a date. */
const PIPES_ONLY = /^[ \t|]*\|[ \t|]*$/;
const PIPE_RUN = '|'.repeat(16);

/** The line without a run of layout pipes at its end (a table has fewer columns than that); linear. */
function withoutPipeRun(line: string): string {
  let end = line.length;
  for (let c = line.charCodeAt(end - 1); c === 124 || c === 32 || c === 9; c = line.charCodeAt(end - 1)) end--;
  return end < line.length && line.slice(end).includes(PIPE_RUN) ? line.slice(0, end) : line;
}
/** A chrome line is short; a longer line is prose that happens to start with one of these words. */
const CHROME_MAX = 120;
/** The header block is at the top: a `来源：` deep in the report is the report's own line. */
const HEADER_LINES = 40;
/** A date with the page's counter after it (2024年01月25日 (点击: )): the info bar of the page. */
const DATE_WITH_COUNTER = /^[ \t]*\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*[日号]?[^\n]{0,12}?(?:点击|浏览|阅读|访问)/;
/** Whether a text has anything for stripChrome to do (most reports have none of it). */
const ANY_CHROME =
  /(?:附件下载|当前位置|所在位置|版权所有|上一篇|打印本页|首页[ \t]*[>＞»]|信息公开元数据|ICP备|登录|关怀版|无障碍|[•·●▪◦][ \t]*(?:字号|打印|索引号|发布机构|发布日期|\|)|\|{16})/;

/**
 * The text with the crawler's header fields and the page chrome emptied; the 标题 keeps its value.
 * At the top, before the report's first line, a line of pipes is the page's layout, not a table.
 */
export function stripChrome(text: string): string {
  if (!FIELD_ON_ANY_LINE.test(text.slice(0, 4000)) && !ANY_CHROME.test(text)) return text;
  const lines = text.split('\n');
  let bodySeen = false;
  // A bulleted field's name was just emptied: its value is the next line with text.
  let valueNext = false;
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i]!;
    if (l.includes(PIPE_RUN)) l = lines[i] = withoutPipeRun(l);
    if (l.length > CHROME_MAX) {
      bodySeen = true;
      continue;
    }
    if (i < HEADER_LINES && BULLETED_FIELD.test(l)) {
      lines[i] = '';
      valueNext = true;
      continue;
    }
    if (valueNext && l.trim() !== '') {
      valueNext = false;
      if (l.trim().length <= FIELD_VALUE_MAX && !/^[ \t]*[•·●▪◦]/.test(l)) {
        lines[i] = '';
        continue;
      }
    }
    const field = i < HEADER_LINES ? FIELD.exec(l) : null;
    if (field) {
      lines[i] = /^(?:标题|题目|文章标题)$/.test(field[1]!) ? l.slice(field[0].length).trim() : '';
    } else if (
      BREADCRUMB.test(l) ||
      CHROME.test(l) ||
      ICP.test(l) ||
      EMPTY_ITEM.test(l) ||
      BROWSER_HINT.test(l) ||
      (i < HEADER_LINES && DATE_WITH_COUNTER.test(l))
    ) {
      lines[i] = '';
    } else if (PIPES_ONLY.test(l)) {
      if (!bodySeen) lines[i] = '';
    } else if (l.trim() !== '') {
      bodySeen = true;
    }
  }
  return lines.join('\n');
}

/**
 * The date a page's header states it was published: 发布时间：2021-01-20, 发布日期：2021年1月20日,
 * 公开日期： | 2024-01-26 (a metadata table), a bare 日期：/时间： field, or a date with the page's
 * counter after it (2024年01月25日 (点击: )).
 */
const STATED_PUBLISHED =
  /(?:发布(?:时间|日期)|公开日期|^[ \t]*(?:[•·][ \t]*)?(?:日期|时间)(?=[ \t]*[:：]))[\s|]*[：:]?[\s|]*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})|^[ \t]*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*[日号]?[^\n]{0,12}?(?:点击|浏览|阅读|访问)/m;
const HEADER_CHARS = 5000;

/** The publication date a crawled text states in its header block, ISO `YYYY-MM-DD`, else null. */
export function statedPublished(text: string): string | null {
  const m = STATED_PUBLISHED.exec(text.slice(0, HEADER_CHARS));
  if (!m) return null;
  const [year, month, day] = m[1] ? [Number(m[1]), Number(m[2]), Number(m[3])] : [Number(m[4]), Number(m[5]), Number(m[6])];
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? date.toISOString().slice(0, 10) : null;
}
