import { isOverdue } from '../../../calendar/calendar.js';
import type { Scope } from '../query.js';
import { nameOf, type ExecContext } from './context.js';
import type { OrgRecord } from '../store.js';

/** Sentences several answers share: how a name was understood, names not on file, reports not on file. */

/** `（“康装镇”按康庄镇理解）` for names matched by sound or with a typo. */
export function understoodAs(scope: Scope, ctx?: ExecContext): string {
  const loose = scope.orgs.filter((o) => o.typed);
  if (scope.regionTyped && scope.region) return `（“${scope.regionTyped}”按${scope.region}理解）`;
  if (loose.length === 0) return '';
  const say = (o: (typeof loose)[number]) => {
    const name = ctx ? nameOf(ctx, o.org) : o.org.name;
    // A county typed in front that is not this town's: name the county it is really in.
    return o.org.region && /[县市区旗]/.test(o.typed ?? '') && !name.startsWith(o.org.region) ? `${o.org.region}${name}` : name;
  };
  return `（${loose.map((o) => `“${o.typed}”按${say(o)}理解`).join('，')}）`;
}

/** `没有收录“李家镇”的报告。` for unknown names next to known ones. */
export function unknownNames(scope: Scope): string {
  if (scope.unknown.length === 0) return '';
  return `没有收录${scope.unknown.map((u) => `“${u.name}”`).join('、')}的报告。`;
}

/** `没有收录康庄镇2023年度的报告（已收录：2020年度）。` plus the deadline when it has not passed. */
export function noReport(ctx: ExecContext, org: OrgRecord, year: number): string {
  const have = ctx.store.reportsOf(org.id).map((r) => `${r.year}年度`);
  const onFile = have.length > 0 ? `（已收录：${have.join('、')}）` : `（还没有收录${nameOf(ctx, org)}的任何报告）`;
  const pending = isOverdue(ctx.calendar, year, org.region, ctx.now) ? '' : `${year}年度报告的截止日期是${ctx.deadline(year, org.region)}，还没到。`;
  return `没有收录${nameOf(ctx, org)}${year}年度的报告${onFile}。${pending}`;
}
