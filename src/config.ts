import * as z from 'zod';

/**
 * All configuration, read from the environment once and validated here (docs/data-contract.md §5).
 * No other module reads process.env.
 */
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

const minuteOf = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));

/** Whether `hm` falls in the quiet hours `from`–`to` (which may wrap past midnight). */
function quietAt(hm: string, q: { from: string; to: string }): boolean {
  const [m, from, to] = [minuteOf(hm), minuteOf(q.from), minuteOf(q.to)];
  return from > to ? m >= from || m < to : m >= from && m < to;
}

/** zod 4 runs object refinements even when a field failed, so only well-formed values are judged. */
function remindOutsideQuietHours(e: { NIANBAO_REMIND_AT?: unknown; NIANBAO_QUIET_HOURS?: { from: string; to: string } }): boolean {
  if (typeof e.NIANBAO_REMIND_AT !== 'string' || typeof e.NIANBAO_QUIET_HOURS?.from !== 'string') return true;
  return !quietAt(e.NIANBAO_REMIND_AT, e.NIANBAO_QUIET_HOURS);
}

/** A comma-separated setting as its trimmed, non-empty items (lower-cased for host names). */
const commaList = (fallback: string, opts: { lowerCase?: boolean } = {}) =>
  z
    .string()
    .default(fallback)
    .transform((s) =>
      s
        .split(',')
        .map((x) => (opts.lowerCase ? x.trim().toLowerCase() : x.trim()))
        .filter(Boolean),
    );

const Env = z
  .object({
    NIANBAO_DB: z.string().min(1).default('data/nianbao.db'),
    NIANBAO_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
    NIANBAO_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    /** Required on a non-loopback address: every route but /healthz then needs `Authorization: Bearer <token>`. */
    NIANBAO_HTTP_TOKEN: z
      .string()
      .regex(/^[\x21-\x7e]{16,256}$/, 'HTTP 令牌应为 16–256 个可见 ASCII 字符（不含空格）')
      .optional(),
    /** Host names the HTTP entry answers to besides its own address (a DNS name in front of it), comma-separated. */
    NIANBAO_HTTP_ALLOWED_HOSTS: commaList('', { lowerCase: true }).pipe(
      z.array(z.string().regex(/^[a-z0-9.:[\]-]+$/, '主机名只能含字母、数字、点、冒号和连字符')),
    ),
    NIANBAO_TZ: z
      .string()
      .default('Asia/Shanghai')
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, '不是有效的时区名（例如 Asia/Shanghai）'),
    NIANBAO_ADMINS: commaList('').pipe(z.array(z.string().regex(/^(telegram|wechat|console|http):.+$/, '管理员格式应为 telegram:123 或 wechat:wxid_…'))),
    /** Per-region deadline overrides, e.g. `霍邱县=02-20,临清市=02-10` (month-day in the next year). */
    NIANBAO_DEADLINES: commaList('')
      .pipe(z.array(z.string().regex(/^[^=]+=\d{2}-\d{2}$/, '截止日期覆盖格式应为 地区=MM-DD')))
      .transform((pairs) => Object.fromEntries(pairs.map((p) => p.split('=') as [string, string]))),
    /** Days before the deadline on which reminders go out, e.g. `30,14,7,3,1,0` (0: the deadline day). */
    NIANBAO_REMIND_DAYS: commaList('30,14,7,3,1,0')
      .pipe(z.array(z.string().regex(/^\d{1,3}$/, '提醒日应为截止前的天数，例如 30,14,7,3,1,0')).min(1, '至少要有一个提醒日'))
      .transform((days) => days.map(Number)),
    NIANBAO_REMIND_AT: z.string().regex(HH_MM, '时间格式应为 HH:MM，例如 09:00').default('09:00'),
    NIANBAO_ESCALATE_AFTER: z.coerce.number().int().min(1).max(60).default(1),
    NIANBAO_ESCALATE_EVERY: z.coerce.number().int().min(1).max(90).default(7),
    NIANBAO_QUIET_HOURS: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, '免打扰时段格式应为 21:00-08:00')
      .default('21:00-08:00')
      .transform((s) => {
        const [from, to] = s.split('-') as [string, string];
        return { from, to };
      }),
    TELEGRAM_BOT_TOKEN: z.string().min(1).optional(),
    TELEGRAM_API_ROOT: z.url().optional(),
    /** Public https address Telegram posts updates to; without it the bot long-polls. */
    TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https$/, error: 'webhook 地址必须是 https:// 开头的完整网址' }).optional(),
    TELEGRAM_WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, 'webhook 密钥应为 16–256 位字母、数字、_ 或 -')
      .optional(),
    TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8443),
    WECHATY_PUPPET: z.string().min(1).optional(),
    WECHATY_PUPPET_SERVICE_TOKEN: z.string().min(1).optional(),
    /** Group robots' API roots (data contract §6.3), for a proxy or a test server. */
    NIANBAO_WECOM_API_ROOT: z.url().default('https://qyapi.weixin.qq.com'),
    NIANBAO_DINGTALK_API_ROOT: z.url().default('https://oapi.dingtalk.com'),
    NIANBAO_FEISHU_API_ROOT: z.url().default('https://open.feishu.cn'),
    /** County portals to watch (data contract §6.3): `霍邱县=https://…/list.html,…`. */
    NIANBAO_WATCH: z
      .string()
      .default('')
      .transform((s) =>
        s
          .split(/,(?=[^,=/]+=https?:\/\/)/)
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[^=]+=https?:\/\/\S+$/, '监测来源格式应为 地区=http(s)://网址，多个用逗号分隔')))
      .transform((pairs) =>
        pairs.map((p) => {
          const at = p.indexOf('=');
          return { region: p.slice(0, at).trim(), url: p.slice(at + 1).trim() };
        }),
      ),
    NIANBAO_WATCH_AT: z.string().regex(HH_MM, '时间格式应为 HH:MM，例如 07:30').default('07:30'),
    /** Pause between two requests to the same portal, and the time limit of one request. */
    NIANBAO_WATCH_PAUSE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
    NIANBAO_WATCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .refine(remindOutsideQuietHours, {
    path: ['NIANBAO_REMIND_AT'],
    message: '提醒时间落在免打扰时段内',
  });

