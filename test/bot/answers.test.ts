import { describe, expect, it } from 'vitest';
import { seedStore } from '../helpers/memory-store.js';
import { coreFor } from './table.js';

const store = seedStore();
const core = coreFor(store);
const org = (name: string) => store.listOrgs().find((o) => o.name === name)!;
const lineOf = (name: string, year: number, key: string) => store.metric(store.currentReport(org(name).id, year)!.id, key)!.line;

describe('answers say where a figure comes from', () => {
  it('cites the table, the row and the line of the report', () => {
    const a = core.ask('康庄镇2020年依申请公开多少件');
    expect(a.text).toContain('表三第一项');
    expect(a.text).toContain(`第${lineOf('康庄镇', 2020, 'applications.new.total')}行`);
    expect(a.text).toContain('康庄镇2020年度报告');
  });

  it('cites the prose for 主动公开 and 表四 for 复议', () => {
    expect(core.ask('龙潭镇2020年主动公开多少条').text).toContain('总体情况');
    expect(core.ask('张家坡镇2021年被复议几次').text).toContain('表四');
  });

  it('marks sums it made itself', () => {
    expect(core.ask('康庄镇2020年不予公开几件').text).toContain('相加');
  });

  it('gives the unit: 件, 条, 万元, 项', () => {
    expect(core.ask('康庄镇2020年依申请公开多少件').text).toMatch(/1件/);
    expect(core.ask('龙潭镇2020年主动公开多少条').text).toMatch(/1374条/);
    expect(core.ask('龙潭镇2020年政府采购金额').text).toMatch(/5\.2万元/);
    expect(core.ask('龙潭镇2020年采购项目几个').text).toMatch(/8项/);
  });
});

describe('answers tell 0, blank, missing row, other format and no report apart', () => {
  it('0 is a number', () => {
    const a = core.ask('张家坡镇2021年自然人申请了几件');
    expect(a.rows).toEqual([{ name: '张家坡镇', year: 2021, metric: 'applications.new.natural', value: 0 }]);
    expect(a.text).toContain('0件');
    expect(a.text).not.toContain('未填写');
  });

  it('a blank cell is null and 报告未填写, never 0', () => {
    const a = core.ask('龙潭镇2020年行政复议多少件');
    expect(a.rows).toEqual([{ name: '龙潭镇', year: 2020, metric: 'review.total', value: null }]);
    expect(a.text).toContain('报告未填写');
    expect(a.text).not.toMatch(/(?<![\d.])0件/);
  });

  it('a row the truncated table lost has no row and says so', () => {
    const a = core.ask('棉洋镇2021年结转下年度多少');
    expect(a.rows).toEqual([]);
    expect(a.text).toContain('缺少');
    expect(a.text).toContain('表三不完整');
  });

  it('a row the format does not have names the format and offers the nearest figures', () => {
    const a = core.ask('棉洋镇2021年政府集中采购多少');
    expect(a.rows).toEqual([]);
    expect(a.text).toContain('2021年版格式');
    const b = core.ask('龙潭镇2020年现行有效的规范性文件');
    expect(b.rows).toEqual([]);
    expect(b.text).toContain('对外公开总数量21件');
    expect(b.text).toContain('不是现行有效件数');
  });

  it('no report on file names the year and the years that are on file', () => {
    const a = core.ask('康庄镇2023年依申请公开多少件');
    expect(a.rows).toEqual([]);
    expect(a.text).toContain('没有收录康庄镇2023年度的报告');
    expect(a.text).toContain('2020年度');
  });

  it('a year whose deadline has not come says when it is due', () => {
    const a = core.ask('康庄镇今年依申请公开多少件');
    expect(a.rows).toEqual([]);
    expect(a.text).toContain('2027-01-31');
  });
});

describe('answers carry the findings of the report', () => {
  it('warns that a truncated table may leave figures out', () => {
    expect(core.ask('棉洋镇2021年依申请公开多少件').text).toContain('注意：该报告表三不完整，数字可能不全');
    // A 表三 warning says nothing about a 表二 figure (issue 14).
    expect(core.ask('棉洋镇2021年行政许可多少件').text).not.toContain('表三不完整');
  });

  it('warns about an outdated format', () => {
    expect(core.ask('大刘庄镇2022年行政处罚几起').text).toContain('旧版表格格式');
  });

  it('says nothing when the report has no error', () => {
    expect(core.ask('张家坡镇2021年依申请公开多少件').text).not.toContain('注意');
  });

  it('says the caveat once for several figures of one report', () => {
    const text = core.ask('棉洋镇2021年依申请公开和不予公开各多少').text;
    expect(text.split('注意').length - 1).toBe(1);
  });
});

describe('依申请公开 answers', () => {
  it('add 予以公开 and, only when not zero, 上年结转', () => {
    const a = core.ask('康庄镇2020年依申请公开多少件');
    expect(a.text).toContain('予以公开1件');
    expect(a.text).not.toContain('上年结转');
  });
});

describe('yes/no answers', () => {
  it('answer 没有 with the number, 有 when it is not zero', () => {
    expect(core.ask('张家坡镇2021年有没有被行政复议').text).toMatch(/^没有。.*0件/);
    expect(core.ask('康庄镇2020年有没有人申请公开').text).toMatch(/^有。.*1件/);
  });

  it('do not say 没有 for a blank cell', () => {
    expect(core.ask('龙潭镇2020年有没有被复议').text).not.toMatch(/^没有/);
  });
});

describe('names understood loosely are said back', () => {
  it('tells which town a sound-alike was taken for', () => {
    expect(core.ask('龙谭镇2020年主动公开多少条').text).toContain('“龙谭”按龙潭镇理解');
  });

  it('answers the known town and names the unknown one', () => {
    const a = core.ask('康庄镇和李家镇2020年依申请公开');
    expect(a.kind).toBe('metric');
    expect(a.rows).toEqual([{ name: '康庄镇', year: 2020, metric: 'applications.new.total', value: 1 }]);
    expect(a.text).toContain('没有收录“李家镇”的报告');
  });
});

describe('a county that does not fit the town', () => {
  it('answers the only town of that name and says which county it is in', () => {
    const a = core.ask('临清市张家坡镇2021年依申请公开多少件');
    expect(a.rows).toEqual([{ name: '张家坡镇', year: 2021, metric: 'applications.new.total', value: 0 }]);
    expect(a.text).toContain('“临清市张家坡镇”按沂源县张家坡镇理解');
  });
});
