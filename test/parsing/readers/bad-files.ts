import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import type { ReadErrorCode } from '../../../src/parsing/readers/types.js';
import { makeDocx, makeZip, wParagraph } from './make-zip.js';

/** Files no reader may accept, each with the code it must be refused with. */

const seed = (file: string) => readFileSync(new URL(`../../fixtures/files/seeds/${file}`, import.meta.url));

/** An OLE2 compound file header followed by a directory naming `stream` (UTF-16LE, as OLE stores names). */
function oleWith(stream: string): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const entry = Buffer.alloc(128);
  Buffer.from(stream, 'utf16le').copy(entry);
  return Buffer.concat([header, Buffer.alloc(512), entry, Buffer.alloc(384)]);
}

/** 20 MB of spaces packed into 20 KB, declared as 1 KB: unpacking must stop at the declared size. */
function lyingBomb(): Buffer {
  const big = Buffer.alloc(20 * 1024 * 1024, 0x20);
  return makeDocx('', { data: Buffer.alloc(0), declaredSize: 1000, deflated: deflateRawSync(big) });
}

/** A Word 97 file with its FIB's fEncrypted flag set, as Word writes a password-protected .doc. */
function lockedDoc(doc: Buffer): Buffer {
  const out = Buffer.from(doc);
  for (let at = 0; at + 12 <= out.length; at += 512) {
    if (out.readUInt16LE(at) === 0xa5ec) {
      out[at + 0x0b]! |= 0x01;
      return out;
    }
  }
  throw new Error('no Word 97 FIB in the fixture');
}

export interface BadFile {
  name: string;
  bytes: Uint8Array;
  code: ReadErrorCode;
}

export function badFiles(): BadFile[] {
  const docx = seed('longtan-2020.docx');
  const doc = seed('longtan-2020.doc');
  const table = '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
  return [
    { name: 'empty.docx', bytes: new Uint8Array(0), code: 'EMPTY' },
    { name: 'blank.txt', bytes: Buffer.from(' \n\t\n'), code: 'EMPTY' },
    { name: 'noise.bin', bytes: Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256)), code: 'BINARY' },
    { name: 'scan.png', bytes: Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(200, 7)]), code: 'UNSUPPORTED' },
    { name: 'photo-named.docx', bytes: Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(200, 9)]), code: 'UNSUPPORTED' },
    {
      name: 'table.xlsx',
      bytes: makeZip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'xl/workbook.xml', data: '<workbook/>' },
      ]),
      code: 'UNSUPPORTED',
    },
    { name: 'table.xls', bytes: oleWith('Workbook'), code: 'UNSUPPORTED' },
    { name: 'photos.zip', bytes: makeZip([{ name: 'a.txt', data: '龙潭镇' }]), code: 'UNSUPPORTED' },
    { name: 'cut.docx', bytes: docx.subarray(0, Math.floor(docx.length * 0.6)), code: 'CORRUPT' },
    { name: 'garbage.docx', bytes: Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7 + 3) % 251)), code: 'CORRUPT' },
    { name: 'bomb.docx', bytes: lyingBomb(), code: 'TOO_LARGE' },
    { name: 'huge.docx', bytes: makeDocx(wParagraph('x'), { declaredSize: 0xfffffff0 }), code: 'TOO_LARGE' },
    { name: 'tables.docx', bytes: makeDocx(table.repeat(10_000)), code: 'TOO_LARGE' },
    { name: 'cut.doc', bytes: doc.subarray(0, Math.floor(doc.length / 2)), code: 'CORRUPT' },
    { name: 'cut.wps', bytes: doc.subarray(0, 3000), code: 'CORRUPT' },
    { name: 'locked.docx', bytes: oleWith('EncryptedPackage'), code: 'ENCRYPTED' },
    { name: 'locked.doc', bytes: lockedDoc(doc), code: 'ENCRYPTED' },
  ];
}
