import { readFileSync } from 'node:fs';
import { badFiles } from '../parsing/readers/bad-files.js';

/**
 * Every kind of bad file an officer may send the bot, as the Telegram tests and the measured script
 * (bench/precheck-telegram.ts) send them: the readers' bad files, the bad PDFs, and the cases only a
 * chat has (too big for the Bot API, a lying size, a failed download).
 */

export interface BadInput {
  name: string;
  /** What it is, for the table in the closing note. */
  what: string;
  bytes: Uint8Array;
  /** file_size the message announces, when not the real size. */
  announcedSize?: number;
  failDownload?: boolean;
}

const pdf = (name: string) => readFileSync(new URL(`../fixtures/files/${name}`, import.meta.url));

export function badInputs(): BadInput[] {
  const big = Buffer.alloc(21 * 1024 * 1024, 0x20);
  return [
    { name: 'scanned.pdf', what: '扫描件 PDF（只有图片）', bytes: pdf('scanned.pdf') },
    { name: 'no-cjk-font.pdf', what: 'PDF 导出时没有中文字体（字全是方框）', bytes: pdf('no-cjk-font-libreoffice.pdf') },
    { name: 'encrypted.pdf', what: '加密 PDF（AES-256）', bytes: pdf('encrypted.pdf') },
    { name: 'garbage.pdf', what: 'PDF 头尾包着乱码', bytes: pdf('garbage.pdf') },
    { name: 'truncated.pdf', what: '下载一半的 PDF', bytes: pdf('truncated.pdf') },
    { name: 'pages-300.pdf', what: '300 页的 PDF', bytes: pdf('pages-300.pdf') },
    { name: 'text.pdf', what: '不是年报的 PDF（一页英文）', bytes: pdf('text.pdf') },
    { name: 'notes.txt', what: '不是年报的文本', bytes: Buffer.from('会议通知\n请各镇于周五前报送材料。\n') },
    ...badFiles().map((f) => ({ name: f.name, what: `读取层坏文件（${f.code}）`, bytes: f.bytes })),
    { name: 'huge.pdf', what: '说明大小 25 MB（超过 Bot API 的 20 MB）', bytes: Buffer.from('%PDF-1.4\n'), announcedSize: 25 * 1024 * 1024 },
    { name: 'lying.pdf', what: '声称 1 KB、实际 21 MB（getFile 拒绝）', bytes: big, announcedSize: 1024 },
    { name: 'lost.docx', what: '下载失败（文件服务器 500）', bytes: Buffer.from('x'), failDownload: true },
  ];
}
