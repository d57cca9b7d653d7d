import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { decodePage, headerCharset } from '../../src/watch/decode.js';
import { attachmentOf, pageKey, readListPage } from '../../src/watch/list-page.js';
import { watchCron, watchDue } from '../../src/watch/schedule.js';

const BASE = 'http://www.example.gov.cn/zwgk/nb/index.html';
const bj = (s: string) => new Date(`${s}+08:00`);

describe('readListPage', () => {
  it('takes the annual-report links with their year and the date beside them, in a <ul>', () => {
    const html = `<ul>
      <li><a href="./202101/t1.html" title="康庄镇2020年政府信息公开工作年度报告">康庄镇2020年政府信息公开工...</a><span>2021-01-20</span></li>
      <li><span>2021/01/18</span><a href="/x/t2.html">龙潭镇2020年度政府信息公开年报</a></li>
      <li><a href="t3.html">关于做好2021年政务公开工作的通知</a><span>2021-01-05</span></li>
      <li><a href="t4.html">政府信息公开年报</a><span>2021-01-06</span></li>
    </ul>`;
    expect(readListPage(html, BASE).reports).toEqual([
      { url: 'http://www.example.gov.cn/zwgk/nb/202101/t1.html', title: '康庄镇2020年政府信息公开工作年度报告', year: 2020, date: '2021-01-20' },
      { url: 'http://www.example.gov.cn/x/t2.html', title: '龙潭镇2020年度政府信息公开年报', year: 2020, date: '2021-01-18' },
    ]);
  });

  it('reads table rows, dates in brackets, and a date printed inside the link', () => {
    const html = `<table><tr><td><a href="a.html">甲镇2021年政府信息公开工作年度报告</a></td><td>[2022-01-28]</td></tr>
      <tr><td><a href="b.html">乙镇2021年政府信息公开工作年度报告 2022年1月29日</a></td></tr></table>
      <div><a href="c.html">丙镇2021年年度报告</a></div>`;
    const reports = readListPage(html, BASE).reports;
    expect(reports.map((r) => [r.title, r.date])).toEqual([
      ['甲镇2021年政府信息公开工作年度报告', '2022-01-28'],
      ['乙镇2021年政府信息公开工作年度报告', '2022-01-29'],
      ['丙镇2021年年度报告', null],
    ]);
  });

  it('finds the other pages: 下一页, numbered index_N.html, a page parameter, a scripted pager', () => {
    const a = readListPage('<div class="page"><a href="index_1.html">下一页</a><a href="index_2.html">3</a><a href="/about.html">关于我们</a></div>', BASE);
    expect(a.pages).toEqual(['http://www.example.gov.cn/zwgk/nb/index_1.html', 'http://www.example.gov.cn/zwgk/nb/index_2.html']);
    const b = readListPage('<a href="list.jsp?cid=3&page=2">下一页</a><a href="javascript:next()">下页</a>', 'http://x.gov.cn/list.jsp?cid=3');
    expect(b.pages).toEqual(['http://x.gov.cn/list.jsp?cid=3&page=2']);
    const c = readListPage('<script>createPageHTML(3, 0, "index", "shtml");</script>', 'http://x.gov.cn/nb/index.shtml');
    expect(c.pages).toEqual(['http://x.gov.cn/nb/index_1.shtml', 'http://x.gov.cn/nb/index_2.shtml']);
  });

  it('says nothing of a page that is not a list', () => {
    expect(readListPage('<html><body><p>网站维护中</p><a href="/">首页</a></body></html>', BASE)).toEqual({ reports: [], pages: [] });
  });

  it('takes page 1 as the list itself', () => {
    expect(pageKey('http://x.gov.cn/list.jsp?cid=3&page=1')).toBe(pageKey('http://x.gov.cn/list.jsp?cid=3'));
    expect(pageKey('http://x.gov.cn/list.jsp?cid=3&page=2')).not.toBe(pageKey('http://x.gov.cn/list.jsp?cid=3'));
  });
});

describe('attachmentOf', () => {
  it('prefers the attachment that names an annual report, and knows download links', () => {
    const html = `<a href="/f/guide.pdf">办事指南.pdf</a> <a href="/f/nb2021.docx">张家坡镇2021年度报告.docx</a>`;
    expect(attachmentOf(html, BASE)).toBe('http://www.example.gov.cn/f/nb2021.docx');
    expect(attachmentOf('<a href="down.jsp?file=a.pdf">点击下载</a>', BASE)).toBe('http://www.example.gov.cn/zwgk/nb/down.jsp?file=a.pdf');
    expect(attachmentOf('<a href="a.html">正文</a>', BASE)).toBeNull();
  });
});

describe('decodePage', () => {
  const page = '<html><head><meta charset="gb2312"></head><body>康庄镇2020年政府信息公开工作年度报告</body></html>';
  it('decodes GBK declared in the page or only in the HTTP header', () => {
    expect(decodePage(iconv.encode(page, 'gbk'), 'text/html')).toContain('康庄镇2020年');
    expect(decodePage(iconv.encode(page.replace('gb2312', 'x'), 'gbk'), 'text/html; charset=GBK')).toContain('康庄镇2020年');
    expect(headerCharset('text/html; charset="GB2312"')).toBe('gb18030');
  });
  it('reads a page saved as UTF-8 under a stale GBK declaration', () => {
    expect(decodePage(Buffer.from(page, 'utf8'), 'text/html; charset=gbk')).toContain('康庄镇2020年');
  });
});

describe('the watch schedule', () => {
  it('reads every source daily at NIANBAO_WATCH_AT and hourly from 20 January to 10 February', () => {
    const tz = 'Asia/Shanghai';
    expect(watchCron('07:30')).toBe('30 * * * *');
    expect(watchDue(bj('2027-03-05T07:30'), tz, '07:30')).toBe(true);
    expect(watchDue(bj('2027-03-05T15:30'), tz, '07:30')).toBe(false);
    expect(watchDue(bj('2027-01-20T15:30'), tz, '07:30')).toBe(true);
    expect(watchDue(bj('2027-02-10T23:30'), tz, '07:30')).toBe(true);
    expect(watchDue(bj('2027-02-11T00:30'), tz, '07:30')).toBe(false);
  });
});

describe('NIANBAO_WATCH', () => {
  it('reads county=url pairs, URLs with commas in their query included', () => {
    const r = loadConfig({ NIANBAO_WATCH: '霍邱县=https://www.huoqiu.gov.cn/nb/index.html, 沂源县=http://www.yiyuan.gov.cn/list.jsp?a=1,2' });
    expect(r.ok && r.config.watch.sources).toEqual([
      { region: '霍邱县', url: 'https://www.huoqiu.gov.cn/nb/index.html' },
      { region: '沂源县', url: 'http://www.yiyuan.gov.cn/list.jsp?a=1,2' },
    ]);
    expect(r.ok && r.config.watch.at).toBe('07:30');
  });
  it('refuses a source without a county or a web address', () => {
    const r = loadConfig({ NIANBAO_WATCH: 'https://www.huoqiu.gov.cn/nb/' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/NIANBAO_WATCH/);
    expect(loadConfig({ NIANBAO_WATCH: '霍邱县=ftp://x' }).ok).toBe(false);
  });
});
