import {
  ALL_ORGS_CUE,
  CATALOGUE_CUE,
  COMPARE_CUE,
  DEADLINE_CUE,
  HELP_COMMANDS,
  HELP_CUE,
  HOW_TO_CUE,
  NOT_YES_NO_CUE,
  RANK_ASC_CUE,
  RANK_CUE,
  RANK_SUPERLATIVE_CUE,
  REPORT_DATE_CUE,
  REPORT_FORMAT_CUE,
  REPORT_ORIGINAL_CUE,
  ORG_SUBJECT_CUE,
  STATUS_INCOMPLETE_CUE,
  STATUS_LATE_CUE,
  STATUS_MISSING_CUE,
  STATUS_PROBLEM_CUE,
  SUM_CUE,
  THANKS_CUE,
  TREND_CUE,
  WRONG_FORMAT_CUE,
  YES_NO_CUE,
} from './lexicon/kinds.js';
import { aboutQuery, explainQuery } from './about.js';
import { continueSlots, nextConversation, type Conversation } from './conversation.js';
import type { MetricAsk } from './metrics.js';
import type { Query, Scope } from './query.js';
import { readSlots, resolveOrgs, type ParseContext, type Slots } from './slots.js';
import { cleanQuestion, MAX_QUESTION_CHARS, normalizeQuestion } from './text.js';
import { kindsAsked } from './lexicon/org-kinds.js';

export type { ParseContext, Slots } from './slots.js';
export { readSlots } from './slots.js';

const TOP = /前\s*([\d一二两三四五六七八九十]{1,2})|top\s*(\d{1,2})/;
const CN: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function topOf(rest: string): number | null {
  const m = TOP.exec(rest);
  if (!m) return null;
  const g = m[1] ?? m[2] ?? '';
  const n = /^\d+$/.test(g) ? Number(g) : (CN[g] ?? null);
  return n && n > 0 ? n : null;
}

/** Understands one question. Pure: the same text, index and year always give the same query. */
export function parseQuestion(raw: string, ctx: ParseContext): Query {
  return parseTurn(raw, ctx, null).query;
}

/**
 * Understands one turn of a conversation: a follow-up (「去年呢」) takes what it leaves out from `previous`.
 * Returns the query and the context for the next turn. Pure.
 */
