import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { runCli } from '../helpers/cli.js';
import { startFakePortal, type FakePortal } from '../helpers/fake-portal.js';
import { townReport } from '../jobs/helpers.js';

const LIST = `<html><head><meta charset="utf-8"></head><body><ul>
<li><a href="/f/kz.txt">康庄镇2026年政府信息公开工作年度报告</a><span>2027-01-20</span></li>
<li><a href="/f/gone.html">唐园镇2026年政府信息公开工作年度报告</a><span>2027-01-21</span></li>
</ul></body></html>`;

describe('nianbao watch', () => {
  let t: TestDb;
  let site: FakePortal;
  let db: string[];

  beforeAll(async () => {
    vi.stubEnv('NIANBAO_WATCH_PAUSE_MS', '0');
    t = createTestDb();
    db = ['--db', t.path, '--now', '2027-01-22T10:00+08:00'];
    site = await startFakePortal({
      '/nb/index.html': { body: LIST },
      '/f/kz.txt': { body: townReport('康庄镇', '临清市', '2027年1月19日'), type: 'text/plain' },
      '/down/list.html': { status: 503 },
    });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await site.close();
    t.dispose();
  });

  it('adds a county’s list page, refusing an address that is not a web page', async () => {
    expect(await runCli([...db, 'watch', 'add', '临清市', `${site.url}/nb/index.html`])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('已添加：临清市'),
    });
    expect(await runCli([...db, 'watch', 'add', '临清市', 'ftp://example.org/x'])).toMatchObject({ code: 1, stderr: expect.stringContaining('http') });
  });

  it('runs once: stores what it finds with the list’s date and reports the link that failed', async () => {
    const r = await runCli([...db, 'watch', '--once', '--json']);
    expect(r.code).toBe(0);
    const [source] = JSON.parse(r.stdout).sources;
    expect(source.found.map((f: { name: string; published: string }) => [f.name, f.published])).toEqual([['康庄镇', '2027-01-20']]);
    expect(source.failed.map((f: { error: string }) => f.error)).toEqual([expect.stringContaining('404')]);
    const again = await runCli([...db, 'watch', '--once']);
    expect(again.stdout).toContain('新入库 0，未变 1');
  });

  it('shows the failure in check, and a failing source makes watch --once fail', async () => {
    const check = await runCli([...db, 'check', '--year', '2026', '--json']);
    expect(JSON.parse(check.stdout).watch.links.map((l: { url: string }) => l.url)).toEqual([`${site.url}/f/gone.html`]);
    expect(await runCli([...db, 'watch', 'add', '唐县', `${site.url}/down/list.html`])).toMatchObject({ code: 0 });
    const r = await runCli([...db, 'watch', '--once']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('失败：列表页打不开：网站服务器出错（HTTP 503）');
    expect(r.stdout).toContain('未变 1');
    const text = await runCli([...db, 'check', '--year', '2026']);
    expect(text.stdout).toMatch(/网站监测失败（2[^）]*）/);
    expect(text.stdout).toContain('唐县');
  });
});
