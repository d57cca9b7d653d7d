import { normalizeText } from '../../parsing/normalize.js';
import { toSimplifiedChinese } from '../../parsing/traditional.js';

/** Longest question we try to understand; longer texts are pasted documents, not questions. */
export const MAX_QUESTION_CHARS = 500;

// C0/C1 controls (tab and newline become spaces), bidi overrides and isolates.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const EMOJI = /[\p{Extended_Pictographic}\u{1f3fb}-\u{1f3ff}\ufe0e\ufe0f\u200d\u20e3]/gu;
/** Bot commands as chat apps send them: `/ask`, `/ask@nianbao_bot`, `/help`. */
const COMMAND = /^\/([a-z_]+)(?:@[\w.]+)?(?=\s|$)/i;
export const DEFAULT_BOT_NAMES = ['年报助手', 'nianbao_bot', 'nianbao', 'nianbaobot'];

export interface CleanQuestion {
  /** What is left to understand, trimmed. */
  text: string;
  /** A leading `/command`, lower-case, without the slash. */
  command: string | null;
  /** Length of the cleaned text in code points (before the command is stripped). */
  length: number;
}

/** Removes what is not part of the question: control characters, emoji, @mentions of the bot, a command prefix. */
export function cleanQuestion(raw: string, botNames: readonly string[] = DEFAULT_BOT_NAMES): CleanQuestion {
  let s = (raw ?? '').replace(CONTROL, ' ').replace(EMOJI, ' ');
  for (const name of botNames) {
    if (name) s = s.split(`@${name}`).join(' ');
  }
  // Any other @mention is followed by a (possibly special) space in WeChat and Telegram.
  s = s
    .replace(/@[^\s@\u2005]{1,32}[\s\u2005]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const length = [...s].length;
  let command: string | null = null;
  const m = COMMAND.exec(s);
  if (m) {
    command = m[1]!.toLowerCase();
    s = s.slice(m[0].length).trim();
  }
  return { text: s, command, length };
}

/**
 * The form every matcher reads: Simplified characters, ASCII digits and punctuation, digits for
 * Chinese-numeral years, lower-case Latin, single spaces. Length-preserving steps only after
 * simplification, so masks stay aligned.
 */
export function normalizeQuestion(text: string): string {
  const simplified = toSimplifiedChinese(text);
  return normalizeText(simplified)
    .replace(/[“”"‘’'`「」『』《》〈〉【】]/g, ' ')
    .replace(/[。，；：！？、]/g, (c) => PUNCT[c] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const PUNCT: Record<string, string> = { '。': '.', '，': ',', '；': ';', '：': ':', '！': '!', '？': '?', '、': '、' };
