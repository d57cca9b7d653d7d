import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpExposureProblem, loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { hostName } from '../../src/service/http-access.js';
import { startService, type Service } from '../../src/service/serve.js';
import { tempDir } from '../helpers/db.js';
import { rawGet, seedCounty, serviceConfig } from '../helpers/status-service.js';

const NOW_ISO = '2021-01-25T10:00:00+08:00';
const TOKEN = 'county-office-token-0123456789';

describe('who may read the HTTP entry', { timeout: 120_000 }, () => {
  let dir: string;
  let db: string;
  let service: Service;
  const get = (path: string, headers: Record<string, string> = {}) => rawGet(service.http!.port, path, { host: `127.0.0.1:${service.http!.port}`, ...headers });

  beforeAll(async () => {
    dir = tempDir();
    db = await seedCounty(dir, NOW_ISO);
    const config = serviceConfig(db, { NIANBAO_HTTP_TOKEN: TOKEN, NIANBAO_HTTP_ALLOWED_HOSTS: 'nianbao.county.example' });
    service = await startService({ config, log: silentLogger, console: null, now: () => new Date(NOW_ISO), scheduler: false });
  }, 120_000);
  afterAll(async () => {
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with a token set, every route but /healthz needs it', async () => {
    expect((await get('/healthz')).status).toBe(200);
    for (const path of ['/status', '/status.json', '/export.xlsx', '/report/1']) {
      const none = await get(path);
      expect([path, none.status]).toEqual([path, 401]);
      expect(none.headers['www-authenticate']).toBe('Bearer');
      expect(JSON.parse(none.body).error).toContain('令牌');
      expect([path, (await get(path, { authorization: `Bearer ${TOKEN}x` })).status]).toEqual([path, 401]);
      expect([path, (await get(path, { authorization: `Bearer ${TOKEN}` })).status]).toEqual([path, 200]);
    }
    const ask = await fetch(`http://127.0.0.1:${service.http!.port}/ask`, { method: 'POST', body: JSON.stringify({ question: '帮助' }) });
    expect(ask.status).toBe(401);
    const asked = await fetch(`http://127.0.0.1:${service.http!.port}/ask`, {
      method: 'POST',
      body: JSON.stringify({ question: '帮助' }),
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(asked.status).toBe(200);
  });

  it('a browser opening ?token= gets a cookie and the address without the token', async () => {
    const wrong = await get(`/status?year=2020&token=${TOKEN}x`);
    expect(wrong.status).toBe(401);
    const first = await get(`/status?year=2020&token=${TOKEN}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/status?year=2020');
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    expect(String(first.headers['set-cookie'])).toContain('HttpOnly');
    expect((await get('/status?year=2020', { cookie })).status).toBe(200);
  });

  it('answers a Host that is not the service with 421, token or not (DNS rebinding)', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    for (const host of ['evil.example', `evil.example:${service.http!.port}`, '127.0.0.1.evil.example', 'localhost@evil.example']) {
      const res = await get('/status.json', { ...auth, host });
      expect([host, res.status]).toEqual([host, 421]);
    }
    for (const host of [
      `localhost:${service.http!.port}`,
      '127.0.0.1',
      'nianbao.county.example',
      'NIANBAO.county.example:443',
      `[::1]:${service.http!.port}`,
    ]) {
      expect([host, (await get('/status.json', { ...auth, host })).status]).toEqual([host, 200]);
    }
  });

  it('reads the Host header name without its port, and nothing malformed', () => {
    expect(hostName('localhost:8787')).toBe('localhost');
    expect(hostName('[::1]:8787')).toBe('::1');
    expect(hostName('Example.ORG')).toBe('example.org');
    expect(hostName('a b')).toBeNull();
    expect(hostName('user@host')).toBeNull();
    expect(hostName(undefined)).toBeNull();
  });

  it('refuses to start on a non-loopback address without a token, and reads the token with zod', async () => {
    const exposed = serviceConfig(db, { NIANBAO_HTTP_HOST: '0.0.0.0' });
    expect(httpExposureProblem(exposed)).toContain('NIANBAO_HTTP_TOKEN');
    await expect(startService({ config: exposed, log: silentLogger, console: null, scheduler: false })).rejects.toThrow(/NIANBAO_HTTP_TOKEN/);
    expect(httpExposureProblem(serviceConfig(db, { NIANBAO_HTTP_HOST: '0.0.0.0', NIANBAO_HTTP_TOKEN: TOKEN }))).toBeNull();
    expect(httpExposureProblem(serviceConfig(db, { NIANBAO_HTTP_HOST: '::1' }))).toBeNull();
    const short = loadConfig({ NIANBAO_HTTP_TOKEN: 'short' });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.message).toContain('NIANBAO_HTTP_TOKEN');
    const dflt = loadConfig({});
    expect(dflt.ok && dflt.config.httpToken).toBe(null);
  });
});
