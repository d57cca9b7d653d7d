import { MaskedText } from './masked.js';
import { readMetrics, type MetricAsk } from './metrics.js';
import { findHomophones, findLoosePlaces, nearestOrgs } from './org-fuzzy.js';
import { findExact, type OrgIndex, type OrgMention, type RegionMention } from './orgs.js';
import type { ResolvedOrg } from './query.js';
import { findUnknownRegions, type UnknownName } from './unknown-regions.js';
import { readYears, type YearSpec } from './years.js';

/**
 * The slot readers of a question, run in a fixed order on one masked text: names, figures, years,
 * sound-alike names, unknown places. Each takes the words it understood out of the text, so the
 * next reader and the kind cues see only what is left.
 */

export interface ParseContext {
  index: OrgIndex;
  /** Today's year in the configured time zone, for 今年/去年/前年. */
  currentYear: number;
  botNames?: readonly string[];
}

/** What the slot readers found, before the kind of question is decided (exported for tests). */
export interface Slots {
  text: string;
  mentions: OrgMention[];
  regions: RegionMention[];
  unknown: UnknownName[];
  metrics: MetricAsk[];
  years: YearSpec;
  /** What no reader used up, for the kind cues. */
  rest: string;
}

/** Runs the slot readers in their fixed order: names, figures, years, sound-alike names, unknown places. */
export function readSlots(normalized: string, ctx: ParseContext): Slots {
  const text = new MaskedText(normalized);
  const exact = findExact(text, ctx.index);
  const metrics = readMetrics(text);
  const years = readYears(text, ctx.currentYear);
  const homophones = findHomophones(text, ctx.index);
  const loose = findLoosePlaces(text, ctx.index);
  const typos: OrgMention[] = loose
    .filter((p) => p.near.length > 0)
    .map((p) => ({ surface: p.name, start: p.start, end: p.end, candidates: p.near, match: 'typo' }));
  const places = findUnknownRegions(text, ctx.index);
  const unknown = [...loose.filter((p) => p.near.length === 0).map((p) => ({ name: p.name, nearest: nearestOrgs(p.name, ctx.index) })), ...places.unknown];
  const mentions = [...exact.orgs, ...homophones, ...typos].sort((a, b) => a.start - b.start);
  const regions = [...exact.regions, ...places.misprinted].sort((a, b) => a.start - b.start);
  return { text: normalized, mentions, regions, unknown, metrics, years, rest: text.view };
}

/** Narrows shared names by a county named in the same question; returns the first still ambiguous. */
export function resolveOrgs(slots: Slots): { orgs: ResolvedOrg[]; ambiguous: OrgMention | null } {
  const named = new Set(slots.regions.map((r) => r.region));
  const orgs: ResolvedOrg[] = [];
  for (const m of slots.mentions) {
    let candidates = m.candidates;
    if (candidates.length > 1 && named.size > 0) {
      const inRegion = candidates.filter((c) => c.region && named.has(c.region));
      if (inRegion.length > 0) candidates = inRegion;
    }
    if (candidates.length > 1) return { orgs, ambiguous: { ...m, candidates } };
    const org = candidates[0]!;
    // 临清市张家坡镇 when the only 张家坡镇 is in 沂源县: answer it, but say which one was taken.
    const otherCounty = org.region && named.size > 0 && !named.has(org.region) ? [...named][0]! : '';
    // 霍邱县龙潭镇 asked of 霍丘县龙潭镇: the county as typed, so the answer says it was read as the printed one.
    const misprint = slots.regions.find((r) => r.typed && r.region === org.region)?.typed ?? '';
    const county = otherCounty || misprint;
    const typed = m.match === 'exact' && !county ? null : `${county}${m.surface}`;
    if (!orgs.some((o) => o.org.id === org.id)) orgs.push({ org, typed });
  }
  return { orgs, ambiguous: null };
}
