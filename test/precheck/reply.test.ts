import { describe, expect, it } from 'vitest';
import { FIX_HINT } from '../../src/parsing/checks/messages.js';
import { finding } from '../../src/parsing/checks/finding.js';
import { precheckReport, refusedPrecheck } from '../../src/bot/core/precheck/reply.js';
import { parseOk, readSeed } from '../helpers/seeds.js';

const text = { type: 'text' as const };

describe('the pre-check reply (pure)', () => {
  it('a clean report: the report as read, the key figures named by the catalog, 可以发布; notes only in 「详细」', () => {
    const report = parseOk(readSeed('kangzhuang-2020'));
    const p = precheckReport({ source: text, report });
    expect(p.verdict).toBe('ok');
    const lines = p.reply.split('\n');
    expect(lines[0]).toBe('预检结果：康庄镇人民政府 2020年度报告');
    expect(lines[1]).toBe('格式：2019年版格式（国办公开办函〔2019〕60号）；文件：纯文本');
    expect(p.reply).toMatch(/· 新收政府信息公开申请：1件（第\d+行）/);
    expect(lines.at(-1)).toBe('结论：可以发布');
    const info = report.findings.find((f) => f.severity === 'info')!;
    expect(p.reply).not.toContain(info.message);
    expect(p.detail).toContain(info.message);
    expect(p.summary).toMatchObject({ org: '康庄镇人民政府', name: '康庄镇', region: '临清市', year: 2020, errors: [], warnings: ['BLANK_CELLS'] });
  });

  it("an error: the parser's own words, where it is (page of a PDF, table row) and the fix; 请修改后再发布", () => {
    const report = parseOk(readSeed('mianyang-2021'));
    const truncated = report.findings.find((f) => f.code === 'TRUNCATED_TABLE')!;
    const lineOrigins = readSeed('mianyang-2021')
      .split('\n')
      .map((_, i) => ({ page: Math.floor(i / 30) + 1 }));
    const p = precheckReport({ source: { type: 'pdf', pages: 3 }, report, lineOrigins });
    expect(p.verdict).toBe('fix');
    expect(p.reply).toContain(`✗ 错误 表格缺失或不完整（第${Math.floor((truncated.line! - 1) / 30) + 1}页，`);
    expect(p.reply).toContain(`第${truncated.line}行）：${truncated.message}`);
    expect(p.reply).toContain(`改法：${FIX_HINT.TRUNCATED_TABLE}`);
    expect(p.reply).toContain('文件：PDF，3页');
    expect(p.reply.split('\n').at(-1)).toBe('结论：请修改后再发布');
  });

  it('lateness counts as an error (the calendar adds LATE before the reply is made)', () => {
    const report = parseOk(readSeed('kangzhuang-2020'));
    const late = { code: 'LATE' as const, severity: 'error' as const, message: '报告落款日期2021-02-03晚于截止日期2021-01-31，属于逾期发布' };
    const p = precheckReport({ source: text, report: { ...report, findings: [late, ...report.findings] } });
    expect(p.verdict).toBe('fix');
    expect(p.reply).toContain('逾期发布');
    expect(p.summary.errors).toEqual(['LATE']);
  });

  it('stays short: five problems listed, the rest counted and shown by 「详细」', () => {
    const report = parseOk(readSeed('kangzhuang-2020'));
    const many = Array.from({ length: 7 }, (_, i) => finding('T3_ROW_TOTAL', `第${i + 1}个问题`, 40 + i));
    const p = precheckReport({ source: text, report: { ...report, findings: many } });
    expect(p.reply).toContain('第5个问题');
    expect(p.reply).not.toContain('第6个问题');
    expect(p.reply).toContain('还有2项，回复「详细」查看全部');
    expect(p.detail).toContain('7. ✗ 错误');
  });

  it('a report without an organisation cannot be published as is', () => {
    const report = parseOk(readSeed('kangzhuang-2020'));
    const p = precheckReport({ source: text, report: { ...report, org: null, name: null } });
    expect(p.verdict).toBe('fix');
    expect(p.reply).toContain('找不到发布单位');
  });

  it('a refused file: one sentence, the reader’s', () => {
    const p = refusedPrecheck({ code: 'SCANNED_PDF', message: '这是扫描件，没有文字层；请发送原始 Word 文件' });
    expect(p).toMatchObject({ verdict: 'refused', reply: '无法预检这个文件：这是扫描件，没有文字层；请发送原始 Word 文件。' });
  });
});
