import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessYear } from '../../src/calendar/assess.js';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { rosterReader } from '../../src/jobs/roster.js';
import type { SourceRun } from '../../src/watch/run.js';
import { createWatcher } from '../../src/watch/watcher.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { startFakePortal, type FakePortal } from '../helpers/fake-portal.js';
import { memoryLog } from '../jobs/helpers.js';

const seed = (file: string) => readFileSync(fileURLToPath(new URL(`../fixtures/files/seeds/${file}`, import.meta.url)));
const bj = (s: string) => new Date(`${s}+08:00`);

const chrome = (title: string, date: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}_县人民政府</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/a/index.html">信息公开年报</a></div>
<h1>${title}</h1><div class="info">发布时间：${date} 10:00 来源：县政府办</div>
<div class="content">${body}</div><div class="footer">主办：县人民政府 <a href="/sitemap.html">网站地图</a></div></body></html>`;

/** A report page of the seed with the portal's chrome and 发布时间 put in after <body>. */
const withChrome = (file: string, date: string) =>
  seed(file)
    .toString('utf8')
    .replace(/<body[^>]*>/, (b) => `${b}<div class="nav"><a href="/">首页</a></div><div class="info">发布时间：${date} 09:00 来源：镇政府</div>`);

/** Layout A: a static list in GBK, paged by index_1.html. */
const listA0 = iconv.encode(
  `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>政府信息公开年报</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/a/index.html">政府信息公开年报</a></div>
