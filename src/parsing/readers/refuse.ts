import type { ReadErrorCode, ReadResult } from './types.js';

/** A file that cannot be read, with the plain sentence a town officer is shown. */
export const refuse = (code: ReadErrorCode, message: string): ReadResult => ({ ok: false, error: { code, message } });

/** The same thing said the same way by every reader. */
export const MESSAGES = {
  corrupt: (kind: string) => `${kind}文件已损坏或不完整，无法读取；请重新导出或重新下载后再发送`,
  encrypted: (kind: string) => `${kind}文件设置了密码，无法读取；请去掉密码后再发送`,
  image: '这是一张图片，不是年报文件；请发送 Word、PDF 或网页原文（扫描件需先做文字识别）',
  spreadsheet: '这是电子表格（Excel/WPS 表格），不是年报文件；请发送 Word、PDF 或网页原文',
  otherZip: '这是压缩包，不是 Word 文档；请解压后发送其中的年报文件',
  unknownBinary: '无法识别的文件格式；请发送 Word（.docx/.doc）、PDF、网页或纯文本格式的年报',
  timeout: '文件读取超时（超过 5 秒），可能已损坏或内容异常庞大；请检查后重新导出再发送',
  outOfMemory: '文件内容过于庞大，读取时超出内存限制；请检查后重新导出再发送',
} as const;
