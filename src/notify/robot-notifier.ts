import { displayTarget, robotAddress, type RobotAddress } from '../bot/targets.js';
import type { ChatTarget, Notifier } from '../bot/types.js';
import { postJson, RobotError, splitBytes, type FetchLike, type Verdict } from './common.js';
import { createPacer, type Limits } from './pacer.js';

/** One message as a robot takes it: rich (markdown, 飞书's post) or plain text. */
export interface RobotMessage {
  format: 'rich' | 'text';
  text: string;
}

/** What differs between 企业微信, 钉钉 and 飞书; robot-notifier.ts does the rest. */
export interface RobotSpec {
  /** 钉钉机器人, for messages. */
  name: string;
  limits: Limits;
  /** The longest part, in UTF-8 bytes, that fits every format the robot is sent. */
  maxBytes: number;
  /** URL and JSON body of one message; `nowMs` is the real clock, for signatures. */
  request(apiRoot: string, address: RobotAddress, message: RobotMessage, nowMs: number): { url: string; body: unknown };
  verdict(body: Record<string, unknown>, address: RobotAddress): Verdict;
}

export interface RobotOptions {
  apiRoot: string;
  /** The real clock (signatures, limits). Never the jobs' `now`: a robot rejects a signature an hour off. */
  clock?: () => number;
  fetch?: FetchLike;
  timeoutMs?: number;
}

/**
 * A Notifier for one kind of robot. Long text goes out in parts; a part that got through is not
 * sent again when a later one fails and the delivery log retries the whole (per process, like
 * telegram-send.ts). A send the limits do not allow now fails as retry-later without a request.
 */
export function createRobotNotifier(spec: RobotSpec, opts: RobotOptions): Notifier {
  const clock = opts.clock ?? Date.now;
  const fetchImpl = opts.fetch ?? (fetch as unknown as FetchLike);
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const pacer = createPacer(spec.limits);
  const delivered = new Map<string, number>();
  const apiRoot = opts.apiRoot.replace(/\/+$/, '');

  async function sendOne(address: RobotAddress, label: string, message: RobotMessage): Promise<Verdict> {
    const { url, body } = spec.request(apiRoot, address, message, clock());
    const answer = await postJson(url, body, { fetch: fetchImpl, timeoutMs, label });
    return spec.verdict(answer, address);
  }

  async function sendPart(target: ChatTarget, text: string): Promise<void> {
    const address = robotAddress(target);
    const label = `${spec.name} ${displayTarget(target).slice(target.transport.length + 1)}`;
    const wait = pacer.waitMs(address.id, clock());
    if (wait > 0) throw new RobotError(`${label}：未到可发送的时间（频率限制），${Math.ceil(wait / 1000)} 秒后重试`, 'retry', wait);
    pacer.record(address.id, clock());
    let verdict = await sendOne(address, label, { format: 'rich', text });
    // Refused as rich text: nothing was posted, so the plain text may follow at once.
    if (!verdict.ok && verdict.failure === 'format') verdict = await sendOne(address, label, { format: 'text', text });
    if (verdict.ok) return;
    if (verdict.blockMs) pacer.blockUntil(address.id, clock() + verdict.blockMs);
    const failure = verdict.failure === 'format' ? 'give-up' : verdict.failure;
    const what = failure === 'retry' ? '稍后重试' : failure === 'unknown' ? '可能已送达，不再重发' : '不再重试';
    throw new RobotError(`${label}：${verdict.message}（${verdict.code}），${what}`, failure, verdict.retryAfterMs ?? null);
  }

  return {
    async send(target, text) {
      const parts = splitBytes(text, spec.maxBytes);
      const key = `${target.transport}:${target.chatId}\n${text}`;
      for (let i = delivered.get(key) ?? 0; i < parts.length; i++) {
        try {
          await sendPart(target, parts[i]!);
        } catch (err) {
          if (i > 0) delivered.set(key, i);
          throw err;
        }
      }
      delivered.delete(key);
    },
  };
}
