import {
  clearProblems,
  type FormProblemTarget,
  formText,
  type Problem,
  problemsOf,
  showProblems,
} from '../components/form-problems.ts';
import type { PageContext } from '../shell/app.ts';
import type { ApiResult } from './api.ts';

// Sending a form: one submit at a time (a double click sends once), the problems in the error
// summary at the top (which takes focus, with 오류 in the title), and the summary cleared once the
// server accepted.

export type SubmitHandler = (form: HTMLFormElement, submitter: HTMLElement | null) => Promise<unknown>;

/**
 * One action at a time, for the clicks and submits a page handles itself: a run asked for while
 * another is going is dropped (a double click acts once).
 */
export function singleFlight(): (run: () => Promise<unknown>) => Promise<void> {
  let busy = false;
  return async (run) => {
    if (busy) return;
    busy = true;
    try {
      await run();
    } finally {
      busy = false;
    }
  };
}

/** Runs one submit at a time: the default is prevented, a second submit while one runs is dropped. */
export function oneAtATime(handler: SubmitHandler): (event: Event) => Promise<void> {
  const flight = singleFlight();
  return async (event: Event) => {
    event.preventDefault();
    await flight(() => handler(event.target as HTMLFormElement, (event as SubmitEvent).submitter ?? null));
  };
}

/**
 * Every form submitted inside `root` goes to `handler`, one at a time. With `only`, forms of other
 * ids are left alone (not even their default prevented), for pages whose filter form has its own.
 */
export function onSubmit(root: HTMLElement, handler: SubmitHandler, options: { only?: string } = {}): void {
  const guarded = oneAtATime(handler);
  root.addEventListener('submit', (event) => {
    if (options.only && (event.target as Element | null)?.id !== options.only) return;
    void guarded(event);
  });
}

/** The form problem target of a page: summary box, field ids, the title's 오류 prefix. */
export function problemTarget(
  ctx: Pick<PageContext, 'setTitle'>,
  main: HTMLElement,
  summaryId: string,
  fieldIds: Record<string, string>,
  title: string,
): FormProblemTarget {
  return {
    root: main,
    summary: main.querySelector<HTMLElement>(`#${summaryId}`)!,
    fieldIds,
    setTitle: (error) => ctx.setTitle(title, { error }),
  };
}

/** Shows problems, or does nothing when there are none; returns whether there were any. */
export function reportProblems(target: FormProblemTarget, problems: readonly Problem[]): boolean {
  if (!problems.length) return false;
  showProblems(target, problems);
  return true;
}

/**
 * What the server answered a form: its data once accepted (the summary cleared), or undefined once
 * the problems it named are in the summary.
 */
export function accepted<T>(target: FormProblemTarget, result: ApiResult<T>): T | undefined {
  if (!result.ok) {
    showProblems(target, problemsOf(result.problem));
    return undefined;
  }
  clearProblems(target);
  return result.data;
}

/**
 * Whether the server refused a form, its problems then in the summary; once it accepted, the summary
 * is cleared (and `result` is known to hold the data).
 */
export function refused<T>(
  target: FormProblemTarget,
  result: ApiResult<T>,
): result is Extract<ApiResult<T>, { ok: false }> {
  if (result.ok) {
    clearProblems(target);
    return false;
  }
  showProblems(target, problemsOf(result.problem));
  return true;
}

/** A number typed in a form ('' → NaN, so the rules can say what is missing). */
export function numberOf(form: HTMLFormElement, name: string): number {
  const text = formText(form, name).trim();
  return text === '' ? Number.NaN : Number(text);
}
