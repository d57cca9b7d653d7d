import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { startService, type Service } from '../../src/service/serve.js';
import { tempDir } from '../helpers/db.js';
import { HOSTILE_NAME, seedCounty, serviceConfig } from '../helpers/status-service.js';

const NOW_ISO = '2021-01-25T10:00:00+08:00';
/** Screenshots for a person to look at (gitignored; CI may keep them). */
const ARTIFACTS = new URL('../../artifacts/', import.meta.url).pathname;

describe('the status page in headless Chromium, on a phone-sized screen', () => {
  let dir: string;
  let service: Service;
  let browser: Browser;

  beforeAll(async () => {
    dir = tempDir();
    const db = await seedCounty(dir, NOW_ISO);
    service = await startService({ config: serviceConfig(db), log: silentLogger, console: null, now: () => new Date(NOW_ISO), scheduler: false });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the towns of 霍邱县 with their statuses, the countdown and the chart, and leads to a report', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const blocked: string[] = [];
    // The page must need nothing from elsewhere: any request but its own is recorded.
    page.on('request', (r) => {
      if (!r.url().startsWith(`http://127.0.0.1:${service.http!.port}/`)) blocked.push(r.url());
    });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`http://127.0.0.1:${service.http!.port}/status?year=2020&region=${encodeURIComponent('霍邱县')}`);

    const rows = page.locator('li.org');
    await expect.poll(() => rows.count()).toBe(3);
    const seen = await rows.evaluateAll((els) => els.map((e) => [e.querySelector('.name')!.textContent, e.querySelector('.badge')!.textContent]));
    expect(seen[0]).toEqual(['龙潭镇', '不完整']);
    expect(seen.slice(1).sort()).toEqual(
      [
        ['城关镇', '尚未发布，未到截止日'],
        [HOSTILE_NAME, '尚未发布，未到截止日'],
      ].sort(),
    );
    // The hostile name is text on the screen; no script of it ran.
    expect(dialogs).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#countdown').innerText()).toBe('距2020年度年报截止（2021-01-31）还有 6 天');
    expect(await rows.first().locator('ul.findings').innerText()).toContain('第三张表');

    // The chart has drawn: an SVG with a size on the screen, bars and the Chinese legend.
    const chart = page.locator('#chart svg');
    const box = (await chart.boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    expect(box.height).toBeGreaterThan(80);
    // 霍邱县 has one report on file, for 2020: one tall bar, drawn in the series colour.
    const bars = await chart
      .locator('path')
      .evaluateAll((ps) => ps.filter((p) => p.getAttribute('fill') !== 'none' && (p as SVGGraphicsElement).getBoundingClientRect().height > 40).length);
    expect(bars).toBe(1);
    expect(await chart.locator('text').allTextContents()).toEqual(expect.arrayContaining(['在案年报（份）', '新收依申请公开', '2020']));
    expect(await chart.locator('text').allTextContents()).not.toContain('2022');
    // Chinese renders in a CJK font, and the page fits a phone's width.
    expect(await page.evaluate(() => document.fonts.check('16px "WenQuanYi Micro Hei"', '龙潭镇'))).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'status-huoqiu-2020.png'), fullPage: true });

    await rows.first().locator('a.report-link').click();
    await page.waitForURL(/\/report\/\d+$/);
    expect(await page.locator('h1').innerText()).toContain('龙潭镇');
    expect(await page.locator('#key-figures').isVisible()).toBe(true);
    expect(await page.locator('table[data-table="表三"]').isVisible()).toBe(true);
    expect(await page.locator('#findings').innerText()).toContain('（原文第 42 行）');
    expect(await page.locator('#versions li').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'report-longtan-2020.png'), fullPage: true });
    expect(statSync(join(ARTIFACTS, 'status-huoqiu-2020.png')).size).toBeGreaterThan(10_000);
    expect(blocked).toEqual([]);
    await page.close();
  }, 120_000);
});
