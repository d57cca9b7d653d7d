/**
 * A page saved by a crawler: a header block (标题：…, 发布时间：…, 原文链接：…) before the report and
 * the site's chrome (breadcrumbs, 附件下载, 打印本页, 上一篇, 版权所有…) around it. None of it is the
 * report's prose: the lines are emptied (kept, so line numbers stay the file's), and the 标题 line
 * keeps its value, which is the report's title.
 */

/** Fields of a crawler's header block or a portal's info bar. */
const FIELD =
  /^[ \t]*[[【]?[ \t]*(标题|题目|文章标题|发布时间|发布日期|发文日期|成文日期|生成日期|更新时间|来源|信息来源|原文链接|原文地址|链接|网址|URL|url|作者|责任编辑|编辑|浏览次数|访问次数|阅读次数|点击数|点击量|字号|索引号|发布机构|发文机关|主题分类|文号|公开方式|公开范围|所属机构|分类|栏目)[ \t]*[\]】]?[ \t]*[:：]/;
/** Breadcrumbs and navigation: 当前位置：首页 > 政务公开 > …, 首页 » 信息公开. */
const BREADCRUMB = /^[ \t]*(?:(?:当前位置|您的位置|您现在的位置|所在位置)[ \t]*[:：]|首页[ \t]*[>＞»›/|-])/;
/** Chrome lines: links and boxes of the page, never a report's sentence. */
const CHROME =
  /^[ \t]*[[【]?[ \t]*(?:附件下载|相关附件|附件列表|打印本页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|分享到|收藏|上一篇|下一篇|上一条|下一条|相关链接|相关文章|相关阅读|网站地图|联系我们|主办单位|承办单位|协办单位|版权所有|技术支持|网站标识码|扫一扫|政府网站找错|无障碍|繁體|简体|字体|【?[大中小]】?)(?:[ \t]*[\]】])?(?:[ \t]*[:：>].*)?[ \t]*$/;
const ICP = /(?:ICP备|公网安备|网站标识码|版权所有)/;
/** A chrome line is short; a longer line is prose that happens to start with one of these words. */
const CHROME_MAX = 120;
/** The header block is at the top: a `来源：` deep in the report is the report's own line. */
const HEADER_LINES = 40;

/** The text with the crawler's header fields and the page chrome emptied; the 标题 keeps its value. */
export function stripChrome(text: string): string {
  if (!FIELD.test(text.slice(0, 4000)) && !/(?:附件下载|当前位置|版权所有|上一篇|打印本页|首页[ \t]*[>＞»])/.test(text)) return text;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.length > CHROME_MAX) continue;
    const field = i < HEADER_LINES ? FIELD.exec(l) : null;
    if (field) {
      lines[i] = /^(?:标题|题目|文章标题)$/.test(field[1]!) ? l.slice(field[0].length).trim() : '';
    } else if (BREADCRUMB.test(l) || CHROME.test(l) || ICP.test(l)) {
      lines[i] = '';
    }
  }
  return lines.join('\n');
}

/** 发布时间：2021-01-20 / 发布日期：2021年1月20日 / 2021/01/20 10:30 in the header of a page. */
const STATED = /发布(?:时间|日期)\s*[：:]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const HEADER_CHARS = 5000;

/** The publication date a crawled text states in its header block, ISO `YYYY-MM-DD`, else null. */
export function statedPublished(text: string): string | null {
  const m = STATED.exec(text.slice(0, HEADER_CHARS));
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? date.toISOString().slice(0, 10) : null;
}
