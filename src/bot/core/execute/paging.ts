/**
 * Answers that fit one chat message (issue 14): a list shows ten items at a time; 「更多」 asks for the
 * next ten through the chat's conversation context (src/bot/core/conversation.ts).
 */

export const PAGE_SIZE = 10;

/** Longest answer text: one Telegram message is 4,096 characters; leave room for a note. */
export const MAX_ANSWER_CHARS = 3500;

export interface Page<T> {
  items: T[];
  /** Index of the first item shown in the whole list. */
  from: number;
  /** Said after the list: how to see the next page, or nothing on the last one. */
  footer: string;
}

/** Page `page` (0 = first) of `all`; a page past the end shows the last one. */
export function pageOf<T>(all: readonly T[], page = 0, size = PAGE_SIZE): Page<T> {
  const last = Math.max(0, Math.ceil(all.length / size) - 1);
  const p = Math.min(Math.max(0, page), last);
  const from = p * size;
  const items = all.slice(from, from + size);
  const remaining = all.length - from - items.length;
  const beyond = page > last ? '（已经是最后一页）' : '';
  const footer =
    remaining > 0
      ? `\n（第${from + 1}–${from + items.length}项，共${all.length}项；发送“更多”看下一页）`
      : from > 0
        ? `\n（第${from + 1}–${from + items.length}项，共${all.length}项，已全部列出）${beyond}`
        : '';
  return { items, from, footer };
}

/** `A、B、C等25个`: a list of names cut to `max`. */
export function someNames(names: readonly string[], max = PAGE_SIZE): string {
  return names.length > max ? `${names.slice(0, max).join('、')}等${names.length}个` : names.join('、');
}

/** Most lines of an answer: a chat shows about fifteen without scrolling; a few more for a detailed report. */
export const MAX_ANSWER_LINES = 25;

/**
 * The last guard: an answer longer than one message (or than a screen of lines) is cut at a line end
 * with a note. Lists page themselves; this catches whatever else grows with the data.
 */
export function fitOneMessage(text: string, max = MAX_ANSWER_CHARS, maxLines = MAX_ANSWER_LINES): string {
  const lines = text.split('\n');
  if (text.length <= max && lines.length <= maxLines) return text;
  const note = '……（内容太长，只显示了前一部分；请加上县名、镇名或年份缩小范围）';
  const kept: string[] = [];
  let size = note.length + 1;
  for (const line of lines.slice(0, maxLines - 1)) {
    if (size + line.length + 1 > max) {
      if (kept.length === 0) kept.push(line.slice(0, max - size));
      break;
    }
    kept.push(line);
    size += line.length + 1;
  }
  return [...kept, note].join('\n');
}
