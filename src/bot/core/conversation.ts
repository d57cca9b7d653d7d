import { CHOICE_CUE, CHOICE_NUMBER, FOLLOW_UP_CUE, FOLLOW_UP_FILLER, MORE_CUE } from './lexicon/conversation.js';
import type { MetricAsk } from './metrics.js';
import type { OrgIndex, OrgMention } from './orgs.js';
import type { Query } from './query.js';
import type { Slots } from './slots.js';
import type { OrgRecord } from './store.js';
import type { YearSpec } from './years.js';

/**
 * The context a chat's conversation keeps between two questions (docs/data-contract.md §6.2), so that
 * 「那龙潭镇呢」「去年呢」「处罚呢」「2020年呢」 mean the last question with one slot changed, 「更多」 shows
 * the next page and 「2」 answers a clarifying question. Pure: the pipeline loads the last context and
 * stores the next one (db/conversations.ts forgets it 30 minutes after the last turn).
 */
export type Conversation = {
  /** Organisations of the last question, by id. */
  orgIds: number[];
  /** The county or city of the last question when it named no town. */
  region: string | null;
  years: YearSpec;
  metrics: MetricAsk[];
  /** The cue words left of the last question (哪个镇最多, 交了吗): what made it a ranking, a status list… */
  cues: string;
  /** Organisations offered by the last clarifying question, in the order shown. */
  choices?: number[];
  /** Page of the last answer (0 = the first), for 「更多」. */
  page?: number;
};

const isNumbers = (x: unknown): x is number[] => Array.isArray(x) && x.every((n) => typeof n === 'number');

/** A context read back from the store, if it has the shape this version keeps (else the chat starts afresh). */
export function asConversation(x: unknown): Conversation | null {
  if (typeof x !== 'object' || x === null) return null;
  const c = x as Partial<Conversation>;
  const years = c.years as { kind?: unknown } | undefined;
  const ok =
    isNumbers(c.orgIds) &&
    (c.region === null || typeof c.region === 'string') &&
    typeof years?.kind === 'string' &&
    Array.isArray(c.metrics) &&
    typeof c.cues === 'string' &&
    (c.choices === undefined || isNumbers(c.choices)) &&
    (c.page === undefined || typeof c.page === 'number');
  return ok ? (c as Conversation) : null;
}

/** The slots to decide on, with what a follow-up leaves out filled from the last question. */
export interface Turn {
  slots: Slots;
  /** The page asked for (「更多」), 0 for a new question. */
  page: number;
}

const byId = (index: OrgIndex, ids: readonly number[]): OrgRecord[] => ids.flatMap((id) => index.orgs.find((o) => o.id === id) ?? []);

const mentionOf = (org: OrgRecord): OrgMention => ({ surface: org.name, start: 0, end: 0, candidates: [org], match: 'exact' });

/** The last question's slots, as if asked again. */
function replay(prev: Conversation, index: OrgIndex, text: string): Slots {
  return {
    text: `${text} ${prev.cues}`,
    mentions: byId(index, prev.orgIds).map(mentionOf),
    regions: prev.region ? [{ region: prev.region, start: 0, end: 0 }] : [],
    unknown: [],
    metrics: prev.metrics,
    years: prev.years,
    rest: prev.cues,
  };
}

function choiceOf(text: string): number | null {
  const m = CHOICE_CUE.exec(text.replace(/[\s.,!?。，]/g, ''));
  if (!m) return null;
  const g = m[1]!;
  return /\d/.test(g) ? Number(g) : (CHOICE_NUMBER[g] ?? null);
}

/** Fills what a follow-up leaves out from `prev`; a question that stands on its own is left as it is. */
export function continueSlots(slots: Slots, prev: Conversation | null, index: OrgIndex): Turn {
  if (!prev) return { slots, page: 0 };
  const plain = slots.text.replace(/[\s#?!.,;:、~]/g, '');
  if (MORE_CUE.test(plain)) return { slots: replay(prev, index, ''), page: (prev.page ?? 0) + 1 };
  const choice = prev.choices ? choiceOf(slots.text) : null;
  if (choice !== null) {
    const picked = prev.choices?.[choice - 1];
    if (picked !== undefined) return { slots: replay({ ...prev, orgIds: [picked], region: null }, index, ''), page: 0 };
  }
  const hasPlace = slots.mentions.length > 0 || slots.regions.length > 0 || slots.unknown.length > 0;
  const hasYears = slots.years.kind !== 'none';
  const hasMetric = slots.metrics.length > 0;
  const bare = slots.rest.replace(FOLLOW_UP_FILLER, '') === '';
  const named = Number(hasPlace) + Number(hasYears) + Number(hasMetric);
  // A bare place, year or figure (「2020年」) leans on the last question as much as 「2020年呢」 does.
  const followUp = named > 0 && named < 3 && (FOLLOW_UP_CUE.test(slots.rest) || bare);
  if (!followUp) return { slots, page: 0 };
  const last = replay(prev, index, slots.text);
  return {
    slots: {
      text: bare ? last.text : slots.text,
      mentions: hasPlace ? slots.mentions : last.mentions,
      regions: hasPlace ? slots.regions : last.regions,
      unknown: slots.unknown,
      metrics: hasMetric || !bare ? slots.metrics : last.metrics,
      years: hasYears ? slots.years : last.years,
      rest: bare ? last.rest : slots.rest,
    },
    page: 0,
  };
}

/** The words that only make a question lean on the last one; what else is left are its cues. */
const LEAN_WORDS = /的?呢|^(?:那么|那个|那|还有|换成|改成|如果是|要是)/g;

/** What this turn leaves for the next one: the question as understood, or the last context when nothing was. */
export function nextConversation(turn: Turn, query: Query, prev: Conversation | null): Conversation | null {
  const { slots } = turn;
  if (query.kind === 'help' || query.kind === 'unknown') return prev;
  const cues = slots.rest.replace(LEAN_WORDS, ' ').replace(/\s+/g, ' ').trim();
  const base = { region: null, years: slots.years, metrics: slots.metrics, cues };
  if (query.kind === 'clarify' && query.about === 'org') return { ...base, orgIds: [], choices: query.mention.candidates.map((o) => o.id) };
  const scope = 'scope' in query ? query.scope : null;
  const next: Conversation = { ...base, orgIds: scope?.orgs.map((o) => o.org.id) ?? [], region: scope?.region ?? null };
  return turn.page > 0 ? { ...next, page: turn.page } : next;
}
