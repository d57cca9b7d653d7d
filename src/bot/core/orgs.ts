import type { MaskedText } from './masked.js';
import { createOrgIndexer } from './org-index-builder.js';
import type { OrgRecord } from './store.js';

/**
 * Exact recognition of organisations and regions in a question, by every name people use for them
 * (org-names.ts): 全称, 简称, without 镇/乡/街道/人民政府, with the county in front, aliases.
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
  /** As typed, when it is a misprint of the county on file (霍邱县 for 霍丘县, or the other way round). */
  typed?: string;
}

export interface OrgCore {
  org: OrgRecord;
  core: string;
}

export interface OrgIndex {
  orgs: readonly OrgRecord[];
  /** Name surface → organisations. */
  surfaces: Map<string, OrgRecord[]>;
  regionSurfaces: Map<string, string>;
  maxLen: number;
  /** Names without their suffix (康庄, 张家坡), for sound-alike and typo matching. */
  cores: readonly OrgCore[];
  /**
   * Cores by the sound of their first and of their second character (`0:kang`, `1:zuang`). With at
   * most one character swapped, one of the two must sound the same, so a window only meets cores
   * from these lists.
   */
  sounds: ReadonlyMap<string, readonly OrgCore[]>;
  regions: readonly string[];
  /** How answers name each organisation: 张家坡镇, or 沂源县张家坡镇 when two share the name. */
  labels: Map<number, string>;
}

/**
 * The index built from scratch. The question core keeps one per store and updates it as the
 * organisation list changes (org-index-cache.ts); this is for a list seen once.
 */
export function buildOrgIndex(input: readonly OrgRecord[]): OrgIndex {
  return createOrgIndexer().update(input);
}

/** Longest-first scan for known names and regions; what it finds is masked out. */
export function findExact(text: MaskedText, index: OrgIndex): { orgs: OrgMention[]; regions: RegionMention[] } {
  const view = text.view;
  const orgs: OrgMention[] = [];
  const regions: RegionMention[] = [];
  for (let i = 0; i < view.length;) {
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
