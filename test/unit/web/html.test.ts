import { describe, expect, it } from 'vitest';
import { attrs, escapeHtml, html, join } from '../../../web/src/core/html.ts';

describe('html template', () => {
  it('escapes interpolated text, so data from the API never becomes markup', () => {
    const name = '<img src=x onerror="alert(1)">기관 & "센터"';
    expect(html`<td>${name}</td>`.value).toBe(
      '<td>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;기관 &amp; &quot;센터&quot;</td>',
    );
  });

  it('keeps nested templates as markup and renders lists and empty values', () => {
    const items = ['가', '<b>'];
    const out = html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>${null}${undefined}${false}${0}`;
    expect(out.value).toBe('<ul><li>가</li><li>&lt;b&gt;</li></ul>0');
  });

  it('renders attributes: booleans bare, absent values dropped, values escaped', () => {
    expect(attrs({ id: 'a"b', disabled: true, hidden: false, 'aria-current': undefined, tabindex: -1 }).value).toBe(
      ' id="a&quot;b" disabled tabindex="-1"',
    );
    expect(attrs({}).value).toBe('');
  });

  it('escapes single quotes too and joins pieces', () => {
    expect(escapeHtml("'")).toBe('&#39;');
    expect(join([html`<i></i>`, '<']).value).toBe('<i></i>&lt;');
  });
});
