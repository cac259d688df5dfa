import { SIDO } from '#commons/regions';
import { label, SUPPORT_TYPES } from '#functions/applications/codes';
import { postingProblems } from '#functions/assistants/rules';
import { button, buttonLink } from '../components/button.ts';
import { facts, statusTag } from '../components/facts.ts';
import { bindSelectState, requiredMark, selectField, textareaField, textField } from '../components/form-field.ts';
import { formText, missing, type Problem, problemsOf } from '../components/form-problems.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiPost } from '../core/api.ts';
import { koreaToday } from '../core/dates.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { showOutcome } from '../core/outcome.ts';
import { loadInto, onAction } from '../core/page.ts';
import { numberOf, oneAtATime, problemTarget, refused, reportProblems } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';

// 구인정보 (B4): the agency posts and closes its openings; the portal lists every agency's open
// postings by region, support type and hours (no sign-in needed), and each posting leads to the
// online activity application.

export const JOBS_PATH = '/work-assistant/jobs';
export const ACTIVITY_APPLICATION_PATH = '/work-assistant/activity-application';
const AGENCY_POSTINGS_PATH = '/agency/job-postings';

export interface PostingView {
  postingId: string;
  agencyId: string;
  agencyName: string;
  agencyPhone: string;
  title: string;
  sidoCode: string;
  sidoName: string;
  area: string;
  supportType: string;
  workStart: string;
  workEnd: string;
  weeklyHours: number;
  openings: number;
  description: string;
  postedOn: string;
  closesOn: string;
  open: boolean;
}

const SIDO_OPTIONS = [{ value: '', label: '전국' }, ...SIDO.map((s) => ({ value: s.code, label: s.name }))];
const TYPE_OPTIONS = [{ value: '', label: '전체' }, ...SUPPORT_TYPES.map((t) => ({ value: t.code, label: t.label }))];

const PUBLIC_COLUMNS: Column<PostingView>[] = [
  {
    header: '제목',
    cell: (p) => html`<a href="${JOBS_PATH}/${encodeURIComponent(p.postingId)}">${p.title}</a>`,
    rowHeader: true,
    width: 'wide',
  },
  { header: '수행기관', cell: (p) => p.agencyName },
  { header: '근무지', cell: (p) => `${p.sidoName} ${p.area}` },
  { header: '지원 유형', cell: (p) => label(SUPPORT_TYPES, p.supportType) },
  { header: '근무 시간', cell: (p) => `${p.workStart}~${p.workEnd} (주 ${p.weeklyHours}시간)`, width: 'medium' },
  { header: '마감일', cell: (p) => p.closesOn, width: 'narrow' },
];

/** 근로지원인 구인정보 조회: every agency's open postings, filtered; the filters live in the URL. */
export function jobsPage(ctx: PageContext): PageView {
  const q = ctx.url.searchParams;
  const value = (name: string) => q.get(name) ?? '';
  const target = (main: HTMLElement) =>
    problemTarget(
      ctx,
      main,
      'jobs-errors',
      { sido: 'jobs-sido', type: 'jobs-type', from: 'jobs-from', to: 'jobs-to' },
      '근로지원인 구인정보 조회',
    );
  return {
    title: '근로지원인 구인정보 조회',
    lead: '모든 수행기관의 근로지원인 구인정보를 지역, 지원 유형, 근무 시간으로 찾아볼 수 있습니다. 마음에 드는 곳이 있으면 온라인으로 활동 신청을 하세요.',
    content: html`<div id="jobs-errors"></div>
<form id="jobs-filter" class="app-search-form" role="search" aria-label="구인정보 검색 조건" novalidate>
  <div class="app-search-grid">
    ${selectField({ id: 'jobs-sido', name: 'sido', label: '근무 지역(시/도)', value: value('sido'), options: SIDO_OPTIONS })}
    ${selectField({ id: 'jobs-type', name: 'type', label: '지원 유형', value: value('type'), options: TYPE_OPTIONS })}
    ${textField({ id: 'jobs-from', name: 'from', label: '일할 수 있는 시간(부터)', value: value('from'), maxLength: 5, hint: '예: 09:00' })}
    ${textField({ id: 'jobs-to', name: 'to', label: '일할 수 있는 시간(까지)', value: value('to'), maxLength: 5, hint: '예: 15:00' })}
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}</div>
</form>
<section class="app-results" aria-labelledby="jobs-title">
  <h2 class="app-section-title" id="jobs-title">구인정보</h2>
  <div id="jobs-body"></div>
</section>`,
    mount(main) {
      bindSelectState(main);
      const box = main.querySelector<HTMLElement>('#jobs-body')!;
      const load = async () => {
        const result = await loadInto<{ items: PostingView[] }>(ctx, box, {
          path: '/public/job-postings',
          query: { sido: value('sido'), type: value('type'), from: value('from'), to: value('to') },
          loading: '구인정보를 불러오는 중입니다…',
          failure: '구인정보를 불러오지 못했습니다',
          retry: 'retry',
          render: ({ items }) =>
            items.length
              ? html`<p class="app-count" id="jobs-count">총 <strong>${items.length}</strong>건</p>${dataTable({ id: 'jobs-table', caption: '모집 중인 근로지원인 구인정보', columns: PUBLIC_COLUMNS, rows: items })}`
              : emptyState('조건에 맞는 구인정보가 없습니다.', '지역을 전국으로 바꾸거나 시간 조건을 넓혀 보세요.'),
        });
        if (result) ctx.announce(`구인정보 ${result.items.length}건`);
      };
      main.querySelector('#jobs-filter')!.addEventListener('submit', (event) => {
        event.preventDefault();
        const form = event.target as HTMLFormElement;
        const params = new URLSearchParams();
        const problems: Problem[] = [];
        for (const name of ['sido', 'type', 'from', 'to']) {
          const v = formText(form, name).trim();
          if ((name === 'from' || name === 'to') && v && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v)) {
            problems.push({ field: name, message: '시간은 09:00처럼 시:분으로 입력해 주세요.' });
          }
          if (v) params.set(name, v);
        }
        if (reportProblems(target(main), problems)) return;
        ctx.navigate(`${JOBS_PATH}${params.size ? `?${params}` : ''}`);
      });
      onAction(main, 'retry', load);
      void load();
    },
  };
}

