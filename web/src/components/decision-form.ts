import { html, type SafeHtml } from '../core/html.ts';
import { radioGroup, textareaField } from './form-field.ts';
import { formText, type Problem } from './form-problems.ts';

// The one-decision-per-screen form of the review pages (seal, staff account, activity application):
// two choices as radio buttons, one to go ahead and one to refuse, and the reason the refusal
// must give.

export interface DecisionChoice {
  value: string;
  label: string;
  description: string;
}

export interface DecisionFormOptions {
  /** the form's id */
  id: string;
  /** the ids of the two controls: the radio group and the reason */
  fieldIds: { decision: string; reason: string };
  /** the radio group's label (처리 결과) */
  label?: string;
  accept: DecisionChoice;
  refuse: DecisionChoice;
  reason: { label: string; hint?: string; maxLength?: number };
  /** before the choices (a heading) and between the choices and the reason (more fields) */
  intro?: SafeHtml;
  more?: SafeHtml;
  /** the form's buttons, inside its app-form-actions */
  actions: SafeHtml;
}

export function decisionForm(options: DecisionFormOptions): SafeHtml {
  return html`<form id="${options.id}" class="app-form" novalidate>
  ${options.intro ?? ''}
  ${radioGroup({
    id: options.fieldIds.decision,
    name: 'decision',
    label: options.label ?? '처리 결과',
    options: [options.accept, options.refuse],
    value: '',
    required: true,
  })}
  ${options.more ?? ''}
  ${textareaField({ id: options.fieldIds.reason, name: 'reason', label: options.reason.label, value: '', maxLength: options.reason.maxLength ?? 500, rows: 3, ...(options.reason.hint ? { hint: options.reason.hint } : {}) })}
  <div class="app-form-actions">${options.actions}</div>
</form>`;
}

export interface Decision {
  decision: string;
  /** trimmed */
  reason: string;
  /** nothing chosen, or a refusal without a reason of `minReason` characters */
  problems: Problem[];
}

/** The decision as submitted, with the problems to show when it is not complete. */
export function readDecision(
  form: HTMLFormElement,
  options: { refuse: string; choose: string; reasonMissing: string; minReason?: number },
): Decision {
  const decision = formText(form, 'decision');
  const reason = formText(form, 'reason').trim();
  const problems: Problem[] = [];
  if (!decision) problems.push({ field: 'decision', message: options.choose });
  if (decision === options.refuse && reason.length < (options.minReason ?? 1)) {
    problems.push({ field: 'reason', message: options.reasonMissing });
  }
  return { decision, reason, problems };
}
