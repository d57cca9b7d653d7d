import { describe, expect, it } from 'vitest';
import { toOneLine, toPipes, toSpaces } from '../../bench/shapes.js';
import { CONCEPTS } from '../../src/bot/core/lexicon/concepts.js';
import { APPLICANT_CUES, T2_HINT_CUES, T4_COLUMN_CUES, type T2Hint } from '../../src/bot/core/lexicon/columns.js';
import type { MetricAsk } from '../../src/bot/core/metrics.js';
import { resolveKeys } from '../../src/bot/core/resolve.js';
import {
  ALL_METRIC_KEYS,
  citeOf,
  isMetricKey,
  keysOf,
  metricEntries,
  metricInfo,
  PROSE,
  T4_GROUPS,
  type ConceptId,
  type MetricKey,
} from '../../src/catalog/index.js';
import { ParseJson, toParseJson } from '../../src/parsing/contract.js';
import { T2_COLUMNS, T3_COLUMNS, T3_ROWS, T4_COLUMNS } from '../../src/parsing/tables/row-specs.js';
import { parseOk, readSeed, SEED_NAMES } from '../helpers/seeds.js';

/** The catalog is the one list of metrics: whatever the parser writes and whatever a question asks is in it. */

const notInCatalog = (keys: Iterable<string>) => [...new Set(keys)].filter((k) => !isMetricKey(k));

describe('the catalog covers every key the parser can emit', () => {
  it('has each key once, every key well-formed (docs/data-contract.md §1)', () => {
    expect(new Set(ALL_METRIC_KEYS).size).toBe(ALL_METRIC_KEYS.length);
    for (const k of ALL_METRIC_KEYS) expect(k).toMatch(/^[a-z_]+(\.[a-z_]+){1,3}$/);
  });

  it('has every slot the table reader fills, every derived sum and every prose figure', () => {
    const slots: string[] = [
      ...T3_ROWS.flatMap((r) => T3_COLUMNS.map((c) => `${r.key}.${c}`)),
      ...(['gov2019', 'gov2021'] as const).flatMap((f) => Object.entries(T2_COLUMNS[f]).flatMap(([row, cols]) => (cols ?? []).map((c) => `${row}.${c}`))),
      ...T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => `${g}.${c}`)),
      ...['denied', 'unable', 'not_processed', 'other'].flatMap((g) => T3_COLUMNS.map((c) => `applications.${g}.${c}`)),
      'litigation.total',
      ...Object.keys(PROSE),
    ];
    expect(notInCatalog(slots)).toEqual([]);
    // And nothing else: a catalog key no reader fills and no sum makes is a key nobody can have.
    expect(ALL_METRIC_KEYS.filter((k) => !slots.includes(k))).toEqual([]);
  });

  it('has every key of the five seed reports, in every flattening, with the printed table, row and column', () => {
    const seen = new Set<string>();
    for (const name of SEED_NAMES) {
      for (const shape of [(t: string) => t, toPipes, toSpaces, toOneLine]) {
        const r = parseOk(shape(readSeed(name)));
        for (const [key, source] of metricEntries(r.sources)) {
          seen.add(key);
          const cite = citeOf(key);
          if (key.startsWith('prose.')) expect(cite, key).toBeUndefined();
          else expect(cite, key).toBeDefined();
          expect({ table: source.table, row: source.row, col: source.col }, `${name} ${key}`).toEqual({ table: cite?.table, row: cite?.row, col: cite?.col });
        }
        expect(ParseJson.safeParse(toParseJson(`${name}.txt`, r)).success).toBe(true);
      }
    }
    expect(notInCatalog(seen)).toEqual([]);
    // The seeds exercise most of the catalog (both forms, every table, derived sums, prose).
    expect(seen.size).toBeGreaterThan(200);
  });

  it('cites what the forms print', () => {
    const kang = parseOk(readSeed('kangzhuang-2020'));
    expect(kang.sources['applications.new.total']).toMatchObject({ table: '表三', row: '本年新收政府信息公开申请数量', col: '总计', line: 119 });
    expect(kang.sources['applications.new.org_other']).toMatchObject({ table: '表三', col: '其他' });
    expect(kang.sources['applications.denied.total']).toMatchObject({ table: '表三', row: '不予公开', col: '总计', derived: true });
    expect(kang.sources['applications.handled.total']).toMatchObject({ table: '表三', row: '总计', col: '总计' });
    expect(kang.sources['prose.active_items']).not.toHaveProperty('table');
    const longtan = parseOk(readSeed('longtan-2020'));
    expect(longtan.sources['active.normative_docs.new_made']).toMatchObject({ table: '表二', row: '规范性文件', col: '本年新制作数量' });
    expect(longtan.sources['active.procurement.amount_wan']).toMatchObject({ table: '表二', row: '政府集中采购', col: '采购总金额' });
    const zjp = parseOk(readSeed('zhangjiapo-2021'));
    expect(zjp.sources['active.normative_docs.issued']).toMatchObject({ table: '表二', row: '行政规范性文件', col: '本年制发件数' });
    expect(zjp.sources['active.fees.amount_wan']).toMatchObject({ table: '表二', row: '行政事业性收费', col: '本年收费金额（万元）' });
    expect(zjp.sources['review.upheld']).toMatchObject({ table: '表四', row: '行政复议', col: '结果维持' });
    expect(zjp.sources['litigation.total']).toMatchObject({ table: '表四', row: '行政诉讼', col: '总计', derived: true });
  });

  it('names a missing 表二 row as the form prints it', () => {
    const text = readSeed('zhangjiapo-2021').replace('\t行政强制\n', '\n');
    const truncated = parseOk(text).findings.filter((f) => f.code === 'TRUNCATED_TABLE');
    expect(truncated.map((f) => f.message)).toEqual(['表二（主动公开政府信息情况）缺少1行（行政强制）']);
  });
});

