import type { Command } from 'commander';
import type { DeliveryLog } from '../../../db/deliveries.js';
import { sendOnlyNotifiers } from '../../app.js';
import { deliveryChatId, displayTarget } from '../../bot/targets.js';
import { seasonYear } from '../../calendar/due.js';
import { deliverAll } from '../../jobs/deliver-all.js';
import type { DeliveryOutcome } from '../../jobs/deliver.js';
import type { Outgoing } from '../../jobs/outgoing.js';
import { planEscalations } from '../../jobs/plan-escalations.js';
import { loadPlanInput } from '../../jobs/plan-input.js';
import { planReminders } from '../../jobs/plan-reminders.js';
import type { CliContext } from '../context.js';
import { printJson, printLine } from '../output.js';

const JOB_WORD = { remind: '提醒', escalate: '催报', notice: '检查通知' } as const;

function deliveryStatus(deliveries: DeliveryLog, o: Outgoing): string {
  const row = deliveries.find({ job: o.job, subject: o.subject, period: o.period, transport: o.target.transport, chatId: deliveryChatId(o.target) });
  return row?.status ?? 'new';
}

const outcomeWord = (o: DeliveryOutcome) => (o.kind === 'sent' ? '已发送' : o.kind === 'failed' ? `发送失败：${o.error}` : `未发送：${o.reason}`);

/** `remind [--dry-run]`: the reminder and escalation jobs once, as the scheduler runs them at 09:00. */
export function registerRemind(program: Command, ctx: CliContext): void {
  program
    .command('remind')
    .description('运行一次提醒和催报（--dry-run：只列出将发给哪些群、发什么）')
    .option('--dry-run', '只打印将要发送的消息，不发送、不记录')
    .option('--json', '输出 {now, year, dryRun, messages} JSON')
    .action(async (opts: { dryRun?: boolean; json?: boolean }) => {
      const config = ctx.config();
      const now = ctx.now();
      const app = ctx.openApp();
      const { calendar } = app;
      try {
        const input = loadPlanInput(app, calendar, now);
        const planned = [...planReminders(input), ...planEscalations(input)];
        const base = (o: Outgoing) => ({
          job: o.job,
          subject: o.subject,
          period: o.period,
          channel: o.target.transport,
          target: displayTarget(o.target),
          // The organisation with its county (张家坡镇 is a name in many counties), or null for a county's digest.
          organisation: o.about?.kind === 'org' ? { name: o.about.name, region: o.about.region } : null,
          region: o.about ? (o.about.kind === 'org' ? o.about.region : o.about.name) : null,
          text: o.text,
        });
        let messages: Array<ReturnType<typeof base> & { status?: string; outcome?: string }>;
        if (opts.dryRun) {
          messages = planned.map((o) => ({ ...base(o), status: deliveryStatus(app.stores.deliveries, o) }));
        } else {
          // Sending from the command line; the console chat is this terminal: the text printed below is the delivery.
          Object.assign(app.notifiers, await sendOnlyNotifiers(config), { console: { send: async () => {} } });
          const summary = await deliverAll(app.jobs, planned, now);
          messages = summary.results.map((r) => ({ ...base(r.out), outcome: outcomeWord(r.outcome) }));
        }
        const year = seasonYear(calendar, now);
        if (opts.json) return printJson({ now: now.toISOString(), year, dryRun: Boolean(opts.dryRun), messages });
        if (messages.length === 0) {
          // Reminders go only to bound groups: say so, or a first try looks like a broken job.
          const hint = input.subscriptions.length === 0 ? '还没有任何群绑定单位：在群里发 /subscribe 镇名（或县名），或在名单 CSV 的“联系群”一列填写。' : '';
          return printLine(`${now.toISOString()}：现在没有要发的提醒或催报（${year}年度）。${hint}`);
        }
        for (const m of messages) {
          const note = m.status ? (m.status === 'new' ? '' : `（发送记录：${m.status}）`) : `（${m.outcome}）`;
          printLine(`→ ${m.target} ${JOB_WORD[m.job]}${note}`);
          for (const line of m.text.split('\n')) printLine(`  ${line}`);
        }
        printLine(opts.dryRun ? `共 ${messages.length} 条（未发送）。` : `共 ${messages.length} 条。`);
      } finally {
        app.close();
      }
    });
}
