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
}

/**
 * Loads `path` for `box`: a spinner (and aria-busy) while waiting, a failure notice with a retry
 * button when refused. Resolves to the data, or undefined when it failed or the page was left (the
 * box then keeps the notice, or nothing more happens).
 */
export async function loadSection<T>(
  ctx: Pick<PageContext, 'signal'>,
  box: HTMLElement,
  options: LoadOptions,
): Promise<T | undefined> {
  if (options.loading !== undefined) box.innerHTML = spinner(options.loading).value;
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
    options.failed?.(result.problem);
    return undefined;
  }
  return result.data;
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
