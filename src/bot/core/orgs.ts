import { pinyin } from 'pinyin-pro';
import type { OrgRecord } from './store.js';
import type { MaskedText } from './masked.js';
import { normalizeQuestion } from './text.js';

/**
 * Exact recognition of organisations and regions in a question, by every name people use for them:
 * 全称, 简称, without 镇/乡/街道/人民政府, with the county in front, aliases.
 */

export interface OrgMention {
  surface: string;
  start: number;
  end: number;
  /** More than one when the name is shared (two 张家坡镇 in different counties). */
  candidates: OrgRecord[];
  /** How loosely it was matched: exactly, by sound (康装 → 康庄), or with one character wrong. */
  match: 'exact' | 'homophone' | 'typo';
}

export interface RegionMention {
  region: string;
  start: number;
  end: number;
}

export interface OrgIndex {
  orgs: readonly OrgRecord[];
  /** Name surface → organisations. */
  surfaces: Map<string, OrgRecord[]>;
  regionSurfaces: Map<string, string>;
  maxLen: number;
  /** Names without their suffix (康庄, 张家坡), for sound-alike and typo matching. */
  cores: ReadonlyArray<{ org: OrgRecord; core: string }>;
  regions: readonly string[];
  /** How answers name each organisation: 张家坡镇, or 沂源县张家坡镇 when two share the name. */
  labels: Map<number, string>;
}

const ORG_SUFFIX = /(?:人民政府|政府|街道办事处|街道办|办事处|街道|镇|乡)$/;
const REGION_SUFFIX = /(?:自治县|县|市|区|旗)$/;

/** A name without 人民政府 and without 镇/乡/街道: 沂源县张家坡镇人民政府 → 沂源县张家坡. */
export function coreOf(name: string): string {
  let s = name;
  for (let i = 0; i < 2 && ORG_SUFFIX.test(s); i++) s = s.replace(ORG_SUFFIX, '');
  return s;
}

const norm = (s: string) => normalizeQuestion(s).replace(/\s+/g, '');

function surfacesOf(o: OrgRecord): Set<string> {
  const out = new Set<string>();
  const add = (s: string | null | undefined) => {
    if (!s) return;
    const n = norm(s);
    if ([...n].length >= 2) out.add(n);
  };
  const names = [o.name, o.org, ...o.aliases].filter(Boolean);
  const region = o.region ? norm(o.region) : null;
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
      const spelled = (pinyin(localCore, { toneType: 'none', type: 'array' }) as string[]).join('');
      const suffix = local.slice(localCore.length);
      const suffixSpelled = suffix ? (pinyin(suffix, { toneType: 'none', type: 'array' }) as string[]).join('') : '';
      add(spelled);
      if (suffixSpelled) add(spelled + suffixSpelled);
    }
  }
  return out;
}

/** Pinyin order of names: lists come out the same whatever order the store keeps them in. */
export const byName = new Intl.Collator('zh-Hans-CN');

export function buildOrgIndex(input: readonly OrgRecord[]): OrgIndex {
  const orgs = [...input].sort((a, b) => byName.compare(a.name, b.name) || byName.compare(a.region ?? '', b.region ?? '') || a.id - b.id);
  const surfaces = new Map<string, OrgRecord[]>();
  const regionSurfaces = new Map<string, string>();
  const cores: Array<{ org: OrgRecord; core: string }> = [];
  let maxLen = 2;
  for (const o of orgs) {
    for (const s of surfacesOf(o)) {
      const list = surfaces.get(s) ?? [];
      if (!list.includes(o)) list.push(o);
      surfaces.set(s, list);
      maxLen = Math.max(maxLen, s.length);
    }
    const region = o.region ? norm(o.region) : null;
    const short = norm(o.name);
    const local = region && short.startsWith(region) && short.length > region.length ? short.slice(region.length) : short;
    const core = coreOf(local);
    if ([...core].length >= 2) cores.push({ org: o, core });
    if (o.region) {
      regionSurfaces.set(norm(o.region), o.region);
      const short = norm(o.region).replace(REGION_SUFFIX, '');
      if (short.length >= 2 && !surfaces.has(short)) regionSurfaces.set(short, o.region);
    }
  }
  const regions = [...new Set(orgs.map((o) => o.region).filter((r): r is string => !!r))];
  const labels = new Map<number, string>();
  // How many organisations bear each name (counted once, not by scanning the list for each one).
  const bearers = new Map<string, number>();
  for (const o of orgs) bearers.set(o.name, (bearers.get(o.name) ?? 0) + 1);
  for (const o of orgs) {
    const shared = bearers.get(o.name)! > 1;
    labels.set(o.id, !shared ? o.name : o.region && !o.name.startsWith(o.region) ? `${o.region}${o.name}` : o.org);
  }
  return { orgs, surfaces, regionSurfaces, maxLen, cores, regions, labels };
}

/** Longest-first scan for known names and regions; what it finds is masked out. */
export function findExact(text: MaskedText, index: OrgIndex): { orgs: OrgMention[]; regions: RegionMention[] } {
  const view = text.view;
  const orgs: OrgMention[] = [];
  const regions: RegionMention[] = [];
  for (let i = 0; i < view.length; ) {
    let found = false;
    for (let len = Math.min(index.maxLen, view.length - i); len >= 2; len--) {
      const s = view.slice(i, i + len);
      const hit = index.surfaces.get(s);
      const region = hit ? undefined : index.regionSurfaces.get(s);
      if (!hit && !region) continue;
      if (hit) orgs.push({ surface: s, start: i, end: i + len, candidates: [...hit], match: 'exact' });
      else regions.push({ region: region!, start: i, end: i + len });
      text.mask(i, i + len);
      i += len;
      found = true;
      break;
    }
    if (!found) i++;
  }
  return { orgs, regions };
}
