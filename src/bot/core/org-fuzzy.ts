import type { MaskedText } from './masked.js';
import type { OrgIndex, OrgMention } from './orgs.js';
import { readings, soundsAlike } from './pinyin.js';
import type { OrgRecord } from './store.js';

/**
 * Names that are not written exactly as on file: one character replaced by a sound-alike (龙谭镇,
 * 康装), or, when the name ends in 镇/乡/街道, one character wrong, missing or extra (张家玻镇,
 * 大刘镇). Names that look like places but match nothing are returned as unknown, with the known
 * names nearest to them.
 */

const CJK = /[\u3400-\u9fff]/;

/** Compares a window of the question with a name core: 0 = same, 1 = one sound-alike swap, else -1. */
function soundDistance(window: string, core: string): number {
  let diffs = 0;
  for (let i = 0; i < core.length; i++) {
    const a = window[i]!;
    const b = core[i]!;
    if (a === b) continue;
    if (++diffs > 1 || !soundsAlike(a, b)) return -1;
  }
  return diffs;
}

type Core = OrgIndex['cores'][number];

function candidatesAt(view: string, i: number, index: OrgIndex): Set<Core> {
  const map = index.sounds;
  const out = new Set<Core>();
  for (const pos of [0, 1]) {
    const ch = view[i + pos];
    if (!ch) continue;
    for (const r of readings(ch)) for (const c of map.get(`${pos}:${r}`) ?? []) out.add(c);
  }
  return out;
}

/** Sound-alike names anywhere in the free text, with or without 镇. */
export function findHomophones(text: MaskedText, index: OrgIndex): OrgMention[] {
  const view = text.view;
  const hits: OrgMention[] = [];
  for (let i = 0; i < view.length; i++) {
    if (!CJK.test(view[i]!)) continue;
    let best: OrgMention | undefined;
    for (const { org, core } of candidatesAt(view, i, index)) {
      const end = i + core.length;
      if (end > view.length || (best && core.length < best.end - best.start)) continue;
      if (soundDistance(view.slice(i, end), core) !== 1 || !text.isFree(i, end)) continue;
      if (best && best.end === end) {
        if (!best.candidates.includes(org)) best.candidates.push(org);
      } else {
        best = { surface: view.slice(i, end), start: i, end, candidates: [org], match: 'homophone' };
      }
    }
    if (best) {
      // Take the 镇/乡 that follows, so it is not read again as an unknown place.
      const suffix = /^(?:街道|镇|乡)/.exec(view.slice(best.end));
      if (suffix) best.end += suffix[0].length;
      text.mask(best.start, best.end);
      hits.push(best);
      i = best.end - 1;
    }
  }
  return hits;
}

const PLACE = /([\u3400-\u9fff]{1,8}?)(街道办事处|街道办|街道|镇|乡|局)(?!长)/g;
export const LEADING_NOISE =
  /^(?:请问|请|问一下|问下|问问|查一下|查下|查查|查|帮我查?一?下?|帮我|帮忙查?|看一下|看下|看看|我想知道|想知道|想问|我想问|告诉我|那么|那|还有|和|跟|与|及|以及|或者|或|对比|比较|的|在|是|了|呢|吧|给我|我们|我|关于|一下|下)+/;
/** 各镇, 哪个镇, 各乡镇, 全县: words before 镇/乡 that are not part of a name. */
export const NOT_A_NAME =
  /(?:各|个|全|本|我|每|该|此|乡|这|那|哪|些|其他|其它|所有|市|县|区|有的|多少|几|的)$|^(?:城|村|集|小|古|重|名|强|城乡|我们|本地|当地)$|最|哪|多少|什么|谁|那些|这些/;

export interface LoosePlace {
  /** The name as typed, with its suffix: 李家镇. */
  name: string;
  start: number;
  end: number;
  /** Known organisations one character away (typo), if any. */
  near: OrgRecord[];
}

/** One character replaced, missing or extra. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    let d = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++d > 1) return false;
    return true;
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  if (l.length - s.length !== 1) return false;
  for (let i = 0; i < l.length; i++) if (l.slice(0, i) + l.slice(i + 1) === s) return true;
  return false;
}

/** Words ending in 镇/乡/街道 that no exact or sound-alike match took: typos and unknown places. */
export function findLoosePlaces(text: MaskedText, index: OrgIndex): LoosePlace[] {
  const out: LoosePlace[] = [];
  for (const h of text.all(PLACE)) {
    const raw = h.groups[0]!;
    const stripped = raw.replace(LEADING_NOISE, '');
    if (stripped.length === 0 || NOT_A_NAME.test(stripped)) continue;
    const start = h.start + (raw.length - stripped.length);
    // A lone character before 镇 (庄镇) is a fragment: the names ending in it, to choose from.
    const fragment = [...stripped].length === 1;
    // Two-character names are too short to correct: 康乐 is another town, not a typo of 康庄.
    const near = fragment
      ? index.cores.filter((c) => c.core.length > 1 && c.core.endsWith(stripped)).map((c) => c.org)
      : index.cores.filter((c) => Math.max(c.core.length, stripped.length) >= 3 && oneEditApart(stripped, c.core)).map((c) => c.org);
    if (fragment && near.length === 0) continue;
    out.push({ name: stripped + h.groups[1]!, start, end: h.end, near });
    text.mask(start, h.end);
  }
  return out;
}

/** Shared characters count 2, sound-alike characters 1: how close a typed name is to a name core. */
export function similarity(name: string, core: string): number {
  const chars = [...name.replace(/(?:街道办事处|街道办|街道|镇|乡)$/, '')];
  const target = [...core];
  return chars.reduce((s, ch) => s + (target.includes(ch) ? 2 : target.some((c) => soundsAlike(c, ch)) ? 1 : 0), 0);
}

/** Known organisations nearest to an unknown name, closest first, then in file order. */
export function nearestOrgs(name: string, index: OrgIndex, limit = 8): OrgRecord[] {
  return index.cores
    .map((c, i) => ({ org: c.org, s: similarity(name, c.core), i }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.org);
}
