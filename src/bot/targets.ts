import { createHash } from 'node:crypto';
import type { ChatTarget, Transport } from './types.js';

/**
 * How a chat is written in a roster's contact column (data contract §6.3), how it is shown, and how
 * the delivery log names it. A group robot's address is a credential: `wecom:<webhook key>`,
 * `dingtalk:<access_token>[:<secret>]`, `feishu:<hook id>[:<secret>]`. It is stored as the binding's
 * chat id, and shown or logged only masked (`wecom:ab…9f`); the signing secret never at all.
 */

export const ROBOT_TRANSPORTS = ['wecom', 'dingtalk', 'feishu'] as const;
export type RobotTransport = (typeof ROBOT_TRANSPORTS)[number];

const CONTACT_TRANSPORTS: readonly Transport[] = ['telegram', 'wechat', 'console', 'http', ...ROBOT_TRANSPORTS];

export const isRobot = (t: Transport): t is RobotTransport => (ROBOT_TRANSPORTS as readonly string[]).includes(t);

/** A robot's webhook id (key, access token, hook id) and its signing secret, if it has one. */
export interface RobotAddress {
  id: string;
  secret: string | null;
}

export function robotAddress(target: ChatTarget): RobotAddress {
  if (target.transport === 'wecom') return { id: target.chatId, secret: null };
  const at = target.chatId.indexOf(':');
  return at === -1 ? { id: target.chatId, secret: null } : { id: target.chatId.slice(0, at), secret: target.chatId.slice(at + 1) };
}

// Loose on purpose: the platforms do not promise a format, only a URL-safe string.
const ROBOT_ID = /^[A-Za-z0-9_-]{6,256}$/;
const ROBOT_SECRET = /^[A-Za-z0-9_+/=-]{6,256}$/;

function robotTarget(transport: RobotTransport, rest: string): ChatTarget | null {
  const target = { transport, chatId: rest };
  const { id, secret } = robotAddress(target);
  if (!ROBOT_ID.test(id)) return null;
  if (secret !== null && (transport === 'wecom' || !ROBOT_SECRET.test(secret))) return null;
  return target;
}

/** One contact, or null when it is not written as the contract says. */
export function parseContact(text: string): ChatTarget | null {
  const m = /^([a-z]+):(.+)$/.exec(text.trim());
  if (!m) return null;
  const transport = m[1] as Transport;
  const rest = m[2]!.trim();
  if (!CONTACT_TRANSPORTS.includes(transport)) return null;
  return isRobot(transport) ? robotTarget(transport, rest) : { transport, chatId: rest };
}

export const CONTACT_FORMS = 'telegram:群号、wechat:群ID、wecom:机器人key、dingtalk:access_token[:加签密钥]、feishu:机器人hook[:签名密钥]';

/**
 * A roster cell: contacts separated by `;` (or `；`). The error never repeats the cell, since a
 * mistyped robot address is still a credential.
 */
export function parseContacts(text: string): { ok: true; targets: ChatTarget[] } | { ok: false; error: string } {
  const targets: ChatTarget[] = [];
  const parts = text
    .split(/[;；]/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const [i, part] of parts.entries()) {
    const target = parseContact(part);
    const which = parts.length > 1 ? `第${i + 1}个联系群` : '联系群';
    if (!target) return { ok: false, error: `${which}应写成 ${CONTACT_FORMS}` };
    if (!targets.some((t) => t.transport === target.transport && t.chatId === target.chatId)) targets.push(target);
  }
  return { ok: true, targets };
}

const mask = (s: string) => (s.length <= 8 ? '…' : `${s.slice(0, 2)}…${s.slice(-2)}`);

/** `telegram:-1001`, `wecom:ab…9f`: how a chat appears in output and logs. */
export function displayTarget(t: ChatTarget): string {
  return isRobot(t.transport) ? `${t.transport}:${mask(robotAddress(t).id)}` : `${t.transport}:${t.chatId}`;
}

/**
 * The chat part of a delivery key. A robot is named by its masked id and a hash of the id, so two
 * robots never share a key and the key holds no secret; a changed signing secret is the same robot.
 */
export function deliveryChatId(t: ChatTarget): string {
  if (!isRobot(t.transport)) return t.chatId;
  const { id } = robotAddress(t);
  return `${mask(id)}#${createHash('sha256').update(`${t.transport}:${id}`).digest('hex').slice(0, 12)}`;
}
