import * as clock from '#kernel/clock';
import { isMonth } from '#kernel/korea-time';
import { monthInUrl } from '../core/dates.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { loadSection } from '../core/page.ts';
import { withQuery } from '../core/router.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { button, buttonLink } from './button.ts';
import { nativeField, selectField } from './form-field.ts';
import { scopeFilter } from './scope-filter.ts';

// The internal system's read-only views of the agencies' screens (seed 000: 활동일지 관리, 근무이력
// 비교, 근로지원인 등록, 매칭 관리, 연차 관리, 급여 관리): the filters 관할지사 / 수행기관 / 연도·월,
// then the table the agency sees with a 수행기관 column. Without a filter a branch sees its own
// agencies and hq every branch's; the server decides what is in scope.

export interface ScopedFilters {
  branchId?: string;
  agencyId?: string;
  /** YYYY-MM or YYYY, as the view's period asks */
  period: string;
}

export interface ScopedViewOptions<T> {
  /** the page's id prefix (fields, boxes) */
  prefix: string;
  title: string;
  lead: string;
  /** the API's scoped read */
  path: string;
  /** a month (YYYY-MM, default last month) or a year (default this year), and its label */
  period: { kind: 'month' | 'year'; label: string; optional?: boolean };
  /** what is loading (…을 불러오는 중입니다 / …을 불러오지 못했습니다 use it) */
  noun: string;
  /** the view of the answer, and what a screen reader hears once it shows */
  render(data: T, filters: ScopedFilters): { content: SafeHtml; announce: string };
}

/** This year and the three before it: the years the programme keeps on screen. */
function yearChoices(): string[] {
  const year = clock.thisYear();
  return [0, 1, 2, 3].map((back) => String(year - back));
}

function filtersOf(url: URL, period: ScopedViewOptions<unknown>['period']): ScopedFilters {
  const get = (name: string) => url.searchParams.get(name) || undefined;
  const year = get('year');
  const chosen =
    period.kind === 'month'
      ? period.optional && !get('month')
        ? ''
        : monthInUrl(url)
      : year && /^\d{4}$/.test(year)
        ? year
        : period.optional
          ? ''
          : String(clock.thisYear());
  return { branchId: get('branchId'), agencyId: get('agencyId'), period: chosen };
}

export function scopedViewPage<T>(options: ScopedViewOptions<T>): (ctx: PageContext) => PageView {
  const { prefix, period } = options;
  const periodName = period.kind === 'month' ? 'month' : 'year';
  return (ctx) => {
    let main: HTMLElement;
    const filters = filtersOf(ctx.url, period);
    const scope = scopeFilter(ctx, { prefix, branchId: filters.branchId, agencyId: filters.agencyId });
    const periodField =
      period.kind === 'month'
        ? nativeField({
            id: `${prefix}-month`,
            name: 'month',
            label: period.label,
            type: 'month',
            value: filters.period,
            hint: '예: 2026-11',
          })
        : selectField({
            id: `${prefix}-year`,
            name: 'year',
            label: period.label,
            value: filters.period,
            options: [
              ...(period.optional ? [{ value: '', label: '전체' }] : []),
              ...yearChoices().map((y) => ({ value: y, label: `${y}년` })),
            ],
          });

    async function load(): Promise<void> {
      const box = main.querySelector<HTMLElement>(`#${prefix}-body`)!;
      const data = await loadSection<T>(ctx, box, {
        path: options.path,
        query: { branchId: filters.branchId, agencyId: filters.agencyId, [periodName]: filters.period || undefined },
        loading: `${options.noun}을(를) 불러오는 중입니다…`,
        failure: `${options.noun}을(를) 불러오지 못했습니다`,
        retry: 'retry',
      });
      if (data === undefined) return;
      const view = options.render(data, filters);
      box.innerHTML = view.content.value;
      ctx.announce(view.announce);
    }

    return {
      title: options.title,
      lead: options.lead,
      content: html`<form id="${prefix}-filter" class="app-search-form" novalidate role="search" aria-label="${options.title} 검색 조건">
  <div class="app-search-grid">${scope.fields}${periodField}</div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}${buttonLink({ label: '조건 초기화', href: ctx.url.pathname, variant: 'tertiary', size: 'large' })}</div>
</form>
<section class="app-results" aria-labelledby="${prefix}-results-title"><h2 class="app-section-title" id="${prefix}-results-title">조회 결과</h2><div id="${prefix}-body"></div></section>`,
      mount(m) {
        main = m;
        void scope.mount(main);
        main.querySelector(`#${prefix}-filter`)!.addEventListener('submit', (event) => {
          event.preventDefault();
          const data = new FormData(event.target as HTMLFormElement);
          const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
          const chosen = text(periodName);
          ctx.navigate(
            withQuery(ctx.url.pathname, {
              branchId: text('branchId'),
              agencyId: text('agencyId'),
              // a month typed wrong falls back to the default month rather than a refusal
              [periodName]: chosen && (period.kind === 'year' || isMonth(chosen)) ? chosen : undefined,
            }),
          );
        });
        main.addEventListener('click', (event) => {
          if ((event.target as Element).closest('[data-action="retry"]')) void load();
        });
        void load();
      },
    };
  };
}
