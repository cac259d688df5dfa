import { SIDO } from '#commons/regions';
import { sigunguOf } from '#commons/regions-sigungu';
import type { CourseList, CourseView, MyApplication } from '#functions/training/contract';
import {
  APPLICATION_STATE_LABELS,
  COURSE_KINDS,
  COURSE_METHODS,
  COURSE_STATUS_LABELS,
  courseIcs,
  label,
  MAX_WISHED_AGENCIES,
  monthGrid,
} from '#functions/training/rules';
import * as clock from '#kernel/clock';
import { isMonth, nextMonth, previousMonth } from '#kernel/korea-time';
import { button, buttonLink } from '../components/button.ts';
import { facts, statusTag } from '../components/facts.ts';
import {
  bindSelectState,
  checkboxField,
  radioGroup,
  requiredMark,
  selectField,
  textareaField,
  textField,
} from '../components/form-field.ts';
import { formText, type Problem, problemsOf } from '../components/form-problems.ts';
import { notice } from '../components/notice.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiPost } from '../core/api.ts';
import { downloadInto } from '../core/download.ts';
import { attrs, html, type SafeHtml } from '../core/html.ts';
import { showOutcome } from '../core/outcome.ts';
import { loadInto, loadSection, onAction } from '../core/page.ts';
import { oneAtATime, problemTarget, refused, reportProblems } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';

// 근로지원인 교육 안내 및 신청 (SPEC E1) on the portal: the courses as a month calendar and as a list,
// filtered by 시/도, 시/군/구 and month (all in the URL, so every view can be linked and reloaded),
// an .ics file per course; a course's page with the application form for a signed-in person; and My
// page's 근로지원인 교육 신청 결과.

export const TRAININGS_PATH = '/work-assistant/trainings';
export const MY_TRAININGS_PATH = '/my/trainings';

const PORTAL_ROLES = ['assistant', 'worker', 'youth', 'jobseeker', 'employer'] as const;
const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];

export const sessionsText = (c: Pick<CourseView, 'sessions'>): string =>
  c.sessions.map((s) => `${s.day} ${s.start}~${s.end}`).join(', ');

/** Saves the course as an .ics file (made here from the course, Korea times with the zone block). */
export function downloadIcs(course: CourseView): void {
  const text = courseIcs(course, clock.now());
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${course.courseId}.ics`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A small button with its own accessible name (the course's), since a table holds many of them. */
export const namedButton = (text: string, name: string, data: Record<string, string>, variant = 'tertiary') =>
  html`<button${attrs({ type: 'button', class: `krds-btn ${variant} small`, 'aria-label': name, ...Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v])) })}>${text}</button>`;

const icsButton = (c: CourseView) =>
  namedButton('일정 파일(.ics) 받기', `${c.name} 일정 파일(.ics) 받기`, { action: 'ics', course: c.courseId });

function seatsText(c: CourseView): string {
  const free = Math.max(0, c.capacity - c.seatsTaken);
  return free > 0 ? `정원 ${c.capacity}명 (남은 자리 ${free})` : `정원 ${c.capacity}명 (마감, 대기 신청 가능)`;
}

function courseState(c: CourseView): string {
  if (c.accepting) return c.seatsTaken >= c.capacity ? '대기 신청' : '신청 가능';
  return COURSE_STATUS_LABELS[c.status];
}

const courseLink = (c: CourseView) => html`<a href="${TRAININGS_PATH}/${encodeURIComponent(c.courseId)}">${c.name}</a>`;

const LIST_COLUMNS: Column<CourseView>[] = [
  { header: '교육과정', cell: courseLink, rowHeader: true, width: 'wide' },
  { header: '교육기관', cell: (c) => c.institutionName },
  { header: '교육구분', cell: (c) => label(COURSE_KINDS, c.kind), width: 'narrow' },
  { header: '교육방법', cell: (c) => label(COURSE_METHODS, c.method), width: 'narrow' },
  { header: '지역', cell: (c) => `${c.sidoName} ${c.sigunguName}` },
  { header: '교육 일정', cell: (c) => sessionsText(c), width: 'wide' },
  { header: '신청 기간', cell: (c) => `${c.applyFrom} ~ ${c.applyTo}`, width: 'medium' },
  { header: '상태', cell: (c) => statusTag(courseState(c)), width: 'narrow' },
  { header: '일정 파일', cell: icsButton, width: 'medium' },
];

/** The month as a table of weeks; each day lists the courses taught on it as links (Tab reaches each). */
function calendar(month: string, courses: readonly CourseView[]): SafeHtml {
  const byDay = new Map<string, CourseView[]>();
  for (const c of courses) {
    for (const s of c.sessions) {
      if (s.day.startsWith(month)) byDay.set(s.day, [...(byDay.get(s.day) ?? []), c]);
    }
  }
  const [year, m] = month.split('-');
  return html`<div class="krds-table-wrap app-calendar-wrap">
  <table class="tbl col data app-calendar" id="training-calendar">
    <caption>${year}년 ${Number(m)}월 교육 일정 (교육이 있는 날에 교육과정 링크)</caption>
    <thead><tr>${WEEKDAYS.map((d) => html`<th scope="col">${d}</th>`)}</tr></thead>
    <tbody>
      ${monthGrid(month).map(
        (week) =>
          html`<tr>${week.map((day) =>
            day
              ? html`<td data-day="${day}"><span class="app-calendar-day">${Number(day.slice(8))}일</span>${(
                  byDay.get(day) ?? []
                ).map((c) => {
                  const s = c.sessions.find((x) => x.day === day)!;
                  return html`<a class="app-calendar-course" href="${TRAININGS_PATH}/${encodeURIComponent(c.courseId)}">${c.name} <span class="app-calendar-time">${s.start}~${s.end}</span></a>`;
                })}</td>`
              : html`<td class="app-calendar-empty"></td>`,
          )}</tr>`,
      )}
    </tbody>
  </table>
