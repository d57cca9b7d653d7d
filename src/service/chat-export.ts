import type { App } from '../app.js';
import type { ChatExporter, Reply } from '../bot/types.js';
import { readExportAsk } from '../export/chat-args.js';
import { exportWorkbook } from '../export/workbook.js';

const say = (text: string): Reply => ({ kind: 'command', text, rows: [] });

const EXPORT_TEXT = {
  which: (regions: readonly string[]) =>
    `请写明导出哪个县（市、区），例如：导出${regions[0] ?? '霍邱县'}2024年的年报数据。有数据的：${regions.slice(0, 20).join('、')}${regions.length > 20 ? ` 等${regions.length}个` : ''}。`,
  unknown: (named: string) => `没有${named}的数据，请检查县（市、区）名称。`,
  empty: (region: string, year: number) => `${region}${year}年度没有需要报告的单位，也没有收到年报，没有可以导出的数据。`,
  sent: (region: string, year: number, orgs: number, reports: number) =>
    `${region}${year}年度年报数据：${orgs}个单位、${reports}份报告，见附件表格（状态表及表二、表三、表四）。`,
  // The console and HTTP cannot take a file in a chat reply: say where the same workbook comes from.
  elsewhere: (region: string, year: number) =>
    `${region}${year}年度的数据表格：在命令行运行 npm run --silent nianbao -- export --region ${region} --year ${year} --out ${region}${year}.xlsx，或访问 /export.xlsx?region=${encodeURIComponent(region)}&year=${year}。`,
};

/** The county's workbook for a chat: the rows of `export` and GET /export.xlsx, as a file reply. */
export function createChatExporter(app: App): ChatExporter {
  return {
    async export(args, incoming) {
      const known = [...new Set([...app.stores.reports.listOrgs(), ...app.roster()].flatMap((o) => (o.region ? [o.region] : [])))];
      const bound = await app.stores.subscriptions.list({ target: { transport: incoming.transport, chatId: incoming.chatId } });
      const chatRegions = bound.flatMap((s) => (s.scope.kind === 'region' ? [s.scope.name] : s.scope.region ? [s.scope.region] : []));
      const ask = readExportAsk(args, known, chatRegions);
      if (!ask.ok) return say(ask.reason === 'which_region' ? EXPORT_TEXT.which(ask.regions) : EXPORT_TEXT.unknown(ask.named));
      const result = await exportWorkbook(app, { region: ask.region, year: ask.year });
      if (result.organisations === 0) return say(EXPORT_TEXT.empty(ask.region, result.year));
      if (incoming.transport === 'console' || incoming.transport === 'http') return say(EXPORT_TEXT.elsewhere(ask.region, result.year));
      return {
        ...say(EXPORT_TEXT.sent(ask.region, result.year, result.organisations, result.reports)),
        file: { name: `${ask.region}${result.year}年度年报数据.xlsx`, bytes: result.xlsx },
      };
    },
  };
}
