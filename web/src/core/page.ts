import { failureNotice, spinner } from '../components/notice.ts';
import type { PageContext } from '../shell/app.ts';
import { type ApiProblem, type ApiResult, apiGet, type Query } from './api.ts';
import type { SafeHtml } from './html.ts';

// The lifecycle every page section shares: a spinner while it loads, a failure notice with a
// 다시 시도 button when the server could not answer, else what the page makes of the data; and the
// retry buttons that load it again.

export interface LoadOptions {
  path: string;
  query?: Query;
  /**
   * the spinner's label (불러오는 중입니다…); without it the box keeps what it shows until the answer
   * (the spinner of the page's first markup, or the data a reload replaces)
   */
  loading?: string;
  /** the failure notice's title (…을 불러오지 못했습니다) */
  failure: string;
  /** the data-action of the notice's 다시 시도 button */
  retry: string;
  /** more to do once the failure notice shows (the title's 오류 prefix, an announcement) */
  failed?(problem: ApiProblem): void;
  /**
   * a refusal the page shows itself (a search's field errors): return true, and the box shows no
   * failure notice
   */
  handle?(problem: ApiProblem): boolean;
  /** the element that is aria-busy while loading (the results section around the box); the box by default */
  busy?: HTMLElement;
  /** a further signal, from latestOnly(): a newer search aborts this load */
  signal?: AbortSignal;
}

/** Several GETs that fill one box together; the first refusal is the box's failure. */
export type LoadAllOptions = Omit<LoadOptions, 'path' | 'query'> & { requests: { path: string; query?: Query }[] };

/**
 * Loads `path` for `box`: a spinner (and aria-busy) while waiting, a failure notice with a retry
 * button when refused. Resolves to the data, or undefined when it failed or the page was left or a
 * newer load took over (the box then keeps the notice, or nothing more happens).
 */
export async function loadSection<T>(
  ctx: Pick<PageContext, 'signal'>,
  box: HTMLElement,
  options: LoadOptions,
): Promise<T | undefined> {
  const { path, query, ...rest } = options;
  const data = await loadAll<[T]>(ctx, box, { ...rest, requests: [{ path, query }] });
  return data?.[0];
}

/** loadSection for several GETs at once (in parallel): resolves to all their data in order, or undefined. */
export async function loadAll<T extends unknown[]>(
  ctx: Pick<PageContext, 'signal'>,
  box: HTMLElement,
  options: LoadAllOptions,
): Promise<T | undefined> {
  const busy = options.busy ?? box;
  const signal = options.signal ? AbortSignal.any([ctx.signal, options.signal]) : ctx.signal;
  if (options.loading !== undefined) box.innerHTML = spinner(options.loading).value;
  busy.setAttribute('aria-busy', 'true');
  let results: ApiResult<unknown>[];
  try {
    results = await Promise.all(options.requests.map((r) => apiGet<unknown>(r.path, r.query ?? {}, { signal })));
  } catch {
    return undefined;
  }
  if (signal.aborted) return undefined;
  busy.removeAttribute('aria-busy');
  const refused = results.find((r) => !r.ok);
  if (refused && !refused.ok) {
    if (options.handle?.(refused.problem)) return undefined;
    box.innerHTML = failureNotice({
      title: options.failure,
      message: refused.problem.message,
      retryAction: options.retry,
    }).value;
    options.failed?.(refused.problem);
    return undefined;
  }
  return results.map((r) => (r.ok ? r.data : undefined)) as T;
}

/**
 * For a search that runs again on every change: each call gives the signal of a new load and aborts
 * the load before it, so an older answer never replaces a newer one.
 */
export function latestOnly(): () => AbortSignal {
  let current: AbortController | undefined;
  return () => {
    current?.abort();
    current = new AbortController();
    return current.signal;
  };
}

/** loadSection, then `render`'s markup in the box. Resolves to the data, or undefined. */
export async function loadInto<T>(
  ctx: Pick<PageContext, 'signal'>,
  box: HTMLElement,
  options: LoadOptions & { render(data: T): SafeHtml },
): Promise<T | undefined> {
  const data = await loadSection<T>(ctx, box, options);
  if (data !== undefined) box.innerHTML = options.render(data).value;
  return data;
}

/** Clicks on a `data-action` button inside `root` (the failure notice's 다시 시도, mostly) run `run` (with no argument). */
export function onAction(root: HTMLElement, action: string, run: () => unknown): void {
  root.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLElement>(`[data-action="${action}"]`);
    if (button) void run();
  });
}

/**
 * A search form whose submit puts its non-empty choices of `names` in the URL of `path` (the page
 * loads from the URL). With `dropEmptyQuery`, no choice at all leaves `path` without its '?'.
 */
export function onFilter(
  ctx: Pick<PageContext, 'navigate'>,
  form: HTMLElement,
  path: string,
  names: readonly string[],
  options: { dropEmptyQuery?: boolean } = {},
): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const params = new URLSearchParams();
    for (const name of names) {
      const value = data.get(name);
      if (typeof value === 'string' && value) params.set(name, value);
    }
    ctx.navigate(options.dropEmptyQuery && !params.size ? path : `${path}?${params}`);
  });
}
