import { pinyin } from 'pinyin-pro';
import type { OrgRecord } from './store.js';
import { normalizeQuestion } from './text.js';

/**
 * Every name people use for an organisation: 全称, 简称, without 镇/乡/街道/人民政府, with the county
 * in front, aliases, and the pinyin typed on a phone. Pure; the org index is built from these.
 */

const ORG_SUFFIX = /(?:人民政府|政府|街道办事处|街道办|办事处|街道|镇|乡)$/;
export const REGION_SUFFIX = /(?:自治县|县|市|区|旗)$/;

/** A name without 人民政府 and without 镇/乡/街道: 沂源县张家坡镇人民政府 → 沂源县张家坡. */
export function coreOf(name: string): string {
  let s = name;
  for (let i = 0; i < 2 && ORG_SUFFIX.test(s); i++) s = s.replace(ORG_SUFFIX, '');
  return s;
}

/** The form question text is matched in (normalizeQuestion, without spaces). */
export const norm = (s: string): string => normalizeQuestion(s).replace(/\s+/g, '');

/** Pinyin order of names: lists come out the same whatever order the store keeps them in. */
export const byName = new Intl.Collator('zh-Hans-CN');

/** The order of the org index: by name, then region, in pinyin order; then by id. */
export const orgOrder = (a: OrgRecord, b: OrgRecord): number => byName.compare(a.name, b.name) || byName.compare(a.region ?? '', b.region ?? '') || a.id - b.id;

/** Normalised county names: a few thousand counties, each named by every one of its towns. */
const normalisedRegions = new Map<string, string>();
function normRegion(region: string): string {
  let n = normalisedRegions.get(region);
  if (n === undefined) {
    if (normalisedRegions.size >= 50_000) normalisedRegions.clear();
    normalisedRegions.set(region, (n = norm(region)));
  }
  return n;
}

export function surfacesOf(o: OrgRecord): Set<string> {
  // The forms of the names overlap a lot (简称 and 全称 share their core); each is normalised once.
  const forms = new Set<string>();
  const add = (s: string | null | undefined) => {
    if (s) forms.add(s);
  };
  const names = [...new Set([o.name, o.org, ...o.aliases].filter(Boolean))];
  const spellings = new Map<string, string>();
  const spell = (s: string) => {
    let p = spellings.get(s);
    if (p === undefined) spellings.set(s, (p = (pinyin(s, { toneType: 'none', type: 'array' }) as string[]).join('')));
    return p;
  };
  const region = o.region ? normRegion(o.region) : null;
  const regionShort = region && region.replace(REGION_SUFFIX, '').length >= 2 ? region.replace(REGION_SUFFIX, '') : null;
  for (const raw of names) {
    const n = norm(raw);
    const bare = n.replace(/(?:人民政府|政府)$/, '');
    const core = coreOf(n);
    // 沂源县教育局 is also 教育局; 沂源县人民政府 stays 沂源县 (never an empty name or a bare 政府).
    const local = region && bare.startsWith(region) && bare.length > region.length ? bare.slice(region.length) : bare;
    const localCore = coreOf(local);
    // A county government must not swallow the county name itself (沂源县各镇 is about the towns).
    for (const s of [n, bare, core, local, localCore, `${local}政府`, `${local}人民政府`]) {
      if (s !== n && (s === region || s === regionShort)) continue;
      add(s);
    }
    for (const r of [region, regionShort]) {
      if (!r) continue;
      for (const s of [local, localCore]) if (!s.startsWith(r)) add(r + s);
    }
    // Typed on a phone without choosing characters: kangzhuang, kangzhuangzhen.
    if (/^[\u3400-\u9fff]{2,}$/.test(localCore)) {
      const spelled = spell(localCore);
      const suffix = local.slice(localCore.length);
      add(spelled);
      if (suffix) add(spelled + spell(suffix));
    }
  }
  const out = new Set<string>();
  for (const f of forms) {
    const n = norm(f);
    if ([...n].length >= 2) out.add(n);
  }
  return out;
}

/** The core sound-alike and typo matching compares with (康庄, 张家坡), or null when shorter than two characters. */
export function matchCoreOf(o: OrgRecord): string | null {
  const region = o.region ? normRegion(o.region) : null;
  const short = norm(o.name);
  const local = region && short.startsWith(region) && short.length > region.length ? short.slice(region.length) : short;
  const core = coreOf(local);
  return [...core].length >= 2 ? core : null;
}
