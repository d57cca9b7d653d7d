import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { createLogger } from '../../logger.js';
import { startService } from '../../service/serve.js';
import type { CliContext } from '../context.js';
import { CliExit } from '../output.js';

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('启动服务：控制台问答、HTTP 接口、已配置的 Telegram/微信机器人和提醒任务')
    .option('--no-console', '不开控制台问答（作为后台服务运行时）')
    .action(async (opts: { console: boolean }) => {
      const config = ctx.config();
      const interactive = opts.console && Boolean(process.stdin.isTTY);
      // A person typing questions should not see log lines between the answers.
      const logFile = interactive ? join(dirname(config.dbPath), 'nianbao.log') : undefined;
      const log = createLogger(config.logLevel, logFile);
      if (logFile) process.stderr.write(`日志写在 ${logFile}\n`);
      const fixedNow = program.opts<{ now?: string }>().now ? ctx.now() : undefined;
      let service;
      try {
        service = await startService({
          config,
          log,
          now: fixedNow ? () => fixedNow : undefined,
          console: opts.console ? { input: process.stdin, output: process.stdout, interactive } : null,
        });
      } catch (e) {
        log.error({ err: e }, 'service failed to start');
        throw new CliExit(`服务启动失败：${e instanceof Error ? e.message : String(e)}`);
      }
      const onSignal = (signal: string) => {
        log.info({ signal }, 'stopping');
        void service.stop();
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      await service.finished;
    });
}