export type Config = Readonly<{
  dbPath: string;
  httpHost: string;
  httpPort: number;
  /** The bearer token of the HTTP entry, or null (allowed on loopback only). */
  httpToken: string | null;
  /** Host names accepted in the Host header besides the listening address (and localhost on loopback). */
  httpAllowedHosts: readonly string[];
  timeZone: string;
  admins: readonly string[];
  deadlineOverrides: Readonly<Record<string, string>>;
  /** When reminders and escalations go out (src/calendar/calendar.ts). */
  schedule: Readonly<{
    remindDays: readonly number[];
    remindAt: string;
    escalateAfter: number;
    escalateEvery: number;
    quietHours: Readonly<{ from: string; to: string }>;
  }>;
  telegram: {
    token: string;
    apiRoot?: string;
    webhook?: { domain: string; path: string; secretToken: string; port: number };
  } | null;
  wechat: { puppet: string; token?: string } | null;
  /** API roots of the group robots (企业微信, 钉钉, 飞书); the robots themselves are roster contacts. */
  robotApiRoots: Readonly<{ wecom: string; dingtalk: string; feishu: string }>;
  /** The county-portal watcher (src/watch/): configured sources (more are added by `watch add`). */
  watch: Readonly<{ sources: ReadonlyArray<{ region: string; url: string }>; at: string; pauseMs: number; timeoutMs: number }>;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
}>;

function webhookOf(e: z.infer<typeof Env>) {
  if (!e.TELEGRAM_WEBHOOK_URL || !e.TELEGRAM_WEBHOOK_SECRET) return undefined;
  const url = new URL(e.TELEGRAM_WEBHOOK_URL);
  return { domain: url.host, path: url.pathname, secretToken: e.TELEGRAM_WEBHOOK_SECRET, port: e.TELEGRAM_WEBHOOK_PORT };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Parses the environment into a frozen Config, or a message naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ConfigResult {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(blankless);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    return { ok: false, message: `配置有误：\n${message}` };
  }
  const e = parsed.data;
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    return { ok: false, message: '配置有误：\nTELEGRAM_WEBHOOK_SECRET: 使用 webhook 时必须设置密钥，Telegram 会在每个请求中带上它' };
  }
  const config: Config = {
    dbPath: e.NIANBAO_DB,
    httpHost: e.NIANBAO_HTTP_HOST,
    httpPort: e.NIANBAO_HTTP_PORT,
    httpToken: e.NIANBAO_HTTP_TOKEN ?? null,
    httpAllowedHosts: e.NIANBAO_HTTP_ALLOWED_HOSTS,
    timeZone: e.NIANBAO_TZ,
    admins: e.NIANBAO_ADMINS,
    deadlineOverrides: e.NIANBAO_DEADLINES,
    schedule: {
      remindDays: [...new Set(e.NIANBAO_REMIND_DAYS)].sort((a, b) => b - a),
      remindAt: e.NIANBAO_REMIND_AT,
      escalateAfter: e.NIANBAO_ESCALATE_AFTER,
      escalateEvery: e.NIANBAO_ESCALATE_EVERY,
      quietHours: e.NIANBAO_QUIET_HOURS,
    },
    telegram: e.TELEGRAM_BOT_TOKEN ? { token: e.TELEGRAM_BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT, webhook: webhookOf(e) } : null,
    wechat: e.WECHATY_PUPPET ? { puppet: e.WECHATY_PUPPET, token: e.WECHATY_PUPPET_SERVICE_TOKEN } : null,
    robotApiRoots: { wecom: e.NIANBAO_WECOM_API_ROOT, dingtalk: e.NIANBAO_DINGTALK_API_ROOT, feishu: e.NIANBAO_FEISHU_API_ROOT },
    watch: { sources: e.NIANBAO_WATCH, at: e.NIANBAO_WATCH_AT, pauseMs: e.NIANBAO_WATCH_PAUSE_MS, timeoutMs: e.NIANBAO_WATCH_TIMEOUT_MS },
    logLevel: e.LOG_LEVEL,
  };
  return { ok: true, config: Object.freeze(config) };
}

/** Whether a listening address is reachable from this machine only. */
export const isLoopbackHost = (host: string): boolean => /^(127(\.\d{1,3}){3}|::1|\[::1\]|localhost)$/i.test(host);

/**
 * Why the HTTP entry must not start with this configuration (docs/data-contract.md §6.4): it lists
 * other offices' problems, so on any address but loopback it needs NIANBAO_HTTP_TOKEN. Null when fine.
 */
export function httpExposureProblem(config: Pick<Config, 'httpHost' | 'httpToken'>): string | null {
  if (isLoopbackHost(config.httpHost) || config.httpToken) return null;
  return `NIANBAO_HTTP_HOST=${config.httpHost} 不是本机回环地址，必须同时设置 NIANBAO_HTTP_TOKEN（至少 16 个字符），否则任何人都能看到各单位的检查结果`;
}
