import { attrs, classes, html, type SafeHtml } from '../core/html.ts';

export type ButtonVariant = 'primary' | 'secondary' | 'tertiary' | 'text';
export type ButtonSize = 'xsmall' | 'small' | 'medium' | 'large' | 'xlarge';

/** KRDS button (.krds-btn). One primary button per form: the action the page is for. */
export function button(options: {
  label: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  type?: 'button' | 'submit' | 'reset';
  id?: string;
  /** extra attributes, e.g. data-action for delegated handlers */
  data?: Record<string, string>;
}): SafeHtml {
  const { label, variant = 'primary', size = 'medium', type = 'button', id, data = {} } = options;
  const dataAttrs = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v]));
  return html`<button${attrs({ type, id, class: classes('krds-btn', variant, size), ...dataAttrs })}>${label}</button>`;
}

/** A link that looks like a KRDS button: for navigation, never for actions. */
export function buttonLink(options: {
  label: string;
  href: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
}): SafeHtml {
  const { label, href, variant = 'secondary', size = 'medium' } = options;
  return html`<a class="${classes('krds-btn', variant, size)}" href="${href}">${label}</a>`;
}
