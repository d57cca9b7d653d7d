import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderChartPng } from '../../src/bot/adapters/chart.js';
import { createMemorySeenUpdates } from '../../src/bot/adapters/dedupe.js';
import { createPipeline } from '../../src/bot/adapters/pipeline.js';
import { startTelegram } from '../../src/bot/adapters/telegram.js';
import { createCore } from '../../src/bot/core/index.js';
import { createMemorySubscriptionStore } from '../../src/bot/subscriptions.js';
import type { ChartSpec } from '../../src/bot/types.js';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import type { ParsedReport } from '../../src/parsing/types.js';
import { tempDir } from '../helpers/db.js';
import { startFakeTelegram } from '../helpers/fake-telegram.js';
import { createMemoryStore, parseFile } from '../helpers/memory-store.js';
import { decodePng, type Pixels } from '../helpers/png.js';
import { seedPath } from '../helpers/seeds.js';

/** Charts drawn on the server (issue 14): checked by their decoded pixels, not by a file existing. */

const log = pino({ level: 'silent' });
const TODAY = new Date('2026-11-21T10:00:00+08:00');
const LINE: ChartSpec = {
  type: 'line',
  title: '康庄镇依申请公开（2018–2022年）',
  labels: ['2018', '2019', '2020', '2021', '2022'],
  series: [{ name: '依申请公开', values: [3, 5, null, 1, 7] }],
  unit: '件',
};
const BAR: ChartSpec = {
  type: 'bar',
  title: '2021年主动公开排名',
  labels: ['龙潭镇', '康庄镇', '张家坡镇'],
  series: [{ name: '主动公开', values: [1374, 170, 95] }],
  unit: '条',
};

/** Pixels darker than light grey (text, axes) inside a box. */
function dark(p: Pixels, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++)
      if (
        p
          .at(x, y)
          .slice(0, 3)
          .every((c) => c < 128)
      )
        n++;
  return n;
}

/** Saturated blue pixels (the series' colour) inside a box. */
function blue(p: Pixels, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const [r, g, b] = p.at(x, y);
      if (b > 150 && b - r > 60 && b - g > 30) n++;
    }
  return n;
}

describe('chart PNG', () => {
  it('a trend is a 1600×960 PNG whose title and axis labels are drawn (the shipped CJK font)', () => {
    const p = decodePng(renderChartPng(LINE));
    expect([p.width, p.height]).toEqual([1600, 960]);
    expect(p.at(5, 5)).toEqual([255, 255, 255, 255]);
    // The title band, centred; the same chart without a title has nothing there.
    expect(dark(p, 400, 10, 1200, 70)).toBeGreaterThan(2000);
    expect(dark(decodePng(renderChartPng({ ...LINE, title: '' })), 400, 10, 1200, 70)).toBe(0);
    // Year labels under the axis, and the line itself.
    expect(dark(p, 100, 820, 1560, 900)).toBeGreaterThan(300);
    expect(blue(p, 140, 100, 1560, 820)).toBeGreaterThan(500);
  });

  it('a ranking is bars, tallest first', () => {
    const p = decodePng(renderChartPng(BAR));
    const column = (x0: number, x1: number) => blue(p, x0, 120, x1, 820);
    // Three bars across the plot: the first (1374) covers far more than the third (95).
    const third = (1600 - 144 - 64) / 3;
    const [a, b, c] = [0, 1, 2].map((i) => column(144 + i * third, 144 + (i + 1) * third));
    expect(a!).toBeGreaterThan(b! * 4);
    expect(b!).toBeGreaterThan(c!);
    expect(c!).toBeGreaterThan(0);
  });
});

