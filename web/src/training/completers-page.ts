import type { CompleterView } from '#functions/training/contract';
import { COURSE_KINDS, label } from '#functions/training/rules';
import { button } from '../components/button.ts';
import { textField } from '../components/form-field.ts';
import { formText } from '../components/form-problems.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { html } from '../core/html.ts';
import { loadInto, onAction } from '../core/page.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { localPhoneText } from './institution-pages.ts';

// 교육 수료자 조회 (SPEC E2, issue 16 §3): completers who named this agency as 근무희망수행기관 and
// consented to receive job information, filtered by 교육수료일자.

export const COMPLETERS_PATH = '/agency/completers';

export function completersPage(ctx: PageContext): PageView {
  const q = ctx.url.searchParams;
  const from = q.get('completedFrom') ?? '';
  const to = q.get('completedTo') ?? '';
  let items: CompleterView[] = [];
  const columns: Column<CompleterView>[] = [
    { header: 'No.', cell: (c) => items.indexOf(c) + 1, width: 'narrow' },
    { header: '성명', cell: (c) => c.name, rowHeader: true },
    { header: '생년월일', cell: (c) => c.birthDate, width: 'medium' },
    { header: '성별', cell: (c) => (c.gender === 'F' ? '여' : '남'), width: 'narrow' },
    { header: '전화번호', cell: (c) => localPhoneText(c.phone), width: 'medium' },
    { header: 'E-Mail', cell: (c) => c.email ?? '-' },
    { header: '주소', cell: (c) => c.address, width: 'wide' },
    { header: '취업희망여부', cell: (c) => (c.employmentWish ? '희망' : '미희망'), width: 'narrow' },
    { header: '근무희망수행기관', cell: (c) => c.wishedAgencies.map((w) => w.agencyName).join(', ') },
    { header: '활동경력', cell: (c) => c.career ?? '-' },
    { header: '교육과정', cell: (c) => `${c.courseName} (${label(COURSE_KINDS, c.courseKind)})` },
    { header: '교육기관', cell: (c) => c.institutionName },
    { header: '교육수료일자', cell: (c) => c.completedOn, width: 'medium' },
  ];
  return {
    title: '교육 수료자 조회',
    lead: '근로지원인 교육을 수료하고 우리 기관을 근무희망수행기관으로 고른 뒤 정보 제공에 동의한 사람입니다. 채용 안내 외의 목적으로 쓰지 마세요.',
    content: html`<form id="completers-filter" class="app-search-form" role="search" aria-label="수료자 검색 조건" novalidate>
  <div class="app-search-grid">
    ${textField({ id: 'completers-from', name: 'completedFrom', label: '교육수료일자(부터)', type: 'date', value: from })}
    ${textField({ id: 'completers-to', name: 'completedTo', label: '교육수료일자(까지)', type: 'date', value: to })}
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}</div>
</form>
<section class="app-results" aria-labelledby="completers-title">
  <h2 class="app-section-title" id="completers-title">수료자 목록</h2>
  <div id="completers-body"></div>
</section>`,
    mount(main) {
      const load = async () => {
        const result = await loadInto<{ items: CompleterView[] }>(
          ctx,
          main.querySelector<HTMLElement>('#completers-body')!,
          {
            path: '/training/completers',
            query: { completedFrom: from, completedTo: to },
            loading: '수료자를 불러오는 중입니다…',
            failure: '수료자를 불러오지 못했습니다',
            retry: 'retry',
            render: (data) => {
              items = data.items;
              return data.items.length
                ? html`<p class="app-count">총 <strong>${data.items.length}</strong>명</p>${dataTable({ id: 'completers-table', caption: '교육 수료자', columns, rows: data.items })}`
                : emptyState('조건에 맞는 수료자가 없습니다.', '교육수료일자 범위를 넓혀 보세요.');
            },
          },
        );
        if (result) ctx.announce(`수료자 ${result.items.length}명`);
      };
      main.querySelector('#completers-filter')!.addEventListener('submit', (event) => {
        event.preventDefault();
        const form = event.target as HTMLFormElement;
        const params = new URLSearchParams();
        for (const name of ['completedFrom', 'completedTo']) {
          const v = formText(form, name);
          if (v) params.set(name, v);
        }
        ctx.navigate(params.size ? `${COMPLETERS_PATH}?${params}` : COMPLETERS_PATH);
      });
      onAction(main, 'retry', load);
      void load();
    },
  };
}
