import { describe, expect, it } from 'vitest';
import type { T2Row } from '../../src/catalog/index.js';
import type { T2Hint } from '../../src/bot/core/lexicon/columns.js';
import type { MetricAsk } from '../../src/bot/core/metrics.js';
import { resolveKeys } from '../../src/bot/core/resolve.js';

const t2 = (row: T2Row, hints: T2Hint[] = []): MetricAsk => ({ concept: `active.${row}`, family: 't2', columns: ['total'], hints, phrase: row });

describe('figure → key by report format (docs/domain.md §5 disambiguation)', () => {
  it('answers 制发 in a 2019 report with 本年新制作数量, and says so', () => {
    const r = resolveKeys(t2('normative_docs', ['issued']), 'gov2019');
    expect(r.keys).toEqual(['active.normative_docs.new_made']);
    expect(r.note).toContain('2019');
    expect(resolveKeys(t2('normative_docs', ['issued']), 'gov2021').keys).toEqual(['active.normative_docs.issued']);
  });

  it('never passes 对外公开总数量 off as 现行有效件数', () => {
    const r = resolveKeys(t2('normative_docs', ['in_force']), 'gov2019');
    expect(r.keys).toEqual([]);
    expect(r.note).toContain('不是现行有效件数');
    expect(r.also).toContain('active.normative_docs.total_published');
    expect(resolveKeys(t2('normative_docs', ['total_published']), 'gov2021').keys).toEqual([]);
  });

  it('reads 收费 as item counts in 2019 and as 万元 in 2021', () => {
    expect(resolveKeys(t2('fees'), 'gov2019')).toMatchObject({ keys: ['active.fees.prev_items'] });
    expect(resolveKeys(t2('fees'), 'gov2019').note).toContain('项目数量');
    expect(resolveKeys(t2('fees', ['amount']), 'gov2019').keys).toEqual([]);
    expect(resolveKeys(t2('fees'), 'gov2021').keys).toEqual(['active.fees.amount_wan']);
  });

  it('knows rows a format dropped', () => {
    expect(resolveKeys(t2('procurement'), 'gov2021').keys).toEqual([]);
    expect(resolveKeys(t2('other_services'), 'gov2021').keys).toEqual([]);
    expect(resolveKeys(t2('procurement'), 'gov2019').keys).toEqual(['active.procurement.amount_wan']);
    expect(resolveKeys(t2('procurement', ['items']), 'gov2019').keys).toEqual(['active.procurement.items']);
  });

  it('gives 2019 reports the single （六）其他处理 row for its 2021 sub-rows', () => {
    const ask: MetricAsk = { concept: 'applications.other.overdue_fee', family: 't3', columns: ['total'], hints: [], phrase: '' };
    expect(resolveKeys(ask, 'gov2019').keys).toEqual(['applications.other.total']);
    expect(resolveKeys(ask, 'gov2021').keys).toEqual(['applications.other.overdue_fee.total']);
  });

  it('sums lawsuits with litigation.total, and splits them by outcome', () => {
    const total: MetricAsk = { concept: 'litigation', family: 't4', columns: ['total'], hints: [], phrase: '' };
    expect(resolveKeys(total, 'gov2021').keys).toEqual(['litigation.total']);
    expect(resolveKeys({ ...total, columns: ['upheld'] }, 'gov2021').keys).toEqual(['litigation_direct.upheld', 'litigation_after_review.upheld']);
  });

  it('adds applicant columns to 表三 rows', () => {
    const ask: MetricAsk = { concept: 'applications.new', family: 't3', columns: ['natural', 'org_legal'], hints: [], phrase: '' };
    expect(resolveKeys(ask, 'gov2021').keys).toEqual(['applications.new.natural', 'applications.new.org_legal']);
  });
});
