import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createTestDb, type TestDb } from '../helpers/db.js';

/**
 * One calendar for every answer: `check --json`, `ask` and the reminder plan, on a real database
 * with the seed reports, agree about 康庄镇's 2020 report (临清市, signed 2021-01-20) before and
 * after 临清市's deadline is moved to 17 January (NIANBAO_DEADLINES), and back. The reports are
 * ingested while the override is set, and the database also holds the LATE row an older version
 * froze at ingest, so an answer read from storage would show up as "late" once the override is gone.
 */

const SEEDS = fileURLToPath(new URL('../fixtures/seed-reports', import.meta.url));
const OVERRIDE = '临清市=01-17';

async function run(args: string[], deadlines: string | undefined) {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  vi.stubEnv('NIANBAO_DEADLINES', deadlines ?? '');
  try {
    const code = await main(args);
    if (code !== 0) throw new Error(`nianbao ${args.join(' ')} → ${code}: ${stderr}`);
    return stdout;
  } finally {
    vi.unstubAllEnvs();
    out.mockRestore();
    err.mockRestore();
  }
}

interface Views {
  check: { status: string; codes: string[]; deadline: string };
  askOne: { onTime: boolean; deadline: string; text: string };
  askYear: { names: string[]; text: string };
  plan: string;
}

let t: TestDb;
let db: string[];

/** What each entry says about 康庄镇 2020, under one configuration, on 1 February 2021. */
async function views(deadlines: string | undefined): Promise<Views> {
  const at = ['--now', '2021-02-01T09:00+08:00'];
  const json = async (...args: string[]) => JSON.parse(await run([...db, ...at, ...args, '--json'], deadlines));
  const check = (await json('check', '--year', '2020')).rows.find((r: { name: string }) => r.name === '康庄镇');
  const one = await json('ask', '康庄镇2020年逾期了吗');
  const year = await json('ask', '2020年哪些镇逾期了');
  const plan = (await json('remind', '--dry-run')).messages.find((m: { target: string }) => m.target === 'console:linqing');
  return {
    check: { status: check.status, codes: check.codes, deadline: check.deadline },
    askOne: { onTime: one.rows[0].onTime, deadline: one.rows[0].deadline, text: one.text },
    askYear: { names: year.rows.map((r: { name: string }) => r.name), text: year.text },
    plan: plan?.text ?? '',
  };
}

/** Whether each entry calls the report late; they must all say the same. */
const lateIn = (v: Views) => [
  v.check.status === 'late' && v.check.codes.includes('LATE'),
  !v.askOne.onTime,
  v.askYear.names.includes('康庄镇'),
  /逾期发布（\d+）：[^\n]*康庄镇/.test(v.plan),
];

beforeAll(async () => {
  t = createTestDb();
  db = ['--db', t.path];
  // 烟店镇 never files, so 临清市's county group keeps getting the weekly escalation.
  writeFileSync(join(t.dir, 'roster.csv'), 'name,region\n康庄镇,临清市\n烟店镇,临清市\n');
  await run([...db, 'roster', 'import', join(t.dir, 'roster.csv')], OVERRIDE);
  await run([...db, '--now', '2021-01-21T10:00+08:00', 'ingest', SEEDS], OVERRIDE);
  // What a version that judged lateness at ingest left behind: a LATE row frozen with the report.
  const kangzhuang = t.sqlite.prepare("SELECT reports.id FROM reports JOIN orgs ON orgs.id = reports.org_id WHERE orgs.name = '康庄镇'").pluck().get();
  t.sqlite
    .prepare(
      "INSERT INTO findings (report_id, code, severity, message, source) VALUES (?, 'LATE', 'error', '报告落款日期2021-01-20晚于截止日期2021-01-17，属于逾期发布', 'parse')",
    )
    .run(kangzhuang);
  t.stores.subscriptions.subscribe(
    { transport: 'console', chatId: 'linqing' },
    { kind: 'region', name: '临清市' },
    'console:admin',
    new Date('2021-01-05T00:00:00Z'),
  );
});
afterAll(() => t.dispose());

describe('one calendar: check, ask and the reminder plan agree on lateness', () => {
  it('with the default deadline (31 January), 康庄镇 2020 is on time everywhere', async () => {
    const v = await views(undefined);
    expect(lateIn(v)).toEqual([false, false, false, false]);
    expect(v.check).toEqual({ status: 'ok', codes: [], deadline: '2021-01-31' });
    expect(v.askOne.deadline).toBe('2021-01-31');
    expect(v.askOne.text).toContain('按时发布');
    expect(v.askYear.text).toContain('没有逾期发布的报告');
    // 1 February is D+1: the first escalation, which names who is missing and nobody late.
    expect(v.plan).toContain('已于2021年1月31日截止（已过1天）');
    expect(v.plan).toContain('未发布（1）：烟店镇');
  });

  it('after 临清市 moves its deadline to 17 January, 康庄镇 2020 is late everywhere', async () => {
    const v = await views(OVERRIDE);
    expect(lateIn(v)).toEqual([true, true, true, true]);
    expect(v.check).toEqual({ status: 'late', codes: ['LATE'], deadline: '2021-01-17' });
    expect(v.askOne.deadline).toBe('2021-01-17');
    expect(v.askOne.text).toContain('晚了3天，属于逾期发布');
    expect(v.askYear.text).toContain('康庄镇2020年度：逾期发布');
    // 1 February is D+15 of the new deadline: the weekly escalation lists the late filer.
    expect(v.plan).toContain('已于2021年1月17日截止（已过15天）');
    expect(v.plan).toContain('逾期发布（1）：康庄镇（落款2021年1月20日）');
  });

  it('when the override is removed again, every answer goes back together', async () => {
    const v = await views(undefined);
    expect(lateIn(v)).toEqual([false, false, false, false]);
    expect(v.check.deadline).toBe('2021-01-31');
  });

  it('other counties keep the default deadline', async () => {
    const rows = JSON.parse(await run([...db, '--now', '2021-02-01T09:00+08:00', 'check', '--year', '2020', '--json'], OVERRIDE)).rows;
    expect(rows.find((r: { name: string }) => r.name === '龙潭镇')).toMatchObject({ region: '霍邱县', deadline: '2021-01-31' });
  });
});
