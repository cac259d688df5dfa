import { SIDO } from '#commons/regions';
import { sigunguOf } from '#commons/regions-sigungu';
import type { ApplicationView, CourseSummary, CourseView } from '#functions/training/contract';
import {
  APPLICATION_STATE_LABELS,
  COURSE_KINDS,
  COURSE_METHODS,
  COURSE_NEXT,
  COURSE_STATUS_LABELS,
  courseProblems,
  label,
} from '#functions/training/rules';
import { button } from '../components/button.ts';
import { decisionForm, readDecision } from '../components/decision-form.ts';
import { statusTag } from '../components/facts.ts';
import { bindSelectState, requiredMark, selectField, textField } from '../components/form-field.ts';
import { formText, missing, type Problem, problemsOf } from '../components/form-problems.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiPost } from '../core/api.ts';
import { koreaToday } from '../core/dates.ts';
import { downloadInto } from '../core/download.ts';
import { html } from '../core/html.ts';
import { showOutcome } from '../core/outcome.ts';
import { loadInto, onAction } from '../core/page.ts';
import { numberOf, oneAtATime, problemTarget, refused, reportProblems } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { namedButton, sessionsText } from './portal-pages.ts';

// 수행기관·교육기관 시스템 › 교육사업 (SPEC E1): 교육과정 개설 (the institution's courses, a form for a
// new one, and each course's next step) and 교육신청 관리 (one course's applicants with the seed's
// columns; accept, or refuse with a reason).

export const COURSES_PATH = '/agency/courses';
export const COURSE_APPLICATIONS_PATH = '/agency/course-applications';

/** Rows of the session table of the form (a course of more days is rare; empty rows are left out). */
const SESSION_ROWS = 5;

const COURSE_IDS: Record<string, string> = {
  name: 'course-name',
  kind: 'course-kind',
  method: 'course-method',
  sidoCode: 'course-sido',
  sigunguCode: 'course-sigungu',
  place: 'course-place',
  sessions: 'course-day-0',
  capacity: 'course-capacity',
  applyFrom: 'course-apply-from',
  applyTo: 'course-apply-to',
  contactName: 'course-contact',
  contactPhone: 'course-phone',
  ...Object.fromEntries(
    Array.from({ length: SESSION_ROWS }, (_, i) => [
      [`sessions.${i}.day`, `course-day-${i}`],
      [`sessions.${i}.start`, `course-start-${i}`],
      [`sessions.${i}.end`, `course-end-${i}`],
    ]).flat(),
  ),
};

const sigunguOptions = (sido: string) => [
  { value: '', label: '선택' },
  ...(sido ? sigunguOf(sido).map((s) => ({ value: s.code, label: s.name })) : []),
];

