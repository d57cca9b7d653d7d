import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseJson, toParseJson } from '../../src/parsing/contract.js';
import { parseReportBytes, parseReportText } from '../../src/parsing/parse-report.js';
import { readSeed, SEED_NAMES } from '../helpers/seeds.js';

type Mutation =
  | { kind: 'drop'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'split'; at: number; pos: number }
  | { kind: 'junk'; at: number; text: string }
  | { kind: 'join'; at: number };

const JUNK = fc.oneof(
  fc.string(),
  fc.constantFrom('一、总体情况', '四、结转下年度继续办理', '（七）总计', '\t\t\t', '| | |', '-1', '5.2 万元', '二〇二一年一月十日', '[image: x]', '\u0000'),
  fc.array(fc.constantFrom('\t', ' ', '0', '1', '9', '|', '、', '（', '）', '镇', '总计', '\n'), { maxLength: 30 }).map((a) => a.join('')),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('split' as const), at: fc.nat(), pos: fc.nat() }),
  fc.record({ kind: fc.constant('junk' as const), at: fc.nat(), text: JUNK }),
  fc.record({ kind: fc.constant('join' as const), at: fc.nat() }),
);

function apply(lines: string[], m: Mutation): string[] {
  if (lines.length === 0) return m.kind === 'junk' ? [m.text] : lines;
  const out = [...lines];
  const i = m.at % out.length;
  switch (m.kind) {
    case 'drop':
      out.splice(i, 1);
      break;
    case 'duplicate':
      out.splice(i, 0, out[i]!);
      break;
    case 'swap': {
      const j = m.with % out.length;
      [out[i], out[j]] = [out[j]!, out[i]!];
      break;
    }
    case 'split': {
      const l = out[i]!;
      const p = m.pos % (l.length + 1);
      out.splice(i, 1, l.slice(0, p), l.slice(p));
      break;
    }
    case 'junk':
      out.splice(i, 0, m.text);
      break;
    case 'join':
      if (i + 1 < out.length) out.splice(i, 2, `${out[i]!}${out[i + 1]!}`);
      break;
  }
  return out;
}

describe('the parser on mutated reports', () => {
  it('never throws, and what it returns always fits the contract', () => {
    let parsed = 0;
    fc.assert(
      fc.property(fc.constantFrom(...SEED_NAMES), fc.array(mutation, { minLength: 1, maxLength: 25 }), (seed, ms) => {
        const text = ms.reduce(apply, readSeed(seed).split('\n')).join('\n');
        const outcome = parseReportText(text);
        if (!outcome.ok) {
          expect(outcome.error.code).toBe('NOT_A_REPORT');
          return;
        }
        parsed++;
        const json = toParseJson('mutated.txt', outcome.report);
        const checked = ParseJson.safeParse(json);
        if (!checked.success) throw new Error(JSON.stringify(checked.error.issues.slice(0, 3)));
        // Every value that is not derived points at a real line of the text.
        const lineCount = text.split('\n').length;
        for (const s of Object.values(json.sources)) {
          if (!s.derived) expect(s.line).toBeGreaterThanOrEqual(1);
          expect(s.line).toBeLessThanOrEqual(lineCount);
        }
      }),
      { numRuns: 300, seed: 20261121 },
    );
    // Mutated reports are still mostly reports: the property must be exercised on real output.
    expect(parsed).toBeGreaterThan(200);
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const outcome = parseReportBytes(bytes);
        if (!outcome.ok) expect(outcome.error.message.length).toBeGreaterThan(0);
        else expect(ParseJson.safeParse(toParseJson('x', outcome.report)).success).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
