import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('works with nothing set, on the defaults of the data contract', () => {
    const r = loadConfig({});
    if (!r.ok) throw new Error(r.message);
    expect(r.config).toMatchObject({
      dbPath: 'data/nianbao.db',
      httpHost: '127.0.0.1',
      httpPort: 8787,
      timeZone: 'Asia/Shanghai',
      admins: [],
      telegram: null,
      wechat: null,
      logLevel: 'info',
    });
    expect(Object.isFrozen(r.config)).toBe(true);
  });

  it('names every bad variable in one clear message', () => {
    const r = loadConfig({ NIANBAO_HTTP_PORT: '99999', NIANBAO_TZ: 'Mars/Olympus', NIANBAO_ADMINS: 'bob', LOG_LEVEL: 'loud' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const name of ['NIANBAO_HTTP_PORT', 'NIANBAO_TZ', 'NIANBAO_ADMINS', 'LOG_LEVEL']) expect(r.message).toContain(name);
    expect(r.message).toContain('Asia/Shanghai');
  });

  it('reads admins, regional deadlines and the Telegram token', () => {
    const r = loadConfig({
      NIANBAO_ADMINS: 'telegram:123, wechat:wxid_abc',
      NIANBAO_DEADLINES: '霍邱县=02-20',
      TELEGRAM_BOT_TOKEN: '1:abc',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9999',
    });
    if (!r.ok) throw new Error(r.message);
    expect(r.config.admins).toEqual(['telegram:123', 'wechat:wxid_abc']);
    expect(r.config.deadlineOverrides).toEqual({ 霍邱县: '02-20' });
    expect(r.config.telegram).toMatchObject({ token: '1:abc', apiRoot: 'http://127.0.0.1:9999' });
    expect(r.config.telegram?.webhook).toBeUndefined();
  });

  it('turns on the webhook only with an https address and its secret', () => {
    const base = { TELEGRAM_BOT_TOKEN: '1:abc', TELEGRAM_WEBHOOK_URL: 'https://bot.example.gov.cn/tg/hook' };
    const missing = loadConfig(base);
    expect(missing.ok ? 'accepted' : missing.message).toContain('TELEGRAM_WEBHOOK_SECRET');
    const plain = loadConfig({ ...base, TELEGRAM_WEBHOOK_URL: 'http://bot.example.gov.cn/hook', TELEGRAM_WEBHOOK_SECRET: 's'.repeat(20) });
    expect(plain.ok ? 'accepted' : plain.message).toContain('https');
    const ok = loadConfig({ ...base, TELEGRAM_WEBHOOK_SECRET: 'secret_token_1234567', TELEGRAM_WEBHOOK_PORT: '9443' });
    if (!ok.ok) throw new Error(ok.message);
    expect(ok.config.telegram?.webhook).toEqual({ domain: 'bot.example.gov.cn', path: '/tg/hook', secretToken: 'secret_token_1234567', port: 9443 });
  });
});
