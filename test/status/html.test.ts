import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trusted } from '../../src/status/html.js';

const unescape = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39|#96);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`' })[e]!);

describe('the html tag', () => {
  it('escapes every interpolated string, in text and in attributes, and loses nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (a, b) => {
        const out = html`<p title="${a}">${b}</p>`.value;
        const title = /^<p title="([^"]*)">/.exec(out)![1]!;
        const body = /^<p title="[^"]*">([\s\S]*)<\/p>$/.exec(out)![1]!;
        expect(title).not.toMatch(/[<>"'`]/);
        expect(body).not.toMatch(/[<>"'`]/);
        expect(unescape(title)).toBe(a);
        expect(unescape(body)).toBe(b);
      }),
    );
  });

  it('escapes each item of an array, keeps nested html as markup, prints nothing for null, undefined and false', () => {
    const items = ['<b>', 'x&y'];
    expect(
      html`<ul>
        ${items.map((i) => html`<li>${i}</li>`)}
      </ul>`.value.replace(/>\s+</g, '><'),
    ).toBe('<ul><li>&lt;b&gt;</li><li>x&amp;y</li></ul>');
    expect(html`${['<i>', 1]}`.value).toBe('&lt;i&gt;1');
    expect(html`[${null}${undefined}${false}${0}]`.value).toBe('[0]');
    expect(html`${trusted('<svg></svg>')}`.value).toBe('<svg></svg>');
    expect(escapeHtml(`<a href='x' onclick="y">\`</a>`)).toBe('&lt;a href=&#39;x&#39; onclick=&quot;y&quot;&gt;&#96;&lt;/a&gt;');
  });
});
