import { html, type SafeHtml } from '../core/html.ts';

export interface SummaryItem {
  /** id of the control the link moves to; absent for a problem with no field */
  fieldId?: string;
  message: string;
}

export const ERROR_SUMMARY_ID = 'error-summary';

/**
 * Error summary at the top of the page (GOV.UK pattern, KRDS colours): a heading, then one link per
 * problem that moves focus to the field. It takes focus when shown, so screen readers read it first.
 */
export function errorSummary(options: {
  title?: string;
  description?: string;
  items: readonly SummaryItem[];
}): SafeHtml {
  const { title = '입력한 내용을 확인해 주세요', description, items } = options;
  return html`<div class="app-error-summary" id="${ERROR_SUMMARY_ID}" tabindex="-1" role="alert" aria-labelledby="${ERROR_SUMMARY_ID}-title">
  <h2 class="app-error-summary-title" id="${ERROR_SUMMARY_ID}-title">${title}</h2>
  ${description ? html`<p>${description}</p>` : ''}
  ${
    items.length
      ? html`<ul class="app-error-summary-list">
    ${items.map((item) =>
      item.fieldId
        ? html`<li><a href="#${item.fieldId}" data-focus-field="${item.fieldId}">${item.message}</a></li>`
        : html`<li>${item.message}</li>`,
    )}
  </ul>`
      : ''
  }
</div>`;
}

/** Moving to a field from the summary: focus it and bring its label into view (not just the control). */
export function bindErrorSummary(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-focus-field]');
    if (!link) return;
    const field = document.getElementById(link.dataset.focusField ?? '');
    if (!field) return;
    event.preventDefault();
    const group = field.closest('.form-group') ?? field;
    group.scrollIntoView({ block: 'start' });
    field.focus({ preventScroll: true });
  });
}
