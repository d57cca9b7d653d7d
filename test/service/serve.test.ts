import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../db/client.js';
import { loadConfig, type Config } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startService, type Service } from '../../src/service/serve.js';
import { tempDir } from '../helpers/db.js';

const NOW = new Date('2026-11-21T10:00:00+08:00');
/** Real time as the chat guards see it; a test asking many questions moves it on, as a person waits between them. */
let waited = 0;
const waitBetweenQuestions = () => (waited += 12_000);

function testConfig(dbPath: string): Config {
  const loaded = loadConfig({ NIANBAO_DB: dbPath, NIANBAO_HTTP_PORT: '0' });
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.config;
}

async function post(service: Service, body: string) {
  const res = await fetch(`http://127.0.0.1:${service.http!.port}/ask`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  return { status: res.status, json: (await res.json()) as { kind: string; text: string; rows: Array<Record<string, unknown>>; error?: string } };
}

describe('the service on a fresh database', () => {
  let dir: string;
  let service: Service;
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c: Buffer) => (printed += c.toString()));

  beforeAll(async () => {
    dir = tempDir();
    service = await startService({
      config: testConfig(join(dir, 'nianbao.db')),
      log: silentLogger,
      console: { input, output, interactive: false },
      now: () => NOW,
      wallClock: () => new Date(Date.now() + waited),
      scheduler: false,
    });
  });
  afterAll(async () => {
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingests the bundled sample reports and says so', () => {
    expect(printed).toContain('已导入 5 份示例年报');
  });

  it('answers over HTTP with the contract JSON', async () => {
    const { status, json } = await post(service, JSON.stringify({ question: '康庄镇2020年依申请公开多少件' }));
    expect(status).toBe(200);
    expect(json.kind).toBe('metric');
    expect(json.rows).toEqual([expect.objectContaining({ name: '康庄镇', year: 2020, metric: 'applications.new.total', value: 1 })]);
    expect(json.text).toContain('1件');
  });

  it('answers health checks and refuses malformed requests with a reason', async () => {
    const health = await fetch(`http://127.0.0.1:${service.http!.port}/healthz`);
    expect(await health.json()).toMatchObject({ ok: true, years: [2020, 2021, 2022] });
    expect((await post(service, '{not json')).status).toBe(400);
    expect((await post(service, JSON.stringify({ q: 'x' }))).json.error).toContain('question');
    const wrong = await fetch(`http://127.0.0.1:${service.http!.port}/ask`);
    expect(wrong.status).toBe(405);
  });

  it('answers nonsense, long, empty, control-character and SQL-looking questions politely and changes nothing', async () => {
    const before = openDb(join(dir, 'nianbao.db'));
    const count = () => before.sqlite.prepare('select count(*) as n from reports').get() as { n: number };
    const n = count().n;
    const questions = ['', '   ', 'a'.repeat(600), '康庄镇\u0000\u0007\u001b[31m2020年依申请公开', "'; DROP TABLE reports; --", '你好呀 今天天气怎么样'];
    for (const question of questions) {
      waitBetweenQuestions();
      const { status, json } = await post(service, JSON.stringify({ question }));
      expect(status, question.slice(0, 20)).toBe(200);
      expect(json.text.length).toBeGreaterThan(0);
      expect(json.rows.every((r) => r.value === undefined || typeof r.value === 'number' || r.value === null)).toBe(true);
    }
    expect(count().n).toBe(n);
    before.close();
  });

  it('answers in the console chat, one question a line', async () => {
    input.write('龙潭镇2020年主动公开了多少条信息\n');
    await vi.waitFor(() => expect(printed).toContain('1374条'));
  });

  it('stops when the console input ends', async () => {
    input.end();
    await service.finished;
    await expect(fetch(`http://127.0.0.1:${service.http!.port}/healthz`)).rejects.toThrow();
  });
});

describe('npm start with questions piped on standard input', () => {
  it('prints an answer for each line, then exits', async () => {
    const dir = tempDir();
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', '--now', '2026-11-21T10:00:00+08:00', 'serve'], {
        cwd: new URL('../..', import.meta.url).pathname,
        env: { ...process.env, NIANBAO_DB: join(dir, 'x.db'), NIANBAO_HTTP_PORT: '0', LOG_LEVEL: 'silent' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stdin.end('康庄镇2020年依申请公开多少件\n今年的年报什么时候截止\n');
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(0);
      expect(out).toContain('已导入 5 份示例年报');
      expect(out).toMatch(/康庄镇2020年[^\n]*1件/);
      expect(out).toContain('2027-01-31');
      expect(out).toContain('71天');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
