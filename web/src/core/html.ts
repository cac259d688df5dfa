// Markup is built as strings from tagged templates; every interpolated value is escaped unless it is
// already SafeHtml (built by this same tag). Data from the API can therefore never become markup.

const SAFE = Symbol('SafeHtml');

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
  toString(): string;
}

function safe(value: string): SafeHtml {
  return { [SAFE]: true, value, toString: () => value };
}

export function isSafeHtml(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && SAFE in value;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** What a template slot accepts: text (escaped), markup built by `html`, lists of either, or nothing. */
export type Renderable = SafeHtml | string | number | null | undefined | false | readonly Renderable[];

function render(value: Renderable): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (isSafeHtml(value)) return value.value;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Renderable[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return safe(out);
}

/** Join pieces of markup (or text) without a wrapper. */
export function join(parts: readonly Renderable[]): SafeHtml {
  return safe(render(parts));
}

export type AttrValue = string | number | boolean | null | undefined;

/**
 * Attributes from an object: `true` renders the bare name, `false`/null/undefined drop it, everything
 * else is escaped. Keeps optional ARIA attributes (aria-describedby, aria-invalid) readable at call sites.
 */
export function attrs(map: Record<string, AttrValue>): SafeHtml {
  const out: string[] = [];
  for (const [name, value] of Object.entries(map)) {
    if (value === false || value === null || value === undefined) continue;
    out.push(value === true ? name : `${name}="${escapeHtml(String(value))}"`);
  }
  return safe(out.length ? ` ${out.join(' ')}` : '');
}

/** Class list from conditional parts: classes('krds-btn', primary && 'primary'). */
export function classes(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}
