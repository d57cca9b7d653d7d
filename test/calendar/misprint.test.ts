import { describe, expect, it } from 'vitest';
import { matchRoster } from '../../src/calendar/assess.js';
import { misprintOf } from '../../src/calendar/filed.js';

describe('a misprinted county', () => {
  it('is the one county on file one character off, of the same length and ending', () => {
    expect(misprintOf('霍丘县', ['临清市', '霍邱县'])).toBe('霍邱县');
    expect(misprintOf('沂原县', ['沂源县'])).toBe('沂源县');
    expect(misprintOf('霍邱市', ['霍邱县'])).toBeNull();
    expect(misprintOf('霍邱县', ['霍邱县', '霍山县'])).toBeNull();
    expect(misprintOf('沂源新县', ['沂源县'])).toBeNull();
  });

  it('is not guessed when two counties fit, nor for a two-character county', () => {
    expect(misprintOf('霍州县', ['霍邱县', '霍山县'])).toBeNull();
    expect(misprintOf('丰县', ['沛县'])).toBeNull();
  });

  it('answers for a roster entry only when no entry has the report’s county', () => {
    const reports = [
      { id: 1, name: '城关镇', region: '霍丘县' },
      { id: 2, name: '城关镇', region: '霍山县' },
    ];
    // 霍丘县 is on nobody's list: a misprint of 霍邱县. 霍山县 is a county of the whole roster: never a misprint.
    const matched = matchRoster(
      [
        { name: '城关镇', region: '霍邱县' },
        { name: '城关镇', region: '临泉县' },
      ],
      [reports[0]!],
    );
    expect(matched.map((r) => r?.id)).toEqual([1, undefined]);
    const alone = matchRoster([{ name: '城关镇', region: '霍邱县' }], [reports[1]!], new Set(['霍邱县', '霍山县']));
    expect(alone).toEqual([undefined]);
  });
});