<ul class="list">
<li><a href="./202101/t20210120_1.html" title="康庄镇2020年政府信息公开工作年度报告" target="_blank">康庄镇2020年政府信息公开工作年...</a><span class="date">2021-01-20</span></li>
<li><a href="./202102/t20210203_2.html" target="_blank">龙潭镇2020年政府信息公开工作年度报告</a><span class="date">2021-02-03</span></li>
<li><a href="/a/gone.html">石店镇2020年政府信息公开工作年度报告</a><span class="date">2021-01-22</span></li>
<li><a href="/a/broken.html">花园镇2020年政府信息公开工作年度报告</a><span class="date">2021-01-23</span></li>
<li><a href="/a/notice.html">关于做好政务公开工作的通知</a><span class="date">2021-01-05</span></li>
</ul>
<div class="page"><span>1</span> <a href="index_1.html">2</a> <a href="index_1.html">下一页</a></div></body></html>`,
  'gbk',
);
const listA1 = `<html><head><meta charset="utf-8"></head><body><table class="list">
<tr><td><a href="/a/slow.html">冯井镇2020年政府信息公开工作年度报告</a></td><td>2021-01-24</td></tr>
<tr><td><a href="/a/loop.html">孟集镇2020年政府信息公开工作年度报告</a></td><td>2021-01-25</td></tr>
<tr><td><a href="/a/huge.pdf">潘集镇2020年政府信息公开工作年报</a></td><td>2021-01-26</td></tr>
</table><div class="page"><a href="index.html">上一页</a> <a href="index.html">1</a> <span>2</span></div></body></html>`;

/** Layout B: a JSP list with a page parameter and Last-Modified only. */
const listB = (page: number) => `<html><head><meta charset="utf-8"></head><body><div class="list">
${
  page === 1
    ? '<div class="item"><a href="/b/content.jsp?id=101">沂源县张家坡镇人民政府2021年政府信息公开工作年度报告</a> <em>[2022-01-18]</em></div>'
    : '<div class="item"><a href="/b/content.jsp?id=102">棉洋镇2021年度政府信息公开工作年度报告</a> <em>[2022-01-25]</em></div>'
}
</div><div class="pager">${page === 1 ? '<a href="/b/list.jsp?channel=12&page=2">下一页</a>' : '<a href="/b/list.jsp?channel=12&page=1">上一页</a>'}</div></body></html>`;

const lm = 'last-modified' as const;

async function portal(): Promise<FakePortal> {
  return startFakePortal({
    '/a/index.html': { body: listA0 },
    '/a/index_1.html': { body: listA1 },
    '/a/202101/t20210120_1.html': { body: seed('kangzhuang-2020.html') },
    '/a/202102/t20210203_2.html': {
      body: chrome(
        '龙潭镇2020年政府信息公开工作年度报告',
        '2021-02-03',
        '<p>附件：<a href="/a/files/longtan-2020.pdf">霍邱县龙潭镇2020年政府信息公开工作年度报告.pdf</a></p>',
      ),
    },
    '/a/files/longtan-2020.pdf': { body: seed('longtan-2020.pdf'), type: 'application/pdf' },
    '/a/broken.html': { status: 500 },
    '/a/slow.html': { hang: true },
    '/a/loop.html': { redirect: '/a/loop2.html' },
    '/a/loop2.html': { redirect: '/a/loop.html' },
    '/a/huge.pdf': { endless: 50 * 1024 * 1024 },
    '/b/list.jsp?channel=12': { body: listB(1), validator: lm },
    '/b/list.jsp?channel=12&page=2': { body: listB(2), validator: lm },
    '/b/list.jsp?channel=12&page=1': { body: listB(1), validator: lm },
    '/b/content.jsp?id=101': { body: withChrome('zhangjiapo-2021.html', '2022-01-18'), validator: lm },
    '/b/content.jsp?id=102': {
      body: chrome('棉洋镇2021年政府信息公开工作年度报告', '2022-01-25', '<p>附件：<a href="/b/download.jsp?file=mianyang-2021.docx">点击下载</a></p>'),
      validator: lm,
    },
    '/b/download.jsp?file=mianyang-2021.docx': { body: seed('mianyang-2021.docx'), type: 'application/octet-stream', validator: lm },
    '/not-a-list.html': { body: '<html><body><h1>网站改版中</h1><p>请稍后访问。</p><a href="/">首页</a></body></html>' },
    '/c/list.html': { status: 500 },
  });
}

describe('watching county portals (data contract §6.3)', () => {
  let db: TestDb;
  let site: FakePortal;
  let first: SourceRun[];
  let second: SourceRun[];
  let firstRequests: number;
  let watcher: ReturnType<typeof createWatcher>;
  const log = memoryLog();
  const now = bj('2022-02-10T07:30');

  beforeAll(async () => {
    db = createTestDb();
    site = await portal();
    const u = site.url;
    watcher = createWatcher({
      handle: db,
      calendar: DEFAULT_CALENDAR,
      log,
      config: {
        sources: [
          { region: '霍邱县', url: `${u}/a/index.html` },
          { region: '沂源县', url: `${u}/b/list.jsp?channel=12` },
          { region: '临泉县', url: `${u}/not-a-list.html` },
          { region: '阜南县', url: `${u}/c/list.html` },
        ],
        at: '07:30',
        pauseMs: 5,
        timeoutMs: 1500,
      },
    });
    first = await watcher.run(now);
    firstRequests = site.requests.length;
    second = await watcher.run(new Date(now.getTime() + 3600_000));
  }, 60_000);

  afterAll(async () => {
    await site.close();
    db.dispose();
  });

  const stored = () => db.stores.reports.reportsForYear(2020).concat(db.stores.reports.reportsForYear(2021));

  it('stores every report on both layouts once, with the portal’s publication date', () => {
    const byName = Object.fromEntries(stored().map((r) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual(['康庄镇', '张家坡镇', '棉洋镇', '龙潭镇'].sort());
    expect(byName['康庄镇']?.published).toBe('2021-01-20'); // GBK report page, its 发布时间
    expect(byName['龙潭镇']?.published).toBe('2021-02-03'); // PDF attached to a page
    expect(byName['张家坡镇']?.published).toBe('2022-01-18'); // JSP page parameter, page with chrome
    expect(byName['棉洋镇']?.published).toBe('2022-01-25'); // .docx attachment
    expect(byName['棉洋镇']?.region).toBe('沂源县'); // the town printed no county: the source's
    const found = first.flatMap((r) => r.found);
    expect(found.map((f) => f.reportId).sort()).toEqual(
      stored()
        .map((r) => r.id)
        .sort(),
    );
  });

  it('reads both pages of each list and follows no link that is not a report', () => {
    const [a, b] = first;
    expect(a?.pages).toBe(2);
    expect(a?.links).toBe(7);
    expect(b?.pages).toBe(2);
    expect(b?.links).toBe(2);
    expect(site.requests.some((r) => r.path === '/a/notice.html')).toBe(false);
  });

  it('reports each failure with its reason and goes on with the rest', () => {
    const failed = Object.fromEntries(first[0]!.failed.map((f) => [new URL(f.url).pathname, f.error]));
    expect(failed['/a/gone.html']).toMatch(/404/);
    expect(failed['/a/broken.html']).toMatch(/500/);
    expect(failed['/a/slow.html']).toMatch(/超时/);
    expect(failed['/a/loop.html']).toMatch(/重定向超过/);
    expect(failed['/a/huge.pdf']).toMatch(/过大/);
    expect(first[2]?.error).toMatch(/不是年报栏目的列表页/);
    expect(first[3]?.error).toMatch(/500/);
    expect(first[1]?.error).toBeNull();
    // Remembered for `check`, and retried on the next run.
    const sources = db.stores.watch.sources();
    expect(
      sources
        .filter((s) => s.lastError)
        .map((s) => s.region)
        .sort(),
    ).toEqual(['临泉县', '阜南县'].sort());
    expect(sources.find((s) => s.region === '阜南县')?.failures).toBe(2);
    expect(
      db.stores.watch
        .failures()
        .map((f) => new URL(f.url).pathname)
        .sort(),
    ).toEqual(['/a/broken.html', '/a/gone.html', '/a/huge.pdf', '/a/loop.html', '/a/slow.html'].sort());
    const retried = site.requests.slice(firstRequests).filter((r) => r.path === '/a/broken.html');
    expect(retried).toHaveLength(1);
  });

  it('fetches nothing new on the second run: every page and file on file answers 304', () => {
    const again = site.requests.slice(firstRequests);
    const okPaths = new Set(
      site.requests
        .slice(0, firstRequests)
        .filter((r) => r.status === 200)
        .map((r) => r.path),
    );
    okPaths.delete('/a/huge.pdf');
    okPaths.delete('/a/slow.html');
    okPaths.delete('/not-a-list.html');
    const repeats = again.filter((r) => okPaths.has(r.path));
    expect(repeats.length).toBeGreaterThan(8);
    expect(repeats.every((r) => r.status === 304)).toBe(true);
    expect(second.flatMap((r) => r.found)).toEqual([]);
    expect(stored()).toHaveLength(4);
  });

  it('is polite: one request at a time, a User-Agent naming nianbao, validators of both kinds', () => {
    expect(site.maxInFlight()).toBe(1);
    expect(site.requests.every((r) => /nianbao/.test(String(r.headers['user-agent'])))).toBe(true);
    const again = site.requests.slice(firstRequests);
    expect(again.find((r) => r.path === '/a/index.html')?.headers['if-none-match']).toMatch(/^"/);
    expect(again.find((r) => r.path === '/b/list.jsp?channel=12')?.headers['if-modified-since']).toMatch(/GMT$/);
  });

  it('judges lateness from the publication date: published 3 February is late', () => {
    const roster = rosterReader(() => db.stores.roster.sources())();
    const rows = assessYear({ year: 2020, roster, reports: db.stores.reports.reportsForYear(2020), calendar: DEFAULT_CALENDAR, now });
    const status = Object.fromEntries(rows.map((r) => [r.name, r.status]));
    expect(status['龙潭镇']).toBe('late');
    // Towns found on the portal join the roster of the county they were found for.
    expect(roster.find((e) => e.name === '棉洋镇')).toMatchObject({ region: '沂源县', source: 'reports' });
    expect(status['康庄镇']).not.toBe('late');
    expect(status['康庄镇']).not.toBe('missing');
  });

  it('takes a page whose chrome changed around the same report as unchanged', async () => {
    const page = withChrome('zhangjiapo-2021.html', '2022-01-18').replace('<body', '<div class="top">今天是2022年2月10日 星期四 访问量 10234</div><body');
    site.routes.set('/b/content.jsp?id=101', { body: page, validator: lm, lastModified: 'Wed, 26 Jan 2022 02:00:00 GMT' });
    const again = await watcher.run(new Date(now.getTime() + 5400_000));
    expect(again.flatMap((r) => r.found)).toEqual([]);
    expect(again[1]?.unchanged).toBe(1);
  });

  it('stores a report changed after publication as a new version with CHANGED_AFTER_PUBLICATION', async () => {
    const page = withChrome('zhangjiapo-2021.html', '2022-01-18').replace('张家坡镇深入贯彻', '张家坡镇全面深入贯彻');
    site.routes.set('/b/content.jsp?id=101', { body: page, validator: lm, lastModified: 'Thu, 27 Jan 2022 02:00:00 GMT' });
    const third = await watcher.run(new Date(now.getTime() + 7200_000));
    const found = third.flatMap((r) => r.found);
    expect(found.map((f) => [f.name, f.status, f.published])).toEqual([['张家坡镇', 'replaced', '2022-01-18']]);
    expect(found[0]?.codes).toContain('CHANGED_AFTER_PUBLICATION');
    expect(stored()).toHaveLength(4);
  });

  it('retries only the failing sources between its scheduled runs', async () => {
    const retried = await watcher.run(new Date(now.getTime() + 10800_000), { only: 'failing' });
    expect(retried.map((r) => r.region)).toEqual(['霍邱县', '临泉县', '阜南县']);
  });
});
