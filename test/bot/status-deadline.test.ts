import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/bot/core/index.js';
import { DEFAULT_CALENDAR, type Calendar } from '../../src/calendar/calendar.js';
import { parseFile, seedStore } from '../helpers/memory-store.js';
import { seedPath } from '../helpers/seeds.js';
import { at } from './table.js';

const calendar: Calendar = { ...DEFAULT_CALENDAR, regionDeadlines: { 霍邱县: '02-20' } };

describe('status answers', () => {
  const core = createCore({ store: seedStore(), now: () => at('2026-11-21'), calendar });

  it('lists only incomplete reports, with plain-Chinese titles', () => {
    const a = core.ask('哪些报告不完整');
    expect(a.rows.map((r) => r.name)).toEqual(['棉洋镇', '大刘庄镇']);
    expect(a.text).toContain('表三不完整');
    expect(a.text).toContain('使用了旧版表格格式');
    expect(a.text).not.toContain('康庄镇');
  });

  it('limits the list to a year', () => {
    expect(core.ask('2022年哪些报告不完整').rows.map((r) => [r.name, r.year])).toEqual([['大刘庄镇', 2022]]);
    expect(core.ask('2020年哪些报告不完整').rows).toEqual([]);
  });

  it('gives every finding of one report, errors first', () => {
    const a = core.ask('大刘庄镇2022年报告有什么问题');
    expect(a.rows[0]!.codes).toEqual(['OUTDATED_FORMAT', 'NO_INFO_FEE_STATEMENT', 'NO_PRIOR_YEAR_RECTIFICATION', 'YEAR_NOT_IN_TITLE']);
    expect(a.text.indexOf('旧版表格格式')).toBeLessThan(a.text.indexOf('信息处理费'));
  });

  it('says a report is fine when it has no error', () => {
    const a = core.ask('康庄镇的报告有问题吗');
    expect(a.rows).toMatchObject([{ name: '康庄镇', year: 2020, status: 'ok' }]);
    expect(a.text).toContain('没有发现使报告不完整的问题');
  });

  it('reports lateness and cannot call a report without a date on time', () => {
    const a = core.ask('2020年哪些报告逾期了');
    expect(a.rows).toEqual([]);
    expect(a.text).toContain('龙潭镇2020年度');
  });

  it('judges lateness from the dates and the calendar, not from a LATE finding stored with the report', () => {
    const store = seedStore();
    const k = parseFile(seedPath('kangzhuang-2020'));
    // Signed 2021-01-20: late for 2019 (due 2020-01-31), on time for 2020 whatever was stored.
    store.add({ ...k, year: 2019, findings: [] }, 'k2019.txt');
    store.add({ ...k, findings: [{ code: 'LATE', severity: 'error', message: '逾期发布' }] }, 'k2020.txt');
    const c = createCore({ store, now: () => at('2026-11-21'), calendar });
    expect(c.ask('2019年哪些报告逾期了').rows).toEqual([{ name: '康庄镇', year: 2019, status: 'late', codes: ['LATE'] }]);
    expect(c.ask('2020年哪些报告逾期了').rows).toEqual([]);
    expect(c.ask('康庄镇2020年的报告有问题吗').rows).toMatchObject([{ name: '康庄镇', year: 2020, status: 'ok', codes: [] }]);
  });

  it('without a year, asks about the last year whose deadline has passed, and says which', () => {
    const store = seedStore();
    const k = parseFile(seedPath('kangzhuang-2020'));
    store.add({ ...k, year: 2019, findings: [] }, 'k2019.txt');
    // On 1 February 2020 the 2019 reports are one day overdue; the 2020 ones are not due for a year.
    const feb = createCore({ store, now: () => at('2020-02-01'), calendar }).ask('哪些镇逾期了');
    expect(feb.text).toContain('2019年度');
    expect(feb.rows).toEqual([{ name: '康庄镇', year: 2019, status: 'late', codes: ['LATE'] }]);
    // On 31 January 2020 nothing of 2019 is overdue yet: the question is about 2018.
    const jan = createCore({ store, now: () => at('2020-01-31'), calendar }).ask('哪些镇逾期了');
    expect(jan.text).toContain('2018年度');
    expect(jan.rows).toEqual([]);
  });
});