</div>`;
}

const sigunguOptions = (sido: string) => [
  { value: '', label: '전체' },
  ...(sido ? sigunguOf(sido).map((s) => ({ value: s.code, label: s.name })) : []),
];

/** 근로지원인 교육 안내 및 신청: month calendar and list of courses, by region and month. */
export function trainingsPage(ctx: PageContext): PageView {
  const q = ctx.url.searchParams;
  const month = isMonth(q.get('month') ?? '') ? q.get('month')! : clock.thisMonth();
  const sido = q.get('sido') ?? '';
  const sigungu = q.get('sigungu') ?? '';
  const linkFor = (m: string) => {
    const params = new URLSearchParams({ ...(sido && { sido }), ...(sigungu && { sigungu }), month: m });
    return `${TRAININGS_PATH}?${params}`;
  };
  let courses: CourseView[] = [];
  return {
    title: '근로지원인 교육 안내 및 신청',
    lead: '교육기관이 여는 근로지원인 양성교육과 보수교육을 지역과 달로 찾아보고, 로그인한 뒤 신청할 수 있습니다. 정원이 찬 교육은 대기 신청이 되며, 자리가 나면 문자로 알려 드립니다.',
    content: html`<div id="trainings-errors"></div><form id="trainings-filter" class="app-search-form" role="search" aria-label="교육 검색 조건" novalidate>
  <div class="app-search-grid">
    ${selectField({ id: 'trainings-sido', name: 'sido', label: '시/도', value: sido, options: [{ value: '', label: '전국' }, ...SIDO.map((s) => ({ value: s.code, label: s.name }))] })}
    ${selectField({ id: 'trainings-sigungu', name: 'sigungu', label: '시/군/구', value: sigungu, options: sigunguOptions(sido) })}
    ${textField({ id: 'trainings-month', name: 'month', label: '교육 월', value: month, maxLength: 7, hint: '연-월, 예: 2027-01' })}
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}</div>
</form>
<nav class="app-actions" aria-label="달 이동">
  <a class="krds-btn secondary small" href="${linkFor(previousMonth(month))}" id="trainings-prev">이전 달</a>
  <a class="krds-btn secondary small" href="${linkFor(nextMonth(month))}" id="trainings-next">다음 달</a>
</nav>
<section class="app-section" aria-labelledby="trainings-calendar-title">
  <h2 class="app-section-title" id="trainings-calendar-title">교육 달력</h2>
  <div id="trainings-calendar"></div>
</section>
<section class="app-results" aria-labelledby="trainings-list-title">
  <h2 class="app-section-title" id="trainings-list-title">교육 목록</h2>
  <div id="trainings-body"></div>