/** 교육과정 개설: the institution's courses with their head counts, each one's next step, and a new course. */
export function coursesPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const title = '교육과정 개설';
  const target = () => problemTarget(ctx, main, 'courses-errors', COURSE_IDS, title);
  let items: CourseSummary[] = [];
  const columns: Column<CourseSummary>[] = [
    { header: 'No.', cell: (c) => items.indexOf(c) + 1, width: 'narrow' },
    { header: '교육과정', cell: (c) => c.name, rowHeader: true, width: 'wide' },
    { header: '교육기관', cell: (c) => c.institutionName },
    { header: '교육장주소', cell: (c) => c.place, width: 'wide' },
    { header: '교육구분', cell: (c) => label(COURSE_KINDS, c.kind), width: 'narrow' },
    { header: '교육방법', cell: (c) => label(COURSE_METHODS, c.method), width: 'narrow' },
    { header: '교육시간', cell: (c) => html`${c.totalHours}시간<br>${sessionsText(c)}`, width: 'wide' },
    { header: '신청인수', cell: (c) => c.applicants, width: 'narrow' },
    { header: '수강자수', cell: (c) => c.attendees, width: 'narrow' },
    { header: '대기', cell: (c) => c.waiting, width: 'narrow' },
    { header: '수료자수', cell: (c) => (c.resultsConfirmedAt ? c.completers : '-'), width: 'narrow' },
    { header: '상태', cell: (c) => statusTag(COURSE_STATUS_LABELS[c.status]), width: 'narrow' },
    {
      header: '처리',
      cell: (c) => {
        const next = COURSE_NEXT[c.status];
        return html`${next ? namedButton(next.label, `${c.name} ${next.label}`, { action: 'step', course: c.courseId, to: next.to }, 'secondary') : ''}
${c.status !== 'draft' ? html` <a href="${COURSE_APPLICATIONS_PATH}?courseId=${encodeURIComponent(c.courseId)}">신청자 보기</a>` : ''}`;
      },
      width: 'medium',
    },
  ];

  async function load() {
    const result = await loadInto<{ items: CourseSummary[] }>(ctx, main.querySelector<HTMLElement>('#courses-body')!, {
      path: '/training/courses',
      loading: '교육과정을 불러오는 중입니다…',
      failure: '교육과정을 불러오지 못했습니다',
      retry: 'retry',
      render: (data) => {
        items = data.items;
        return data.items.length
          ? html`<p class="app-count">총 <strong>${data.items.length}</strong>건</p>${dataTable({ id: 'courses-table', caption: '교육과정 목록', columns, rows: data.items })}`
          : emptyState('개설한 교육과정이 없습니다.', '아래에서 새 교육과정을 만들어 주세요.');
      },
    });
    if (result) items = result.items;
  }

  const sessionRows = Array.from(
    { length: SESSION_ROWS },
    (_, i) => html`<tr>
  <th scope="row">${i + 1}회차</th>
  <td><label class="sr-only" for="course-day-${i}">${i + 1}회차 교육일</label><input class="krds-input" type="date" id="course-day-${i}" name="day-${i}" value="${i === 0 ? koreaToday(30) : ''}"></td>
  <td><label class="sr-only" for="course-start-${i}">${i + 1}회차 시작 시각</label><input class="krds-input" id="course-start-${i}" name="start-${i}" maxlength="5" value="09:00"></td>
  <td><label class="sr-only" for="course-end-${i}">${i + 1}회차 끝 시각</label><input class="krds-input" id="course-end-${i}" name="end-${i}" maxlength="5" value="17:00"></td>
</tr>`,
  );

  return {
    title,
    lead: '교육과정을 만들면 ‘작성 중’으로 저장됩니다. ‘신청 접수 시작’을 누르면 포털의 근로지원인 교육 안내에 나타나고 신청을 받습니다.',
    content: html`<div id="courses-errors"></div><div id="courses-done"></div>
<section class="app-section" aria-labelledby="courses-list-title">
  <h2 class="app-section-title" id="courses-list-title">우리 기관 교육과정</h2>
  <div id="courses-body"></div>
</section>
<section class="app-section" aria-labelledby="course-new-title">
  <h2 class="app-section-title" id="course-new-title">새 교육과정 만들기</h2>
  <form id="course-form" class="app-form" novalidate>
    <p class="app-form-intro">표시된 항목은 꼭 입력해야 합니다${requiredMark()}.</p>
    ${textField({ id: 'course-name', name: 'name', label: '교육과정명', value: '', required: true, maxLength: 80 })}
    ${selectField({ id: 'course-kind', name: 'kind', label: '교육구분', value: 'initial', required: true, options: COURSE_KINDS.map((k) => ({ value: k.code, label: k.label })) })}
    ${selectField({ id: 'course-method', name: 'method', label: '교육방법', value: 'classroom', required: true, options: COURSE_METHODS.map((k) => ({ value: k.code, label: k.label })) })}
    ${selectField({ id: 'course-sido', name: 'sidoCode', label: '교육장 시/도', value: '', required: true, options: [{ value: '', label: '선택' }, ...SIDO.map((s) => ({ value: s.code, label: s.name }))] })}
    ${selectField({ id: 'course-sigungu', name: 'sigunguCode', label: '교육장 시/군/구', value: '', required: true, options: sigunguOptions('') })}
    ${textField({ id: 'course-place', name: 'place', label: '교육장 주소', value: '', required: true, maxLength: 200 })}
    <fieldset class="form-group">
      <legend class="form-tit">교육 일정${requiredMark()}</legend>
      <p class="form-hint">여러 날에 걸친 교육은 하루씩 입력해 주세요. 비워 둔 회차는 빠집니다. 시각은 09:00처럼 입력합니다.</p>
      <div class="krds-table-wrap"><table class="tbl col data" id="course-sessions">
        <caption class="sr-only">교육 일정(회차별 교육일, 시작·끝 시각)</caption>
        <thead><tr><th scope="col">회차</th><th scope="col">교육일</th><th scope="col">시작</th><th scope="col">끝</th></tr></thead>
        <tbody>${sessionRows}</tbody>
      </table></div>
    </fieldset>
    ${textField({ id: 'course-capacity', name: 'capacity', label: '정원(명)', value: '20', required: true, inputMode: 'numeric', maxLength: 3 })}
    ${textField({ id: 'course-apply-from', name: 'applyFrom', label: '신청 시작일', type: 'date', value: koreaToday(), required: true })}
    ${textField({ id: 'course-apply-to', name: 'applyTo', label: '신청 마감일', type: 'date', value: koreaToday(20), required: true })}
    ${textField({ id: 'course-contact', name: 'contactName', label: '담당자', value: ctx.viewer.signedIn ? ctx.viewer.name : '', required: true, maxLength: 30 })}
    ${textField({ id: 'course-phone', name: 'contactPhone', label: '문의 전화', type: 'tel', value: '', required: true, maxLength: 20, hint: '예: 02-780-0404' })}
    <div class="app-form-actions">${button({ label: '교육과정 저장', type: 'submit', size: 'large' })}</div>
  </form>
</section>`,
    mount(m) {
      main = m;
      bindSelectState(main);
      const sido = main.querySelector<HTMLSelectElement>('#course-sido')!;
      const sigungu = main.querySelector<HTMLSelectElement>('#course-sigungu')!;
      sido.addEventListener('change', () => {
        sigungu.innerHTML = sigunguOptions(sido.value)
          .map((o) => html`<option value="${o.value}">${o.label}</option>`.value)
          .join('');
      });
      main.querySelector('#course-form')!.addEventListener(
        'submit',
        oneAtATime(async (form) => {
          const sessions = Array.from({ length: SESSION_ROWS }, (_, i) => ({
            day: formText(form, `day-${i}`),
            start: formText(form, `start-${i}`).trim(),
            end: formText(form, `end-${i}`).trim(),
          })).filter((s) => s.day);
          const body = {
            name: formText(form, 'name').trim(),
            kind: formText(form, 'kind'),
            method: formText(form, 'method'),
            sidoCode: formText(form, 'sidoCode'),
            sigunguCode: formText(form, 'sigunguCode'),
            place: formText(form, 'place').trim(),
            sessions,
            capacity: numberOf(form, 'capacity'),
            applyFrom: formText(form, 'applyFrom'),
            applyTo: formText(form, 'applyTo'),
            contactName: formText(form, 'contactName').trim(),
            contactPhone: formText(form, 'contactPhone').trim(),
          };
          const problems: Problem[] = [
            ...missing(form, [
              ['name', '교육과정명을 입력해 주세요.'],
              ['sidoCode', '교육장 시/도를 골라 주세요.'],
              ['sigunguCode', '교육장 시/군/구를 골라 주세요.'],
              ['place', '교육장 주소를 입력해 주세요.'],
              ['contactName', '담당자를 입력해 주세요.'],
              ['contactPhone', '문의 전화를 입력해 주세요.'],
            ]),
            ...(sessions.every((s) => /^\d\d:\d\d$/.test(s.start) && /^\d\d:\d\d$/.test(s.end))
              ? courseProblems(body)
              : [{ field: 'sessions', message: '시각은 09:00처럼 시:분으로 입력해 주세요.' }]),
          ];
          if (reportProblems(target(), problems)) return;
          const result = await apiPost<CourseView>('/training/courses', body, { signal: ctx.signal });
          if (refused(target(), result)) return;
          form.reset();
          await load();
          showOutcome(
            main.querySelector<HTMLElement>('#courses-done')!,
            `‘${result.data.name}’ 교육과정을 작성 중으로 저장했습니다. 준비가 되면 ‘신청 접수 시작’을 눌러 주세요.`,
          );
        }),
      );
      main.addEventListener('click', async (event) => {
        const step = (event.target as Element).closest<HTMLElement>('[data-action="step"]');
        const course = step && items.find((c) => c.courseId === step.dataset.course);
        if (!course) return;
        const result = await apiPost<CourseView>(
          `/training/courses/${encodeURIComponent(course.courseId)}/status`,
          { to: step.dataset.to, revision: course.revision },
          { signal: ctx.signal },
        );
        if (!result.ok) {
          reportProblems(target(), problemsOf(result.problem));
          return;
        }
        await load();
        showOutcome(
          main.querySelector<HTMLElement>('#courses-done')!,
          `‘${course.name}’: ${COURSE_STATUS_LABELS[result.data.status]}(으)로 바꾸었습니다.`,
        );
      });
      onAction(main, 'retry', load);
      void load();
    },
  };
}

