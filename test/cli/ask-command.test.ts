import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/db.js';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;

describe('nianbao ask', () => {
  let dir: string;
  let db: string;
  const nianbao = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', '--db', db, ...args], { cwd: ROOT });

  beforeAll(async () => {
    dir = tempDir();
    db = join(dir, 'n.db');
    await nianbao('ingest', 'samples/reports');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--json answers exactly as the bot, in the contract shape', async () => {
    const { stdout } = await nianbao('ask', '康庄镇去年依申请公开多少件', '--now', '2021-03-01T10:00:00+08:00', '--json');
    const json = JSON.parse(stdout) as { kind: string; text: string; rows: unknown[] };
    expect(Object.keys(json).sort()).toEqual(['kind', 'rows', 'text']);
    expect(json.kind).toBe('metric');
    expect(json.rows).toEqual([{ name: '康庄镇', year: 2020, metric: 'applications.new.total', value: 1 }]);
  });

  it('prints the answer text without --json', async () => {
    const { stdout } = await nianbao('ask', '大刘庄镇2022年报告有什么问题');
    expect(stdout).toContain('大刘庄镇');
    expect(stdout).toMatch(/旧|OUTDATED_FORMAT/);
  });

  it('counts down to the deadline from --now', async () => {
    const { stdout } = await nianbao('ask', '今年的年报什么时候截止', '--now', '2026-11-21T10:00:00+08:00', '--json');
    const json = JSON.parse(stdout) as { kind: string; text: string };
    expect(json.kind).toBe('deadline');
    expect(json.text).toContain('2027-01-31');
    expect(json.text).toContain('71');
  });
});