/** One organisation over five years: the 康庄镇 seed filed again for 2018–2022 with other figures. */
function fiveYears() {
  const store = createMemoryStore();
  const seed = parseFile(seedPath('kangzhuang-2020'));
  for (const [i, year] of [2018, 2019, 2020, 2021, 2022].entries()) {
    const report: ParsedReport = { ...seed, year, metrics: { ...seed.metrics, 'applications.new.total': [2, 4, 1, 6, 3][i]! } };
    store.add(report, `${year}.txt`);
  }
  return createCore({ store, now: () => TODAY, calendar: DEFAULT_CALENDAR });
}

describe('which answers carry a chart', () => {
  const core = fiveYears();
  it('a trend over more than three years, with the figures of its rows', () => {
    const a = core.ask('康庄镇近五年依申请公开多少件', TODAY);
    expect(a.kind).toBe('trend');
    expect(a.chart).toMatchObject({ type: 'line', labels: ['2018', '2019', '2020', '2021', '2022'], series: [{ values: [2, 4, 1, 6, 3] }] });
  });
  it('a two-year trend only when asked to draw it', () => {
    expect(core.ask('康庄镇2021到2022年依申请公开多少件', TODAY).chart).toBeUndefined();
    expect(core.ask('画一下康庄镇2021到2022年依申请公开', TODAY).chart).toMatchObject({ labels: ['2021', '2022'] });
  });
  it('a single figure carries none', () => {
    expect(core.ask('康庄镇2020年依申请公开多少件', TODAY).chart).toBeUndefined();
  });
});

describe('charts through the entries', () => {
  it('telegram sends the chart as a photo after the text', async () => {
    const fake = await startFakeTelegram();
    const pipeline = createPipeline({
      core: fiveYears(),
      subscriptions: createMemorySubscriptionStore(),
      seen: createMemorySeenUpdates(),
      admins: [],
      log,
      now: () => TODAY,
    });
    const handle = await startTelegram({ config: { telegram: { token: fake.token, apiRoot: fake.apiRoot } }, pipeline, log });
    try {
      fake.pushMessage({ id: 42, type: 'private' }, { id: 42 }, '康庄镇近五年依申请公开多少件');
      await vi.waitFor(() => expect(fake.photos).toHaveLength(1), { timeout: 15_000 });
      expect(fake.sent.map((b) => String(b.text))[0]).toContain('康庄镇');
      expect(fake.photos[0]!.chat_id).toBe('42');
      expect(fake.photos[0]!.caption).toContain('康庄镇');
      const p = decodePng(fake.photos[0]!.png);
      expect(p.width).toBe(1600);
      expect(dark(p, 400, 10, 1200, 70)).toBeGreaterThan(1000);
    } finally {
      await handle.stop();
      await fake.close();
    }
  });

  describe('nianbao ask --save', () => {
    const run = promisify(execFile);
    const ROOT = new URL('../..', import.meta.url).pathname;
    let dir: string;
    beforeAll(async () => {
      dir = tempDir();
      await run(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', '--db', join(dir, 'n.db'), 'ingest', 'test/fixtures/seed-reports'], { cwd: ROOT });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('writes the ranking chart into the folder and lists it in --json', async () => {
      const out = join(dir, 'out');
      const args = [
        '--import',
        'tsx',
        'src/cli/run.ts',
        '--db',
        join(dir, 'n.db'),
        '--now',
        '2026-11-21T10:00:00+08:00',
        'ask',
        '2020年各镇主动公开排名图',
        '--json',
        '--save',
        out,
      ];
      const json = JSON.parse((await run(process.execPath, args, { cwd: ROOT })).stdout) as {
        kind: string;
        attachments: Array<{ type: string; file: string; title: string }>;
      };
      expect(json.kind).toBe('rank');
      expect(json.attachments).toEqual([{ type: 'image/png', file: join(out, 'chart.png'), title: expect.stringContaining('主动公开') }]);
      const p = decodePng(readFileSync(join(out, 'chart.png')));
      expect(p.width).toBe(1600);
      expect(blue(p, 140, 120, 1560, 820)).toBeGreaterThan(1000);
    });
  });
});