export function parseTurn(raw: string, ctx: ParseContext, previous: Conversation | null): { query: Query; next: Conversation | null } {
  const clean = cleanQuestion(raw, ctx.botNames);
  const alone = (query: Query) => ({ query, next: previous });
  if (clean.length > MAX_QUESTION_CHARS) return alone({ kind: 'help', reason: 'too_long' });
  if (clean.command && HELP_COMMANDS.has(clean.command)) return alone({ kind: 'help', reason: 'asked' });
  const normalized = normalizeQuestion(clean.text).replace(/#/g, ' ');
  if (!/[\p{L}\p{N}]/u.test(normalized)) return alone({ kind: 'help', reason: clean.text ? 'not_understood' : 'empty' });
  const explain = explainQuery(normalized);
  if (explain) return alone(explain);
  const turn = continueSlots(readSlots(normalized, ctx), previous, ctx.index);
  const decided = decide(turn.slots);
  const pageable = decided.kind === 'rank' || decided.kind === 'status';
  // 「更多」 after an answer that was not a list: nothing more to show (and the context stays as it was).
  if (turn.page > 0 && !pageable) return alone({ kind: 'help', reason: 'no_more' });
  const query = turn.page > 0 && pageable ? { ...decided, page: turn.page } : decided;
  return { query, next: nextConversation(turn, query, previous) };
}

/** 谁还没交; 谁逾期没交 asks only about a year whose deadline has passed. */
function missingQuery(slots: Slots, scope: Scope): Query {
  const kinds = kindsAsked(slots.rest);
  return {
    kind: 'status',
    scope: kinds ? { ...scope, kinds } : scope,
    years: slots.years,
    filter: 'missing',
    ...(STATUS_LATE_CUE.test(slots.rest) ? { overdue: true } : {}),
  };
}

/** A question about one report or about the reports themselves, with no figure named. */
function withoutFigure(slots: Slots, scope: Scope): Query {
  const { rest, years } = slots;
  const aboutOne = scope.orgs.length > 0;
  if (REPORT_FORMAT_CUE.test(rest)) {
    const onlyWrong = !aboutOne && WRONG_FORMAT_CUE.test(rest);
    return { kind: 'report', scope, years, aspect: 'format', onlyWrong };
  }
  if (REPORT_ORIGINAL_CUE.test(rest)) return { kind: 'report', scope, years, aspect: 'original' };
  // 康庄镇逾期了吗 / 康庄镇交了没有: the date of that town's report answers it.
  if (aboutOne && (REPORT_DATE_CUE.test(rest) || STATUS_LATE_CUE.test(rest) || STATUS_MISSING_CUE.test(rest))) {
    return { kind: 'report', scope, years, aspect: 'date' };
  }
  if (STATUS_MISSING_CUE.test(rest)) return missingQuery(slots, scope);
  if (STATUS_LATE_CUE.test(rest)) return { kind: 'status', scope, years, filter: 'late', ...(ORG_SUBJECT_CUE.test(rest) ? { overdue: true } : {}) };
  if (STATUS_INCOMPLETE_CUE.test(rest)) return { kind: 'status', scope, years, filter: 'incomplete' };
  if (STATUS_PROBLEM_CUE.test(rest)) return { kind: 'status', scope, years, filter: 'problems' };
  if (REPORT_DATE_CUE.test(rest)) return { kind: 'report', scope, years, aspect: 'date' };
  if (aboutOne || scope.region || ALL_ORGS_CUE.test(rest) || CATALOGUE_CUE.test(rest)) {
    return { kind: 'report', scope, years, aspect: 'summary' };
  }
  if (RANK_SUPERLATIVE_CUE.test(rest)) return { kind: 'clarify', about: 'metric', scope, years };
  return { kind: 'help', reason: 'not_understood' };
}

/**
 * 哪个镇最多 ranks; so does 康庄镇排第几 (one town, a superlative). Two named towns with 哪个多
 * are a comparison of the two, unless a superlative says otherwise.
 */
function wantsRank(rest: string, named: number): boolean {
  if (!RANK_CUE.test(rest)) return false;
  const superlative = RANK_SUPERLATIVE_CUE.test(rest);
  if (named === 1) return superlative;
  return !(named > 1 && COMPARE_CUE.test(rest) && !superlative);
}

/** A question naming figures: one town, several, a ranking, or over years. */
function withFigures(slots: Slots, scope: Scope, metrics: MetricAsk[]): Query {
  const { rest, years } = slots;
  const named = scope.orgs.length;
  // Read on the whole question: 有没有人申请 is both the figure and the yes/no form.
  const yesNo = YES_NO_CUE.test(slots.text) && !NOT_YES_NO_CUE.test(slots.text);
  if (wantsRank(rest, named)) {
    return { kind: 'rank', scope, years, metric: metrics[0]!, order: RANK_ASC_CUE.test(rest) ? 'asc' : 'desc', top: topOf(rest) };
  }
  const manyYears = years.kind === 'range' || years.kind === 'all' || years.kind === 'recent' || (years.kind === 'list' && years.years.length > 1);
  if (TREND_CUE.test(rest) || (manyYears && named <= 1)) return { kind: 'trend', scope, years, metrics, yesNo };
  if (named === 1) return { kind: 'metric', scope, years, metrics, yesNo };
  return { kind: 'compare', scope, years, metrics, yesNo, sum: SUM_CUE.test(slots.text) };
}

/** Picks the kind of question from the slots and the cue words left over. */
export function decide(slots: Slots): Query {
  const { rest, years } = slots;
  const plain = rest.replace(/[#\s?!.,;:、~]/g, '');
  const { orgs, ambiguous } = resolveOrgs(slots);
  const region = orgs.length === 0 ? (slots.regions[0]?.region ?? null) : null;
  const regionTyped = orgs.length === 0 ? slots.regions[0]?.typed : undefined;
  const scope: Scope = { orgs, region, unknown: slots.unknown, ...(regionTyped ? { regionTyped } : {}) };
  const metrics = slots.metrics.filter((m) => m.family !== 'info_fee' && m.family !== 'unsupported');
  const infoFee = slots.metrics.some((m) => m.family === 'info_fee');
  const unsupported = slots.metrics.some((m) => m.family === 'unsupported');
  const nothingNamed = slots.metrics.length === 0 && orgs.length === 0 && !region && slots.unknown.length === 0;

  if (ambiguous) return { kind: 'clarify', about: 'org', mention: ambiguous };
  if (nothingNamed && THANKS_CUE.test(plain)) return { kind: 'help', reason: 'thanks' };
  if (nothingNamed && HELP_CUE.test(plain)) return { kind: 'help', reason: 'asked' };
  if (slots.unknown.length > 0 && orgs.length === 0 && !region) return { kind: 'unknown', names: slots.unknown };
  const about = aboutQuery(slots, scope, metrics);
  if (about) return about;
  const aboutRules = orgs.length === 0 && !region && years.kind === 'none' && (metrics.length > 0 || infoFee) && HOW_TO_CUE.test(rest);
  if (aboutRules) return { kind: 'help', reason: 'out_of_scope' };
  // 谁还没交 is about who has not filed, even though 交 is also a deadline word.
  if (metrics.length === 0 && orgs.length === 0 && STATUS_MISSING_CUE.test(rest)) return missingQuery(slots, scope);
  if (metrics.length === 0 && DEADLINE_CUE.test(rest)) return { kind: 'deadline', scope, years };
  if (infoFee) return { kind: 'report', scope, years, aspect: 'info_fee' };
  // 12345热线办结 is not 表三's 办结: a prose-only fact wins over any figure it resembles.
  if (unsupported) return { kind: 'report', scope, years, aspect: 'unsupported' };
  return metrics.length === 0 ? withoutFigure(slots, scope) : withFigures(slots, scope, metrics);
}
