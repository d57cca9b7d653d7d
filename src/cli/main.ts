import { Command, CommanderError } from 'commander';
import { registerIngest } from './commands/ingest.js';
import { registerMigrate } from './commands/migrate.js';
import { registerParse } from './commands/parse.js';
import { registerAsk } from './commands/ask.js';
import { registerCheck } from './commands/check.js';
import { registerExport } from './commands/export.js';
import { registerRemind } from './commands/remind.js';
import { registerRoster } from './commands/roster.js';
import { registerServe } from './commands/serve.js';
import { registerWatch } from './commands/watch.js';
import { createContext } from './context.js';
import { CliExit, printError } from './output.js';

/**
 * The `nianbao` command line (docs/data-contract.md §4). Each command lives in ./commands and registers
 * itself here; errors a user can act on end as one line on stderr and a non-zero exit.
 */
export function buildProgram(): Command {
  const program = new Command('nianbao')
    .description('年报助手：解析、检查、存储政府信息公开工作年度报告，并回答问题')
    .option('--db <path>', '数据库文件（默认取 NIANBAO_DB，或 data/nianbao.db）')
    .option('--now <iso-date>', '把“今天”固定为这个时间（测试、补跑用）')
    .showHelpAfterError()
    .exitOverride();
  const ctx = createContext(() => program.opts<{ db?: string; now?: string }>());
  registerParse(program, ctx);
  registerIngest(program, ctx);
  registerMigrate(program, ctx);
  registerRoster(program, ctx);
  registerCheck(program, ctx);
  registerExport(program, ctx);
  registerRemind(program, ctx);
  registerAsk(program, ctx);
  registerServe(program, ctx);
  registerWatch(program, ctx);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CliExit) {
      printError(e.message);
      return e.status;
    }
    if (e instanceof CommanderError) return e.exitCode;
    printError(`意外错误：${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}