</section>`,
    mount(main) {
      bindSelectState(main);
      const sidoSelect = main.querySelector<HTMLSelectElement>('#trainings-sido')!;
      const sigunguSelect = main.querySelector<HTMLSelectElement>('#trainings-sigungu')!;
      // the 시/군/구 list follows the 시/도 chosen
      sidoSelect.addEventListener('change', () => {
        sigunguSelect.innerHTML = sigunguOptions(sidoSelect.value)
          .map((o) => html`<option value="${o.value}">${o.label}</option>`.value)
          .join('');
      });
      const box = main.querySelector<HTMLElement>('#trainings-body')!;
      const calendarBox = main.querySelector<HTMLElement>('#trainings-calendar')!;
      const load = async () => {
        const result = await loadInto<CourseList>(ctx, box, {
          path: '/public/training-courses',
          query: { sido, sigungu, month },
          loading: '교육과정을 불러오는 중입니다…',
          failure: '교육과정을 불러오지 못했습니다',
          retry: 'retry',
          render: ({ items }) =>
            items.length
              ? html`<p class="app-count" id="trainings-count">총 <strong>${items.length}</strong>건</p>${dataTable({ id: 'trainings-table', caption: `${month} 교육과정`, columns: LIST_COLUMNS, rows: items })}`
              : emptyState('이 달에 조건에 맞는 교육이 없습니다.', '지역을 전국으로 바꾸거나 다른 달을 골라 보세요.'),
        });
        if (!result) return;
        courses = result.items;
        calendarBox.innerHTML = calendar(month, courses).value;
        ctx.announce(`${month} 교육과정 ${result.items.length}건`);
      };
      main.querySelector('#trainings-filter')!.addEventListener('submit', (event) => {
        event.preventDefault();
        const form = event.target as HTMLFormElement;
        const params = new URLSearchParams();
        for (const name of ['sido', 'sigungu', 'month']) {
          const v = formText(form, name).trim();
          if (v) params.set(name, v);
        }
        const typed = params.get('month');
        if (typed && !isMonth(typed)) {
          const target = problemTarget(
            ctx,
            main,
            'trainings-errors',
            { month: 'trainings-month' },
            '근로지원인 교육 안내 및 신청',
          );
          reportProblems(target, [{ field: 'month', message: '교육 월은 2027-01처럼 연-월로 입력해 주세요.' }]);
          return;
        }
        ctx.navigate(`${TRAININGS_PATH}?${params}`);
      });
      main.addEventListener('click', (event) => {
        const ics = (event.target as Element).closest<HTMLElement>('[data-action="ics"]');
        const course = ics && courses.find((c) => c.courseId === ics.dataset.course);
        if (course) downloadIcs(course);
      });
      onAction(main, 'retry', load);
      void load();
    },
  };
}

function courseFacts(c: CourseView): SafeHtml {
  return facts([
    ['교육기관', c.institutionName],
    ['교육구분', label(COURSE_KINDS, c.kind)],
    ['교육방법', label(COURSE_METHODS, c.method)],
    ['교육장', `${c.place} (${c.sidoName} ${c.sigunguName})`],
    ['교육 일정', sessionsText(c)],
    ['총 교육시간', `${c.totalHours}시간`],
    ['정원', seatsText(c)],
    ['신청 기간', `${c.applyFrom} ~ ${c.applyTo}`],
    ['문의', `${c.contactName} (${c.contactPhone})`],
  ]);
}

interface AgencyEntry {
  organisationId: string;
  name: string;
  sidoName: string;
  sigunguName: string;
}

function applyForm(agencies: readonly AgencyEntry[]): SafeHtml {
  return html`<form id="apply-form" class="app-form app-narrow" novalidate>
  <p class="app-form-intro">표시된 항목은 꼭 입력해야 합니다${requiredMark()}. 이름과 휴대전화는 회원 정보에서 가져옵니다.</p>
  ${textField({ id: 'apply-birth', name: 'birthDate', label: '생년월일', type: 'date', value: '', required: true })}
  ${radioGroup({
    id: 'apply-gender',
    name: 'gender',
    label: '성별',
    value: '',
    inline: true,
    required: true,
    options: [
      { value: 'F', label: '여' },
      { value: 'M', label: '남' },
    ],
  })}
  ${textField({ id: 'apply-email', name: 'email', label: 'E-Mail', value: '', maxLength: 100, hint: '선택 입력' })}
  ${textField({ id: 'apply-address', name: 'address', label: '주소', value: '', required: true, maxLength: 200 })}
  ${radioGroup({
    id: 'apply-employment',
    name: 'employmentWish',
    label: '취업희망여부',
    value: '',
    inline: true,
    required: true,
    options: [
      { value: 'yes', label: '희망' },
      { value: 'no', label: '희망하지 않음' },
    ],
  })}
  <fieldset class="form-group" id="apply-agencies" aria-describedby="apply-agencies-hint">
    <legend class="form-tit">근무희망수행기관 (${MAX_WISHED_AGENCIES}곳까지)</legend>
    <p class="form-hint" id="apply-agencies-hint">고른 수행기관에 수료 후 채용 정보를 받을 수 있도록 신청 정보를 제공합니다(아래 동의 필요).</p>
    <div class="krds-check-area chk-column">
      ${agencies.map((a) => checkboxField({ id: `apply-agency-${a.organisationId}`, name: 'wishedAgencyIds', value: a.organisationId, label: `${a.name} (${a.sidoName} ${a.sigunguName})`, checked: false }))}
    </div>
  </fieldset>
  ${textareaField({ id: 'apply-career', name: 'career', label: '활동경력', value: '', maxLength: 500, rows: 3, hint: '근로지원인이나 비슷한 일을 한 경력이 있으면 적어 주세요(선택).' })}
  ${checkboxField({ id: 'apply-privacy', name: 'privacy', label: '교육 신청을 위한 개인정보(생년월일, 성별, 연락처, 주소) 수집·이용에 동의합니다.', checked: false, required: true })}
  ${checkboxField({ id: 'apply-consent-agencies', name: 'agencies', label: '고른 근무희망수행기관에 내 신청 정보와 수료 여부를 제공하는 데 동의합니다.', checked: false })}
  <div class="app-form-actions">${button({ label: '교육 신청하기', type: 'submit', size: 'large' })}</div>
