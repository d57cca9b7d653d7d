import type { Command } from 'commander';
import { converse } from '../../bot/conversations.js';
import type { CliContext } from '../context.js';
import { printJson, printLine } from '../output.js';

export function registerAsk(program: Command, ctx: CliContext): void {
  program
    .command('ask <question>')
    .description('回答一个问题，与群里机器人的回答完全一样')
    .option('--json', '输出 {kind, text, rows} JSON')
    .option('--chat <id>', '作为对话 <id> 的一轮（追问如“去年呢”接着上一问；30分钟无人提问即忘记）')
    .action((question: string, opts: { json?: boolean; chat?: string }) => {
      const now = ctx.now();
      const app = ctx.openApp();
      try {
        const answer = converse(app.core, app.stores.conversations, opts.chat ?? null, question, now);
        if (opts.json) printJson({ kind: answer.kind, text: answer.text, rows: answer.rows });
        else printLine(answer.text);
      } finally {
        app.close();
      }
    });
}
