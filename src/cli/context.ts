import { openApp, type App } from '../app.js';
import type { Config } from '../config.js';
import { loadConfig } from '../config.js';
import { CliExit } from './output.js';

/** What every command may need, built lazily so `parse` works without a database. */
export interface CliContext {
  config(): Config;
  /** `--now`, or the clock. */
  now(): Date;
  /** The app over the configured database (src/app.ts), with this context's clock; the caller closes it. */
  openApp(): App;
}

export function createContext(globals: () => { db?: string; now?: string }): CliContext {
  let cached: Config | undefined;
  const ctx: CliContext = {
    config() {
      if (cached) return cached;
      const loaded = loadConfig();
      if (!loaded.ok) throw new CliExit(loaded.message);
      const db = globals().db;
      cached = Object.freeze({ ...loaded.config, dbPath: db ?? loaded.config.dbPath });
      return cached;
    },
    now() {
      const raw = globals().now;
      if (!raw) return new Date();
      const d = new Date(raw);
      if (Number.isNaN(d.getTime())) throw new CliExit(`--now 的日期无法识别：${raw}（例如 2027-01-24T09:00+08:00）`);
      return d;
    },
    openApp() {
      const config = ctx.config();
      try {
        return openApp(config, { now: () => ctx.now() });
      } catch (e) {
        throw new CliExit(`打不开数据库 ${config.dbPath}：${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
  return ctx;
}
