/** A character that no cue, name or year pattern contains, put where text has been used up. */
export const USED = '#';

export interface Hit {
  start: number;
  end: number;
  text: string;
  groups: string[];
}

/**
 * The question text with the parts already understood blanked out, so each later matcher sees only
 * what is left (上年结转 read as a metric is not read again as the year 上年).
 */
export class MaskedText {
  private readonly chars: string[];
  readonly original: string;

  constructor(text: string) {
    // Astral characters would make code units and characters disagree; each surrogate becomes a space.
    this.original = text.replace(/[\ud800-\udfff]/g, ' ');
    this.chars = this.original.split('');
  }

  get view(): string {
    return this.chars.join('');
  }

  /** Every match of `re` in the current view (global search, no overlaps). */
  all(re: RegExp): Hit[] {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    const out: Hit[] = [];
    for (const m of this.view.matchAll(g)) {
      if (m[0].length === 0) continue;
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], groups: m.slice(1).map((x) => x ?? '') });
    }
    return out;
  }

  /** Matches `re` everywhere and blanks each match out. */
  take(re: RegExp): Hit[] {
    const hits = this.all(re);
    for (const h of hits) this.mask(h.start, h.end);
    return hits;
  }

  test(re: RegExp): boolean {
    return new RegExp(re.source, re.flags.replace('g', '')).test(this.view);
  }

  mask(start: number, end: number): void {
    for (let i = start; i < end && i < this.chars.length; i++) this.chars[i] = USED;
  }

  isFree(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.chars[i] === USED) return false;
    return true;
  }
}