const GENDERS: Record<string, string> = { F: '여', M: '남' };
export const localPhoneText = (e164: string) => {
  const local = `0${e164.replace(/^\+82/, '')}`;
  return `${local.slice(0, 3)}-${local.slice(3, local.length - 4)}-${local.slice(-4)}`;
};

/** 교육신청 관리: one course's applicants (the seed's columns), accepted or refused with a reason. */
export function courseApplicationsPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const title = '교육신청 관리';
  const courseId = ctx.url.searchParams.get('courseId') ?? '';
  let courses: CourseSummary[] = [];
  let applicants: ApplicationView[] = [];
  let deciding: ApplicationView | undefined;
  const target = () =>
    problemTarget(ctx, main, 'applications-errors', { decision: 'decide-choice', reason: 'decide-reason' }, title);
  const columns: Column<ApplicationView>[] = [
    { header: 'No.', cell: (a) => applicants.indexOf(a) + 1, width: 'narrow' },
    { header: '성명', cell: (a) => a.name, rowHeader: true },
    { header: '생년월일', cell: (a) => a.birthDate, width: 'medium' },
    { header: '성별', cell: (a) => GENDERS[a.gender], width: 'narrow' },
    { header: '전화번호', cell: (a) => localPhoneText(a.phone), width: 'medium' },
    { header: 'E-Mail', cell: (a) => a.email ?? '-' },
    { header: '주소', cell: (a) => a.address, width: 'wide' },
    { header: '취업희망여부', cell: (a) => (a.employmentWish ? '희망' : '미희망'), width: 'narrow' },
    {
      header: '근무희망수행기관',
      cell: (a) => (a.wishedAgencies.length ? a.wishedAgencies.map((w) => w.agencyName).join(', ') : '-'),
    },
    { header: '활동경력', cell: (a) => a.career ?? '-' },
    {
      header: '신청 상태',
      cell: (a) =>
        html`${statusTag(a.state === 'waiting' ? `대기 ${a.waitingRank ?? ''}번` : APPLICATION_STATE_LABELS[a.state])}${a.refusalReason ? html`<p class="app-form-note">사유: ${a.refusalReason}</p>` : ''}`,
    },
    {
      header: '처리',
      cell: (a) =>
        a.state === 'applied' || a.state === 'waiting'
          ? namedButton(
              '처리하기',
              `${a.name} 신청 처리하기`,
              { action: 'decide', application: a.applicationId },
              'secondary',
            )
          : '-',
      width: 'narrow',
    },
  ];

  async function loadApplicants() {
    const box = main.querySelector<HTMLElement>('#applications-body')!;
    if (!courseId) {
      box.innerHTML = emptyState('교육과정을 골라 주세요.').value;
      return;
    }
    const result = await loadInto<{ items: ApplicationView[] }>(ctx, box, {
      path: `/training/courses/${encodeURIComponent(courseId)}/applications`,
      loading: '신청자를 불러오는 중입니다…',
      failure: '신청자를 불러오지 못했습니다',
      retry: 'retry',
      render: (data) => {
        applicants = data.items;
        return data.items.length
          ? html`<p class="app-count">총 <strong>${data.items.length}</strong>명</p>${dataTable({ id: 'applications-table', caption: '교육 신청자', columns, rows: data.items })}`
          : emptyState('아직 신청자가 없습니다.');
      },
    });
    if (result) applicants = result.items;
  }

  async function loadCourses() {
    const result = await loadInto<{ items: CourseSummary[] }>(
      ctx,
      main.querySelector<HTMLElement>('#applications-course')!,
      {
        path: '/training/courses',
        loading: '교육과정을 불러오는 중입니다…',
        failure: '교육과정을 불러오지 못했습니다',
        retry: 'retry',
        render: (data) => {
          courses = data.items.filter((c) => c.status !== 'draft');
          return html`<form id="applications-filter" class="app-search-form" role="search" aria-label="교육과정 고르기" novalidate>
  <div class="app-search-grid">
    ${selectField({ id: 'applications-course-select', name: 'courseId', label: '교육과정', value: courseId, options: [{ value: '', label: '선택' }, ...courses.map((c) => ({ value: c.courseId, label: `${c.name} (${c.sessions[0]?.day ?? ''}, ${COURSE_STATUS_LABELS[c.status]})` }))] })}
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}</div>
</form>`;
        },
      },
    );
    if (result) bindSelectState(main);
  }

  return {
    title,
    lead: '교육과정별 신청자를 보고 승인하거나 사유를 적어 반려합니다. 수강이 확정되거나 반려되면 신청인에게 문자로 알립니다. 반려나 취소로 자리가 나면 대기 1번이 신청으로 바뀝니다.',
    content: html`<div id="applications-errors"></div><div id="applications-done"></div>
<div id="applications-course"></div>
<section class="app-section" aria-labelledby="applications-title">
  <h2 class="app-section-title" id="applications-title">신청자 목록</h2>
  <div id="applications-body"></div>
  ${courseId ? html`<p class="app-actions">${button({ label: '엑셀 내려받기', variant: 'secondary', data: { action: 'export' } })}</p><div id="applications-download"></div>` : ''}
</section>
<section class="app-section" aria-labelledby="decide-title" id="decide-section" hidden>
  <h2 class="app-section-title" id="decide-title" tabindex="-1">신청 처리</h2>
  ${decisionForm({
    id: 'decide-form',
    fieldIds: { decision: 'decide-choice', reason: 'decide-reason' },
    accept: { value: 'accept', label: '승인', description: '수강을 확정하고 신청인에게 문자로 알립니다.' },
    refuse: {
      value: 'refuse',
      label: '반려',
      description: '사유를 적어 반려합니다. 자리가 나면 대기 1번이 신청으로 바뀝니다.',
    },
    reason: { label: '반려 사유', hint: '반려할 때는 신청인이 알 수 있도록 사유를 적어 주세요.' },
    actions: html`${button({ label: '처리 결과 저장', type: 'submit', size: 'large' })} ${button({ label: '닫기', variant: 'secondary', size: 'large', data: { action: 'close-decide' } })}`,
  })}
</section>`,
    mount(m) {
      main = m;
      const section = main.querySelector<HTMLElement>('#decide-section')!;
      main.addEventListener('submit', (event) => {
        const form = event.target as HTMLFormElement;
        if (form.id !== 'applications-filter') return;
        event.preventDefault();
        const chosen = formText(form, 'courseId');
        ctx.navigate(
          chosen ? `${COURSE_APPLICATIONS_PATH}?courseId=${encodeURIComponent(chosen)}` : COURSE_APPLICATIONS_PATH,
        );
      });
      main.querySelector('#decide-form')!.addEventListener(
        'submit',
        oneAtATime(async (form) => {
          if (!deciding) return;
          const decision = readDecision(form, {
            refuse: 'refuse',
            choose: '승인 또는 반려를 골라 주세요.',
            reasonMissing: '반려할 때는 신청인이 알 수 있도록 사유를 적어 주세요.',
            minReason: 2,
          });
          if (deciding.state === 'waiting' && decision.decision === 'accept') {
            decision.problems.push({
              field: 'decision',
              message: '대기 중인 신청은 자리가 난 뒤에 승인할 수 있습니다.',
            });
          }
          if (reportProblems(target(), decision.problems)) return;
          const result = await apiPost<ApplicationView>(
            `/training/applications/${encodeURIComponent(deciding.applicationId)}/decision`,
            {
              decision: decision.decision,
              ...(decision.decision === 'refuse' && { reason: decision.reason }),
              revision: deciding.revision,
            },
            { signal: ctx.signal },
          );
          if (refused(target(), result)) return;
          const name = deciding.name;
          deciding = undefined;
          form.reset();
          section.hidden = true;
          await loadApplicants();
          showOutcome(
            main.querySelector<HTMLElement>('#applications-done')!,
            `${name}님의 신청을 ${result.data.state === 'accepted' ? '승인' : '반려'}했습니다.`,
          );
        }),
      );
      main.addEventListener('click', (event) => {
        const el = event.target as Element;
        if (el.closest('[data-action="export"]')) {
          void downloadInto(
            main.querySelector<HTMLElement>('#applications-download')!,
            `/training/courses/${encodeURIComponent(courseId)}/applications/export`,
            {},
            ctx.signal,
            (fileName) => `${fileName} 파일을 내려받았습니다.`,
          );
          return;
        }
        if (el.closest('[data-action="close-decide"]')) {
          section.hidden = true;
          deciding = undefined;
          return;
        }
        const open = el.closest<HTMLElement>('[data-action="decide"]');
        const item = open && applicants.find((a) => a.applicationId === open.dataset.application);
        if (!item) return;
        deciding = item;
        section.hidden = false;
        const heading = main.querySelector<HTMLElement>('#decide-title')!;
        heading.textContent = `신청 처리: ${item.name} (${APPLICATION_STATE_LABELS[item.state]})`;
        heading.focus();
      });
      onAction(main, 'retry', async () => {
        await loadCourses();
        await loadApplicants();
      });
      void loadCourses();
      void loadApplicants();
    },
  };
}