export function postingFacts(p: PostingView): SafeHtml {
  return facts([
    ['수행기관', `${p.agencyName} (전화 ${p.agencyPhone})`],
    ['근무지', `${p.sidoName} ${p.area}`],
    ['지원 유형', label(SUPPORT_TYPES, p.supportType)],
    ['근무 시간', `${p.workStart}~${p.workEnd}, 주 ${p.weeklyHours}시간`],
    ['모집 인원', `${p.openings}명`],
    ['업무 내용', p.description],
    ['게시일', p.postedOn],
    ['마감일', p.closesOn],
  ]);
}

export function jobDetailPage(ctx: PageContext): PageView {
  const id = ctx.params.postingId ?? '';
  return {
    title: '구인정보 상세',
    content: html`<div id="job-body"></div><p class="app-actions"><a class="krds-btn secondary large" href="${JOBS_PATH}">목록으로</a></p>`,
    mount(main) {
      const box = main.querySelector<HTMLElement>('#job-body')!;
      const load = () =>
        loadInto<PostingView>(ctx, box, {
          path: `/public/job-postings/${encodeURIComponent(id)}`,
          loading: '구인정보를 불러오는 중입니다…',
          failure: '구인정보를 불러오지 못했습니다',
          retry: 'retry',
          render: (
            p,
          ) => html`<section class="app-section" aria-labelledby="job-title"><h2 class="app-section-title" id="job-title">${p.title} ${statusTag(p.open ? '모집 중' : '마감')}</h2>${postingFacts(p)}</section>
${p.open ? html`<p>${buttonLink({ label: '이 구인정보로 활동 신청하기', href: `${ACTIVITY_APPLICATION_PATH}?postingId=${encodeURIComponent(p.postingId)}`, variant: 'primary', size: 'large' })}</p><p class="app-form-note">활동 신청은 근로지원인으로 회원가입한 뒤 로그인해서 할 수 있습니다.</p>` : html`<p class="app-form-note">마감된 구인정보입니다.</p>`}`,
        });
      onAction(main, 'retry', load);
      void load();
    },
  };
}

const POSTING_IDS: Record<string, string> = {
  title: 'posting-title',
  sidoCode: 'posting-sido',
  area: 'posting-area',
  supportType: 'posting-type',
  workStart: 'posting-start',
  workEnd: 'posting-end',
  weeklyHours: 'posting-weekly',
  openings: 'posting-openings',
  description: 'posting-description',
  closesOn: 'posting-closes',
};

