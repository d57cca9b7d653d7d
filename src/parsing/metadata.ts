import type { ReportText } from './report-text.js';
import { lineAt } from './report-text.js';
import { kindOfName } from './org-kind.js';
import { canonicalName, hasTraditional, toSimplifiedChinese } from './traditional.js';
import type { OrgKind, SectionSpan } from './types.js';

export interface ReportMeta {
  title: string;
  titleLine: number;
  org: string | null;
  name: string | null;
  kind: OrgKind | null;
  region: string | null;
  year: number | null;
  yearInTitle: boolean;
  signedDate: string | null;
  signedDateLine: number | null;
}

/** A title line is short; the first long line is prose. */
const TITLE_LINE_MAX = 60;
const FULL_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;
const ISO_DATE = /(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)/g;

/** Organisations that publish these reports, most specific first (街道办事处 before 办事处, …). */
const ORG = new RegExp(
  [
    '([\\u4e00-\\u9fff]{1,12}?(?:镇|乡|街道)(?:人民政府|办事处)?)',
    // 开发区 is a name's end only when no 管委会 follows (霍邱经济开发区管理委员会 is one name).
    // 委 ends a name (卫生健康委) unless 会 follows (管委会).
    '([\\u4e00-\\u9fff]{2,16}?(?:县|市|区|旗)[\\u4e00-\\u9fff]{1,12}?(?:管理委员会|管委会|局|委员会|委(?!会)|办公室|中心|管理处|署|开发区(?!管)|高新区(?!管)))',
    '([\\u4e00-\\u9fff]{2,8}?(?:县|市|区|旗)人民政府)',
    // A zone's office named without its county: 霍邱经济开发区管委会, 合肥高新区管理委员会.
    '([\\u4e00-\\u9fff]{2,12}?(?:开发区|高新区|园区|新区|风景区|片区)(?:管理委员会|管委会|管理局))',
  ].join('|'),
);

const COUNTY = /([\u4e00-\u9fff]{1,6}?(?:县|市|区|旗))(?=[\u4e00-\u9fff])/;
/** A 区 that is a zone, not a county: 霍邱经济开发区, 合肥高新区. */
const A_ZONE = /(?:开发|高新|园|新|景|片)区$/;

/** Words that end in 镇/乡/市/县 but are not place names. */
const NOT_A_PLACE = /^(?:城乡|乡镇|各乡|各镇|本镇|我镇|全镇|城镇|全县|本县|我县|全市|本市|我市|全区|本区|我区|各县|各市|县市|省市)/;

function titleOf(rt: ReportText, sections: readonly SectionSpan[]): { title: string; line: number } {
  const firstHeading = sections[0]?.start ?? rt.text.length;
  const head = rt.text.slice(0, Math.min(firstHeading, 2000));
  const parts: string[] = [];
  let line = 0;
  const lines = head.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l === '') continue;
    if (l.length > TITLE_LINE_MAX) {
      // A report flattened onto one line: its title ends with 年度报告 (or 年报).
      if (parts.length === 0) {
        const m = /^.{0,80}?(?:年度报告|年报)/.exec(l);
        parts.push(m ? m[0] : l.slice(0, TITLE_LINE_MAX));
        line = i + 1;
      }
      break;
    }
    if (parts.length === 0) line = i + 1;
    parts.push(l);
    if (parts.length >= 4) break;
  }
  return { title: parts.join(' '), line: line || 1 };
}

/** Title words around the name, so the name is matched alone (… 康庄镇人民政府, not 年度报告康庄镇…). */
function stripTitleWords(s: string): string {
  return s.replace(/\d{4}\s*年(?:度)?|(?:政府)?信息公开(?:工作)?(?:年度报告|年报)?|工作年度报告|年度报告|年报|关于|中共/g, ' ');
}

/** Words that open a phrase about the town, not its name: 本镇, 我镇, 全镇, 该镇, 各乡镇. */
const NOT_A_NAME = /^(?:本|我|全|该|各|此|其|这|每|年度|本年)/;

