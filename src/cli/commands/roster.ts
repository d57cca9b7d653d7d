import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { readRosterFile } from '../../jobs/roster-csv.js';
import { displayTarget } from '../../bot/targets.js';
import { groupIndex, nameCounts } from '../../jobs/outgoing.js';
import type { CliContext } from '../context.js';
import { CliExit, printJson, printLine } from '../output.js';

const SOURCE_WORD = { import: '名单', reports: '年报', both: '名单+年报' } as const;

/** `roster import <csv>`, `roster remove <name>` and `roster list`: who is expected to report (MISSING is judged against it). */
export function registerRoster(program: Command, ctx: CliContext): void {
  const roster = program.command('roster').description('应报单位名单：导入 CSV，或列出名单（年报中出现的单位自动加入）');

  roster
    .command('import <csv>')
    .description(
      '导入名单（UTF-8 或 Excel 存的 GBK 均可）：每行 名称,地区,类型,联系群（后两项可省略；联系群写 telegram:群号、wechat:群ID 或 wecom:/dingtalk:/feishu: 机器人，多个用 ; 分开）',
    )
    .option('--replace', '以本文件为完整名单：文件里没有的单位从名单删除，名单绑定的联系群以本文件为准')
    .option('--json', '输出 {added, updated, groups} JSON（--replace 时另有 removed）')
    .action((file: string, opts: { json?: boolean; replace?: boolean }) => {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch {
        throw new CliExit(`读不到文件 ${file}`);
      }
      const parsed = readRosterFile(bytes);
      // All or nothing: a half-imported list would quietly leave towns unexpected.
      if (parsed.errors.length > 0) throw new CliExit(`名单有误，未导入任何内容：\n${parsed.errors.join('\n')}`);
      if (parsed.rows.length === 0) throw new CliExit(`${file} 里没有单位`);
      const app = ctx.openApp();
      try {
        const counts = app.stores.roster.import(parsed.rows, ctx.now(), { replace: Boolean(opts.replace) });
        const { removed, ...kept } = counts;
        if (opts.json) return printJson(opts.replace ? counts : kept);
        const gone = opts.replace ? `，删除 ${removed} 个` : '';
        printLine(`名单已导入：新增 ${counts.added} 个单位，更新 ${counts.updated} 个${gone}，绑定 ${counts.groups} 个联系群。`);
      } finally {
        app.close();
      }
    });

  roster
    .command('remove <name>')
    .description('从名单删除一个单位，并解除绑定到它的所有群')
    .option('--region <县区>', '同名单位在几个县都有时，写明哪个县')
    .option('--json', '输出 JSON')
    .action((name: string, opts: { region?: string; json?: boolean }) => {
      const app = ctx.openApp();
      try {
        const result = app.stores.roster.remove(name.trim(), opts.region?.trim());
        if (result.kind === 'not_found') throw new CliExit(`名单里没有 ${opts.region ?? ''}${name}`);
        if (result.kind === 'ambiguous')
          throw new CliExit(`名单里有${result.regions.length}个${name}（${result.regions.join('、')}），请用 --region 写明哪个县`);
        if (opts.json) return printJson(result);
        const { entry } = result;
        printLine(`已从名单删除 ${entry.region ?? ''}${entry.name}，解除 ${result.bindings} 个群的绑定。`);
        if (result.hasReports) printLine('注意：库里有它的年报，它仍会作为“来自年报”的单位出现在名单中。');
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