describe('the catalog covers every key the question lexicon can ask for', () => {
  const figures = CONCEPTS.filter((c) => c.family !== 'info_fee' && c.family !== 'unsupported');
  const columnSets: Record<string, MetricAsk['columns'][]> = {
    t3: [['total'], ...APPLICANT_CUES.map((c) => [...c.columns])],
    t4: [['total'], ...T4_COLUMN_CUES.map((c) => [...c.columns])],
  };
  const hints = T2_HINT_CUES.map((c) => c.hint);
  /** Every subset of the 表二 hints: a question can name any of them together. */
  const hintSets: T2Hint[][] = Array.from({ length: 1 << hints.length }, (_, m) => hints.filter((_, i) => m & (1 << i)));

  it('resolves every figure, in every column and with any hints, in every format, to catalog keys only', () => {
    const asked = new Set<string>();
    let asks = 0;
    for (const c of figures) {
      for (const columns of columnSets[c.family] ?? [['total']]) {
        for (const h of c.family === 't2' ? hintSets : [[]]) {
          const ask: MetricAsk = { concept: c.id, family: c.family, columns, hints: h, phrase: '' };
          for (const format of ['gov2019', 'gov2021', 'unknown'] as const) {
            const r = resolveKeys(ask, format);
            asks++;
            for (const k of [...r.keys, ...r.also]) asked.add(k);
            // Every figure has an answer or says why not.
            expect(r.keys.length > 0 || (r.note ?? '').length > 0, `${c.id} ${columns} ${h} ${format}`).toBe(true);
          }
        }
      }
    }
    expect(asks).toBeGreaterThan(10000);
    expect(notInCatalog(asked)).toEqual([]);
    // Every figure a report holds can be asked for, apart from the two the bot answers another way:
    // 其他处理 3.其他 (asked as 其他处理) and the prose's count of applications (checked, not asked).
    const unasked = ALL_METRIC_KEYS.filter((k) => !asked.has(k));
    expect(unasked.filter((k) => !k.startsWith('applications.other.misc.') && k !== 'prose.applications_received')).toEqual([]);
  });

  it('names every row people ask about, each once, after the rows it contains', () => {
    const ids = figures.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      // Precedence: a sub-row's words are tried before its group's (国家秘密 before 不予公开).
      const parent = id.split('.').slice(0, -1).join('.');
      if (ids.includes(parent as (typeof ids)[number]))
        expect(ids.indexOf(id), `${id} before ${parent}`).toBeLessThan(ids.indexOf(parent as (typeof ids)[number]));
    }
    for (const c of figures) expect(keysOf(c.id as ConceptId).length, c.id).toBeGreaterThan(0);
  });
});

describe('catalog entries', () => {
  it('say where each figure is, what it is called and how it is counted', () => {
    const at = (k: MetricKey) => metricInfo(k)!;
    expect(at('applications.new.total')).toMatchObject({
      table: '表三',
      row: '本年新收政府信息公开申请数量',
      col: '总计',
      formats: { gov2019: 'read', gov2021: 'read' },
      derived: false,
      unit: '件',
    });
    expect(at('applications.denied.natural')).toMatchObject({ derived: true, say: '不予公开的申请（自然人）' });
    expect(at('applications.other.total').formats).toEqual({ gov2019: 'read', gov2021: 'derived' });
    expect(at('applications.other.overdue_fee.total').formats).toEqual({ gov2021: 'read' });
    expect(at('active.other_services.decisions').formats).toEqual({ gov2019: 'read' });
    expect(at('active.licensing.decisions').formats).toEqual({ gov2019: 'read', gov2021: 'read' });
    expect(at('active.fees.amount_wan')).toMatchObject({ unit: '万元', formats: { gov2021: 'read' } });
    expect(at('active.procurement.items').unit).toBe('项');
    expect(at('litigation.total')).toMatchObject({ derived: true, say: '被提起行政诉讼' });
    expect(at('prose.active_items')).toMatchObject({ table: 'prose', row: null, unit: '条' });
    // 2019 and 2021 columns are different keys: 对外公开总数量 is never 现行有效件数.
    expect(isMetricKey('active.normative_docs.total_published')).toBe(true);
    expect(metricInfo('active.normative_docs.total_published')!.formats).toEqual({ gov2019: 'read' });
    expect(isMetricKey('active.procurement.decisions')).toBe(false);
  });
});
