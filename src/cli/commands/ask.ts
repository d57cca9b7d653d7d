import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { converse } from '../../bot/conversations.js';
import type { Answer } from '../../bot/types.js';
import type { CliContext } from '../context.js';
import { printJson, printLine } from '../output.js';

/** Writes the answer's chart into `dir` (docs/data-contract.md §6.2); the attachments as `--json` lists them. */
async function attachments(answer: Answer, dir: string | undefined): Promise<Array<{ type: 'image/png'; file: string | null; title: string }>> {
  if (!answer.chart) return [];
  if (!dir) return [{ type: 'image/png', file: null, title: answer.chart.title }];
  // Imported only when a chart is written: echarts and resvg are large.
  const { renderChartPng } = await import('../../bot/adapters/chart.js');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'chart.png');
  writeFileSync(file, renderChartPng(answer.chart));
  return [{ type: 'image/png', file, title: answer.chart.title }];
}

export function registerAsk(program: Command, ctx: CliContext): void {
  program
    .command('ask <question>')
    .description('回答一个问题，与群里机器人的回答完全一样')
    .option('--json', '输出 {kind, text, rows} JSON')
    .option('--chat <id>', '作为对话 <id> 的一轮（追问如“去年呢”接着上一问；30分钟无人提问即忘记）')
    .option('--save <dir>', '把回答附带的图表（PNG）写到 <dir>')
    .action(async (question: string, opts: { json?: boolean; chat?: string; save?: string }) => {
      const now = ctx.now();
      const app = ctx.openApp();
      try {
        const answer = converse(app.core, app.stores.conversations, opts.chat ?? null, question, now);
        const files = await attachments(answer, opts.save);
        if (opts.json) printJson({ kind: answer.kind, text: answer.text, rows: answer.rows, ...(files.length > 0 ? { attachments: files } : {}) });
        else {
          printLine(answer.text);
          for (const f of files) if (f.file) printLine(`（图表已保存：${f.file}）`);
        }
      } finally {
        app.close();
      }
    });
}
