import type { Message } from 'telegraf/types';
import type { Incoming } from '../types.js';

/**
 * Telegram message → Incoming, pure. In groups the bot is addressed by a command (for it), an
 * @mention or a reply to one of its messages: exactly what privacy mode lets it see.
 */

export interface BotIdentity {
  id: number;
  username: string;
}

export interface TelegramIncoming {
  incoming: Incoming;
  messageId: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function commandTarget(text: string): { isCommand: boolean; target?: string } {
  const m = /^\/[A-Za-z0-9_]+(?:@([A-Za-z0-9_]+))?(?:\s|$)/.exec(text);
  return m ? { isCommand: true, target: m[1] } : { isCommand: false };
}

/** The text of a message, or the caption of a document (whose mentions and commands work the same). */
const textOf = (m: Message.TextMessage | Message.DocumentMessage) => ('text' in m ? m.text : (m.caption ?? ''));
const entitiesOf = (m: Message.TextMessage | Message.DocumentMessage) => ('text' in m ? m.entities : m.caption_entities);

/** What the replied-to message said (a pre-check's number, for /submit and 「详细」). */
function repliedText(message: Message.TextMessage | Message.DocumentMessage): string | undefined {
  const r = message.reply_to_message;
  if (!r) return undefined;
  return 'text' in r ? r.text : 'caption' in r ? r.caption : undefined;
}

export function toIncoming(message: Message.TextMessage | Message.DocumentMessage, bot: BotIdentity): TelegramIncoming | null {
  const chat = message.chat;
  // A channel post has no person behind it to answer.
  if (chat.type === 'channel' || !message.from) return null;
  const isGroup = chat.type !== 'private';
  const mention = new RegExp(`@${escapeRegExp(bot.username)}(?![A-Za-z0-9_])`, 'gi');

  const original = textOf(message);
  const textMentions = (entitiesOf(message) ?? []).filter((e) => e.type === 'text_mention' && e.user.id === bot.id);
  let text = original;
  for (const e of [...textMentions].sort((a, b) => b.offset - a.offset)) {
    text = text.slice(0, e.offset) + text.slice(e.offset + e.length);
  }
  const mentioned = textMentions.length > 0 || mention.test(original);
  text = text.replace(mention, ' ').replace(/\s+/g, ' ').trim();

  const command = commandTarget(original);
  const commandForUs = command.isCommand && (!command.target || command.target.toLowerCase() === bot.username.toLowerCase());
  const replyToBot = message.reply_to_message?.from?.id === bot.id;

  const incoming: Incoming = {
    transport: 'telegram',
    chatId: String(chat.id),
    senderId: String(message.from.id),
    senderName: [message.from.first_name, message.from.last_name].filter(Boolean).join(' ') || message.from.username,
    text,
    isGroup,
    addressedToBot: !isGroup || commandForUs || mentioned || replyToBot,
    fromBot: message.from.is_bot,
    receivedAt: new Date(message.date * 1000),
  };
  const replyToText = repliedText(message);
  if (replyToText) incoming.replyToText = replyToText;
  return { incoming, messageId: message.message_id };
}
