import type { MaskedText } from './masked.js';
import { LEADING_NOISE, similarity } from './org-fuzzy.js';
import type { OrgIndex } from './orgs.js';
import type { OrgRecord } from './store.js';

/**
 * Counties, cities and provinces named but not on file (北京市, 海淀区): such a question is about a place
 * we know nothing of and must not be answered with other places' figures. Runs after the known names
 * and regions were taken out, so what is left and ends in 市/县/区/省 is not on file.
 */

const REGION_PLACE = /([\u3400-\u9fff]{2,8}?)(自治州|自治县|特别行政区|省|市|县|区|旗)(?![长委级里内域别])/g;
/** 全市, 各县, 哪些区, 城区, 本市: words before 市/县/区 that are not a name. */
const NOT_A_REGION =
  /[各全本每该此这那哪些几多少什么所有其它他城郊辖]|^(?:我们|当地|本地|下属|所属|地区|社区|小区|园区|景区|开发区|新区|市区|县区|城区|市县|省市|县市)$/;

export function findUnknownRegions(text: MaskedText, index: OrgIndex): Array<{ name: string; nearest: OrgRecord[] }> {
  const out: Array<{ name: string; nearest: OrgRecord[] }> = [];
  for (const h of text.all(REGION_PLACE)) {
    const raw = h.groups[0]!;
    const stripped = raw.replace(LEADING_NOISE, '');
    if ([...stripped].length < 2 || NOT_A_REGION.test(stripped)) continue;
    const name = stripped + h.groups[1]!;
    const nearRegions = index.regions.filter((r) => similarity(name, r.replace(/(?:自治县|县|市|区|旗)$/, '')) >= 2);
    out.push({ name, nearest: index.orgs.filter((o) => o.region !== null && nearRegions.includes(o.region)).slice(0, 8) });
    text.mask(h.start + (raw.length - stripped.length), h.end);
  }
  return out;
}
