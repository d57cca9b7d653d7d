import type { Command } from 'commander';
import { CODE_TITLE } from '../../parsing/checks/messages.js';
import { assessYear, type StatusRow } from '../../calendar/assess.js';
import { calendarFromConfig } from '../../calendar/calendar.js';
import { seasonYear } from '../../calendar/due.js';
import { notYetDue } from '../../calendar/status.js';
import { chineseDate, localDate } from '../../calendar/time.js';
import { sortByRegionAndName } from '../../jobs/roster.js';
import type { WatchFailure, WatchSourceState } from '../../../db/watch.js';
import type { CliContext } from '../context.js';
import { CliExit, printJson, printLine } from '../output.js';

const who = (r: StatusRow) => `${r.region ? `${r.region} ` : ''}${r.name}`;

function printText(year: number, today: string, rows: StatusRow[]): void {
  printLine(`${year}年度年报检查（截至${chineseDate(today)}）：共 ${rows.length} 个单位`);
  const missing = rows.filter((r) => r.status === 'missing' && !notYetDue(r));
  const pending = rows.filter(notYetDue);
  const late = rows.filter((r) => r.status === 'late');
  const incomplete = rows.filter((r) => r.status === 'incomplete');
  const ok = rows.filter((r) => r.status === 'ok');
  const section = (title: string, list: StatusRow[], line: (r: StatusRow) => string) => {
    if (list.length === 0) return;
    printLine(`${title}（${list.length}）：`);
    for (const r of list) printLine(`  ${line(r)}`);
  };
  section('未发布', missing, (r) => `${who(r)}（截止${chineseDate(r.deadline)}）`);
  section('尚未发布，未到截止日', pending, (r) => `${who(r)}（截止${chineseDate(r.deadline)}）`);
  section('逾期发布', late, (r) => `${who(r)}（落款${r.signedDate ? chineseDate(r.signedDate) : '不详'}，截止${chineseDate(r.deadline)}）`);
  section('不完整', incomplete, (r) => `${who(r)}：${r.codes.map((c) => `${CODE_TITLE[c]}（${c}）`).join('、')}`);
  section('按时且完整', ok, who);
}

interface WatchProblems {
  sources: WatchSourceState[];
  links: WatchFailure[];
}

/** The portal watcher's failures (retried on its next run): a county office should know its list is not being read. */
function printWatch(w: WatchProblems): void {
  if (w.sources.length + w.links.length === 0) return;
  printLine(`网站监测失败（${w.sources.length + w.links.length}，下次运行时重试）：`);
  for (const s of w.sources) printLine(`  ${s.region} ${s.url}：${s.lastError}（连续 ${s.failures} 次）`);
  for (const l of w.links) printLine(`  ${l.url}：${l.error}（连续 ${l.failures} 次）`);
}

/** `check [--year Y]`: late, missing and incomplete reports of a year (docs/data-contract.md §4). */
export function registerCheck(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description('列出某年度未发布、逾期和不完整的年报（默认：今年应交的上一年度）')
    .option('--year <year>', '报告年度，例如 2026')
    .option('--json', '输出 {year, rows} JSON')
    .action((opts: { year?: string; json?: boolean }) => {
      const config = ctx.config();
      const calendar = calendarFromConfig(config);
      const now = ctx.now();
      const year = opts.year === undefined ? seasonYear(calendar, now) : Number(opts.year);
      if (!Number.isInteger(year) || year < 2008 || year > 2100) throw new CliExit(`--year 应是年份，例如 2026（收到：${opts.year}）`);
      const app = ctx.openApp();
      let rows: StatusRow[];
      let watch: WatchProblems;
      try {
        rows = sortByRegionAndName(assessYear({ year, roster: app.roster(), reports: app.stores.reports.reportsForYear(year), calendar, now }));
        watch = { sources: app.stores.watch.sources().filter((s) => s.lastError !== null), links: app.stores.watch.failures() };
      } finally {
        app.close();
      }
      // `watch` only when the portal watcher has failures: the contract's document is {year, rows}.
      if (opts.json) printJson(watch.sources.length + watch.links.length > 0 ? { year, rows, watch } : { year, rows });
      else {
        printText(year, localDate(now, calendar.timeZone), rows);
        printWatch(watch);
      }
    });
}
