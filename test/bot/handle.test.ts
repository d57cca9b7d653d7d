import { describe, expect, it, vi } from 'vitest';
import { createCore, type CoreDeps } from '../../src/bot/core/index.js';
import type { ReportStore } from '../../src/bot/core/store.js';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { parseFile, seedStore } from '../helpers/memory-store.js';
import { seedPath } from '../helpers/seeds.js';
import { at } from './table.js';

const now = at('2026-11-21');
const deps = (over: Partial<CoreDeps> = {}): CoreDeps => ({ store: seedStore(), now: () => now, calendar: DEFAULT_CALENDAR, ...over });

// The guards (self, stale, addressed, length, rate) are the pipeline's: test/adapters/pipeline.test.ts.

describe('errors', () => {
  it('turn into a short apology and a log line, never a crash', () => {
    const broken: ReportStore = {
      ...seedStore(),
      currentReport: () => {
        throw new Error('disk I/O error');
      },
    };
    const error = vi.fn();
    const core = createCore(deps({ store: broken, log: { error } }));
    const a = core.ask('康庄镇2020年依申请公开多少件');
    expect(a).toMatchObject({ kind: 'unknown', rows: [] });
    expect(a!.text).toContain('抱歉');
    expect(error).toHaveBeenCalledOnce();
  });
});

describe('ask', () => {
  it('takes today from the argument when given (CLI --now)', () => {
    const core = createCore(deps());
    expect(core.ask('康庄镇去年依申请公开多少件', at('2021-03-01')).rows).toHaveLength(1);
    expect(core.ask('康庄镇去年依申请公开多少件').rows).toHaveLength(0);
  });

  it('notices organisations ingested after the first question', () => {
    const store = seedStore();
    const core = createCore(deps({ store }));
    expect(core.ask('石桥镇2021年依申请公开多少件').kind).toBe('unknown');
    const z = parseFile(seedPath('zhangjiapo-2021'));
    store.add({ ...z, name: '石桥镇', org: '沂源县石桥镇人民政府' }, 'shiqiao.txt');
    expect(core.ask('石桥镇2021年依申请公开多少件').rows).toEqual([{ name: '石桥镇', year: 2021, metric: 'applications.new.total', value: 0 }]);
  });

  it('asks back when two organisations share a name, and answers once the county is given', () => {
    const store = seedStore();
    const z = parseFile(seedPath('zhangjiapo-2021'));
    store.add({ ...z, org: '博山县张家坡镇人民政府', region: '博山县' }, 'boshan.txt');
    const core = createCore(deps({ store }));
    const a = core.ask('张家坡镇2021年依申请公开多少件');
    expect(a.kind).toBe('clarify');
    expect(a.rows.map((r) => r.region).sort()).toEqual(['博山县', '沂源县']);
    expect(a.text).toContain('沂源县张家坡镇');
    expect(a.text).toContain('博山县张家坡镇');
    const b = core.ask('博山县张家坡镇2021年依申请公开多少件');
    expect(b.kind).toBe('metric');
    expect(b.rows).toEqual([{ name: '张家坡镇', region: '博山县', year: 2021, metric: 'applications.new.total', value: 0 }]);
    expect(b.text).toContain('博山县张家坡镇');
  });
});
