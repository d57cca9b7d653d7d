import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../src/catalog/index.js';
import { tempDir } from '../helpers/db.js';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const NOW = '2027-03-01T10:00:00+08:00';

type Sheets = Array<{ sheet: string; data: unknown[][] }>;

// Each test runs the command line several times: generous on a loaded machine.
describe('nianbao export', { timeout: 120_000 }, () => {
  let dir: string;
  let db: string;
  const nianbao = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', '--db', db, '--now', NOW, ...args], { cwd: ROOT });

  beforeAll(async () => {
    dir = tempDir();
    db = join(dir, 'n.db');
    await nianbao('ingest', 'samples/reports');
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a status sheet with the rows of check --json and one sheet per table with the stored figures', async () => {
    const out = join(dir, '2020.xlsx');
    const { stdout } = await nianbao('export', '--year', '2020', '--out', out, '--json');
    expect(JSON.parse(stdout)).toMatchObject({ file: out, year: 2020, region: null, organisations: 5, reports: 2 });
    const check = JSON.parse((await nianbao('check', '--year', '2020', '--json')).stdout) as { rows: Array<Record<string, unknown>> };
    const sheets = (await readXlsxFile(out)) as Sheets;
    expect(sheets.map((s) => s.sheet)).toEqual(['状态', '表二', '表三', '表四']);

    const [header, ...rows] = sheets[0]!.data;
    expect(header).toEqual(['单位', '地区', '年度', '状态', '状态代码', '问题', '落款日期', '发布日期', '截止日期']);
    // Same organisations, same order, same statuses and codes as check --json.
    expect(rows.map((r) => [r[0], r[1], r[2], r[4]])).toEqual(check.rows.map((r) => [r.name, r.region, r.year, r.status]));
    const missing = rows.find((r) => r[0] === '张家坡镇')!;
    expect(missing[3]).toBe('未发布（已逾期）');
    expect(missing[5]).toContain('MISSING');
    expect(rows.find((r) => r[0] === '康庄镇')![6]).toBe('2021-01-20');

    // 表三 carries 康庄镇's figures as parse --json reads them, blank cells blank.
    const parsed = JSON.parse((await nianbao('parse', 'samples/reports/kangzhuang-2020.txt', '--json')).stdout) as { metrics: Record<string, number | null> };
    const t3 = sheets.find((s) => s.sheet === '表三')!.data;
    const keys = METRICS.filter((m) => m.table === '表三').map((m) => m.key);
    expect(new Set(t3[0]).size).toBe(t3[0]!.length);
    const kangzhuang = t3.find((r) => r[0] === '康庄镇')!;
    keys.forEach((key, i) => expect([key, kangzhuang[3 + i] ?? null]).toEqual([key, parsed.metrics[key] ?? null]));
    expect(kangzhuang[3 + keys.indexOf('applications.new.total')]).toBe(1);

    // 龙潭镇 prints 表四's review row blank: blank in the sheet, not 0.
    const longtan = JSON.parse((await nianbao('parse', 'samples/reports/longtan-2020.txt', '--json')).stdout) as { metrics: Record<string, number | null> };
    const t4 = sheets.find((s) => s.sheet === '表四')!.data;
    const t4keys = METRICS.filter((m) => m.table === '表四').map((m) => m.key);
    const row = t4.find((r) => r[0] === '龙潭镇')!;
    expect(longtan.metrics['review.total']).toBeNull();
    expect(row[3 + t4keys.indexOf('review.total')]).toBeNull();
    t4keys.forEach((key, i) => expect([key, row[3 + i] ?? null]).toEqual([key, longtan.metrics[key] ?? null]));
  });

  it('keeps to one county with --region and refuses a file that is not .xlsx', async () => {
    const out = join(dir, 'huoqiu.xlsx');
    await nianbao('export', '--year', '2020', '--region', '霍邱县', '--out', out);
    const sheets = (await readXlsxFile(out)) as Sheets;
    expect(sheets[0]!.data.slice(1).map((r) => [r[0], r[1]])).toEqual([['龙潭镇', '霍邱县']]);
    await expect(nianbao('export', '--out', join(dir, 'x.csv'))).rejects.toMatchObject({ stderr: expect.stringContaining('.xlsx') });
  });
});
