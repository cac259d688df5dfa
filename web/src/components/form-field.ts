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
  field: FieldBase & {
    options: readonly Option[];
    value: string;
    disabled?: boolean;
    busy?: boolean;
    required?: boolean;
  },
): SafeHtml {
  return html`<div class="form-group" data-field="${field.id}">
  <div class="form-tit"><label for="${field.id}">${field.label}${field.required ? requiredMark() : ''}</label></div>
  <div class="${classes('form-conts', field.error && 'is-error')}">
    <select${attrs({
      id: field.id,
      name: field.name,
      class: classes('krds-form-select', field.value && 'completed', field.error && 'is-error'),
      'aria-invalid': field.error ? 'true' : undefined,
      'aria-describedby': describedBy(field),
      'aria-busy': field.busy ? 'true' : undefined,
      'aria-required': field.required ? 'true' : undefined,
      disabled: field.disabled,
    })}>
      ${field.options.map((o) => html`<option${attrs({ value: o.value, selected: o.value === field.value })}>${o.label}</option>`)}
    </select>
  </div>
  ${hintAndError(field)}
</div>`;
}

export function textField(
  field: FieldBase & {
    value: string;
    type?: 'text' | 'search' | 'tel' | 'password' | 'date';
    maxLength?: number;
    autocomplete?: string;
    /** the on-screen keyboard to offer (numeric for 인증번호) */
    inputMode?: 'numeric' | 'tel' | 'text';
    /** a field the form cannot be sent without: marked for screen readers and with KRDS's 필수 sign */
    required?: boolean;
  },
): SafeHtml {
  return html`<div class="form-group" data-field="${field.id}">
  <div class="form-tit"><label for="${field.id}">${field.label}${field.required ? requiredMark() : ''}</label></div>
  <div class="${classes('form-conts', field.error && 'is-error')}">
    <input${attrs({
      type: field.type ?? 'text',
      id: field.id,
      name: field.name,
      class: 'krds-input',
      value: field.value,
      maxlength: field.maxLength,
      autocomplete: field.autocomplete ?? 'off',
      inputmode: field.inputMode,
      'aria-required': field.required ? 'true' : undefined,
      spellcheck: field.type === 'password' || field.inputMode === 'numeric' ? 'false' : undefined,
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
  field: FieldBase & {
    options: readonly (Option & { description?: string })[];
    value: string;
    inline?: boolean;
    required?: boolean;
  },
): SafeHtml {
  const questionId = `${field.id}-question`;
  return html`<div class="form-group" data-field="${field.id}">
  <fieldset${attrs({ 'aria-labelledby': questionId, 'aria-describedby': describedBy(field) })}>
    <div class="form-tit app-question" id="${questionId}">${field.label}${field.required ? requiredMark() : ''}</div>
    <div class="${classes('form-conts', field.error && 'is-error')}">
      <div class="${classes('krds-check-area', !field.inline && 'chk-column')}">
        ${field.options.map((o, i) => {
          const id = i === 0 ? field.id : `${field.id}-${o.value}`;
          const descriptionId = `${id}-description`;
          return html`<div class="krds-form-check">
          <input${attrs({
            type: 'radio',
            name: field.name,
            id,
            value: o.value,
            checked: o.value === field.value,
            'aria-describedby': o.description ? descriptionId : undefined,
          })}>
          <label for="${id}">${o.label}</label>
          ${o.description ? html`<div class="krds-form-check-cnt" id="${descriptionId}"><p class="krds-form-check-p">${o.description}</p></div>` : ''}
        </div>`;
        })}
      </div>
    </div>
    ${hintAndError(field)}
  </fieldset>
</div>`;
}

/** KRDS's required sign after a label; said as "필수" to screen readers, not by colour alone. */
export function requiredMark(): SafeHtml {
  return html` <span class="app-required">(필수)</span>`;
}

export function textareaField(
  field: FieldBase & { value: string; maxLength: number; rows?: number; required?: boolean },
): SafeHtml {
  return html`<div class="form-group" data-field="${field.id}">
  <div class="form-tit"><label for="${field.id}">${field.label}${field.required ? requiredMark() : ''}</label></div>
  <div class="${classes('form-conts', field.error && 'is-error')}">
    <textarea${attrs({
      id: field.id,
      name: field.name,
      class: 'krds-input app-textarea',
      rows: field.rows ?? 4,
      maxlength: field.maxLength,
      'aria-required': field.required ? 'true' : undefined,
      'aria-invalid': field.error ? 'true' : undefined,
      'aria-describedby': describedBy(field),
    })}>${field.value}</textarea>
  </div>
  ${hintAndError(field)}
</div>`;
}

/**
 * One checkbox with its own visible label (a consent, a confirmation). `details` is shown under the
 * label (what is collected, why, for how long) so the person reads what they agree to.
 */
export function checkboxField(
  field: FieldBase & { checked: boolean; value?: string; details?: SafeHtml; required?: boolean },
): SafeHtml {
  const detailsId = `${field.id}-details`;
  const describers = [field.details && detailsId, field.hint && hintId(field.id), field.error && errorId(field.id)]
    .filter(Boolean)
    .join(' ');
  return html`<div class="form-group" data-field="${field.id}">
  <div class="${classes('form-conts', field.error && 'is-error')}">
    <div class="krds-form-check">
      <input${attrs({
        type: 'checkbox',
        id: field.id,
        name: field.name,
        value: field.value ?? 'yes',
        checked: field.checked,
        'aria-required': field.required ? 'true' : undefined,
        'aria-invalid': field.error ? 'true' : undefined,
        'aria-describedby': describers || undefined,
      })}>
      <label for="${field.id}">${field.label}</label>
      ${field.details ? html`<div class="krds-form-check-cnt" id="${detailsId}">${field.details}</div>` : ''}
    </div>
  </div>
  ${hintAndError(field)}
</div>`;
}

/**
 * A file chooser with a visible label, the allowed kinds and size said in the hint, and KRDS's file
 * list under it for the upload's state (올리는 중, 올림, refused with the reason). The native input
 * is kept visible and focusable: KRDS's sample hides it behind a button inside a label, which
 * keyboards and screen readers handle poorly.
 */
export function fileField(field: FieldBase & { accept: string; required?: boolean }): SafeHtml {
  return html`<div class="form-group" data-field="${field.id}">
  <div class="form-tit"><label for="${field.id}">${field.label}${field.required ? requiredMark() : ''}</label></div>
  <div class="${classes('form-conts', field.error && 'is-error')}">
    <input${attrs({
      type: 'file',
      id: field.id,
      name: field.name,
      class: 'app-file-input',
      accept: field.accept,
      'aria-required': field.required ? 'true' : undefined,
      'aria-invalid': field.error ? 'true' : undefined,
      'aria-describedby': describedBy(field),
    })}>
  </div>
  ${hintAndError(field)}
  <div class="krds-file-upload app-file-status"><div class="file-list" role="status"><ul class="upload-list" id="${field.id}-status"></ul></div></div>
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

/** A native input (date, time) in KRDS's form group, with its label, hint and error slot. */
export function nativeField(field: {
  id: string;
  name: string;
  label: string;
  type: 'date' | 'time' | 'month' | 'text';
  value: string;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
}): SafeHtml {
  return html`<div class="form-group" data-field="${field.id}">
  <div class="form-tit"><label for="${field.id}">${field.label}${field.required ? requiredMark() : ''}</label></div>
  <div class="form-conts">
    <input${attrs({
      type: field.type,
      id: field.id,
      name: field.name,
      class: 'krds-input',
      value: field.value,
      autocomplete: field.autocomplete ?? 'off',
      'aria-required': field.required ? 'true' : undefined,
      'aria-describedby': field.hint ? hintId(field.id) : undefined,
    })}>
  </div>
  ${field.hint ? html`<p class="form-hint" id="${hintId(field.id)}">${field.hint}</p>` : ''}
  <p class="form-hint-invalid" id="${errorId(field.id)}" hidden><span class="sr-only">오류: </span><span class="app-error-text"></span></p>
</div>`;
}
