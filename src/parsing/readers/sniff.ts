/** What the first bytes of a file say it is. Cheap: looks at a few KB at most. */

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);

export const isPdf = (b: Uint8Array) => indexOfAscii(b, '%PDF-', 1024) !== -1;
export const isZip = (b: Uint8Array) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]);
/** OLE2 compound file: Word 97–2003 (.doc, WPS .wps), but also .xls, .ppt and encrypted .docx. */
export const isOle = (b: Uint8Array) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function isImage(b: Uint8Array): boolean {
  return (
    startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || // PNG
    startsWith(b, [0xff, 0xd8, 0xff]) || // JPEG
    startsWith(b, [0x47, 0x49, 0x46, 0x38]) || // GIF
    (startsWith(b, [0x42, 0x4d]) && b.length > 14 && b[6] === 0 && b[7] === 0) || // BMP (reserved bytes zero)
    startsWith(b, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) || // TIFF
    (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8)) // WebP
  );
}

/** Other document kinds that are not reports in a readable form. */
export const isRtf = (b: Uint8Array) => startsWith(b, [0x7b, 0x5c, 0x72, 0x74, 0x66]);

function indexOfAscii(b: Uint8Array, s: string, within: number): number {
  const n = Math.min(b.length, within);
  outer: for (let i = 0; i + s.length <= n; i++) {
    for (let k = 0; k < s.length; k++) if (b[i + k] !== s.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** The ASCII view of the first bytes (for markup and charset sniffing). */
export const asciiHead = (b: Uint8Array, n = 4096) => Buffer.from(b.buffer, b.byteOffset, Math.min(n, b.length)).toString('latin1');

/** A web page, by its first markup (after a BOM, blanks and comments). */
export function isHtml(b: Uint8Array): boolean {
  const head = asciiHead(b, 2048).replace(/^(?:\xef\xbb\xbf)?(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*/, '');
  return /^<(?:!doctype\s+html|html|head|body|meta|title|link|table|div|p|center)[\s>/]/i.test(head);
}

/** The extension of a file name, lower case, without the dot. */
export const extensionOf = (fileName: string) => /\.([a-z0-9]{1,6})$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';

export const SPREADSHEET_EXTENSIONS = new Set(['xls', 'xlsx', 'xlsm', 'et', 'ett', 'csv', 'ods', 'numbers']);
export const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'bmp', 'tif', 'tiff', 'webp', 'heic']);
