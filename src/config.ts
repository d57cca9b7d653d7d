import * as z from 'zod';

/**
 * All configuration, read from the environment once and validated here (data contract §5).
 * No other module reads process.env.
 */
const Env = z.object({
  NIANBAO_DB: z.string().min(1).default('data/nianbao.db'),
  NIANBAO_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  NIANBAO_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
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
  NIANBAO_ADMINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(telegram|wechat|console|http):.+$/, '管理员格式应为 telegram:123 或 wechat:wxid_…'))),
  /** Per-region deadline overrides, e.g. `霍邱县=02-20,临清市=02-10` (month-day in the next year). */
  NIANBAO_DEADLINES: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[^=]+=\d{2}-\d{2}$/, '截止日期覆盖格式应为 地区=MM-DD')))
    .transform((pairs) => Object.fromEntries(pairs.map((p) => p.split('=') as [string, string]))),
  TELEGRAM_BOT_TOKEN: z.string().min(1).optional(),
  TELEGRAM_API_ROOT: z.url().optional(),
  WECHATY_PUPPET: z.string().min(1).optional(),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = Readonly<{
  dbPath: string;
  httpHost: string;
  httpPort: number;
  timeZone: string;
  admins: readonly string[];
  deadlineOverrides: Readonly<Record<string, string>>;
  telegram: { token: string; apiRoot?: string } | null;
  wechat: { puppet: string; token?: string } | null;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
}>;

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
  const config: Config = {
    dbPath: e.NIANBAO_DB,
    httpHost: e.NIANBAO_HTTP_HOST,
    httpPort: e.NIANBAO_HTTP_PORT,
    timeZone: e.NIANBAO_TZ,
    admins: e.NIANBAO_ADMINS,
    deadlineOverrides: e.NIANBAO_DEADLINES,
    telegram: e.TELEGRAM_BOT_TOKEN ? { token: e.TELEGRAM_BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT } : null,
    wechat: e.WECHATY_PUPPET ? { puppet: e.WECHATY_PUPPET, token: e.WECHATY_PUPPET_SERVICE_TOKEN } : null,
    logLevel: e.LOG_LEVEL,
  };
  return { ok: true, config: Object.freeze(config) };
}
