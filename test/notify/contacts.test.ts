import { describe, expect, it } from 'vitest';
import { deliveryChatId, displayTarget, parseContacts, robotAddress } from '../../src/bot/targets.js';
import { parseRosterCsv } from '../../src/jobs/roster-csv.js';

const KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
const TOKEN = 'c2a1e0d43f8b4e2bb7f0a1d9e3c4b5a6f7e8d9c0b1a2f3e4d5c6b7a8f9e0d1c2';
const DING_SECRET = 'SEC7d9a2b44c1e34f0a8d6b5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b';
const HOOK = '2d7e4b1c-93af-4c50-b6e1-7f8a9b0c1d2e';
const FEI_SECRET = 'qW3eR5tY7uI9oP1aS3dF5g';

describe('robot contacts in the roster', () => {
  it('reads wecom, signed and unsigned dingtalk and feishu, several in one cell', () => {
    const r = parseContacts(`wecom:${KEY}; dingtalk:${TOKEN}:${DING_SECRET}；feishu:${HOOK}:${FEI_SECRET};telegram:-1001; dingtalk:${TOKEN}`);
    expect(r).toEqual({
      ok: true,
      targets: [
        { transport: 'wecom', chatId: KEY },
        { transport: 'dingtalk', chatId: `${TOKEN}:${DING_SECRET}` },
        { transport: 'feishu', chatId: `${HOOK}:${FEI_SECRET}` },
        { transport: 'telegram', chatId: '-1001' },
        { transport: 'dingtalk', chatId: TOKEN },
      ],
    });
    expect(robotAddress({ transport: 'dingtalk', chatId: `${TOKEN}:${DING_SECRET}` })).toEqual({ id: TOKEN, secret: DING_SECRET });
    expect(robotAddress({ transport: 'feishu', chatId: HOOK })).toEqual({ id: HOOK, secret: null });
  });

  it('refuses a malformed contact with a line number, never repeating what was written', () => {
    const csv = `名称,地区,联系群\n康庄镇,临清市,wecom:${KEY}:extra\n唐园镇,临清市,dingtalk:${TOKEN}:bad secret!\n烟店镇,临清市,"feishu:;wecom:${KEY}"\n`;
    const r = parseRosterCsv(csv);
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => e.split(' ')[0])).toEqual(['第2行：联系群应写成', '第3行：联系群应写成', '第4行：第1个联系群应写成']);
    for (const e of r.errors) for (const s of [KEY, TOKEN, 'bad secret']) expect(e).not.toContain(s);
  });

  it('shows a robot masked and names it in the delivery log by a hash, never by its secret', () => {
    const signed = { transport: 'dingtalk' as const, chatId: `${TOKEN}:${DING_SECRET}` };
    expect(displayTarget({ transport: 'wecom', chatId: KEY })).toBe('wecom:69…aa');
    expect(displayTarget(signed)).toBe('dingtalk:c2…c2');
    expect(displayTarget({ transport: 'telegram', chatId: '-1001' })).toBe('telegram:-1001');
    const id = deliveryChatId(signed);
    expect(id).toMatch(/^c2…c2#[0-9a-f]{12}$/);
    expect(id).not.toContain(TOKEN.slice(2, 10));
    // The same robot with a new secret is the same robot; another robot with the same ends is not.
    expect(deliveryChatId({ transport: 'dingtalk', chatId: TOKEN })).toBe(id);
    expect(deliveryChatId({ transport: 'dingtalk', chatId: `c2${'0'.repeat(60)}c2` })).not.toBe(id);
    expect(deliveryChatId({ transport: 'telegram', chatId: '-1001' })).toBe('-1001');
  });
});
