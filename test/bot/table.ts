import { expect } from 'vitest';
import * as z from 'zod';
import { createCore, type QuestionCore } from '../../src/bot/core/index.js';
import type { ReportStore } from '../../src/bot/core/store.js';
import type { Answer } from '../../src/bot/types.js';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';

/** Shared by the question tables: one expected answer per row, checked against the contract shape. */

export interface Case {
  q: string;
  kind: string;
  /** metric/compare/trend/rank: [name, year, metric, value]; status: [name, year, status, codes ⊆]; report/deadline: [name, year]. */
  rows?: unknown[][];
  text?: string[];
  notText?: string[];
  /** Today (Asia/Shanghai), default 2026-11-21. */
  now?: string;
}

export const TODAY = '2026-11-21';
export const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

export function coreFor(store: ReportStore): QuestionCore {
  return createCore({ store, now: () => at(TODAY), calendar: DEFAULT_CALENDAR });
}

/** docs/data-contract.md §4 `ask --json`. */
export const AnswerJson = z.object({
  kind: z.enum(['metric', 'compare', 'trend', 'rank', 'status', 'deadline', 'report', 'help', 'clarify', 'unknown']),
  text: z.string().min(1),
  rows: z.array(
    z.looseObject({
      name: z.string().min(1),
      year: z.number().int().optional(),
      metric: z
        .string()
        .regex(/^[a-z_]+(\.[a-z_]+){1,3}$/)
        .optional(),
      value: z.number().nullable().optional(),
      status: z.enum(['ok', 'late', 'missing', 'incomplete']).optional(),
      codes: z.array(z.string()).optional(),
    }),
  ),
});

const FIGURES = new Set(['metric', 'compare', 'trend', 'rank']);

export function assertAnswer(answer: Answer, c: Case): void {
  const where = `${c.q} → ${answer.kind}: ${answer.text}\n${JSON.stringify(answer.rows)}`;
  expect(AnswerJson.safeParse(JSON.parse(JSON.stringify(answer))).success, where).toBe(true);
  expect(answer.kind, where).toBe(c.kind);
  for (const t of c.text ?? []) expect(answer.text, where).toContain(t);
  for (const t of c.notText ?? []) expect(answer.text, where).not.toContain(t);
  if (!c.rows) return;
  if (FIGURES.has(c.kind)) {
    expect(
      answer.rows.map((r) => [r.name, r.year, r.metric, r.value]),
      where,
    ).toEqual(c.rows);
    if (c.rows.length === 0) expect(answer.text, where).not.toMatch(/(?<![\d.])0件/);
  } else if (c.kind === 'status') {
    expect(
      answer.rows.map((r) => [r.name, r.year, r.status]),
      where,
    ).toEqual(c.rows.map((r) => r.slice(0, 3)));
    c.rows.forEach((r, i) => expect(answer.rows[i]!.codes, where).toEqual(expect.arrayContaining(r[3] as string[])));
  } else if (c.kind === 'report' || c.kind === 'deadline') {
    expect(
      answer.rows.map((r) => [r.name, r.year]),
      where,
    ).toEqual(c.rows);
  } else if (c.kind === 'help') {
    expect(answer.rows, where).toEqual([]);
  }
}

export function ask(core: QuestionCore, c: Case): Answer {
  return core.ask(c.q, c.now ? at(c.now) : undefined);
}
