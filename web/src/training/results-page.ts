import type { CourseSummary, ResultsView, TraineeResult } from '#functions/training/contract';
import { COURSE_STATUS_LABELS } from '#functions/training/rules';
import { button } from '../components/button.ts';
import { statusTag } from '../components/facts.ts';
import { bindSelectState, selectField, textareaField } from '../components/form-field.ts';
import { formText, problemsOf } from '../components/form-problems.ts';
import { notice } from '../components/notice.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiPost, apiPut } from '../core/api.ts';
import { attrs, html } from '../core/html.ts';
import { showOutcome } from '../core/outcome.ts';
import { loadInto, onAction } from '../core/page.ts';
import { problemTarget, reportProblems } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { namedButton } from './portal-pages.ts';

// 교육결과 관리 (SPEC E1, issue 16 §2): per trainee the sessions attended and the assessment score;
// the preview says, by rule, who will and who will not complete and why; confirming locks it.

export const COURSE_RESULTS_PATH = '/agency/course-results';

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

export function courseResultsPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const title = '교육결과 관리';
  const courseId = ctx.url.searchParams.get('courseId') ?? '';
  let results: ResultsView | undefined;
  const target = () => problemTarget(ctx, main, 'results-errors', { reason: 'correction-reason' }, title);

  const columns = (view: ResultsView): Column<TraineeResult>[] => [
    { header: '성명', cell: (t) => t.name, rowHeader: true },
    {
      header: '출석',
      cell: (t) =>
        html`<fieldset class="app-inline-checks"><legend class="sr-only">${t.name} 출석한 교육일</legend>${view.course.sessions.map(
          (s, i) =>
            html`<span class="krds-form-check"><input${attrs({
              type: 'checkbox',
              id: `att-${t.applicationId}-${i}`,
              name: `att-${t.applicationId}`,
              value: s.day,
              checked: t.attendedDays.includes(s.day),
            })}><label for="att-${t.applicationId}-${i}">${s.day.slice(5)}</label></span>`,
        )}</fieldset>`,
      width: 'wide',
    },
    {
      header: '평가 점수',
      cell: (t) =>
        html`<label class="sr-only" for="score-${t.applicationId}">${t.name} 평가 점수</label><input${attrs({
          class: 'krds-input',
          id: `score-${t.applicationId}`,
          inputmode: 'numeric',
          maxlength: 3,
          value: t.score === undefined ? '' : String(t.score),
        })}>`,
      width: 'narrow',
    },
    { header: '출석률', cell: (t) => `${t.attended}/${t.sessions}회 (${percent(t.rate)})`, width: 'medium' },
    {
      header: view.confirmed ? '수료여부' : '수료 미리보기',
      cell: (t) =>
        html`${statusTag(t.completes ? (view.confirmed ? '수료' : '수료 예정') : view.confirmed ? '미수료' : '미수료 예정')}${t.reasons.map((r) => html`<p class="app-form-note">${r}</p>`)}`,
      width: 'wide',
    },
    {
      header: '처리',
      cell: (t) =>
        view.confirmed
          ? namedButton('정정', `${t.name} 결과 정정`, { action: 'correct', application: t.applicationId }, 'secondary')
          : namedButton('저장', `${t.name} 결과 저장`, { action: 'save', application: t.applicationId }, 'secondary'),
      width: 'narrow',
    },
  ];

  async function loadResults() {
    const box = main.querySelector<HTMLElement>('#results-body')!;
    if (!courseId) {
      box.innerHTML = emptyState('교육과정을 골라 주세요.').value;
      return;
    }
    results = await loadInto<ResultsView>(ctx, box, {
      path: `/training/courses/${encodeURIComponent(courseId)}/results`,
      loading: '교육결과를 불러오는 중입니다…',
      failure: '교육결과를 불러오지 못했습니다',
      retry: 'retry',
      render: (view) =>
        html`${notice('info', view.confirmed ? `결과를 확정했습니다(${view.course.resultsConfirmedAt?.slice(0, 10)}). 고쳐야 하면 정정 사유를 적고 그 사람의 ‘정정’을 누르세요. 정정은 기록되고, 수료가 바뀌면 수료증을 발급하거나 취소합니다.` : `수료 기준: 출석률 ${percent(view.threshold)} 이상, 평가 점수 ${view.course.passMark}점 이상. 확정하기 전까지 고칠 수 있습니다.`)}
${view.confirmed ? textareaField({ id: 'correction-reason', name: 'reason', label: '정정 사유', value: '', maxLength: 500, rows: 2, hint: '확정된 결과를 고칠 때만 적습니다. 무엇을 왜 고치는지 적어 주세요.' }) : ''}
<p class="app-count" id="results-summary">${view.confirmed ? '수료' : '수료 예정'} <strong>${view.completing}</strong>명, ${view.confirmed ? '미수료' : '미수료 예정'} <strong>${view.notCompleting}</strong>명</p>
${view.trainees.length ? dataTable({ id: 'results-table', caption: `${view.course.name} 교육결과`, columns: columns(view), rows: view.trainees }) : emptyState('수강이 확정된 사람이 없습니다.')}
${!view.confirmed && view.course.status === 'finished' && view.trainees.length ? html`<p class="app-form-actions">${button({ label: '미리보기대로 결과 확정', size: 'large', data: { action: 'confirm' } })}</p>` : ''}
${!view.confirmed && view.course.status !== 'finished' ? html`<p class="app-form-note">교육을 종료(교육과정 개설 화면의 ‘교육 종료’)한 뒤에 결과를 확정할 수 있습니다.</p>` : ''}`,
    });
  }

  async function loadCourses() {
    await loadInto<{ items: CourseSummary[] }>(ctx, main.querySelector<HTMLElement>('#results-course')!, {
      path: '/training/courses',
      loading: '교육과정을 불러오는 중입니다…',
      failure: '교육과정을 불러오지 못했습니다',
      retry: 'retry',
      render: (data) => {
        const courses = data.items.filter((c) => c.status === 'closed' || c.status === 'finished');
        return html`<form id="results-filter" class="app-search-form" role="search" aria-label="교육과정 고르기" novalidate>
  <div class="app-search-grid">
    ${selectField({ id: 'results-course-select', name: 'courseId', label: '교육과정(접수 마감·교육 종료)', value: courseId, options: [{ value: '', label: '선택' }, ...courses.map((c) => ({ value: c.courseId, label: `${c.name} (${c.sessions[0]?.day ?? ''}, ${COURSE_STATUS_LABELS[c.status]})` }))] })}
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}</div>
</form>`;
      },
    });
    bindSelectState(main);
  }

  return {
    title,
    lead: '수강자별로 출석한 교육일과 평가 점수를 입력하면, 수료 기준에 따라 누가 수료하고 누가 못 하는지와 그 이유를 미리 보여 줍니다. 확정하면 결과가 잠깁니다.',
    content: html`<div id="results-errors"></div><div id="results-done"></div><div id="results-course"></div>
<section class="app-section" aria-labelledby="results-title">
  <h2 class="app-section-title" id="results-title">교육결과</h2>
  <div id="results-body"></div>
</section>`,
    mount(m) {
      main = m;
      main.addEventListener('submit', (event) => {
        const form = event.target as HTMLFormElement;
        if (form.id !== 'results-filter') return;
        event.preventDefault();
        const chosen = formText(form, 'courseId');
        ctx.navigate(chosen ? `${COURSE_RESULTS_PATH}?courseId=${encodeURIComponent(chosen)}` : COURSE_RESULTS_PATH);
      });
      main.addEventListener('click', async (event) => {
        const el = event.target as Element;
        const done = main.querySelector<HTMLElement>('#results-done')!;
        const save = el.closest<HTMLElement>('[data-action="save"], [data-action="correct"]');
        const trainee = save && results?.trainees.find((t) => t.applicationId === save.dataset.application);
        const correcting = save?.dataset.action === 'correct';
        if (trainee) {
          const days = [
            ...main.querySelectorAll<HTMLInputElement>(`input[name="att-${trainee.applicationId}"]:checked`),
          ].map((i) => i.value);
          const scoreText = main.querySelector<HTMLInputElement>(`#score-${trainee.applicationId}`)!.value.trim();
          if (scoreText && !/^\d{1,3}$/.test(scoreText)) {
            reportProblems(target(), [
              { field: 'score', message: `${trainee.name}: 평가 점수는 0~100 사이 숫자로 입력해 주세요.` },
            ]);
            return;
          }
          const reason = main.querySelector<HTMLTextAreaElement>('#correction-reason')?.value.trim() ?? '';
          if (correcting && reason.length < 2) {
            reportProblems(target(), [
              { field: 'reason', message: '정정 사유를 입력해 주세요. 무엇을 왜 고치는지 적어 주세요.' },
            ]);
            return;
          }
          const result = await apiPut(
            `/training/applications/${encodeURIComponent(trainee.applicationId)}/${correcting ? 'result-correction' : 'result'}`,
            {
              attendedDays: days,
              ...(scoreText && { score: Number(scoreText) }),
              revision: trainee.revision,
              ...(correcting ? { reason } : {}),
            },
            { signal: ctx.signal },
          );
          if (!result.ok) {
            reportProblems(target(), problemsOf(result.problem));
            return;
          }
          await loadResults();
          showOutcome(
            done,
            correcting
              ? `${trainee.name}님의 확정된 결과를 정정했습니다. 정정 사유는 기록되었습니다.`
              : `${trainee.name}님의 결과를 저장했습니다. 미리보기를 확인해 주세요.`,
          );
          return;
        }
        if (el.closest('[data-action="confirm"]') && results) {
          const result = await apiPost<ResultsView>(
            `/training/courses/${encodeURIComponent(courseId)}/results/confirm`,
            { revision: results.course.revision },
            { signal: ctx.signal },
          );
          if (!result.ok) {
            reportProblems(target(), problemsOf(result.problem));
            return;
          }
          await loadResults();
          showOutcome(
            done,
            `결과를 확정했습니다. 수료 ${result.data.completing}명, 미수료 ${result.data.notCompleting}명입니다.`,
          );
        }
      });
      onAction(main, 'retry', async () => {
        await loadCourses();
        await loadResults();
      });
      void loadCourses();
      void loadResults();
    },
  };
}
