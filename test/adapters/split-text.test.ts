import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/bot/adapters/split-text.js';

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('康庄镇 12 件', 4096)).toEqual(['康庄镇 12 件']);
  });

  it('cuts at line breaks, every part within the limit, nothing lost', () => {
    const text = Array.from({ length: 50 }, (_, i) => `第${i}行 依申请公开 ${i * 3} 件`).join('\n');
    const parts = splitText(text, 100);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(100);
    expect(parts.join('\n')).toBe(text);
  });

  it('cuts a single over-long line hard, never between the halves of an emoji', () => {
    const text = `${'镇'.repeat(9)}😀${'乡'.repeat(12)}`;
    const parts = splitText(text, 10);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(10);
      expect(p).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
    expect(parts.join('')).toBe(text);
  });
});
