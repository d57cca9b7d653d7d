import { CODE_EXPLAINED, CODE_TITLE, FIX_HINT } from '../../../parsing/checks/messages.js';
import type { Answer } from '../../types.js';
import type { Query } from '../query.js';
import type { OrgRecord } from '../store.js';
import { nameOf, type ExecContext } from './context.js';

/** Answers about the data on file, what no report holds, and what a finding means. */

const LISTED = 20;

/** `临清市1个、霍邱县2个、未注明县（市、区）2个`. */
function byRegion(orgs: readonly OrgRecord[]): Array<{ region: string | null; count: number }> {
  const counts = new Map<string | null, number>();
  for (const o of orgs) counts.set(o.region, (counts.get(o.region) ?? 0) + 1);
  return [...counts].map(([region, count]) => ({ region, count })).sort((a, b) => (a.region === null ? 1 : b.region === null ? -1 : b.count - a.count));
}

const regionLabel = (region: string | null) => region ?? '未注明县（市、区）';

function catalogue(ctx: ExecContext): Answer {
  const years = ctx.store.years();
  if (years.length === 0) return { kind: 'report', text: '数据库里还没有收录任何报告。', rows: [] };
  const perYear = years.map((y) => ({ y, n: ctx.store.headsOfYear(y).length }));
  const total = perYear.reduce((s, x) => s + x.n, 0);
  const regions = byRegion(ctx.index.orgs);
  const shown = regions.slice(0, LISTED);
  const more = regions.length > shown.length ? `等${regions.length}个地区` : '';
  const text = [
    `数据库里收录了${total}份报告（${years[0]}${years.length > 1 ? `–${years.at(-1)}` : ''}年度），来自${ctx.index.orgs.length}个单位。`,
    `按年度：${perYear.map((x) => `${x.y}年${x.n}份`).join('、')}。`,
    `按地区：${shown.map((r) => `${regionLabel(r.region)}${r.count}个单位`).join('、')}${more}。`,
  ].join('\n');
  return { kind: 'report', text, rows: regions.map((r) => ({ name: regionLabel(r.region), orgs: r.count })) };
}

function towns(ctx: ExecContext, region: string | null): Answer {
  if (!region) return catalogue(ctx);
  const orgs = ctx.index.orgs.filter((o) => o.region === region);
  const names = orgs.slice(0, LISTED).map((o) => nameOf(ctx, o));
  const tail = orgs.length > names.length ? `等${orgs.length}个` : '';
  const text =
    orgs.length === 0
      ? `数据库里没有${region}的单位。`
      : `数据库里收录了${region}${orgs.length}个单位的报告：${names.join('、')}${tail}。（只算收录了报告或导入了名单的单位，不一定是全部乡镇）`;
  return { kind: 'report', text, rows: orgs.map((o) => ({ name: o.name, region: o.region })) };
}

function regionOf(ctx: ExecContext, q: Extract<Query, { kind: 'about' }>): Answer {
  const lines = q.scope.orgs.map(({ org }) =>
    org.region ? `${nameOf(ctx, org)}属于${org.region}。` : `收录的${nameOf(ctx, org)}报告没有注明所属的县（市、区）。`,
  );
  return { kind: 'report', text: lines.join('\n'), rows: q.scope.orgs.map(({ org }) => ({ name: org.name, region: org.region })) };
}

export function answerAbout(ctx: ExecContext, q: Extract<Query, { kind: 'about' }>): Answer {
  switch (q.topic) {
    case 'catalogue':
      return catalogue(ctx);
    case 'towns':
      return towns(ctx, q.scope.region);
    case 'region_of':
      return regionOf(ctx, q);
    case 'not_in_reports':
      return {
        kind: 'help',
        text: '政府信息公开工作年度报告里没有这项内容（领导姓名、电话、人口等都不在年报里），请查当地政府网站。我能回答的是年报里的数字、检查出的问题和截止日期。',
        rows: [],
      };
  }
}

export function answerExplain(q: Extract<Query, { kind: 'explain' }>): Answer {
  const lines = q.codes.map((code) => {
    const fix = FIX_HINT[code] ?? '这是提醒，不影响报告完整；核对原文，在下一版报告中改正即可。';
    return `${CODE_TITLE[code]}（${code}）：${CODE_EXPLAINED[code]}。\n怎么改：${fix}`;
  });
  return { kind: 'help', text: lines.join('\n'), rows: [] };
}
