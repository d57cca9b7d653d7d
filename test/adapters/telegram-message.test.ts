import { describe, expect, it } from 'vitest';
import type { Message } from 'telegraf/types';
import { toIncoming } from '../../src/bot/adapters/telegram-message.js';

const BOT = { id: 77, username: 'nianbao_bot' };
const group = { id: -100, type: 'supergroup' as const, title: '群' };
const from = { id: 5, is_bot: false, first_name: '张', last_name: '三' };

function msg(text: string, extra: Partial<Message.TextMessage> = {}): Message.TextMessage {
  return { message_id: 1, date: 1_800_000_000, chat: group, from, text, ...extra } as Message.TextMessage;
}

describe('telegram toIncoming', () => {
  it('strips the @mention and marks the message addressed', () => {
    expect(toIncoming(msg('@NianBao_Bot 康庄镇 多少件'), BOT)?.incoming).toEqual({
      transport: 'telegram',
      chatId: '-100',
      senderId: '5',
      senderName: '张 三',
      text: '康庄镇 多少件',
      isGroup: true,
      addressedToBot: true,
      fromBot: false,
      receivedAt: new Date(1_800_000_000_000),
    });
  });

  it('does not take a longer username for a mention', () => {
    expect(toIncoming(msg('@nianbao_bot_fan 你好'), BOT)?.incoming.addressedToBot).toBe(false);
  });

  it('treats a text_mention of the bot, a reply to the bot and a command for it as addressed', () => {
    const tm = msg('年报助手 你好', { entities: [{ type: 'text_mention', offset: 0, length: 4, user: { id: 77, is_bot: true, first_name: '年报助手' } }] });
    expect(toIncoming(tm, BOT)?.incoming).toMatchObject({ addressedToBot: true, text: '你好' });
    const reply = msg('那去年呢', { reply_to_message: { message_id: 0, date: 0, chat: group, from: { id: 77, is_bot: true, first_name: 'b' } } as never });
    expect(toIncoming(reply, BOT)?.incoming.addressedToBot).toBe(true);
    expect(toIncoming(msg('/help'), BOT)?.incoming.addressedToBot).toBe(true);
    expect(toIncoming(msg('/help@other_bot'), BOT)?.incoming.addressedToBot).toBe(false);
  });

  it('leaves plain group chatter unaddressed but addresses every private message', () => {
    expect(toIncoming(msg('今天开会'), BOT)?.incoming.addressedToBot).toBe(false);
    expect(toIncoming(msg('今天开会', { chat: { id: 5, type: 'private', first_name: '张' } }), BOT)?.incoming).toMatchObject({
      isGroup: false,
      addressedToBot: true,
    });
  });

  it('marks messages from bots, which the pipeline then ignores, and translates no channel post', () => {
    expect(toIncoming(msg('@nianbao_bot hi', { from: { id: 9, is_bot: true, first_name: 'x' } }), BOT)?.incoming.fromBot).toBe(true);
    expect(toIncoming(msg('公告', { chat: { id: -5, type: 'channel', title: '频道' } as never }), BOT)).toBeNull();
  });
});
