import { describe, expect, it } from 'vitest';
import { keyInfo, rowTitle } from '../../src/bot/core/lexicon/captions.js';
import { seedStore } from '../helpers/memory-store.js';
import { coreFor } from '../bot/table.js';

/** Answers name figures with the catalog's words; a row's name comes from the row, never from a made-up key. */

describe('answers read their labels from the catalog', () => {
  const core = coreFor(seedStore());

  it('heads a list of one 表二 row’s columns with the row as the form prints it', () => {
    const a = core.ask('张家坡镇2021年规范性文件制发和废止各多少');
    expect(a.rows.map((r) => r.metric)).toEqual(['active.normative_docs.issued', 'active.normative_docs.repealed']);
    expect(a.text).toContain('张家坡镇2021年行政规范性文件：本年制发件数 0件；本年废止件数 0件');
    expect(a.text).not.toMatch(/[a-z]/);
    const b = core.ask('龙潭镇2020年行政许可项目数量和处理决定');
    expect(b.text).toContain('龙潭镇2020年行政许可：上一年项目数量 2项；处理决定数量 5件');
  });

  it('heads a list of 表三 applicant columns with the row’s name', () => {
    const a = core.ask('康庄镇2020年自然人和律师申请多少');
    expect(a.text).toContain('康庄镇2020年新收政府信息公开申请：自然人 报告未填写；法律服务机构 报告未填写');
  });

  it('cites, names and counts each key as the catalog says', () => {
    expect(keyInfo('applications.new.total')).toEqual({
      caption: '表三第一项“本年新收政府信息公开申请数量”的“总计”栏',
      label: '新收政府信息公开申请',
      unit: '件',
    });
    expect(keyInfo('applications.new.org_other').label).toBe('新收政府信息公开申请（其他组织）');
    expect(keyInfo('active.normative_docs.new_made').caption).toBe('表二第二十条第（一）项“规范性文件”的“本年新制作数量”栏');
    expect(keyInfo('active.procurement.amount_wan')).toEqual({
      caption: '表二第二十条第（九）项“政府集中采购”的“采购总金额”栏',
      label: '政府集中采购总金额',
      unit: '万元',
    });
    expect(keyInfo('litigation_direct.total').label).toBe('未经复议直接被起诉');
    expect(rowTitle('active.normative_docs.issued')).toBe('行政规范性文件');
    // A string from storage that is no key is shown as it is rather than failing the answer.
    expect(keyInfo('applications.nope.total')).toEqual({ caption: 'applications.nope.total', label: 'applications.nope.total', unit: '' });
  });
});