function firstOrg(s: string): RegExpExecArray | null {
  const re = new RegExp(ORG.source, 'g');
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (!NOT_A_NAME.test((m[1] ?? m[2] ?? m[3] ?? m[4])!)) return m;
  }
  return null;
}

/** The 落款 block: the organisation signs above the date on the last lines. */
function signatureOf(body: string): string {
  const lines = body.trimEnd().split('\n').slice(-4);
  return lines.filter((l) => l.trim().length > 0 && l.trim().length <= 24).join(' ');
}

/**
 * Full name, short name, county and kind of the organisation named in the title; else in the
 * signature; else in the opening text (last, as prose names superior offices too).
 */
function orgOf(title: string, body: string): Pick<ReportMeta, 'org' | 'name' | 'kind' | 'region'> {
  const m = firstOrg(stripTitleWords(title)) ?? firstOrg(signatureOf(body)) ?? firstOrg(stripTitleWords(body.slice(0, 400)));
  if (!m) return { org: null, name: null, kind: null, region: null };
  let full = (m[1] ?? m[2] ?? m[3] ?? m[4])!;
  const county = COUNTY.exec(full);
  let region: string | null = null;
  let short = full;
  // A town's county prefix is its region; a department keeps the county in its name (临清市自然资源局).
  if (county && (m[1] || m[2]) && !NOT_A_PLACE.test(county[1]!) && !A_ZONE.test(county[1]!) && full.length > county[1]!.length + 1) {
    region = county[1]!;
    short = full.slice(region.length);
  }
  short = short.replace(/(人民政府|办事处)$/, '');
  if (m[1]) {
    // A town named without 人民政府 in the title is still its government.
    if (!/(人民政府|办事处)$/.test(full)) full = `${short}${/街道$/.test(short) ? '办事处' : '人民政府'}`;
  }
  if (m[2] || m[4]) short = full;
  if (m[3]) {
    short = full.replace(/人民政府$/, '');
    region = short;
  }
  return { org: full, name: short, kind: kindOfName(full), region };
}

/**
 * The title and the ends of the text the name is read from, in Simplified characters: a title
 * printed in Traditional characters in an otherwise Simplified text (which normalize leaves as it
 * is) names the organisation the Simplified report names. Only the ends are converted, and only when
 * they hold a Traditional character, so the usual report costs a scan of a thousand characters.
 */
function namesInOneScript(title: string, text: string): { title: string; body: string } {
  const body = text.length <= 1000 ? text : `${text.slice(0, 400)}\n${text.slice(-600)}`;
  const simplified = (s: string) => (hasTraditional(s) ? toSimplifiedChinese(s) : s);
  return { title: simplified(title), body: simplified(body) };
}

/** The name an organisation is filed and matched under (traditional.ts canonicalName). */
const canonical = (s: string | null): string | null => (s === null ? null : canonicalName(s));

/** Characters that do not occur in county names but often stand just before 市委, 县政府 in prose. */
const NOT_IN_NAME = /[落实按照贯彻在和对以的及与由向各全本我该并等经为从据于县市区]/;

/**
 * The county or county-level city the text names most (临清市人民政府网站, 沂源县政务…), when the title
 * does not give it. Names are taken as the two characters before 县/市/区 (the common case); a
 * prefecture-level 市 is usually named once, the county of the town more often.
 */
function regionFromBody(text: string): string | null {
  const counts = new Map<string, number>();
  const re = /([\u4e00-\u9fff]{2})(县|市|区)(?=人民政府|委|政府|政务|大数据|融媒)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (NOT_IN_NAME.test(m[1]!)) continue;
    const place = m[1]! + m[2]!;
    counts.set(place, (counts.get(place) ?? 0) + (m[2] === '县' ? 1.5 : 1));
  }
  let best: string | null = null;
  let bestScore = 0;
  for (const [place, n] of counts) {
    if (n > bestScore) {
      best = place;
      bestScore = n;
    }
  }
  return bestScore >= 2 ? best : null;
}

