import { describe, expect, it } from 'vitest';
import { cleanQuestion, MAX_QUESTION_CHARS, normalizeQuestion } from '../../src/bot/core/text.js';

describe('cleanQuestion', () => {
  it('strips @mentions of the bot, anywhere', () => {
    expect(cleanQuestion('@年报助手 康庄镇2020年').text).toBe('康庄镇2020年');
    expect(cleanQuestion('康庄镇2020年 @年报助手').text).toBe('康庄镇2020年');
    expect(cleanQuestion('@年报助手\u2005康庄镇').text).toBe('康庄镇');
  });

  it('strips other @mentions followed by a space', () => {
    expect(cleanQuestion('@张三 @李四 哪些报告不完整').text).toBe('哪些报告不完整');
  });

  it('reads a leading command, with or without the bot name', () => {
    expect(cleanQuestion('/ask 康庄镇')).toMatchObject({ text: '康庄镇', command: 'ask' });
    expect(cleanQuestion('/ask@nianbao_bot 康庄镇')).toMatchObject({ text: '康庄镇', command: 'ask' });
    expect(cleanQuestion('/HELP')).toMatchObject({ text: '', command: 'help' });
    expect(cleanQuestion('康庄镇 /help').command).toBeNull();
  });

  it('removes control characters, bidi overrides and emoji', () => {
    expect(cleanQuestion('康庄\u0000镇\u0007\u001b\u202e2020😀👍🏻').text).toBe('康庄 镇 2020');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(cleanQuestion('𠀀'.repeat(10)).length).toBe(10);
    expect(cleanQuestion('字'.repeat(MAX_QUESTION_CHARS + 1)).length).toBe(MAX_QUESTION_CHARS + 1);
  });

  it('survives non-string input from a loose caller', () => {
    expect(cleanQuestion(undefined as unknown as string).text).toBe('');
  });
});

describe('normalizeQuestion', () => {
  it('turns Traditional characters into Simplified', () => {
    expect(normalizeQuestion('康莊鎮依申請公開')).toBe('康庄镇依申请公开');
    expect(normalizeQuestion('龍潭鎮')).toBe('龙潭镇');
  });

  it('turns full-width digits and Chinese-numeral years into ASCII digits', () => {
    expect(normalizeQuestion('２０２０年')).toBe('2020年');
    expect(normalizeQuestion('二〇二〇年')).toBe('2020年');
    expect(normalizeQuestion('二零二一年')).toBe('2021年');
  });

  it('drops spaces between Chinese characters and quotes, lower-cases Latin', () => {
    expect(normalizeQuestion('康 庄 镇 “依申请公开” TOP3')).toBe('康庄镇 依申请公开 top3');
  });

  it('keeps the question’s own words unchanged when they are already Simplified', () => {
    const s = '张家坡镇有没有被行政复议哪个镇最多历年变化今年截止';
    expect(normalizeQuestion(s)).toBe(s);
  });
});
