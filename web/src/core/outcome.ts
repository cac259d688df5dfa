import { html, type SafeHtml } from './html.ts';

// What a page says once a step went through: a success notice that takes focus, so that screen
// readers say it and keyboard users start from it.

/** The success notice in `box` (role=status, focusable), with anything more under its title. */
export function showOutcome(box: HTMLElement, message: string, more?: SafeHtml): void {
  box.innerHTML =
    html`<div class="app-notice app-notice-success" role="status" tabindex="-1"><p class="app-notice-title">${message}</p>${more ?? ''}</div>`.value;
  box.querySelector<HTMLElement>('.app-notice')?.focus();
}
