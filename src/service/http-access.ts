import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isLoopbackHost } from '../config.js';

/** Who may read the HTTP entry (docs/data-contract.md §6.4). */
export interface HttpAccess {
  /** The listening address. */
  host: string;
  /** Required on every route but /healthz when set. */
  token: string | null;
  /** Further names the Host header may carry (a DNS name in front of the service). */
  allowedHosts: readonly string[];
}

export const TOKEN_COOKIE = 'nianbao_token';

/** The host names a request may name: the configured ones, and the loopback names on loopback. */
export function allowedHostNames(access: HttpAccess): Set<string> {
  const names = new Set([access.host.toLowerCase(), ...access.allowedHosts.map((h) => h.toLowerCase())]);
  if (isLoopbackHost(access.host)) for (const n of ['localhost', '127.0.0.1', '::1']) names.add(n);
  return names;
}

/** The host name of a Host header without its port (`[::1]:8787` → `::1`); null when absent or malformed. */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/i.exec(header) ?? /^([^:[\]\s/@]+)(?::\d{1,5})?$/.exec(header);
  return m ? m[1]!.toLowerCase() : null;
}

const digest = (s: string) => createHash('sha256').update(s).digest();
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** The token a request carries: `Authorization: Bearer …`, else the cookie a browser got from `?token=`. */
export function presentedToken(req: IncomingMessage): string | undefined {
  const auth = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return auth?.[1] ?? cookie(req, TOKEN_COOKIE);
}

export type AccessVerdict = { ok: true } | { ok: false; status: 401 | 421; message: string };

/**
 * Host first (a page on another site reaching the service through DNS rebinding names its own
 * host), then the token. Compared in constant time.
 */
export function checkAccess(req: IncomingMessage, access: HttpAccess, names: ReadonlySet<string>): AccessVerdict {
  const host = hostName(req.headers.host);
  if (host === null || !names.has(host)) return { ok: false, status: 421, message: '请求的主机名不是本服务的地址' };
  if (access.token === null) return { ok: true };
  const given = presentedToken(req);
  if (given === undefined || !sameSecret(given, access.token))
    return { ok: false, status: 401, message: '需要访问令牌：请在请求头加 Authorization: Bearer <令牌>' };
  return { ok: true };
}

/** Whether `?token=` is the configured token (a browser's first visit; it then gets a cookie). */
export const tokenInQueryMatches = (access: HttpAccess, given: string | null): boolean =>
  access.token !== null && given !== null && sameSecret(given, access.token);
