import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseRosterCsv } from '../../jobs/roster-csv.js';
import { displayTarget } from '../../bot/targets.js';
import { groupIndex, nameCounts } from '../../jobs/outgoing.js';
import type { CliContext } from '../context.js';
import { CliExit, printJson, printLine } from '../output.js';

const SOURCE_WORD = { import: '名单', reports: '年报', both: '名单+年报' } as const;

/** `roster import <csv>` and `roster list`: who is expected to report (MISSING is judged against it). */
export function registerRoster(program: Command, ctx: CliContext): void {
  const roster = program.command('roster').description('应报单位名单：导入 CSV，或列出名单（年报中出现的单位自动加入）');

  roster
    .command('import <csv>')
    .description('导入名单：每行 名称,地区,类型,联系群（后两项可省略；联系群写 telegram:群号、wechat:群ID 或 wecom:/dingtalk:/feishu: 机器人，多个用 ; 分开）')
    .option('--json', '输出 {added, updated, groups} JSON')
    .action((file: string, opts: { json?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        throw new CliExit(`读不到文件 ${file}`);
      }
      const parsed = parseRosterCsv(text);
      // All or nothing: a half-imported list would quietly leave towns unexpected.
      if (parsed.errors.length > 0) throw new CliExit(`名单有误，未导入任何内容：\n${parsed.errors.join('\n')}`);
      if (parsed.rows.length === 0) throw new CliExit(`${file} 里没有单位`);
      const app = ctx.openApp();
      try {
        const now = ctx.now();
        const counts = app.stores.roster.import(parsed.rows, now);
        const subs = app.stores.subscriptions;
        let groups = 0;
        for (const r of parsed.rows) {
          for (const c of r.contacts) if (subs.subscribe(c, { kind: 'org', name: r.name, region: r.region }, 'roster:import', now) === 'added') groups++;
        }
        if (opts.json) printJson({ ...counts, groups });
        else printLine(`名单已导入：新增 ${counts.added} 个单位，更新 ${counts.updated} 个，绑定 ${groups} 个联系群。`);
      } finally {
        app.close();
      }
    });

  roster
    .command('list')
    .description('列出应报单位：名称、地区、类型、来源和绑定的群')
    .option('--json', '输出 {rows: [...]} JSON')
    .action((opts: { json?: boolean }) => {
      const app = ctx.openApp();
      try {
        const roster = app.roster();
        const groups = groupIndex(app.stores.subscriptions.list(), nameCounts(roster));
        const rows = roster.map((e) => ({ ...e, groups: groups.ofOrg(e).map(displayTarget) }));
        if (opts.json) return printJson({ rows });
        if (rows.length === 0) return printLine('名单为空：用 nianbao roster import <csv> 导入，或入库年报。');
        for (const r of rows) {
          printLine(
            `${r.region ?? '（地区不详）'}\t${r.name}\t${r.kind ?? '—'}\t来自${SOURCE_WORD[r.source]}${r.groups.length ? `\t${r.groups.join(' ')}` : ''}`,
          );
        }
        printLine(`共 ${rows.length} 个单位。`);
      } finally {
        app.close();
      }
    });
}
