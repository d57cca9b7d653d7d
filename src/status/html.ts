/**
 * HTML escaping by construction: `html` is a tagged template in which every interpolation is
 * escaped unless it is itself the result of `html` (or of `trusted`, for markup this program made,
 * such as a chart's SVG). Arrays are joined, each item by the same rule; null, undefined and false
 * print nothing.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export const escapeHtml = (s: string): string => s.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return (part as readonly Part[]).map(render).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): SafeHtml {
  let out = strings[0]!;
  parts.forEach((p, i) => (out += render(p) + strings[i + 1]!));
  return new SafeHtml(out);
}

/** Markup this program produced itself (never text from a report, a roster or a request). */
export const trusted = (markup: string): SafeHtml => new SafeHtml(markup);
