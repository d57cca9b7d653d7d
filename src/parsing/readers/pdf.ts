import { refuse } from './refuse.js';
import { isPdf } from './sniff.js';
import type { Reader } from './types.js';

/**
 * PLACEHOLDER until the PDF reader lands (another branch writes this file): recognises a PDF and
 * says it cannot be read yet.
 */
export const pdfReader: Reader = {
  type: 'pdf',
  accepts: (bytes) => isPdf(bytes),
  read: async () => refuse('UNSUPPORTED', '暂不能读取 PDF 文件；请发送 Word 原文或网页'),
};
