/**
 * Reports saved from a government website arrive as HTML. This turns a page into the flattened
 * text the parser reads: a table row per line, cells separated by tabs, paragraphs on their own
 * lines. Only what the reports use is handled; no DOM is built.
 */

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: ' ', emsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** True when the text is an HTML page or fragment rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4000);
  return /<(?:!doctype\s+html|html|body|table|tr|td|p|div)[\s>]/i.test(head) && /<\/(?:td|p|div|tr|table|body|html)>/i.test(text);
}

export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|head)[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      // A cell's paragraphs and line breaks stay inside the cell.
      .replace(/<t([dh])\b[^>]*>([\s\S]*?)<\/t\1\s*>/gi, (_m, _t: string, inner: string) =>
        `${inner.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()}\t`,
      )
      .replace(/<\/tr\s*>/gi, '\n')
      .replace(/<(?:br|hr)\b[^>]*>/gi, '\n')
      .replace(/<\/(?:p|div|h[1-6]|li|table|section|article|center)\s*>/gi, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/\t\n/g, '\n'),
  )
    .split('\n')
    .map((l) => l.replace(/^[ \r]+|[ \r]+$/g, ''))
    .join('\n');
}