describe('who has not filed', () => {
  it('without a roster counts every organisation on file, before the deadline as not yet in', () => {
    const core = createCore({ store: seedStore(), now: () => at('2026-11-21'), calendar });
    const a = core.ask('谁还没交');
    expect(a.kind).toBe('status');
    expect(a.rows.every((r) => r.status === 'missing' && r.year === 2026 && (r.codes as string[]).length === 0)).toBe(true);
    expect(a.text).toContain('没有应报名单');
  });

  it('谁逾期没交 asks about the last year whose deadline has passed, not the one still to come', () => {
    const roster = (year: number) =>
      year === 2025
        ? [
            { name: '康庄镇', region: '临清市' },
            { name: '石桥镇', region: '沂源县' },
          ]
        : undefined;
    const core = createCore({ store: seedStore(), now: () => at('2026-11-21'), calendar, roster });
    const a = core.ask('谁逾期没交');
    expect(a.text).toContain('2025年度');
    expect(a.rows).toEqual([
      { name: '康庄镇', year: 2025, status: 'missing', codes: ['MISSING'] },
      { name: '石桥镇', year: 2025, status: 'missing', codes: ['MISSING'] },
    ]);
    // 谁还没交 is about the reports due next, still to come.
    expect(core.ask('谁还没交').rows.every((r) => r.year === 2026 && (r.codes as string[]).length === 0)).toBe(true);
  });

  it('with a roster, after the deadline, lists MISSING ones only', () => {
    const roster = (year: number) =>
      year === 2021
        ? [
            { name: '棉洋镇', region: null },
            { name: '张家坡镇', region: '沂源县' },
            { name: '石桥镇', region: '沂源县' },
          ]
        : [];
    const core = createCore({ store: seedStore(), now: () => at('2026-11-21'), calendar, roster });
    const a = core.ask('2021年谁还没交年报');
    expect(a.rows).toEqual([{ name: '石桥镇', year: 2021, status: 'missing', codes: ['MISSING'] }]);
    expect(a.text).toContain('石桥镇');
    expect(a.text).not.toContain('没有应报名单');
  });
});

describe('deadline answers', () => {
  it('counts calendar days in Asia/Shanghai', () => {
    // 2026-11-20 17:30 UTC is already 21 November in Shanghai.
    const core = createCore({ store: seedStore(), now: () => new Date('2026-11-20T17:30:00Z'), calendar });
    const a = core.ask('今年的年报什么时候截止');
    expect(a.rows).toEqual([{ name: '全部单位', year: 2026, deadline: '2027-01-31', daysLeft: 71 }]);
  });

  it('uses another time zone when configured', () => {
    const core = createCore({ store: seedStore(), now: () => new Date('2026-11-20T17:30:00Z'), calendar: { ...calendar, timeZone: 'UTC' } });
    expect(core.ask('今年的年报什么时候截止').rows[0]!.daysLeft).toBe(72);
  });

  it('in January points at the reports due this month', () => {
    const core = createCore({ store: seedStore(), now: () => at('2027-01-31'), calendar });
    expect(core.ask('年报什么时候截止').text).toContain('就是今天');
    const after = createCore({ store: seedStore(), now: () => at('2027-02-01'), calendar });
    expect(after.ask('年报什么时候截止').rows[0]).toMatchObject({ year: 2027, deadline: '2028-01-31' });
  });

  it('applies a region’s own deadline and mentions overrides', () => {
    const core = createCore({ store: seedStore(), now: () => at('2026-11-21'), calendar });
    expect(core.ask('龙潭镇的年报什么时候截止').rows[0]).toMatchObject({ name: '龙潭镇', deadline: '2027-02-20', daysLeft: 91 });
    expect(core.ask('今年的年报什么时候截止').text).toContain('霍邱县为2027-02-20');
  });

  it('says how late a past deadline is', () => {
    const core = createCore({ store: seedStore(), now: () => at('2026-11-21'), calendar });
    expect(core.ask('2025年的年报什么时候截止').text).toContain('已经过了294天');
  });
});

describe('report answers', () => {
  const core = createCore({ store: seedStore(), now: () => at('2026-11-21'), calendar });

  it('checks the date against the region’s deadline', () => {
    expect(core.ask('康庄镇的年报是什么时候发布的').rows).toEqual([
      { name: '康庄镇', year: 2020, signedDate: '2021-01-20', deadline: '2021-01-31', onTime: true },
    ]);
  });

  it('names the format and whether it fits the year', () => {
    expect(core.ask('大刘庄镇用的哪种格式').rows).toEqual([{ name: '大刘庄镇', year: 2022, format: 'gov2019' }]);
    expect(core.ask('张家坡镇用的哪种格式').text).toContain('符合');
  });

  it('names the original file', () => {
    expect(core.ask('康庄镇年报原文').text).toContain('kangzhuang-2020.txt');
  });
});
