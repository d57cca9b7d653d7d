import { inflateRawSync } from 'node:zlib';

/**
 * A zip's table of contents, read from its central directory without unpacking anything, and the
 * checked unpacking of one entry. A .docx is a zip; a zip bomb declares small sizes and unpacks to
 * gigabytes, or declares gigabytes. Both are caught here before any library unpacks the file.
 */

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export type ZipFailure = 'corrupt' | 'zip64' | 'too_many';

const MAX_ENTRIES = 10_000;

const u16 = (b: Buffer, at: number) => b.readUInt16LE(at);
const u32 = (b: Buffer, at: number) => b.readUInt32LE(at);

/** The entries, or why the directory cannot be read. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | ZipFailure {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus a comment of up to 64 KB.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'corrupt';
  const count = u16(b, eocd + 10);
  const dirSize = u32(b, eocd + 12);
  const dirOffset = u32(b, eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) return 'zip64';
  if (count > MAX_ENTRIES) return 'too_many';
  if (dirOffset + dirSize > eocd) return 'corrupt';
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || u32(b, p) !== 0x02014b50) return 'corrupt';
    const nameLength = u16(b, p + 28);
    const size = u32(b, p + 24);
    const compressedSize = u32(b, p + 20);
    if (size === 0xffffffff || compressedSize === 0xffffffff) return 'zip64';
    entries.push({
      name: b.toString('utf8', p + 46, p + 46 + nameLength),
      method: u16(b, p + 10),
      encrypted: (u16(b, p + 8) & 1) === 1,
      compressedSize,
      size,
      localOffset: u32(b, p + 42),
    });
    p += 46 + nameLength + u16(b, p + 30) + u16(b, p + 32);
  }
  return entries;
}

/**
 * The content of one entry, unpacked to at most its declared size. An entry that unpacks to more
 * than it declares is a zip bomb (`oversize`, unpacking stops at the declared size); one that is
 * cut short or unpacks to less is `corrupt`.
 */
export function unzipEntry(bytes: Uint8Array, e: ZipEntry): Buffer | 'corrupt' | 'oversize' {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.localOffset;
  if (at + 30 > b.length || u32(b, at) !== 0x04034b50) return 'corrupt';
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  const data = b.subarray(start, start + e.compressedSize);
  if (data.length !== e.compressedSize) return 'corrupt';
  if (e.method === 0) return data.length === e.size ? data : 'corrupt';
  if (e.method !== 8) return 'corrupt';
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
    return out.length === e.size ? out : 'corrupt';
  } catch (err) {
    return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'oversize' : 'corrupt';
  }
}
