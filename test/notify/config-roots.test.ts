import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('robot API roots', () => {
  it('default to the platforms, take a proxy or a test server, and refuse what is not a URL', () => {
    const d = loadConfig({});
    if (!d.ok) throw new Error(d.message);
    expect(d.config.robotApiRoots).toEqual({
      wecom: 'https://qyapi.weixin.qq.com',
      dingtalk: 'https://oapi.dingtalk.com',
      feishu: 'https://open.feishu.cn',
    });
    const set = loadConfig({ NIANBAO_DINGTALK_API_ROOT: 'http://127.0.0.1:9001', NIANBAO_FEISHU_API_ROOT: '' });
    if (!set.ok) throw new Error(set.message);
    expect(set.config.robotApiRoots).toMatchObject({ dingtalk: 'http://127.0.0.1:9001', feishu: 'https://open.feishu.cn' });
    const bad = loadConfig({ NIANBAO_WECOM_API_ROOT: 'qyapi.weixin.qq.com' });
    expect(bad.ok ? '' : bad.message).toContain('NIANBAO_WECOM_API_ROOT');
  });
});
