import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ParseJson } from '../../src/parsing/contract.js';
import { seedPath } from '../helpers/seeds.js';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;

/** Runs the command line as a user would (npm run --silent nianbao -- …), without a shell. */
async function nianbao(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('nianbao parse', () => {
  it('--json prints exactly one contract document', async () => {
    const r = await nianbao('parse', seedPath('kangzhuang-2020'), '--json');
    expect(r.code).toBe(0);
    const json = ParseJson.parse(JSON.parse(r.stdout));
    expect(json).toMatchObject({ file: 'kangzhuang-2020.txt', name: '康庄镇', year: 2020, format: 'gov2019' });
    expect(json.metrics['applications.new.total']).toBe(1);
    expect(json.sources['applications.new.total']).toEqual({
      line: 119,
      text: '1',
      derived: false,
      table: '表三',
      row: '本年新收政府信息公开申请数量',
      col: '总计',
    });
  });

  it('prints a readable summary without --json', async () => {
    const r = await nianbao('parse', seedPath('mianyang-2021'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('棉洋镇人民政府');
    expect(r.stdout).toContain('TRUNCATED_TABLE');
    expect(r.stdout).toContain('行政许可处理决定：2624件');
  });

  it('refuses bad input with one clear line and a non-zero exit, never a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
    const files = {
      empty: join(dir, 'empty.txt'),
      binary: join(dir, 'image.bin'),
      notice: join(dir, 'notice.txt'),
    };
    writeFileSync(files.empty, '');
    writeFileSync(files.binary, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256)));
    writeFileSync(files.notice, '关于开展春季植树活动的通知\n各村：请于三月十二日前报名。');
    const cases: Array<[string, string, string | null]> = [
      [files.empty, '空', 'EMPTY'],
      [files.binary, '不是文本文件', 'BINARY'],
      [files.notice, '不是政府信息公开工作年度报告', 'NOT_A_REPORT'],
      [join(dir, 'missing.txt'), '读不到文件', null],
    ];
    for (const [file, words, code] of cases) {
      const r = await nianbao('parse', file, '--json');
      expect(r.code, file).toBe(1);
      // A file that was read but refused has its code as JSON (data contract §6.1); a missing one has none.
      if (code) expect(JSON.parse(r.stdout)).toEqual({ error: { code, message: expect.any(String) } });
      else expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(words);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });
});
