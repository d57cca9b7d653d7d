import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { exportWorkbook } from '../../export/workbook.js';
import type { CliContext } from '../context.js';
import { CliExit, printJson, printLine } from '../output.js';

/** `export [--year Y] [--region R] --out <file.xlsx>`: the status and the tables as a workbook (docs/data-contract.md §6.2). */
export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('把某年度各单位的状态和表二、表三、表四导出为 Excel 表格（.xlsx）')
    .option('--year <year>', '报告年度，例如 2026（默认：今年应交的上一年度）')
    .option('--region <region>', '只导出这个县（市、区）的单位')
    .requiredOption('--out <file>', '写入的 .xlsx 文件')
    .option('--json', '输出 {file, year, region, organisations, reports} JSON')
    .action(async (opts: { year?: string; region?: string; out: string; json?: boolean }) => {
      const year = opts.year === undefined ? undefined : Number(opts.year);
      if (year !== undefined && (!Number.isInteger(year) || year < 2008 || year > 2100)) throw new CliExit(`--year 应是年份，例如 2026（收到：${opts.year}）`);
      if (!/\.xlsx$/i.test(opts.out)) throw new CliExit(`--out 应是 .xlsx 文件（收到：${opts.out}）`);
      const app = ctx.openApp();
      let result;
      try {
        result = await exportWorkbook(app, { year, region: opts.region || undefined });
      } finally {
        app.close();
      }
      try {
        writeFileSync(opts.out, result.xlsx);
      } catch (e) {
        throw new CliExit(`写不了 ${opts.out}：${e instanceof Error ? e.message : String(e)}`);
      }
      const { xlsx: _bytes, ...summary } = result;
      if (opts.json) printJson({ file: opts.out, ...summary });
      else printLine(`已导出 ${summary.year}年度${summary.region ?? ''} ${summary.organisations} 个单位、${summary.reports} 份年报到 ${opts.out}`);
    });
}
