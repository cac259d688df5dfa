import { BRANCHES } from '#commons/branches';
import type { CourseSummary } from '#functions/training/contract';
import { COURSE_KINDS, COURSE_METHODS, COURSE_STATUS_LABELS, label } from '#functions/training/rules';
import { button } from '../components/button.ts';
import { statusTag } from '../components/facts.ts';
import { bindSelectState, selectField } from '../components/form-field.ts';
import { formText } from '../components/form-problems.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiGet } from '../core/api.ts';
import { html } from '../core/html.ts';
import { loadInto, onAction } from '../core/page.ts';
import { withQuery } from '../core/router.ts';
import { hasRole } from '../core/viewer.ts';
import type { PageContext, PageView } from '../shell/app.ts';

// 교육과정 목록 for the branch and hq (seed 000): every course of the institutions in scope with the
// seed's columns. A branch sees its own institutions' courses; hq picks a branch or 전체, and either
// may narrow to one institution. Read-only: the institution runs its courses.

export const INTERNAL_COURSES_PATH = '/internal/training-courses';

export function internalCoursesPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const hq = hasRole(ctx.viewer, 'hq');
  const branchId = ctx.url.searchParams.get('branchId') ?? '';
  const institutionId = ctx.url.searchParams.get('institutionId') ?? '';

  const columns: Column<CourseSummary & { no: number }>[] = [
    { header: 'No.', cell: (c) => String(c.no), width: 'narrow' },
    { header: '교육과정', cell: (c) => c.name, rowHeader: true, width: 'wide' },
    { header: '교육기관', cell: (c) => c.institutionName },
    { header: '교육장주소', cell: (c) => `${c.sidoName} ${c.sigunguName} ${c.place}`, width: 'wide' },
    { header: '교육구분', cell: (c) => label(COURSE_KINDS, c.kind), width: 'narrow' },
    { header: '교육방법', cell: (c) => label(COURSE_METHODS, c.method), width: 'narrow' },
    {
      header: '교육시간',
      cell: (c) => {
        const days = c.sessions.map((x) => x.day).sort();
        return `${c.totalHours}시간 (${days[0] ?? ''}~${days[days.length - 1] ?? ''})`;
      },
      width: 'medium',
    },
    { header: '상태', cell: (c) => statusTag(COURSE_STATUS_LABELS[c.status]), width: 'narrow' },
    { header: '신청인수', cell: (c) => `${c.applicants}명`, width: 'narrow' },
    { header: '수강자수', cell: (c) => `${c.attendees}명`, width: 'narrow' },
    { header: '수료자수', cell: (c) => `${c.completers}명`, width: 'narrow' },
  ];

  async function load(): Promise<void> {
    await loadInto<{ items: CourseSummary[] }>(ctx, main.querySelector<HTMLElement>('#internal-courses')!, {
      path: '/training/courses',
      query: { branchId: branchId || undefined, institutionId: institutionId || undefined },
      loading: '교육과정을 불러오는 중입니다…',
      failure: '교육과정을 불러오지 못했습니다',
      retry: 'retry',
      render: (data) =>
        data.items.length
          ? html`<p class="app-count">교육과정 <strong>${data.items.length}</strong>건</p>${dataTable({
              id: 'internal-courses-table',
              caption: '교육과정 목록',
              columns,
              rows: data.items.map((c, i) => ({ ...c, no: i + 1 })),
            })}`
          : emptyState('조건에 맞는 교육과정이 없습니다.'),
    });
  }

  async function loadInstitutions(): Promise<void> {
    const result = await apiGet<{ items: { organisationId: string; name: string; kind: string }[] }>(
      '/organisations',
      { kind: 'institution', branchId: hq ? branchId || undefined : undefined },
      { signal: ctx.signal },
    ).catch(() => undefined);
    const options = result?.ok
      ? result.data.items
          .filter((o) => o.kind === 'institution')
          .map((o) => ({ value: o.organisationId, label: o.name }))
      : [];
    const slot = main.querySelector<HTMLElement>('#ic-institution-slot');
    if (!slot) return;
    slot.outerHTML = selectField({
      id: 'ic-institution',
      name: 'institutionId',
      label: '교육기관',
      value: institutionId,
      options: [{ value: '', label: '전체' }, ...options],
    }).value;
    bindSelectState(main);
  }

  return {
    title: '교육과정 목록',
    lead: '관할 교육기관이 연 근로지원인 교육과정과 신청·수강·수료 인원을 봅니다.',
    content: html`<form id="ic-filter" class="app-search-form" role="search" aria-label="교육과정 찾기" novalidate>
  <div class="app-search-grid">
    ${hq ? selectField({ id: 'ic-branch', name: 'branchId', label: '관할지사', value: branchId, options: [{ value: '', label: '전체' }, ...BRANCHES.map((b) => ({ value: b.branchId, label: b.name }))] }) : ''}
    <div id="ic-institution-slot"></div>
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}</div>
</form>
<div id="internal-courses"></div>`,
    mount(m) {
      main = m;
      bindSelectState(main);
      main.querySelector('#ic-filter')!.addEventListener('submit', (event) => {
        event.preventDefault();
        const form = event.target as HTMLFormElement;
        ctx.navigate(
          withQuery(INTERNAL_COURSES_PATH, {
            branchId: hq ? formText(form, 'branchId') || undefined : undefined,
            institutionId: formText(form, 'institutionId') || undefined,
          }),
        );
      });
      onAction(main, 'retry', load);
      void loadInstitutions();
      void load();
    },
  };
}
