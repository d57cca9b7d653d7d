import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Fake 企业微信, 钉钉 and 飞书 robot webhooks on 127.0.0.1, one server each (the `apiRoots` go into
 * NIANBAO_*_API_ROOT). Like the real ones they answer HTTP 200 with the verdict in the body: they
 * check the key, token or hook, the signature (computed here from the documented recipe, with the
 * timestamp at most an hour off this server's clock), the message body and the rate limits
 * (企业微信 20 a minute: 45009; 钉钉 20 a minute, then the robot is blocked for 10 minutes: 130101;
 * 飞书 5 a second and 100 a minute: 11232). Tests can script errors, block a 钉钉 robot as if another
 * sender had overrun it, or take a message and never answer (the sender dies or times out).
 */

export type RobotKind = 'wecom' | 'dingtalk' | 'feishu';
type Body = Record<string, unknown>;

export interface Received {
  kind: RobotKind;
  robot: string;
  format: 'rich' | 'text';
  /** What the group sees, as plain lines. */
  plain: string;
  at: number;
}

export interface Attempt {
  kind: RobotKind;
  robot: string;
  /** errcode / code answered, or 'held' / 'dropped'. */
  answer: number | 'held' | 'dropped';
}

export interface FakeRobots {
  apiRoots: Record<RobotKind, string>;
  /** Messages that reached their group. */
  received: Received[];
  /** Every request, in order, with the answer given. */
  attempts: Attempt[];
  addRobot(kind: RobotKind, id: string, secret?: string): void;
  /** The next request to this robot is answered with this body (after the robot is found); `pass`: handled as usual. */
  failNext(kind: RobotKind, id: string, answer: Body | 'pass'): void;
  /** The robot refuses rich messages (markdown, post) as a bad body; plain text passes. */
  refuseRich(kind: RobotKind, id: string): void;
  /** 钉钉's 10-minute block, as if another sender had posted 20 messages through the robot. */
  block(id: string, ms?: number): void;
  /**
   * The next message to this robot reaches the group but is never answered (`hold`: the
   * connection stays open; `drop`: it is closed). Resolves when it has arrived.
   */
  takeWithoutAnswer(kind: RobotKind, id: string, how: 'hold' | 'drop'): Promise<void>;
  close(): Promise<void>;
}

const LIMITS: Record<RobotKind, Array<{ count: number; ms: number }>> = {
  wecom: [{ count: 20, ms: 60_000 }],
  dingtalk: [{ count: 20, ms: 60_000 }],
  feishu: [
    { count: 5, ms: 1000 },
    { count: 100, ms: 60_000 },
  ],
};
const DINGTALK_BLOCK_MS = 10 * 60_000;
const HOUR = 3600_000;

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

interface Robot {
  secret: string | null;
  sends: number[];
  blockedUntil: number;
  refuseRich: boolean;
  scripted: Array<Body | 'pass'>;
  take: Array<{ how: 'hold' | 'drop'; arrived: () => void }>;
}

/** What the group sees of a message body, or null when the body is not a message this robot takes. */
function render(kind: RobotKind, b: Body): { format: 'rich' | 'text'; plain: string; bytes: number } | null {
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const bytes = (s: string) => Buffer.byteLength(s);
  if (kind === 'feishu') {
    const content = (b.content ?? {}) as Body;
    if (b.msg_type === 'text' && str(content.text)) return { format: 'text', plain: content.text as string, bytes: bytes(content.text as string) };
    const post = ((content.post ?? {}) as Body).zh_cn as { title?: string; content?: Array<Array<{ tag: string; text: string }>> } | undefined;
    if (b.msg_type !== 'post' || !post || !Array.isArray(post.content)) return null;
    const lines = [...(post.title ? [post.title] : []), ...post.content.map((p) => p.map((e) => e.text).join(''))];
    return { format: 'rich', plain: lines.join('\n'), bytes: bytes(JSON.stringify(b)) };
  }
  if (b.msgtype === 'text') {
    const c = str((b.text as Body | undefined)?.content);
    return c ? { format: 'text', plain: c, bytes: bytes(c) } : null;
  }
  if (b.msgtype !== 'markdown') return null;
  const md = (b.markdown ?? {}) as Body;
  const text = str(kind === 'wecom' ? md.content : md.text);
  if (!text || (kind === 'dingtalk' && !str(md.title))) return null;
  const plain = kind === 'wecom' ? text.replace(/\*\*/g, '') : text.replace(/\*\*/g, '').split('\n\n').join('\n');
  return { format: 'rich', plain, bytes: bytes(text) };
}

export async function startFakeRobots(opts: { clock?: () => number } = {}): Promise<FakeRobots> {
  const clock = opts.clock ?? Date.now;
  const robots: Record<RobotKind, Map<string, Robot>> = { wecom: new Map(), dingtalk: new Map(), feishu: new Map() };
  const received: Received[] = [];
  const attempts: Attempt[] = [];
  const robotOf = (kind: RobotKind, id: string) => {
    const r = robots[kind].get(id);
    if (!r) throw new Error(`no ${kind} robot ${id}`);
    return r;
  };

  const CODES = {
    wecom: {
      ok: { errcode: 0, errmsg: 'ok' },
      noRobot: { errcode: 93000, errmsg: 'invalid webhook url, hint: [1700000000_fake]' },
      limited: { errcode: 45009, errmsg: 'api freq out of limit' },
      badBody: { errcode: 40058, errmsg: 'markdown.content exceed max length 4096' },
    },
    dingtalk: {
      ok: { errcode: 0, errmsg: 'ok' },
      noRobot: { errcode: 300001, errmsg: 'token is not exist' },
      limited: { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' },
      badBody: { errcode: 40035, errmsg: '缺少参数 json' },
    },
    feishu: {
      ok: { code: 0, msg: 'success', data: {} },
      noRobot: { code: 19001, msg: 'param invalid: incoming webhook access token invalid' },
      limited: { code: 11232, msg: 'frequency limited psm[lark.oapi.app_platform_runtime]' },
      badBody: { code: 9499, msg: 'Bad Request' },
    },
  } as const;

  /** The robot's id and the signature check; an error body when the request is refused before the message is looked at. */
  function authenticate(kind: RobotKind, url: URL, body: Body): { id: string; robot: Robot } | { id: string; refuse: Body } {
    const now = clock();
    if (kind === 'wecom') {
      const id = url.searchParams.get('key') ?? '';
      const robot = url.pathname === '/cgi-bin/webhook/send' ? robots.wecom.get(id) : undefined;
      return robot ? { id, robot } : { id, refuse: CODES.wecom.noRobot };
    }
    if (kind === 'dingtalk') {
      const id = url.searchParams.get('access_token') ?? '';
      const robot = url.pathname === '/robot/send' ? robots.dingtalk.get(id) : undefined;
      if (!robot) return { id, refuse: CODES.dingtalk.noRobot };
      if (robot.secret) {
        const ts = Number(url.searchParams.get('timestamp'));
        const sign = url.searchParams.get('sign') ?? '';
        if (!Number.isFinite(ts) || Math.abs(now - ts) > HOUR) return { id, refuse: { errcode: 310000, errmsg: 'invalid timestamp' } };
        const expected = createHmac('sha256', robot.secret).update(`${ts}\n${robot.secret}`).digest('base64');
        if (!sameText(sign, expected))
          return { id, refuse: { errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]' } };
      }
      return { id, robot };
    }
    const m = /^\/open-apis\/bot\/v2\/hook\/([^/]+)$/.exec(url.pathname);
    const id = m ? decodeURIComponent(m[1]!) : '';
    const robot = robots.feishu.get(id);
    if (!robot) return { id, refuse: CODES.feishu.noRobot };
    if (robot.secret) {
      const ts = Number(body.timestamp);
      const expected = createHmac('sha256', `${body.timestamp}\n${robot.secret}`).update('').digest('base64');
      const fail = { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' };
      if (typeof body.timestamp !== 'string' || !Number.isFinite(ts) || Math.abs(now / 1000 - ts) > HOUR / 1000) return { id, refuse: fail };
      if (typeof body.sign !== 'string' || !sameText(body.sign, expected)) return { id, refuse: fail };
    }
    return { id, robot };
  }

  /** Over a limit now? Counts this request. 钉钉 then blocks the robot. */
  function limited(kind: RobotKind, robot: Robot): boolean {
    const now = clock();
    if (robot.blockedUntil > now) return true;
    const longest = Math.max(...LIMITS[kind].map((l) => l.ms));
    robot.sends = robot.sends.filter((t) => t > now - longest);
    const over = LIMITS[kind].some((l) => robot.sends.filter((t) => t > now - l.ms).length >= l.count);
    if (over && kind === 'dingtalk') robot.blockedUntil = now + DINGTALK_BLOCK_MS;
    if (!over) robot.sends.push(now);
    return over;
  }

  async function handle(kind: RobotKind, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body: Body;
    try {
      body = JSON.parse(await readBody(req)) as Body;
    } catch {
      body = {};
    }
    const answer = (b: Body, id: string) => {
      attempts.push({ kind, robot: id, answer: (b.errcode ?? b.code) as number });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(b));
    };
    const auth = authenticate(kind, url, body);
    if ('refuse' in auth) return answer(auth.refuse, auth.id);
    const { id, robot } = auth;
    const scripted = robot.scripted.shift();
    if (scripted && scripted !== 'pass') return answer(scripted, id);
    if (limited(kind, robot)) return answer(CODES[kind].limited, id);
    const shown = render(kind, body);
    const tooLong = shown && shown.bytes > (kind === 'wecom' ? (shown.format === 'rich' ? 4096 : 2048) : 20_000);
    if (!shown || tooLong || (robot.refuseRich && shown.format === 'rich')) return answer(CODES[kind].badBody, id);
    received.push({ kind, robot: id, format: shown.format, plain: shown.plain, at: clock() });
    const take = robot.take.shift();
    if (take) {
      attempts.push({ kind, robot: id, answer: take.how === 'hold' ? 'held' : 'dropped' });
      if (take.how === 'drop') req.socket.destroy();
      take.arrived();
      return;
    }
    answer(CODES[kind].ok, id);
  }

  const servers: Server[] = [];
  const apiRoots = {} as Record<RobotKind, string>;
  for (const kind of ['wecom', 'dingtalk', 'feishu'] as const) {
    const server = createServer((req, res) => {
      handle(kind, req, res).catch(() => res.writeHead(500).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    apiRoots[kind] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  return {
    apiRoots,
    received,
    attempts,
    addRobot(kind, id, secret) {
      robots[kind].set(id, { secret: secret ?? null, sends: [], blockedUntil: 0, refuseRich: false, scripted: [], take: [] });
    },
    failNext(kind, id, answer) {
      robotOf(kind, id).scripted.push(answer);
    },
    refuseRich(kind, id) {
      robotOf(kind, id).refuseRich = true;
    },
    block(id, ms = DINGTALK_BLOCK_MS) {
      robotOf('dingtalk', id).blockedUntil = clock() + ms;
    },
    takeWithoutAnswer(kind, id, how) {
      return new Promise<void>((arrived) => robotOf(kind, id).take.push({ how, arrived }));
    },
    async close() {
      for (const s of servers) {
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
    },
  };
}
