import { html, type Renderable, type SafeHtml } from '../core/html.ts';

/** A definition list of facts (label → value); a value the data lacks reads '-'. */
export function facts(rows: readonly (readonly [string, Renderable])[]): SafeHtml {
  return html`<dl class="app-facts">${rows.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value ?? '-'}</dd></div>`)}</dl>`;
}

/** A status as words in a tag: never colour alone. */
export function statusTag(label: string): SafeHtml {
  return html`<span class="app-status">${label}</span>`;
}
