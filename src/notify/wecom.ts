import type { Verdict } from './common.js';
import { scrub } from './common.js';
import type { RobotSpec } from './robot-notifier.js';

/**
 * 企业微信群机器人: `POST /cgi-bin/webhook/send?key=KEY`; the key is the only credential. Markdown
 * (≤ 4,096 bytes) with the first line in bold; plain text (≤ 2,048 bytes) if markdown is refused.
 */

const GIVE_UP: Readonly<Record<number, string>> = {
  93000: '机器人 key 无效，或机器人已被移出群',
  93004: '机器人已被停用',
};
/** The message was refused as markdown (content invalid or too long), not the robot. */
const FORMAT = new Set([40008, 40058, 44004]);

export function wecomMarkdown(text: string): string {
  const [first = '', ...rest] = text.split('\n');
  return [`**${first}**`, ...rest].join('\n');
}

export const wecom: RobotSpec = {
  name: '企业微信机器人',
  limits: { windows: [{ count: 20, ms: 60_000 }] },
  maxBytes: 2000,
  request(apiRoot, address, message) {
    const body =
      message.format === 'rich'
        ? { msgtype: 'markdown', markdown: { content: wecomMarkdown(message.text) } }
        : { msgtype: 'text', text: { content: message.text } };
    return { url: `${apiRoot}/cgi-bin/webhook/send?key=${encodeURIComponent(address.id)}`, body };
  },
  verdict(body, address): Verdict {
    const code = typeof body.errcode === 'number' ? body.errcode : -2;
    if (code === 0) return { ok: true };
    const said = scrub(body.errmsg, [address.id]);
    if (code === 45009)
      return { ok: false, code, message: '发送太频繁（每个机器人每分钟最多 20 条）', failure: 'retry', retryAfterMs: 60_000, blockMs: 60_000 };
    const reason = GIVE_UP[code];
    if (reason) return { ok: false, code, message: reason, failure: 'give-up' };
    if (FORMAT.has(code)) return { ok: false, code, message: `消息内容被拒绝：${said}`, failure: 'format' };
    return { ok: false, code, message: `企业微信返回错误：${said || '系统繁忙'}`, failure: 'retry' };
  },
};
