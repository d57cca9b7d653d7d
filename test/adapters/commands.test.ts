import { describe, expect, it } from 'vitest';
import { COMMANDS, FIXED_QUESTIONS, helpText, parseIntent } from '../../src/bot/adapters/commands.js';

describe('parseIntent', () => {
  it.each([
    ['/start', { kind: 'start' }],
    ['/help@nianbao_bot', { kind: 'help' }],
    ['帮助', { kind: 'help' }],
    ['/ask 康庄镇2020年依申请公开多少件', { kind: 'question', text: '康庄镇2020年依申请公开多少件', viaCommand: true }],
    ['/ask', { kind: 'question', text: '', viaCommand: true }],
    ['/deadline', { kind: 'question', text: FIXED_QUESTIONS.deadline, viaCommand: true }],
    ['/status@NianBao_Bot', { kind: 'question', text: FIXED_QUESTIONS.status, viaCommand: true }],
    ['/subscribe 康庄镇', { kind: 'subscribe', name: '康庄镇' }],
    ['绑定 霍邱县', { kind: 'subscribe', name: '霍邱县' }],
    ['/unsubscribe', { kind: 'unsubscribe', name: '' }],
    ['解绑 康庄镇', { kind: 'unsubscribe', name: '康庄镇' }],
    ['/help@other_bot', { kind: 'otherBot' }],
    ['/weather', { kind: 'unknownCommand', name: 'weather', explicit: false }],
    ['/weather@nianbao_bot', { kind: 'unknownCommand', name: 'weather', explicit: true }],
    ['  康庄镇2020年依申请公开多少件 ', { kind: 'question', text: '康庄镇2020年依申请公开多少件', viaCommand: false }],
    ['绑定的镇有哪些', { kind: 'question', text: '绑定的镇有哪些', viaCommand: false }],
  ])('%s', (text, intent) => {
    expect(parseIntent(text, 'nianbao_bot')).toEqual(intent);
  });

  it('help names every registered command', () => {
    for (const c of COMMANDS) expect(helpText()).toContain(`/${c.command} — ${c.description}`);
  });
});
