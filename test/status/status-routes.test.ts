import { rmSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { startService, type Service } from '../../src/service/serve.js';
import { tempDir } from '../helpers/db.js';
import { HOSTILE_NAME, nianbao, seedCounty, serviceConfig } from '../helpers/status-service.js';

/** Six days before the deadline of 2020's reports (2021-01-31). */
const NOW_ISO = '2021-01-25T10:00:00+08:00';
const NOW = new Date(NOW_ISO);

type CheckRow = { name: string; region: string | null; year: number; status: string; codes: string[]; deadline: string; signedDate: string | null };

describe('the status routes over a real database', { timeout: 120_000 }, () => {
  let dir: string;
  let db: string;
  let service: Service;
  let check: { year: number; rows: CheckRow[] };
  const url = (path: string) => `http://127.0.0.1:${service.http!.port}${path}`;
  const get = (path: string) => fetch(url(path));

  beforeAll(async () => {
    dir = tempDir();
    db = await seedCounty(dir, NOW_ISO);
    check = JSON.parse((await nianbao(db, NOW_ISO, 'check', '--year', '2020', '--json')).stdout) as typeof check;
    service = await startService({ config: serviceConfig(db), log: silentLogger, console: null, now: () => NOW, scheduler: false });
  }, 120_000);
  afterAll(async () => {
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('/status.json gives the rows of check --json, and the county rows of them with ?region=', async () => {
    const all = (await (await get('/status.json?year=2020')).json()) as { year: number; rows: CheckRow[] };
    expect(all.year).toBe(2020);
    expect(all.rows).toEqual(check.rows);
    const county = (await (await get(`/status.json?year=2020&region=${encodeURIComponent('霍邱县')}`)).json()) as { region: string; rows: CheckRow[] };
    expect(county.region).toBe('霍邱县');
    expect(county.rows).toEqual(check.rows.filter((r) => r.region === '霍邱县'));
    expect(county.rows.map((r) => [r.name, r.status])).toEqual(
      expect.arrayContaining([
        ['龙潭镇', 'incomplete'],
        ['城关镇', 'missing'],
        [HOSTILE_NAME, 'missing'],
      ]),
    );
    // Without ?year: the year due this January, as check without --year.
    const dflt = (await (await get('/status.json')).json()) as { year: number };
    expect(dflt.year).toBe(JSON.parse((await nianbao(db, NOW_ISO, 'check', '--json')).stdout).year);
  });

  it('/status shows every organisation of the county, problems first, hostile text as text, the countdown and the chart', async () => {
    const res = await get(`/status?year=2020&region=${encodeURIComponent('霍邱县')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    const shown = [...page.matchAll(/<li class="org s-(\w+)" data-status="\w+" data-name="([^"]*)"/g)].map((m) => [m[2], m[1]]);
    // The incomplete report before the two not yet due (problems first); the same organisations as check.
    expect(shown[0]).toEqual(['龙潭镇', 'incomplete']);
    expect(shown.slice(1).map((s) => s[1])).toEqual(['pending', 'pending']);
    expect(shown.length).toBe(check.rows.filter((r) => r.region === '霍邱县').length);
    // Escaped everywhere it appears: in text and in attributes.
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>加粗</b>');
    expect(page).toContain('&lt;img/src=x/onerror=alert(1)&gt;镇');
    expect(page).toContain('&lt;script&gt;alert(&quot;finding&quot;)&lt;/script&gt; &amp; 第三张表 &lt;/li&gt;&lt;/ul&gt;&lt;b&gt;加粗&lt;/b&gt;');
    expect(page).toMatch(/id="countdown" data-days="6">距2020年度年报截止（2021-01-31）还有 6 天/);
    expect(page).toContain('离截止日（2021-01-31）还有 6 天');
    expect(page).toMatch(/<div class="chart" id="chart"><svg[^>]*>[\s\S]*<path d="M[\d.]+ [\d.]+L/);
    expect(page).toContain('新收依申请公开');
  });

  it('/report/<id> shows the key figures, the tables as read with blanks blank, the findings with their line and the versions', async () => {
    const status = await (await get(`/status?year=2020&region=${encodeURIComponent('霍邱县')}`)).text();
    const link = /href="(\/report\/\d+)"/.exec(status)![1]!;
    const res = await get(link);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('龙潭镇');
    expect(page).toContain('&lt;script&gt;alert(&quot;finding&quot;)');
    expect(page).not.toContain('<script>');
    expect(page).toContain('（原文第 42 行）');
    const parsed = JSON.parse((await nianbao(db, NOW_ISO, 'parse', 'samples/reports/longtan-2020.txt', '--json')).stdout) as {
      metrics: Record<string, number | null>;
    };
    const cell = (key: string) => new RegExp(`data-key="${key.replace(/\./g, '\\.')}"[^>]*>([^<]*)<`).exec(page)?.[1];
    expect(cell('applications.new.total')).toBe(String(parsed.metrics['applications.new.total']));
    // 龙潭镇 prints 表四's review row blank: shown blank, not 0.
    expect(parsed.metrics['review.total']).toBeNull();
    expect(cell('review.total')).toBe('');
    expect(page).toMatch(/<ol id="versions">\s*<li>\s*<strong>第 1 版<\/strong>（现行）\s*· longtan-2020\.txt/);
    expect((await get('/report/999999')).status).toBe(404);
  });

  it('/export.xlsx gives the workbook of export for the same query', async () => {
    const res = await get(`/export.xlsx?year=2020&region=${encodeURIComponent('霍邱县')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const sheets = (await readXlsxFile(Buffer.from(await res.arrayBuffer()))) as Array<{ sheet: string; data: unknown[][] }>;
    const county = check.rows.filter((r) => r.region === '霍邱县');
    expect(sheets[0]!.data.slice(1).map((r) => [r[0], r[4]])).toEqual(county.map((r) => [r.name, r.status]));
    expect(
      sheets
        .find((s) => s.sheet === '表三')!
        .data.slice(1)
        .map((r) => r[0]),
    ).toEqual(['龙潭镇']);
  });

  it('refuses a bad query, a wrong method and an unknown path with a reason', async () => {
    const bad = await get('/status?year=20x0');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('year');
    expect((await fetch(url('/status'), { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await get('/nothing')).status).toBe(404);
  });

  it('answers a body over the cap with 413 and a Chinese message, declared or streamed, and /ask still works after', async () => {
    const big = JSON.stringify({ question: '康'.repeat(40_000) });
    const declared = await fetch(url('/ask'), { method: 'POST', body: big, headers: { 'content-type': 'application/json' } });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: string }).error).toContain('请求太大');
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode('x'.repeat(8192)));
        c.close();
      },
    });
    const streamed = await fetch(url('/ask'), { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    const ok = await fetch(url('/ask'), { method: 'POST', body: JSON.stringify({ question: '龙潭镇2020年依申请公开多少件' }) });
    expect(ok.status).toBe(200);
    expect((await get('/healthz')).status).toBe(200);
  });
});
