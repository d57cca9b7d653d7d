import type { ReportFormat } from './types.js';

/** Header words only the 30号 tables print (国办公开办函〔2021〕30号 附件). */
const GOV2021 = /本年制发件数|本年废止件数|现行有效件数|本年收费金额|逾期不补正|收费通知/g;
/** Header words only the 60号 tables print (国办公开办函〔2019〕60号). */
const GOV2019 = /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增\/减|采购项目数量|采购总金额|政府集中采购|其他对外管理服务事项/g;

const count = (re: RegExp, s: string) => (s.match(re) ?? []).length;

/**
 * Which national format the tables follow, judged from the tables only (never from the year:
 * a 2022 report may still print the 2019 tables). 表二 decides; 表三's (六) sub-rows break a tie.
 */
export function detectFormat(activeText: string, applicationsText: string): ReportFormat {
  const new2 = count(GOV2021, activeText);
  const old2 = count(GOV2019, activeText);
  if (new2 > old2) return 'gov2021';
  if (old2 > new2) return 'gov2019';
  const new3 = count(GOV2021, applicationsText);
  if (new3 > 0) return 'gov2021';
  if (/其他处理/.test(applicationsText)) return 'gov2019';
  return 'unknown';
}
