import { attrs, classes, html, type SafeHtml } from '../core/html.ts';

// KRDS form groups (.form-group > .form-tit label + .form-conts control + hint): select, text input
// and radio group, each with a visible label, an optional hint and an error state. The error text
// sits in the field's own group (KRDS .form-hint-invalid), is tied to the control with
// aria-describedby, and is repeated in the error summary at the top of the page.

export interface Option {
  value: string;
  label: string;
}

interface FieldBase {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

export function hintId(fieldId: string): string {
  return `${fieldId}-hint`;
}

export function errorId(fieldId: string): string {
  return `${fieldId}-error`;
}

function describedBy(field: FieldBase): string | undefined {
  const ids = [field.hint && hintId(field.id), field.error && errorId(field.id)].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function hintAndError(field: FieldBase): SafeHtml {
  return html`${field.hint ? html`<p class="form-hint" id="${hintId(field.id)}">${field.hint}</p>` : ''}
    <p class="form-hint-invalid" id="${errorId(field.id)}"${attrs({ hidden: !field.error })}><span class="sr-only">오류: </span><span class="app-error-text">${field.error ?? ''}</span></p>`;
}

export function selectField(
  field: FieldBase & { options: readonly Option[]; value: string; disabled?: boolean; busy?: boolean },
): SafeHtml {
  return html`<div class="form-group" data-field="${field.id}">
  <div class="form-tit"><label for="${field.id}">${field.label}</label></div>
  <div class="${classes('form-conts', field.error && 'is-error')}">
    <select${attrs({
      id: field.id,
      name: field.name,
      class: classes('krds-form-select', field.value && 'completed', field.error && 'is-error'),
      'aria-invalid': field.error ? 'true' : undefined,
      'aria-describedby': describedBy(field),
      'aria-busy': field.busy ? 'true' : undefined,
      disabled: field.disabled,
    })}>
      ${field.options.map((o) => html`<option${attrs({ value: o.value, selected: o.value === field.value })}>${o.label}</option>`)}
    </select>
  </div>
  ${hintAndError(field)}
</div>`;
}

export function textField(
  field: FieldBase & { value: string; type?: 'text' | 'search' | 'tel'; maxLength?: number; autocomplete?: string },
): SafeHtml {
  return html`<div class="form-group" data-field="${field.id}">
  <div class="form-tit"><label for="${field.id}">${field.label}</label></div>
  <div class="${classes('form-conts', field.error && 'is-error')}">
    <input${attrs({
      type: field.type ?? 'text',
      id: field.id,
      name: field.name,
      class: 'krds-input',
      value: field.value,
      maxlength: field.maxLength,
      autocomplete: field.autocomplete ?? 'off',
      'aria-invalid': field.error ? 'true' : undefined,
      'aria-describedby': describedBy(field),
    })}>
  </div>
  ${hintAndError(field)}
</div>`;
}

/**
 * Radio buttons in a fieldset named by the question. KRDS hides every <legend> like .sr-only, so the
 * question is a visible .form-tit that names the fieldset through aria-labelledby. The first radio
 * carries the field id (the error summary links to it).
 */
export function radioGroup(
  field: FieldBase & { options: readonly Option[]; value: string; inline?: boolean },
): SafeHtml {
  const questionId = `${field.id}-question`;
  return html`<div class="form-group" data-field="${field.id}">
  <fieldset${attrs({ 'aria-labelledby': questionId, 'aria-describedby': describedBy(field) })}>
    <div class="form-tit app-question" id="${questionId}">${field.label}</div>
    <div class="${classes('form-conts', field.error && 'is-error')}">
      <div class="${classes('krds-check-area', !field.inline && 'chk-column')}">
        ${field.options.map((o, i) => {
          const id = i === 0 ? field.id : `${field.id}-${o.value}`;
          return html`<div class="krds-form-check">
          <input${attrs({ type: 'radio', name: field.name, id, value: o.value, checked: o.value === field.value })}>
          <label for="${id}">${o.label}</label>
        </div>`;
        })}
      </div>
    </div>
    ${hintAndError(field)}
  </fieldset>
</div>`;
}

/** KRDS greys a select until something is chosen (class `completed`); keep that in step with its value. */
export function markSelectCompleted(select: HTMLSelectElement): void {
  select.classList.toggle('completed', select.value !== '');
}

/** Keep every KRDS select under `root` marked as chosen or not as the user changes it. */
export function bindSelectState(root: HTMLElement): void {
  root.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement && event.target.classList.contains('krds-form-select')) {
      markSelectCompleted(event.target);
    }
  });
}

/**
 * Show or clear a field's error in place (no re-render, so focus and typed text stay). `fieldId` is
 * the id used when the field was rendered.
 */
export function setFieldError(root: ParentNode, fieldId: string, message: string | undefined): void {
  const group = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(fieldId)}"]`);
  if (!group) return;
  const errorEl = group.querySelector<HTMLElement>(`#${CSS.escape(errorId(fieldId))}`);
  const conts = group.querySelector<HTMLElement>('.form-conts');
  const controls = group.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select, textarea');
  conts?.classList.toggle('is-error', Boolean(message));
  if (errorEl) {
    errorEl.hidden = !message;
    const text = errorEl.querySelector('.app-error-text');
    if (text) text.textContent = message ?? '';
  }
  const describer = group.querySelector('fieldset') ?? null;
  const targets: Element[] = describer ? [describer] : [...controls];
  for (const control of controls) {
    if (control instanceof HTMLSelectElement) control.classList.toggle('is-error', Boolean(message));
    if (message) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
  for (const target of targets) {
    const ids = new Set((target.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
    if (message) ids.add(errorId(fieldId));
    else ids.delete(errorId(fieldId));
    if (ids.size) target.setAttribute('aria-describedby', [...ids].join(' '));
    else target.removeAttribute('aria-describedby');
  }
}
