import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { ingestPaths, type FileResult, type IngestSummary } from '../../ingest/ingest.js';
import { CODE_TITLE } from '../../parsing/checks/messages.js';
import type { Calendar } from '../../calendar/calendar.js';
import { findingsNow } from '../../calendar/status.js';
import type { CliContext } from '../context.js';
import { CliExit, printJson, printLine } from '../output.js';

/** Fewer files than this finish before a bar would be worth drawing. */
const PROGRESS_MIN_FILES = 6;

const STATUS_WORD = { stored: '已入库', unchanged: '未变化', replaced: '已替换', held: '未替换', rejected: '拒收' } as const;

function describe(r: FileResult): string {
  return r.status === 'rejected' ? `拒收 ${r.file}：${r.reason}` : `${STATUS_WORD[r.status]} ${r.file}`;
}

function printText(summary: IngestSummary, cal: Calendar): void {
  for (const r of [...summary.stored, ...summary.replaced]) {
    if (r.status !== 'stored' && r.status !== 'replaced') continue;
    for (const f of findingsNow(cal, r)) {
      printLine(`! ${r.name}${r.year}年度 ${CODE_TITLE[f.code]}（${f.code}）${f.line ? ` 第${f.line}行` : ''}：${f.message}`);
    }
  }
  for (const r of summary.held) {
    if (r.status !== 'held') continue;
    printLine(
      `! ${r.name}${r.year}年度 未替换：${r.file} 只有${r.figures}个数字，现有版本有${r.currentFigures}个；已另存为一个版本，现有版本仍然有效。确认要用它替换，请加 --replace-worse 重新入库`,
    );
  }
  const held = summary.held.length > 0 ? `，未替换 ${summary.held.length}` : '';
  printLine(`已入库 ${summary.stored.length}，未变化 ${summary.unchanged.length}，已替换 ${summary.replaced.length}${held}，拒收 ${summary.rejected.length}`);
  for (const r of summary.rejected) printLine(`拒收 ${r.file}：${r.reason}`);
}

export function registerIngest(program: Command, ctx: CliContext): void {
  program
    .command('ingest <paths...>')
    .description('解析年报并入库：可给多个文件或文件夹（递归读取）；内容未变的文件不重复入库')
    .option('--json', '输出 {stored, unchanged, replaced, rejected} JSON')
    .option('--verbose', '逐个文件输出处理结果')
    .option('--replace-worse', '新版本的数字远少于现有版本时也替换（默认另存为版本，现有版本仍然有效）')
    .action(async (paths: string[], opts: { json?: boolean; verbose?: boolean; replaceWorse?: boolean }) => {
      const config = ctx.config();
      ctx.now(); // a bad --now fails here, once, not as a rejection of every file
      const app = ctx.openApp();
      const progress: { bar: cliProgress.SingleBar | null } = { bar: null };
      let summary: IngestSummary;
      try {
        summary = await ingestPaths(app.db, paths, {
          replaceWorse: opts.replaceWorse === true,
          now: () => ctx.now(),
          exclude: ['', '-wal', '-shm', '-journal'].map((suffix) => `${config.dbPath}${suffix}`),
          onStart: (total) => {
            if (!process.stderr.isTTY || opts.verbose || total < PROGRESS_MIN_FILES) return;
            progress.bar = new cliProgress.SingleBar(
              { format: '入库 [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
              cliProgress.Presets.shades_classic,
            );
            progress.bar.start(total, 0, { file: '' });
          },
          onFile: (r, done) => {
            progress.bar?.update(done, { file: r.file });
            if (opts.verbose && !opts.json) printLine(describe(r));
          },
        });
      } finally {
        progress.bar?.stop();
        app.close();
      }
      if (opts.json) {
        printJson({
          stored: summary.stored.map((r) => r.file),
          unchanged: summary.unchanged.map((r) => r.file),
          replaced: summary.replaced.map((r) => r.file),
          // Only when a file was held back, so the usual shape stays {stored, unchanged, replaced, rejected}.
          ...(summary.held.length > 0 ? { held: summary.held.map((r) => r.file) } : {}),
          rejected: summary.rejected,
        });
      } else {
        printText(summary, app.calendar);
      }
      if (summary.rejected.length > 0) throw new CliExit(`${summary.rejected.length} 个文件被拒收，其余已处理`, 1);
    });
}
