/**
 * Splits a long answer into messages of at most `limit` UTF-16 units (Telegram allows 4096), at line
 * boundaries where possible, never inside a surrogate pair. Joining the parts with '\n' gives the
 * original text whenever every cut fell on a line break.
 */
export function splitText(text: string, limit: number): string[] {
  if (limit < 2) throw new RangeError('limit must be at least 2');
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    if (current) parts.push(current);
    let rest = line;
    while (rest.length > limit) {
      const cut = cutPoint(rest, limit);
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current) parts.push(current);
  return parts;
}

function cutPoint(s: string, limit: number): number {
  const code = s.charCodeAt(limit - 1);
  const highSurrogate = code >= 0xd800 && code <= 0xdbff;
  return highSurrogate ? limit - 1 : limit;
}
