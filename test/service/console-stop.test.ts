import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { APOLOGY } from '../../src/bot/core/handle.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startService } from '../../src/service/serve.js';
import { tempDir } from '../helpers/db.js';

/** The console (issue 14): Ctrl-C stops it at once; a taken HTTP port is said and the console still starts. */

const NOW = new Date('2026-11-21T10:00:00+08:00');

function console_() {
  const input = new PassThrough();
  const output = new PassThrough();
  const printed = { text: '' };
  output.on('data', (c: Buffer) => (printed.text += c.toString()));
  return { input, output, printed };
}

describe('the console', () => {
  it('a taken HTTP port names NIANBAO_HTTP_PORT, and the console still answers', async () => {
    const dir = tempDir();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    const io = console_();
    try {
      const loaded = loadConfig({ NIANBAO_DB: join(dir, 'n.db'), NIANBAO_HTTP_PORT: String(port) });
      if (!loaded.ok) throw new Error(loaded.message);
      const service = await startService({
        config: loaded.config,
        log: silentLogger,
        console: { input: io.input, output: io.output, interactive: false },
        now: () => NOW,
        scheduler: false,
      });
      expect(service.http).toBeNull();
      expect(io.printed.text).toContain(`${port} 已被占用`);
      expect(io.printed.text).toContain('NIANBAO_HTTP_PORT');
      io.input.write('康庄镇2020年依申请公开多少件\n');
      await vi.waitFor(() => expect(io.printed.text).toMatch(/康庄镇2020年[^\n]*1件/));
      await service.stop();
    } finally {
      taken.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stop() while the console is open ends it: later lines get no answer and no apology', async () => {
    const dir = tempDir();
    const io = console_();
    try {
      const loaded = loadConfig({ NIANBAO_DB: join(dir, 'n.db'), NIANBAO_HTTP_PORT: '0' });
      if (!loaded.ok) throw new Error(loaded.message);
      const service = await startService({
        config: loaded.config,
        log: silentLogger,
        console: { input: io.input, output: io.output, interactive: false },
        now: () => NOW,
        scheduler: false,
      });
      await service.stop();
      await service.finished;
      const before = io.printed.text;
      io.input.write('康庄镇2020年依申请公开多少件\n');
      await new Promise((resolve) => setImmediate(resolve));
      expect(io.printed.text).toBe(before);
      expect(io.printed.text).not.toContain(APOLOGY.text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('npm start exits on one SIGINT (Ctrl-C) while its console waits for input', async () => {
    const dir = tempDir();
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', '--now', '2026-11-21T10:00:00+08:00', 'serve'], {
        cwd: new URL('../..', import.meta.url).pathname,
        env: { ...process.env, NIANBAO_DB: join(dir, 'x.db'), NIANBAO_HTTP_PORT: '0', LOG_LEVEL: 'silent' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      await vi.waitFor(() => expect(out).toContain('年报助手已启动'), { timeout: 60_000, interval: 100 });
      child.kill('SIGINT');
      expect(await closed).toBe(0);
      expect(out).not.toContain(APOLOGY.text);
      child.stdin.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
