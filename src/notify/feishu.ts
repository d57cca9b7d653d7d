import { createHmac } from 'node:crypto';
import type { Verdict } from './common.js';
import { scrub } from './common.js';
import { avoidHalfHours } from './pacer.js';
import type { RobotSpec } from './robot-notifier.js';

/**
 * 飞书自定义机器人: `POST /open-apis/bot/v2/hook/ID`. A signed robot (签名校验) takes `timestamp`
 * (seconds) and `sign` in the body, sign = base64(HmacSHA256(key = timestamp + "\n" + secret,
 * data = "")): key and data swapped against 钉钉. 5 a second and 100 a minute per robot; the whole
 * and half hours are busy (11232), so sends wait for the minute after.
 */

export function feishuSign(timestampS: number, secret: string): string {
  return createHmac('sha256', `${timestampS}\n${secret}`).update('').digest('base64');
}

const GIVE_UP: Readonly<Record<number, string>> = {
  19021: '签名校验失败（密钥不对，或时间相差超过一小时）',
  19022: '请求 IP 不在机器人的白名单中',
  19024: '消息不含机器人设置的关键词',
  19001: '机器人 hook 无效',
};
const FORMAT = new Set([9499]);

/** A rich-text post: the first line as its title, each other line a paragraph (taken literally). */
export function feishuPost(text: string): unknown {
  const [first = '', ...rest] = text.split('\n');
  const [title, lines] = rest.length > 0 ? [first, rest] : ['', [first]];
  return { post: { zh_cn: { title, content: lines.map((line) => [{ tag: 'text', text: line }]) } } };
}

export const feishu: RobotSpec = {
  name: '飞书机器人',
  limits: {
    windows: [
      { count: 5, ms: 1000 },
      { count: 100, ms: 60_000 },
    ],
    avoid: avoidHalfHours,
  },
  maxBytes: 15_000,
  request(apiRoot, address, message, nowMs) {
    const content = message.format === 'rich' ? { msg_type: 'post', content: feishuPost(message.text) } : { msg_type: 'text', content: { text: message.text } };
    const timestamp = Math.floor(nowMs / 1000);
    const signed = address.secret ? { timestamp: String(timestamp), sign: feishuSign(timestamp, address.secret) } : {};
    return { url: `${apiRoot}/open-apis/bot/v2/hook/${encodeURIComponent(address.id)}`, body: { ...signed, ...content } };
  },
  verdict(body, address): Verdict {
    const raw = body.code ?? body.StatusCode;
    const code = typeof raw === 'number' ? raw : -2;
    if (code === 0) return { ok: true };
    const said = scrub(body.msg ?? body.StatusMessage, [address.id, address.secret]);
    if (code === 11232) return { ok: false, code, message: '发送太频繁（飞书限流）', failure: 'retry', retryAfterMs: 60_000, blockMs: 60_000 };
    const reason = GIVE_UP[code];
    if (reason) return { ok: false, code, message: reason, failure: 'give-up' };
    if (FORMAT.has(code)) return { ok: false, code, message: `消息内容被拒绝：${said}`, failure: 'format' };
    return { ok: false, code, message: `飞书返回错误：${said || '系统繁忙'}`, failure: 'retry' };
  },
};
