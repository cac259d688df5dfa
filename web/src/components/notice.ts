import { html, type Renderable, type SafeHtml } from '../core/html.ts';
import { button } from './button.ts';

/** A failure the user can do nothing about except try again (offline, timeout, server error). */
export function failureNotice(options: { title: string; message: string; retryAction: string }): SafeHtml {
  return html`<div class="app-notice app-notice-danger" role="alert">
  <h2 class="app-notice-title">${options.title}</h2>
  <p>${options.message}</p>
  ${button({ label: '다시 시도', variant: 'secondary', data: { action: options.retryAction } })}
</div>`;
}

/** KRDS spinner (.krds-spinner, role=status) with a visible Korean label. */
export function spinner(label: Renderable = '불러오는 중입니다…'): SafeHtml {
  return html`<div class="krds-spinner app-spinner" role="status"><span>${label}</span></div>`;
}

/**
 * A one-line outcome of what the person just did: success or info as a status, danger as an alert.
 * Focusable (tabindex -1), so that a page can move focus to it.
 */
export function notice(kind: 'success' | 'danger' | 'info', text: Renderable): SafeHtml {
  return html`<div class="app-notice app-notice-${kind}" role="${kind === 'danger' ? 'alert' : 'status'}" tabindex="-1"><p class="app-notice-title">${text}</p></div>`;
}
