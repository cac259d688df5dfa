import type { ApiProblem } from '../core/api.ts';
import { ERROR_SUMMARY_ID, errorSummary, type SummaryItem } from './error-summary.ts';
import { setFieldError } from './form-field.ts';

// The GOV.UK error pattern for every form of the app: a summary at the top linking to each field,
// the same message at the field, "오류:" in the document title, focus on the summary. Problems come
// from the browser's own checks (a required field left empty) or from the API, whose field paths
// are 'body.<name>' / 'query.<name>' (and 'file' for an upload the server refused).

export interface Problem {
  /** the API's name of the field ('username', 'consents.terms'); absent for a problem of the whole form */
  field?: string;
  message: string;
}

export interface FormProblemTarget {
  /** the page's main element: fields are looked up inside it */
  root: HTMLElement;
  /** the element the summary is drawn into (empty when there is nothing to say) */
  summary: HTMLElement;
  /** control id of each field, keyed by the API's field name */
  fieldIds: Readonly<Record<string, string>>;
  /** set the document title with or without the 오류 prefix */
  setTitle(hasError: boolean): void;
  title?: string;
}

/** The API's field path without its location prefix: 'body.consents.terms' → 'consents.terms'. */
export function fieldName(path: string): string {
  return path.replace(/^(body|query|params)\./, '');
}

/** What a failed request says, field by field when the server named fields, else as one message. */
export function problemsOf(problem: ApiProblem): Problem[] {
  if (problem.fields.length) return problem.fields.map((f) => ({ field: fieldName(f.field), message: f.message }));
  return [{ message: problem.message }];
}

/**
 * The control id a problem belongs to. A nested path falls back to its parent ('consents' for
 * 'consents.terms' when only the group has a control).
 */
export function controlFor(fieldIds: Readonly<Record<string, string>>, field: string | undefined): string | undefined {
  if (!field) return undefined;
  let name = field;
  for (;;) {
    if (fieldIds[name]) return fieldIds[name];
    const dot = name.lastIndexOf('.');
    if (dot < 0) return undefined;
    name = name.slice(0, dot);
  }
}

export function showProblems(target: FormProblemTarget, problems: readonly Problem[]): void {
  clearFieldErrors(target);
  const items: SummaryItem[] = problems.map((p) => ({
    fieldId: controlFor(target.fieldIds, p.field),
    message: p.message,
  }));
  // one message per field at the field (the first, which is what to fix first)
  const shown = new Set<string>();
  for (const item of items) {
    if (!item.fieldId || shown.has(item.fieldId)) continue;
    shown.add(item.fieldId);
    setFieldError(target.root, item.fieldId, item.message);
  }
  target.summary.innerHTML = errorSummary({ title: target.title, items }).value;
  target.setTitle(true);
  target.summary.querySelector<HTMLElement>(`#${ERROR_SUMMARY_ID}`)?.focus();
}

export function clearProblems(target: FormProblemTarget): void {
  clearFieldErrors(target);
  target.summary.innerHTML = '';
  target.setTitle(false);
}

function clearFieldErrors(target: FormProblemTarget): void {
  for (const id of Object.values(target.fieldIds)) setFieldError(target.root, id, undefined);
}

/** The text of a form control by name ('' when absent). */
export function formText(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}

/** Problems for required fields left empty, in form order, with the message to show. */
export function missing(form: HTMLFormElement, required: readonly [name: string, message: string][]): Problem[] {
  return required.filter(([name]) => !formText(form, name).trim()).map(([field, message]) => ({ field, message }));
}
