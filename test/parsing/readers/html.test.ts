import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { flattenHtml, htmlToText } from '../../../src/parsing/html.js';
import { htmlReader } from '../../../src/parsing/readers/html.js';
import { readDocument } from '../../../src/parsing/readers/dispatch.js';

const page = (body: string, head = '') => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

async function readPage(bytes: Uint8Array) {
  const r = await readDocument(bytes, 'page.html');
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.doc;
}

describe('web pages flattened by a real HTML parser', () => {
  it('closes cells whose </td> and </tr> were left out', () => {
    expect(htmlToText('<table><tr><td>规章<td>0<td>1<tr><td>规范性文件<td>2<td>3</table><p>后文')).toBe('规章\t0\t1\n规范性文件\t2\t3\n后文');
  });

  it('decodes every entity, named, decimal and hexadecimal', () => {
    expect(htmlToText('<p>A&nbsp;&amp;&ensp;B&hellip;&ldquo;公开&rdquo;&#20844;&#x5F00;&middot;&yen;&lt;&gt;</p>')).toBe('A & B…“公开”公开·¥<>');
  });

  it('expands rowspan and colspan into a grid: covered cells are empty, figures keep their column', () => {
    const text = htmlToText(`<table>
      <tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>1</td><td>2</td></tr>
      <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>3</td><td>4</td></tr>
      <tr><td>2.其他法律行政法规禁止公开</td><td>5</td><td>6</td></tr>
      <tr><td colspan="3">四、结转下年度继续办理</td><td>7</td><td>8</td></tr></table>`);
    expect(text.split('\n')).toEqual([
      '三、本年度办理结果\t（一）予以公开\t\t1\t2',
      '\t（三）不予公开\t1.属于国家秘密\t3\t4',
      '\t\t2.其他法律行政法规禁止公开\t5\t6',
      '四、结转下年度继续办理\t\t\t7\t8',
    ]);
  });

  it('takes a figure spanning two grid columns (Word export width rounding) as one figure', () => {
    expect(htmlToText('<table><tr><td>0</td><td colspan="2">5</td><td>6</td></tr></table>')).toBe('0\t5\t6');
  });

  it('leaves out scripts, styles, navigation, footers and hidden blocks', () => {
    const text = htmlToText(
      page(
        `<nav>首页</nav><div class="top-menu">栏目</div><div id="breadcrumb">当前位置</div><p>正文<script>document.write("<td>脚本</td>")</script>一</p>` +
          `<div style="display:none">隐藏</div><div class="footer">版权所有</div><footer>备案号</footer><aside>相关链接</aside>`,
        '<title>标题栏</title><style>p{color:red}</style><script>var a = "</p>";</script>',
      ),
    );
    expect(text).toBe('正文一');
  });

  it('reads a table nested in a layout table as its own rows', () => {
    const text = htmlToText('<table><tr><td><p>报告标题</p><table><tr><td>行政许可</td><td>5</td></tr></table><p>落款</p></td></tr></table>');
    expect(text.split('\n')).toEqual(['报告标题', '行政许可\t5', '落款']);
  });

  it('runs in linear time on hostile pages: unclosed cells and scripts, huge spans', () => {
    const cells = '<td>1'.repeat(400_000);
    expect(htmlToText(`<table><tr>${cells}`).split('\t')).toHaveLength(400_000);
    expect(htmlToText(`<p>前文</p><script>${'<td>x'.repeat(200_000)}`)).toBe('前文');
    // Every cell spanning the most the standard allows: the padding stays proportional to the page.
    const spans = `<table>${'<tr><td colspan="1000" rowspan="65534">x'.repeat(20_000)}</table>`;
    const flat = htmlToText(spans);
    expect(flat.length).toBeLessThan(4 * spans.length);
    expect(flat.split('\n').length).toBe(20_000);
  });
});

describe('charsets and the publication date', () => {
  const body = '<p>龙潭镇2020年政府信息公开工作年度报告</p>';

  it('honours <meta charset="gbk"> and http-equiv gb2312 (decoded as GB18030)', async () => {
    for (const head of ['<meta charset="gbk">', '<meta http-equiv="Content-Type" content="text/html; charset=GB2312">']) {
      const doc = await readPage(iconv.encode(page(body, head), 'gbk'));
      expect(doc).toMatchObject({ type: 'html', encoding: 'gb18030', text: '龙潭镇2020年政府信息公开工作年度报告' });
    }
  });

  it('reads a page without a declaration by its bytes, and a page declared GBK but saved as UTF-8 as UTF-8', async () => {
    expect((await readPage(iconv.encode(page(body), 'gbk'))).text).toContain('龙潭镇');
    const mislabelled = await readPage(Buffer.from(page(body, '<meta charset="gb2312">')));
    expect(mislabelled).toMatchObject({ encoding: 'utf-8', text: '龙潭镇2020年政府信息公开工作年度报告' });
  });

  it('reads 发布时间 from the info bar and drops the bar from the text', async () => {
    const doc = await readPage(Buffer.from(page(`<div class="info">发布时间：2021年1月20日 09:30\u3000来源：龙潭镇\u3000浏览次数：28</div>${body}`)));
    expect(doc.published).toBe('2021-01-20');
    expect(doc.text).toBe('龙潭镇2020年政府信息公开工作年度报告');
  });

  it('prefers the PubDate meta tag, and gives null when the page states no date', async () => {
    expect((await readPage(Buffer.from(page(body, '<meta name="PubDate" content="2021-01-25 10:00">')))).published).toBe('2021-01-25');
    expect((await readPage(Buffer.from(page(body)))).published).toBeNull();
    expect((await readPage(Buffer.from(page(`<p>发布时间：2021-02-30</p>${body}`)))).published).toBeNull();
  });

  it('is chosen by content before the extension, and by the extension for a fragment', () => {
    expect(htmlReader.accepts(Buffer.from(page(body)), 'report.txt')).toBe(true);
    expect(htmlReader.accepts(Buffer.from('龙潭镇<br>'), 'report.htm')).toBe(true);
    expect(flattenHtml('<p>x</p>').metaDates).toEqual([]);
  });
});
