import { attrs, html, type SafeHtml } from '../core/html.ts';

/** Which page numbers to show: first, last, and a window around the current page, with gaps as null. */
export function pageWindow(current: number, total: number, radius = 2): (number | null)[] {
  if (total <= 1) return [1];
  const pages = new Set<number>([1, total]);
  for (let p = current - radius; p <= current + radius; p++) if (p >= 1 && p <= total) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && p - previous > 1) out.push(null);
    out.push(p);
  });
  return out;
}

/**
 * KRDS pagination (.krds-pagination). Pages are real links (`hrefFor(page)`), so they work with the
 * router, the back button and a new tab. Renders nothing when everything fits on one page.
 */
export function pagination(options: {
  current: number;
  total: number;
  hrefFor: (page: number) => string;
  label?: string;
}): SafeHtml {
  const { current, total, hrefFor, label = '페이지 이동' } = options;
  if (total <= 1) return html``;
  const prev =
    current > 1
      ? html`<a class="page-navi prev" href="${hrefFor(current - 1)}">이전<span class="sr-only"> 페이지</span></a>`
      : html`<span class="page-navi prev disabled" aria-disabled="true">이전<span class="sr-only"> 페이지 없음</span></span>`;
  const next =
    current < total
      ? html`<a class="page-navi next" href="${hrefFor(current + 1)}">다음<span class="sr-only"> 페이지</span></a>`
      : html`<span class="page-navi next disabled" aria-disabled="true">다음<span class="sr-only"> 페이지 없음</span></span>`;
  return html`<nav class="krds-pagination" aria-label="${label}">
  ${prev}
  <div class="page-links">
    ${pageWindow(current, total).map((page) =>
      page === null
        ? html`<span class="page-link link-dot" aria-hidden="true"></span>`
        : page === current
          ? html`<a class="page-link active" href="${hrefFor(page)}" aria-current="page"><span class="sr-only">현재 페이지 </span>${page}</a>`
          : html`<a${attrs({ class: 'page-link', href: hrefFor(page) })}><span class="sr-only">페이지 </span>${page}</a>`,
    )}
  </div>
  ${next}
</nav>`;
}
