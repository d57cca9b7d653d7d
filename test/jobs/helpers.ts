import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DbHandle } from '../../db/client.js';
import type { ChatTarget, Notifier } from '../../src/bot/types.js';
import type { Calendar } from '../../src/calendar/calendar.js';
import type { JobDeps, JobLog } from '../../src/jobs/deps.js';
import { formatHm, wallClock } from '../../src/calendar/time.js';
import { ROSTER_BINDER } from '../../db/roster.js';
import type { ImportRow } from '../../src/jobs/roster-csv.js';
import { rosterReader } from '../../src/jobs/roster.js';
import { readSeed } from '../helpers/seeds.js';
import { replaceAll, setRow, shiftYears } from '../ingest/variants.js';

export const bj = (s: string) => new Date(`${s}+08:00`);

export interface Sent {
  target: ChatTarget;
  text: string;
}

/** A notifier that records what it was asked to send; `failWith` makes the next sends throw. */
export function recordingNotifier() {
  const sent: Sent[] = [];
  const failures: unknown[] = [];
  const notifier: Notifier = {
    async send(target, text) {
      const failure = failures.shift();
      if (failure !== undefined) throw failure;
      sent.push({ target, text });
    },
  };
  return { notifier, sent, failNext: (err: unknown) => void failures.push(err) };
}

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  obj: object;
  msg?: string;
}

export function memoryLog(): JobLog & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    info: (obj, msg) => void entries.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => void entries.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => void entries.push({ level: 'error', obj, msg }),
  };
}

/** The jobs' dependencies over a database handle, as src/app.ts assembles them. */
export function jobDeps(
  handle: DbHandle,
  calendar: Calendar,
  notifiers: JobDeps['notifiers'],
  owner = 'test-owner',
): JobDeps & { log: ReturnType<typeof memoryLog> } {
  const { stores } = handle;
  return { stores, roster: rosterReader(() => stores.roster.sources()), calendar, notifiers, owner, log: memoryLog() };
}

/**
 * A 2026 report of a town, made from the zhangjiapo seed (whose 2021 report is complete and in the
 * 2021 format): renamed, moved to another county, re-dated. `broken` unbalances 表三.
 */
export function townReport(name: string, county: string, signed: string, broken = false): string {
  let text = shiftYears(readSeed('zhangjiapo-2021'), 5);
  text = replaceAll(text, '2025年1月1日至2026年12月31日', '2026年1月1日至2026年12月31日');
  text = replaceAll(replaceAll(text, '张家坡镇', name), '沂源县', county);
  text = replaceAll(text, '2027年1月15日', signed);
  if (broken) text = setRow(text, '一、本年新收政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 1]);
  return text;
}

export function writeReport(dir: string, file: string, text: string): string {
  const path = join(dir, file);
  writeFileSync(path, text);
  return path;
}

/** A roster file's rows on the list, each bound to the groups its contact column names, as `roster import` does. */
export function importRoster(handle: DbHandle, rows: readonly ImportRow[], at: Date): void {
  handle.stores.roster.import(rows, at);
  for (const r of rows)
    for (const c of r.contacts) handle.stores.subscriptions.subscribe(c, { kind: 'org', name: r.name, region: r.region }, ROSTER_BINDER, at);
}

/**
 * A Telegram notifier that logs each message's first line as `MM-DD HH:MM chat text`, at the
 * wall-clock time `now()` in the calendar's zone: a season reads as the list of what was sent.
 */
export function loggingTelegram(log: string[], calendar: Calendar, now: () => Date): JobDeps['notifiers'] {
  return {
    telegram: {
      async send(target, text) {
        const w = wallClock(now(), calendar.timeZone);
        log.push(`${w.date.slice(5)} ${formatHm(w.minute)} ${target.chatId} ${text.split('\n')[0]!}`);
      },
    },
  };
}
