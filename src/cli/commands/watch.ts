import type { Command } from 'commander';
import type { SourceRun } from '../../watch/run.js';
import type { CliContext } from '../context.js';
import { CliExit, printJson, printLine } from '../output.js';

function printRun(runs: SourceRun[]): void {
  if (runs.length === 0) return printLine('没有要监测的网站：用 nianbao watch add <县名> <年报栏目列表页网址> 添加，或设置 NIANBAO_WATCH。');
  for (const r of runs) {
    printLine(`${r.region} ${r.url}`);
    if (r.error) {
      printLine(`  失败：${r.error}（下次运行时重试）`);
      continue;
    }
    printLine(
      `  列表 ${r.pages} 页，年报链接 ${r.links} 个：新入库 ${r.found.length}，未变 ${r.unchanged + r.notModified}，往年已入库 ${r.skipped}，失败 ${r.failed.length}`,
    );
    for (const f of r.found) {
      const word = f.status === 'replaced' ? '新版本' : '入库';
      printLine(`  ${word}：${f.region ?? ''}${f.name} ${f.year}年度（发布于${f.published ?? '日期不详'}）${f.codes.length ? ` ${f.codes.join(',')}` : ''}`);
    }
    for (const f of r.failed) printLine(`  失败：${f.title} ${f.url}：${f.error}`);
  }
}

/** `watch add <region> <url>`, `watch --once`: the county portals' annual-report columns (data contract §6.3). */
export function registerWatch(program: Command, ctx: CliContext): void {
  const watch = program
    .command('watch')
    .description('监测县政府网站的年报栏目：--once 立即读一遍并入库新发布的年报；不带参数列出监测的网站和状态')
    .option('--once', '立即读一遍所有来源')
    .option('--json', '输出 JSON')
    .action(async (opts: { once?: boolean; json?: boolean }) => {
      const app = ctx.openApp();
      try {
        if (!opts.once) {
          const state = new Map(app.stores.watch.sources().map((s) => [s.url, s]));
          const sources = app.watcher.sources().map((s) => ({ ...s, ...state.get(s.url) }));
          const failures = app.stores.watch.failures();
          if (opts.json) return printJson({ sources, failures });
          if (sources.length === 0) return printLine('没有要监测的网站：用 nianbao watch add <县名> <网址> 添加，或设置 NIANBAO_WATCH。');
          for (const s of sources) {
            printLine(`${s.region} ${s.url}${s.lastRunAt ? `（上次 ${s.lastRunAt}${s.lastError ? `，失败：${s.lastError}` : '，成功'}）` : '（尚未运行）'}`);
          }
          for (const f of failures) printLine(`  链接失败 ${f.failures} 次：${f.url}：${f.error}`);
          return printLine('用 --once 立即运行；serve 按计划运行（每天 NIANBAO_WATCH_AT，1月20日至2月10日每小时）。');
        }
        const now = ctx.now();
        const runs = await app.watcher.run(now);
        if (opts.json) printJson({ now: now.toISOString(), sources: runs });
        else printRun(runs);
        if (runs.some((r) => r.error)) throw new CliExit(`${runs.filter((r) => r.error).length} 个网站读取失败`);
      } finally {
        app.close();
      }
    });

  watch
    .command('add <region> <url>')
    .description('添加一个县的年报栏目列表页，例如 watch add 霍邱县 https://www.huoqiu.gov.cn/…/list.html')
    .action((region: string, url: string) => {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new CliExit(`网址无效：${url}`);
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new CliExit(`网址应以 http:// 或 https:// 开头：${url}`);
      if (region.trim() === '') throw new CliExit('地区（县名）不能为空');
      const app = ctx.openApp();
      try {
        const added = app.stores.watch.addSource({ region: region.trim(), url: parsed.href }, ctx.now());
        printLine(added ? `已添加：${region} ${parsed.href}` : `已在监测：${region} ${parsed.href}`);
      } finally {
        app.close();
      }
    });
}