</form>`;
}

const APPLY_IDS: Record<string, string> = {
  birthDate: 'apply-birth',
  gender: 'apply-gender',
  email: 'apply-email',
  address: 'apply-address',
  employmentWish: 'apply-employment',
  wishedAgencyIds: 'apply-agencies',
  career: 'apply-career',
  'consents.privacy': 'apply-privacy',
  'consents.agencies': 'apply-consent-agencies',
};

/** One course: its facts, the .ics file, and the application form for a signed-in person. */
export function trainingDetailPage(ctx: PageContext): PageView {
  const id = ctx.params.courseId ?? '';
  const title = '교육과정 상세';
  let main: HTMLElement;
  const target = () => problemTarget(ctx, main, 'apply-errors', APPLY_IDS, title);
  const canApply = ctx.viewer.signedIn && ctx.viewer.roles.some((r) => (PORTAL_ROLES as readonly string[]).includes(r));
  return {
    title,
    content: html`<div id="apply-errors"></div><div id="course-body"></div><div id="apply-done"></div>
<section class="app-section" aria-labelledby="apply-title" id="apply-section" hidden>
  <h2 class="app-section-title" id="apply-title">교육 신청</h2>
  <div id="apply-body"></div>
</section>
<p class="app-actions"><a class="krds-btn secondary large" href="${TRAININGS_PATH}">목록으로</a></p>`,
    mount(m) {
      main = m;
      const box = main.querySelector<HTMLElement>('#course-body')!;
      const applyBox = main.querySelector<HTMLElement>('#apply-body')!;
      const section = main.querySelector<HTMLElement>('#apply-section')!;
      let course: CourseView | undefined;
      const load = async () => {
        course = await loadInto<CourseView>(ctx, box, {
          path: `/public/training-courses/${encodeURIComponent(id)}`,
          loading: '교육과정을 불러오는 중입니다…',
          failure: '교육과정을 불러오지 못했습니다',
          retry: 'retry',
          render: (c) =>
            html`<section class="app-section" aria-labelledby="course-title"><h2 class="app-section-title" id="course-title">${c.name} ${statusTag(courseState(c))}</h2>${courseFacts(c)}<p>${icsButton(c)}</p></section>`,
        });
        if (!course) return;
        ctx.setTitle(course.name);
        if (!course.accepting) return;
        section.hidden = false;
        if (!canApply) {
          applyBox.innerHTML =
            html`<p>교육 신청은 포털 회원으로 로그인한 뒤 할 수 있습니다.</p><p>${buttonLink({ label: '로그인하고 신청하기', href: `/login?next=${encodeURIComponent(ctx.url.pathname)}`, variant: 'primary', size: 'large' })}</p>`.value;
          return;
        }
        if (course.seatsTaken >= course.capacity) {
          applyBox.insertAdjacentHTML(
            'beforebegin',
            notice(
              'info',
              '정원이 찼습니다. 지금 신청하면 대기 신청이 되고, 자리가 나면 차례대로 문자로 알려 드립니다.',
            ).value,
          );
        }
        const agencies = await loadSection<{ items: AgencyEntry[] }>(ctx, applyBox, {
          path: '/public/organisations',
          query: { kind: 'agency' },
          loading: '수행기관 목록을 불러오는 중입니다…',
          failure: '수행기관 목록을 불러오지 못했습니다',
          retry: 'retry',
        });
        if (!agencies) return;
        applyBox.innerHTML = applyForm(agencies.items).value;
      };
      main.addEventListener('click', (event) => {
        if ((event.target as Element).closest('[data-action="ics"]') && course) downloadIcs(course);
      });
      main.addEventListener(
        'submit',
        oneAtATime(async (form) => {
          if (form.id !== 'apply-form' || !course) return;
          const wished = [...form.querySelectorAll<HTMLInputElement>('input[name="wishedAgencyIds"]:checked')].map(
            (input) => input.value,
          );
          const checked = (name: string) =>
            form.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.checked ?? false;
          const employment = formText(form, 'employmentWish');
          const problems: Problem[] = [];
          if (!formText(form, 'birthDate')) problems.push({ field: 'birthDate', message: '생년월일을 입력해 주세요.' });
          if (!formText(form, 'gender')) problems.push({ field: 'gender', message: '성별을 골라 주세요.' });
          if (!formText(form, 'address').trim()) problems.push({ field: 'address', message: '주소를 입력해 주세요.' });
          if (!employment) problems.push({ field: 'employmentWish', message: '취업희망여부를 골라 주세요.' });
          if (wished.length > MAX_WISHED_AGENCIES) {
            problems.push({
              field: 'wishedAgencyIds',
              message: `근무희망수행기관은 ${MAX_WISHED_AGENCIES}곳까지 고를 수 있습니다.`,
            });
          }
          if (!checked('privacy')) {
            problems.push({ field: 'consents.privacy', message: '개인정보 수집·이용에 동의해야 신청할 수 있습니다.' });
          }
          if (wished.length && !checked('agencies')) {
            problems.push({
              field: 'consents.agencies',
              message: '근무희망수행기관을 고르면, 그 기관에 신청 정보를 제공하는 데 동의해 주세요.',
            });
          }
          if (reportProblems(target(), problems)) return;
          const email = formText(form, 'email').trim();
          const career = formText(form, 'career').trim();
          const result = await apiPost<MyApplication>(
            `/training/courses/${encodeURIComponent(course.courseId)}/applications`,
            {
              birthDate: formText(form, 'birthDate'),
              gender: formText(form, 'gender'),
              ...(email && { email }),
              address: formText(form, 'address').trim(),
              employmentWish: employment === 'yes',
              wishedAgencyIds: wished,
              ...(career && { career }),
              consents: { privacy: true, agencies: checked('agencies') },
            },
            { signal: ctx.signal },
          );
          if (refused(target(), result)) return;
          section.hidden = true;
          showOutcome(
            main.querySelector<HTMLElement>('#apply-done')!,
            result.data.state === 'waiting'
              ? `대기 신청을 받았습니다. 대기 ${result.data.waitingRank}번입니다. 자리가 나면 문자로 알려 드립니다.`
              : '교육 신청을 받았습니다. 교육기관이 확인하면 문자로 알려 드립니다.',
            html`<p><a href="${MY_TRAININGS_PATH}">근로지원인 교육 신청 결과 보기</a></p>`,
          );
        }),
      );
      onAction(main, 'retry', load);
      void load();
    },
  };
}

/** My page › 근로지원인 교육 신청 결과: each application, its state (대기 순번) and 취소. */
export function myTrainingsPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  let items: MyApplication[] = [];
  const columns: Column<MyApplication>[] = [
    { header: '교육과정', cell: (a) => courseLink(a.course), rowHeader: true, width: 'wide' },
    { header: '교육기관', cell: (a) => a.course.institutionName },
    { header: '교육 일정', cell: (a) => sessionsText(a.course), width: 'wide' },
    { header: '신청일', cell: (a) => a.appliedAt.slice(0, 10), width: 'narrow' },
    {
      header: '상태',
      cell: (a) =>
        html`${statusTag(a.state === 'waiting' ? `대기 ${a.waitingRank ?? ''}번` : APPLICATION_STATE_LABELS[a.state])}${a.refusalReason ? html`<p class="app-form-note">사유: ${a.refusalReason}</p>` : ''}`,
    },
    {
      header: '수료여부',
      cell: (a) => (a.completed === undefined ? '-' : a.completed ? `수료 (${a.completedOn})` : '미수료'),
      width: 'medium',
    },
    {
      header: '수료증',
      cell: (a) =>
        a.completed && a.certificateNumber
          ? html`${namedButton('수료증 내려받기', `${a.courseName} 수료증 내려받기`, { action: 'certificate', application: a.applicationId }, 'secondary')}<p class="app-form-note">번호 ${a.certificateNumber}</p>`
          : '-',
      width: 'medium',
    },
    {
      header: '처리',
      cell: (a) =>
        (a.state === 'applied' || a.state === 'waiting' || a.state === 'accepted') && a.course.status !== 'finished'
          ? namedButton(
              '신청 취소',
              `${a.courseName} 신청 취소`,
              { action: 'cancel', application: a.applicationId },
              'secondary',
            )
          : '-',
      width: 'narrow',
    },
  ];
  const load = async () => {
    const result = await loadInto<{ items: MyApplication[] }>(ctx, main.querySelector<HTMLElement>('#my-trainings')!, {
      path: '/me/training-applications',
      loading: '교육 신청 결과를 불러오는 중입니다…',
      failure: '교육 신청 결과를 불러오지 못했습니다',
      retry: 'retry',
      render: (data) =>
        data.items.length
          ? dataTable({ id: 'my-trainings-table', caption: '내 근로지원인 교육 신청', columns, rows: data.items })
          : emptyState(
              '교육 신청 내역이 없습니다.',
              html`<a href="${TRAININGS_PATH}">근로지원인 교육 안내 및 신청</a>에서 신청할 수 있습니다.`,
            ),
    });
    if (result) items = result.items;
  };
  return {
    title: '근로지원인 교육 신청 결과',
    lead: '신청한 근로지원인 교육의 진행 상태를 볼 수 있습니다. 대기 신청은 자리가 나면 차례대로 신청으로 바뀌고 문자로 알려 드립니다.',
    content: html`<div id="my-trainings-errors"></div><div id="my-trainings-done"></div><div id="my-trainings"></div>`,
    mount(m) {
      main = m;
      main.addEventListener('click', async (event) => {
        const certificate = (event.target as Element).closest<HTMLElement>('[data-action="certificate"]');
        if (certificate) {
          await downloadInto(
            main.querySelector<HTMLElement>('#my-trainings-done')!,
            `/me/training-applications/${encodeURIComponent(certificate.dataset.application ?? '')}/certificate`,
            {},
            ctx.signal,
            (fileName) => `수료증(${fileName})을 내려받았습니다.`,
          );
          return;
        }
        const cancel = (event.target as Element).closest<HTMLElement>('[data-action="cancel"]');
        const item = cancel && items.find((a) => a.applicationId === cancel.dataset.application);
        if (!item) return;
        const result = await apiPost<MyApplication>(
          `/me/training-applications/${encodeURIComponent(item.applicationId)}/cancel`,
          { revision: item.revision },
          { signal: ctx.signal },
        );
        const target = problemTarget(ctx, main, 'my-trainings-errors', {}, '근로지원인 교육 신청 결과');
        if (!result.ok) {
          reportProblems(target, problemsOf(result.problem));
          return;
        }
        await load();
        showOutcome(
          main.querySelector<HTMLElement>('#my-trainings-done')!,
          `‘${item.courseName}’ 교육 신청을 취소했습니다.`,
        );
      });
      onAction(main, 'retry', load);
      void load();
    },
  };
}
