import type { Role } from '#commons/roles';
import * as clock from '#kernel/clock';
import { koreaDay, koreaMinute, shiftDay } from '#kernel/korea-time';
import { type FormProblemTarget, formText, type Problem, showProblems } from '../components/form-problems.ts';
import { failureNotice, spinner } from '../components/notice.ts';
import { type ApiResult, apiGet, type Query } from '../core/api.ts';
import { html, type SafeHtml } from '../core/html.ts';
import type { PageContext } from '../shell/app.ts';
import type { Viewer } from '../shell/systems.ts';

// What the people-and-matching screens (service applications, assistants, matching) share: who the
// viewer works for, dates as people read them, loading a section with its spinner, failure and
// retry, and the success notice after a step.

export function hasRole(viewer: Viewer, role: Role): boolean {
  return viewer.signedIn && viewer.roles.includes(role);
}

export function ownAgencyOf(viewer: Viewer): string | undefined {
  return viewer.signedIn ? viewer.grants?.find((g) => g.role === 'agency')?.agencyId : undefined;
}

export function ownBranchOf(viewer: Viewer): string | undefined {
  return viewer.signedIn ? viewer.grants?.find((g) => g.role === 'branch')?.branchId : undefined;
}

/** 2026-11-21 in Korea time. */
export function day(iso: string | undefined): string {
  return iso ? koreaDay(iso) : '-';
}

/** 2026-11-21 14:35 in Korea time. */
export function dateTime(iso: string | undefined): string {
  return iso ? koreaMinute(iso) : '-';
}

/** Today (or `days` from today) in Korea, YYYY-MM-DD. */
export function koreaToday(days = 0): string {
  return shiftDay(clock.today(), days);
}

/** A status as words in a tag: never colour alone. */
export function statusTag(label: string): SafeHtml {
  return html`<span class="app-status">${label}</span>`;
}

/** A definition list of facts (label → value). */
export function facts(rows: readonly [string, SafeHtml | string | number | undefined][]): SafeHtml {
  return html`<dl class="app-facts">${rows.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value ?? '-'}</dd></div>`)}</dl>`;
}

/**
 * Loads `path` into `box`: a spinner while waiting, a failure notice with a retry button (its
 * data-action is `retry`), else what `render` makes of the data. Resolves to the data, or undefined.
 */
export async function loadInto<T>(
  ctx: PageContext,
  box: HTMLElement,
  options: { path: string; query?: Query; loading: string; failure: string; retry: string; render(data: T): SafeHtml },
): Promise<T | undefined> {
  box.innerHTML = spinner(options.loading).value;
  box.setAttribute('aria-busy', 'true');
  let result: ApiResult<T>;
  try {
    result = await apiGet<T>(options.path, options.query ?? {}, { signal: ctx.signal });
  } catch {
    return undefined;
  }
  box.removeAttribute('aria-busy');
  if (!result.ok) {
    box.innerHTML = failureNotice({
      title: options.failure,
      message: result.problem.message,
      retryAction: options.retry,
    }).value;
    return undefined;
  }
  box.innerHTML = options.render(result.data).value;
  return result.data;
}

/** A success message that takes focus, so screen readers say it and keyboard users start from it. */
export function showDone(box: HTMLElement, message: string, more?: SafeHtml): void {
  box.innerHTML =
    html`<div class="app-notice app-notice-success" role="status" tabindex="-1"><p class="app-notice-title">${message}</p>${more ?? ''}</div>`.value;
  box.querySelector<HTMLElement>('.app-notice')?.focus();
}

/** The form problem target of a page: summary box, field ids, the title's 오류 prefix. */
export function problemTarget(
  ctx: PageContext,
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

/** A number typed in a form ('' → NaN, so the rules can say what is missing). */
export function numberOf(form: HTMLFormElement, name: string): number {
  const text = formText(form, name).trim();
  return text === '' ? Number.NaN : Number(text);
}

/** Runs one submit at a time (a double click sends once). */
export function oneAtATime(handler: (form: HTMLFormElement, submitter: HTMLElement | null) => Promise<void>) {
  let busy = false;
  return async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    try {
      await handler(event.target as HTMLFormElement, (event as SubmitEvent).submitter);
    } finally {
      busy = false;
    }
  };
}
