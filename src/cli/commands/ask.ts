import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { printJson, printLine } from '../output.js';

export function registerAsk(program: Command, ctx: CliContext): void {
  program
    .command('ask <question>')
    .description('回答一个问题，与群里机器人的回答完全一样')
    .option('--json', '输出 {kind, text, rows} JSON')
    .action((question: string, opts: { json?: boolean }) => {
      const now = ctx.now();
      const app = ctx.openApp();
      try {
        const answer = app.core.ask(question, now);
        if (opts.json) printJson({ kind: answer.kind, text: answer.text, rows: answer.rows });
        else printLine(answer.text);
      } finally {
        app.close();
      }
    });
}
