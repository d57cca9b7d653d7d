import { createHmac } from 'node:crypto';
import type { Verdict } from './common.js';
import { scrub } from './common.js';
import type { RobotSpec } from './robot-notifier.js';

/**
 * 钉钉自定义机器人: `POST /robot/send?access_token=T`, and when the robot is signed (加签)
 * `&timestamp=MS&sign=S` with S = base64(HmacSHA256(key = secret, data = MS + "\n" + secret)).
 * 20 messages a minute per robot; past that it is blocked for 10 minutes (130101).
 */

export function dingtalkSign(timestampMs: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

const GIVE_UP: Readonly<Record<number, string>> = {
  310000: '安全设置校验失败（签名不匹配、时间相差超过一小时、关键词或 IP 不符）',
  300001: 'access_token 不存在',
  300005: 'access_token 无效，或机器人已被移除',
  400013: '群已解散',
  400101: 'access_token 缺失',
};
const FORMAT = new Set([40035]);

export function dingtalkMarkdown(text: string): { title: string; text: string } {
  const [first = '', ...rest] = text.split('\n');
  // 钉钉's markdown joins single line breaks; a blank line keeps each line its own.
  return { title: first.slice(0, 60), text: [`**${first}**`, ...rest.map((l) => l.trim())].join('\n\n') };
}

export const dingtalk: RobotSpec = {
  name: '钉钉机器人',
  limits: { windows: [{ count: 20, ms: 60_000 }] },
  maxBytes: 12_000,
  request(apiRoot, address, message, nowMs) {
    let url = `${apiRoot}/robot/send?access_token=${encodeURIComponent(address.id)}`;
    if (address.secret) url += `&timestamp=${nowMs}&sign=${encodeURIComponent(dingtalkSign(nowMs, address.secret))}`;
    const body =
      message.format === 'rich' ? { msgtype: 'markdown', markdown: dingtalkMarkdown(message.text) } : { msgtype: 'text', text: { content: message.text } };
    return { url, body };
  },
  verdict(body, address): Verdict {
    const code = typeof body.errcode === 'number' ? body.errcode : -2;
    if (code === 0) return { ok: true };
    const said = scrub(body.errmsg, [address.id, address.secret]);
    if (code === 130101) {
      return { ok: false, code, message: '发送太频繁，机器人被限流 10 分钟', failure: 'retry', retryAfterMs: 10 * 60_000, blockMs: 10 * 60_000 };
    }
    if (code === 410100) return { ok: false, code, message: '发送太频繁', failure: 'retry', retryAfterMs: 60_000, blockMs: 60_000 };
    const reason = GIVE_UP[code];
    if (reason) return { ok: false, code, message: reason, failure: 'give-up' };
    if (FORMAT.has(code)) return { ok: false, code, message: `消息内容被拒绝：${said}`, failure: 'format' };
    return { ok: false, code, message: `钉钉返回错误：${said || '系统繁忙'}`, failure: 'retry' };
  },
};