/** 수행기관 시스템 › 구인정보 관리: the agency's postings, a form for a new one, and 마감. */
export function agencyPostingsPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const title = '구인정보 관리';
  const target = () => problemTarget(ctx, main, 'postings-errors', POSTING_IDS, title);
  const columns: Column<PostingView>[] = [
    { header: '제목', cell: (p) => p.title, rowHeader: true, width: 'wide' },
    { header: '근무지', cell: (p) => `${p.sidoName} ${p.area}` },
    { header: '근무 시간', cell: (p) => `${p.workStart}~${p.workEnd} (주 ${p.weeklyHours}시간)` },
    { header: '마감일', cell: (p) => p.closesOn, width: 'narrow' },
    { header: '상태', cell: (p) => statusTag(p.open ? '모집 중' : '마감'), width: 'narrow' },
    {
      header: '처리',
      cell: (p) =>
        p.open
          ? button({
              label: '마감하기',
              variant: 'secondary',
              size: 'small',
              data: { action: 'close', posting: p.postingId },
            })
          : '-',
      width: 'narrow',
    },
  ];

  async function load() {
    await loadInto<{ items: PostingView[] }>(ctx, main.querySelector<HTMLElement>('#postings-body')!, {
      path: '/job-postings',
      loading: '구인정보를 불러오는 중입니다…',
      failure: '구인정보를 불러오지 못했습니다',
      retry: 'retry',
      render: ({ items }) =>
        items.length
          ? dataTable({ id: 'postings-table', caption: '우리 기관 구인정보', columns, rows: items })
          : emptyState('올린 구인정보가 없습니다.'),
    });
  }

  return {
    title,
    lead: '근로지원인 구인정보를 올리면 포털의 구인정보 조회에 바로 나타납니다.',
    content: html`<div id="postings-errors"></div><div id="postings-done"></div>
<section class="app-section" aria-labelledby="postings-list-title">
  <h2 class="app-section-title" id="postings-list-title">우리 기관 구인정보</h2>
  <div id="postings-body"></div>
</section>
<section class="app-section" aria-labelledby="posting-new-title">
  <h2 class="app-section-title" id="posting-new-title">새 구인정보 올리기</h2>
  <form id="posting-form" class="app-form app-narrow" novalidate>
    <p class="app-form-intro">표시된 항목은 꼭 입력해야 합니다${requiredMark()}.</p>
    ${textField({ id: 'posting-title', name: 'title', label: '제목', value: '', required: true, maxLength: 80 })}
    ${selectField({ id: 'posting-sido', name: 'sidoCode', label: '근무 시/도', value: '', required: true, options: [{ value: '', label: '선택' }, ...SIDO.map((s) => ({ value: s.code, label: s.name }))] })}
    ${textField({ id: 'posting-area', name: 'area', label: '근무지(시/군/구, 동)', value: '', required: true, maxLength: 80, hint: '예: 마포구 상암동' })}
    ${selectField({ id: 'posting-type', name: 'supportType', label: '지원 유형', value: 'T1', required: true, options: SUPPORT_TYPES.map((t) => ({ value: t.code, label: t.label })) })}
    ${textField({ id: 'posting-start', name: 'workStart', label: '근무 시작 시각', value: '09:00', required: true, maxLength: 5 })}
    ${textField({ id: 'posting-end', name: 'workEnd', label: '근무 종료 시각', value: '13:00', required: true, maxLength: 5 })}
    ${textField({ id: 'posting-weekly', name: 'weeklyHours', label: '주 근무시간(시간)', value: '20', required: true, inputMode: 'numeric', maxLength: 2 })}
    ${textField({ id: 'posting-openings', name: 'openings', label: '모집 인원(명)', value: '1', required: true, inputMode: 'numeric', maxLength: 2 })}
    ${textareaField({ id: 'posting-description', name: 'description', label: '업무 내용', value: '', required: true, maxLength: 2000, rows: 4 })}
    ${textField({ id: 'posting-closes', name: 'closesOn', label: '마감일', type: 'date', value: koreaToday(30), required: true })}
    <div class="app-form-actions">${button({ label: '구인정보 올리기', type: 'submit', size: 'large' })}</div>
  </form>
</section>`,
    mount(m) {
      main = m;
      bindSelectState(main);
      main.querySelector('#posting-form')!.addEventListener(
        'submit',
        oneAtATime(async (form) => {
          const body = {
            title: formText(form, 'title').trim(),
            sidoCode: formText(form, 'sidoCode'),
            area: formText(form, 'area').trim(),
            supportType: formText(form, 'supportType'),
            workStart: formText(form, 'workStart').trim(),
            workEnd: formText(form, 'workEnd').trim(),
            weeklyHours: numberOf(form, 'weeklyHours'),
            openings: numberOf(form, 'openings'),
            description: formText(form, 'description').trim(),
            closesOn: formText(form, 'closesOn'),
          };
          const problems = [
            ...missing(form, [
              ['title', '제목을 입력해 주세요.'],
              ['sidoCode', '근무 시/도를 골라 주세요.'],
              ['area', '근무지를 입력해 주세요.'],
              ['description', '업무 내용을 입력해 주세요.'],
            ]),
            ...postingProblems(body, koreaToday()),
          ];
          if (reportProblems(target(), problems)) return;
          const result = await apiPost<PostingView>('/job-postings', body, { signal: ctx.signal });
          if (refused(target(), result)) return;
          form.reset();
          await load();
          showOutcome(
            main.querySelector<HTMLElement>('#postings-done')!,
            `‘${result.data.title}’ 구인정보를 올렸습니다. 포털에서 바로 볼 수 있습니다.`,
          );
        }),
      );
      main.addEventListener('click', async (event) => {
        const el = event.target as Element;
        if (el.closest('[data-action="retry"]')) void load();
        const close = el.closest<HTMLElement>('[data-action="close"]');
        if (close) {
          const result = await apiPost(
            `/job-postings/${encodeURIComponent(close.dataset.posting ?? '')}/close`,
            {},
            { signal: ctx.signal },
          );
          if (!result.ok) reportProblems(target(), problemsOf(result.problem));
          else {
            await load();
            showOutcome(main.querySelector<HTMLElement>('#postings-done')!, '구인정보를 마감했습니다.');
          }
        }
      });
      void load();
    },
  };
}

export { AGENCY_POSTINGS_PATH };
