import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { MetricKey } from '../../catalog/index.js';
import { CODE_TITLE, SECTION_TITLE } from '../../parsing/checks/messages.js';
import { toParseJson, type ParseJson } from '../../parsing/contract.js';
import { checkFile } from '../../ingest/check-file.js';
import { MAX_FILE_BYTES } from '../../parsing/readers/dispatch.js';
import type { ReadError } from '../../parsing/readers/types.js';
import { calendarFromConfig } from '../../calendar/calendar.js';
import type { CliContext } from '../context.js';
import { CliExit, printJson, printLine } from '../output.js';

const KEY_FIGURES: Array<[MetricKey, string, string]> = [
  ['prose.active_items', '主动公开信息（正文）', '条'],
  ['applications.new.total', '本年新收申请', '件'],
  ['applications.carried_over.total', '上年结转', '件'],
  ['applications.granted.total', '予以公开', '件'],
  ['applications.handled.total', '办理结果总计', '件'],
  ['applications.carried_forward.total', '结转下年度', '件'],
  ['review.total', '行政复议', '件'],
  ['litigation.total', '行政诉讼', '件'],
  ['active.licensing.decisions', '行政许可处理决定', '件'],
  ['active.penalty.decisions', '行政处罚处理决定', '件'],
];

const SEVERITY_MARK = { error: '✗ 错误', warning: '! 警告', info: '· 提示' } as const;

/** Reads one file for parsing; a file that cannot be read is the user's error, not a crash. */
export function readReportFile(path: string): Buffer {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new CliExit(`${path} 不是文件`);
    size = st.size;
  } catch (e) {
    if (e instanceof CliExit) throw e;
    throw new CliExit(`读不到文件 ${path}`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new CliExit(`${path}：文件过大（${(size / 1048576).toFixed(1)} MB），一份年报不会超过 ${MAX_FILE_BYTES / 1048576} MB`);
  }
  return readFileSync(path);
}

function printSummary(j: ParseJson): void {
  printLine(`${j.org ?? '（未识别单位）'}  ${j.year ?? '？'}年度  ${j.file}`);
  printLine(`简称：${j.name ?? '—'}  地区：${j.region ?? '—'}  落款日期：${j.signedDate ?? '未找到'}  格式：${j.format}`);
  const missing = Object.keys(SECTION_TITLE).filter((k) => !j.sections.includes(k as ParseJson['sections'][number]));
  printLine(`六个部分：${missing.length === 0 ? '齐全' : `缺少 ${missing.map((k) => SECTION_TITLE[k]).join('、')}`}`);
  printLine('主要数字：');
  for (const [key, label, unit] of KEY_FIGURES) {
    if (!(key in j.metrics)) continue;
    const v = j.metrics[key];
    const src = j.sources[key];
    const where = `${src?.page ? `第${src.page}页，` : ''}第${src?.line ?? '?'}行`;
    printLine(`  ${label}：${v === null ? '未填写' : `${v}${unit}`}（${where}）`);
  }
  printLine(`共读出 ${Object.keys(j.metrics).length} 项数据。`);
  if (j.findings.length === 0) {
    printLine('检查结果：未发现问题。');
    return;
  }
  printLine('检查结果：');
  for (const f of j.findings) {
    printLine(`  ${SEVERITY_MARK[f.severity]} ${CODE_TITLE[f.code]}（${f.code}）${f.line ? ` 第${f.line}行` : ''}：${f.message}`);
  }
}

export function registerParse(program: Command, ctx: CliContext): void {
  program
    .command('parse <file>')
    .description('解析一份年报（不入库），输出字段、带出处的数据和检查结果')
    .option('--json', '输出数据契约规定的 JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      // A file that cannot be read or is no report: its code as JSON with --json, one line on stderr.
      const refuse = (error: ReadError): never => {
        if (opts.json) printJson({ error: { code: error.code, message: error.message } });
        throw new CliExit(`${file}：${error.message}`);
      };
      const checked = await checkFile(readReportFile(file), basename(file), calendarFromConfig(ctx.config()));
      if (!checked.ok) return refuse(checked.error);
      const { type, pages, published, lineOrigins } = checked.doc;
      const json = toParseJson(basename(file), checked.report, {
        source: pages === undefined ? { type } : { type, pages },
        published: published ?? null,
        lineOrigins,
      });
      if (opts.json) printJson(json);
      else printSummary(json);
    });
}