function validDate(y: number, m: number, d: number): string | null {
  if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function datesIn(s: string, offset: number): Array<{ iso: string; at: number }> {
  const out: Array<{ iso: string; at: number }> = [];
  for (const re of [FULL_DATE, ISO_DATE]) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const iso = validDate(Number(m[1]), Number(m[2]), Number(m[3]));
      if (iso) out.push({ iso, at: offset + m.index });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * The date the report is signed: printed under the title or as the 落款 at the end. Only a date
 * standing on its own (in brackets, or with at most a name beside it) counts, not a date in prose.
 */
function signedDateOf(rt: ReportText, titleEnd: number): { iso: string; line: number } | null {
  const text = rt.text;
  const standalone = (at: number) => {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEndRaw = text.indexOf('\n', at);
    const lineEnd = lineEndRaw === -1 ? text.length : lineEndRaw;
    const l = text.slice(lineStart, lineEnd).trim();
    return l.length <= 40 || /^[(（]?\s*\d{4}\s*年/.test(text.slice(at - 1, at + 30));
  };
  const tailStart = Math.max(0, text.length - 600);
  const tail = text.slice(tailStart);
  const tailDates = datesIn(tail, tailStart).filter((d) => standalone(d.at) || tail.length < 600);
  const lastTail = tailDates[tailDates.length - 1];
  if (lastTail && text.slice(lastTail.at).replace(/[\s\d年月日号.()-]/g, '').length < 40) {
    return { iso: lastTail.iso, line: lineAt(rt, lastTail.at) };
  }
  const head = text.slice(0, Math.min(text.length, titleEnd + 40));
  const headDates = datesIn(head, 0).filter((d) => /[(（]\s*$/.test(head.slice(Math.max(0, d.at - 2), d.at)) || standalone(d.at));
  const first = headDates[0];
  return first ? { iso: first.iso, line: lineAt(rt, first.at) } : null;
}

/** The year the data covers: the title's, else the year the opening prose speaks of. */
function yearOf(title: string, rt: ReportText, bodyFrom: number, signed: string | null) {
  const plainTitle = title.replace(FULL_DATE, ' ');
  const t = /(20\d{2})\s*年/.exec(plainTitle);
  if (t) return { year: Number(t[1]), inTitle: true };
  // Dates are removed before the window is cut, so a 落款 date at its edge is not read as a year.
  const body = rt.text
    .slice(bodyFrom, bodyFrom + 3200)
    .replace(FULL_DATE, ' ')
    .slice(0, 3000);
  const counts = new Map<number, number>();
  for (const m of body.matchAll(/(20\d{2})\s*年(?!\s*\d{1,2}\s*月)/g)) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  // Most mentioned; on a tie the first mentioned, since the opening sentence names the report year.
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)!) best = y;
  if (best !== null) return { year: best, inTitle: false };
  return { year: signed ? Number(signed.slice(0, 4)) - 1 : null, inTitle: false };
}

export function readMeta(rt: ReportText, sections: readonly SectionSpan[]): ReportMeta {
  const { title, line: titleLine } = titleOf(rt, sections);
  const titleEnd = rt.text.indexOf(title.split(' ').pop() ?? '') + title.length;
  const named = namesInOneScript(title, rt.text);
  const read = orgOf(named.title, named.body);
  const org = { ...read, org: canonical(read.org), name: canonical(read.name), region: canonical(read.region) };
  const region = org.region ?? regionFromBody(rt.text);
  const signed = signedDateOf(rt, Math.max(titleEnd, 0));
  const { year, inTitle } = yearOf(title, rt, 0, signed?.iso ?? null);
  return {
    title,
    titleLine,
    ...org,
    region,
    year,
    yearInTitle: inTitle,
    signedDate: signed?.iso ?? null,
    signedDateLine: signed?.line ?? null,
  };
}
