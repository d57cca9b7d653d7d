import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDb } from '../../db/client.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Finding } from '../../src/parsing/types.js';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;

/** `nianbao --db <db> --now <now> …` in a child process, as a person types it. */
export const nianbao = (db: string, now: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', '--db', db, '--now', now, ...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });

/** A name and a finding written to attack the page: they must come out as text. */
// No spaces: roster import takes them out of names (Chinese names have none).
export const HOSTILE_NAME = '<img/src=x/onerror=alert(1)>镇';
export const HOSTILE_FINDING = '<script>alert("finding")</script> & 第三张表 </li></ul><b>加粗</b>';

/**
 * A county of the samples made bigger: the five sample reports, a roster of 霍邱县 with two towns
 * that have not filed (one with a hostile name), and a hostile finding on 龙潭镇's report that
 * makes it incomplete. Written through the command line and the finding store: a real database.
 */
export async function seedCounty(dir: string, now: string): Promise<string> {
  const db = join(dir, 'nianbao.db');
  await nianbao(db, now, 'ingest', 'samples/reports');
  const csv = join(dir, 'roster.csv');
  writeFileSync(csv, `名称,地区\n龙潭镇,霍邱县\n城关镇,霍邱县\n${HOSTILE_NAME},霍邱县\n康庄镇,临清市\n`);
  await nianbao(db, now, 'roster', 'import', csv);
  const handle = openDb(db);
  try {
    const longtan = handle.stores.reports.listOrgs().find((o) => o.name === '龙潭镇')!;
    const report = handle.stores.reports.currentReport(longtan.id, 2020)!;
    const finding: Finding = { code: 'TRUNCATED_TABLE', severity: 'error', message: HOSTILE_FINDING, line: 42 };
    handle.immediate(() => handle.stores.findings.insert(report.id, [finding], 'parse', null));
  } finally {
    handle.close();
  }
  return db;
}

export function serviceConfig(db: string, env: Record<string, string> = {}): Config {
  const loaded = loadConfig({ NIANBAO_DB: db, NIANBAO_HTTP_PORT: '0', ...env });
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.config;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with headers fetch will not send as given (Host), to 127.0.0.1. */
export function rawGet(port: number, path: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}
