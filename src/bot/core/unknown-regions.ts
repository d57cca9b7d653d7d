import { misprintOf } from '../../calendar/filed.js';
import type { MaskedText } from './masked.js';
import { LEADING_NOISE, similarity } from './org-fuzzy.js';
import type { OrgIndex, RegionMention } from './orgs.js';
import type { OrgRecord } from './store.js';

/**
 * Counties, cities and provinces named but not on file (北京市, 海淀区): such a question is about a place
 * we know nothing of and must not be answered with other places' figures. Runs after the known names
 * and regions were taken out, so what is left and ends in 市/县/区/省 is not on file.
 *
 * A county one character off the one county on file it can be (霍邱县 asked, 霍丘县 printed, or the
 * other way round: calendar/filed.ts misprintOf) is that county, with the name as typed kept so the
 * answer says how it was read; one that could be two counties on file is unknown, with the counties.
 */

export interface UnknownName {
  name: string;
  nearest: OrgRecord[];
  /** Counties on file this name could be a misprint of, when more than one: the answer asks which. */
  counties?: string[];
}

/** Counties on file one character off `name` (same length and ending). */
function misprintsOf(name: string, regions: readonly string[]): string[] {
  return regions.filter((r) => r !== name && misprintOf(name, [r]) === r);
}

const REGION_PLACE = /([\u3400-\u9fff]{2,8}?)(自治州|自治县|特别行政区|省|市|县|区|旗)(?![长委级里内域别])/g;
/** 全市, 各县, 哪些区, 城区, 本市: words before 市/县/区 that are not a name. */
const NOT_A_REGION =
  /[各全本每该此这那哪些几多少什么所有其它他城郊辖]|^(?:我们|当地|本地|下属|所属|地区|社区|小区|园区|景区|开发区|新区|市区|县区|城区|市县|省市|县市)$/;

export function findUnknownRegions(text: MaskedText, index: OrgIndex): { unknown: UnknownName[]; misprinted: RegionMention[] } {
  const out: UnknownName[] = [];
  const misprinted: RegionMention[] = [];
  for (const h of text.all(REGION_PLACE)) {
    const raw = h.groups[0]!;
    const stripped = raw.replace(LEADING_NOISE, '');
    if ([...stripped].length < 2 || NOT_A_REGION.test(stripped)) continue;
    const name = stripped + h.groups[1]!;
    const start = h.start + (raw.length - stripped.length);
    const fits = misprintsOf(name, index.regions);
    if (fits.length === 1) {
      misprinted.push({ region: fits[0]!, start, end: h.end, typed: name });
      text.mask(start, h.end);
      continue;
    }
    const nearRegions = index.regions.filter((r) => similarity(name, r.replace(/(?:自治县|县|市|区|旗)$/, '')) >= 2);
    const nearest = index.orgs.filter((o) => o.region !== null && (nearRegions.includes(o.region) || fits.includes(o.region))).slice(0, 8);
    out.push(fits.length > 1 ? { name, nearest, counties: fits } : { name, nearest });
    text.mask(start, h.end);
  }
  return { unknown: out, misprinted };
}
