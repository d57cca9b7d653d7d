import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { printLine } from '../output.js';

/** Every command that opens the database migrates it; this one does only that (deploy scripts, `npm run db:migrate`). */
export function registerMigrate(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('创建或升级数据库结构（其他命令启动时也会自动执行）')
    .action(() => {
      const path = ctx.config().dbPath;
      const app = ctx.openApp();
      const applied = app.db.migrationsApplied;
      app.close();
      printLine(applied === 0 ? `数据库已是最新：${path}` : `数据库已升级：${path}（应用了 ${applied} 个迁移）`);
    });
}
