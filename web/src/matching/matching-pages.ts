import { label, SUPPORT_TYPES, scheduleSummary, WEEKDAY_LABELS } from '#functions/applications/codes';
import type { ApplicationView } from '#functions/applications/contract';
import { STATUS_LABELS } from '#functions/applications/rules';
import type { AssistantView } from '#functions/assistants/registry-contract';
import { ASSISTANT_STATUS_LABELS, canBeMatched } from '#functions/assistants/rules';
import type { Matching } from '#functions/matching/contract';
import { scheduleProblems } from '#functions/matching/rules';
import { button, buttonLink } from '../components/button.ts';
import { facts, statusTag } from '../components/facts.ts';
import { bindSelectState, selectField, textareaField, textField } from '../components/form-field.ts';
import { clearProblems, formText, type Problem, problemsOf } from '../components/form-problems.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiGet, apiPost } from '../core/api.ts';
import { day, koreaToday } from '../core/dates.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { showOutcome } from '../core/outcome.ts';
import { loadInto, onAction } from '../core/page.ts';
import { oneAtATime, problemTarget, refused, reportProblems } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';

// 매칭 관리 (B3) in the agency system: the matching requests the branch sent, the form that assigns
// an assistant with a weekly schedule (the server refuses, in Korean, an assistant who cannot work,
// more than three workers at once, or hours beyond the decision), the matchings in force with their
// history per worker and per assistant, and ending a matching with a date and a reason.

import { AGENCY_MATCHINGS_PATH } from '../shell/paths.ts';

export const MATCHINGS_PATH = AGENCY_MATCHINGS_PATH;

const REQUEST_COLUMNS: Column<ApplicationView>[] = [
  { header: '근로자', cell: (a) => a.applicantName, rowHeader: true, width: 'narrow' },
  { header: '사업장', cell: (a) => a.workplace.companyName },
  {
    header: '결정 내용',
    cell: (a) =>
      a.evaluation
        ? `월 ${a.evaluation.monthlyHours}시간(하루 ${a.evaluation.hoursPerDay}시간·주 ${a.evaluation.daysPerWeek}일), ${a.evaluation.startDate}~${a.evaluation.endDate}`
        : '-',
    width: 'wide',
  },
  { header: '의뢰일', cell: (a) => day(a.matchingRequestedAt), width: 'narrow' },
  { header: '상태', cell: (a) => statusTag(STATUS_LABELS[a.status]), width: 'narrow' },
  {
    header: '처리',
    cell: (a) =>
      html`<a href="${MATCHINGS_PATH}/new?applicationId=${encodeURIComponent(a.applicationId)}">${a.status === 'matched' ? '근로지원인 추가·교체' : '매칭하기'}<span class="sr-only"> (${a.applicantName})</span></a>`,
    width: 'narrow',
  },
];

/**
 * The matchings table. The agency's screen links to each person's history and to 종료하기; the
 * internal system's read-only view has neither and names each row's agency.
 */
export function matchingColumns(options: { readOnly?: boolean } = {}): Column<Matching>[] {
  const readOnly = options.readOnly ?? false;
  return [
    ...(readOnly ? [{ header: '수행기관', cell: (m: Matching) => m.agencyName, width: 'medium' as const }] : []),
    {
      header: '근로자',
      cell: (m) =>
        readOnly
          ? m.workerName
          : html`<a href="${MATCHINGS_PATH}?workerId=${encodeURIComponent(m.workerId)}">${m.workerName}</a>`,
      rowHeader: true,
      width: 'narrow',
    },
    {
      header: '근로지원인',
      cell: (m) =>
        readOnly
          ? m.assistantName
          : html`<a href="${MATCHINGS_PATH}?assistantId=${encodeURIComponent(m.assistantId)}">${m.assistantName}</a>`,
      width: 'narrow',
    },
    { header: '사업장', cell: (m) => m.workplaceName },
    { header: '기간', cell: (m) => `${m.startDate} ~ ${m.endDate}`, width: 'medium' },
    { header: '주간 일정', cell: (m) => scheduleSummary(m.schedule), width: 'wide' },
    { header: '지원 유형', cell: (m) => label(SUPPORT_TYPES, m.supportType) },
    {
      header: '상태',
      cell: (m) =>
        m.status === 'active'
          ? readOnly
            ? statusTag('지원 중')
            : html`${statusTag('지원 중')} <a href="${MATCHINGS_PATH}/${encodeURIComponent(m.matchingId)}">종료하기<span class="sr-only"> (${m.workerName}·${m.assistantName})</span></a>`
          : statusTag(`종료 ${m.endedOn ?? ''} · ${m.endReason ?? ''}`),
      width: 'medium',
    },
  ];
}

const MATCHING_COLUMNS = matchingColumns();

export function matchingsPage(ctx: PageContext): PageView {
  const workerId = ctx.url.searchParams.get('workerId') ?? undefined;
  const assistantId = ctx.url.searchParams.get('assistantId') ?? undefined;
  const history = workerId || assistantId;
  return {
    title: '매칭 관리',
    lead: '지사가 보낸 매칭의뢰에 근로지원인을 배정하고, 진행 중인 매칭과 이력을 관리합니다.',
    content: html`<div id="matchings-done"></div>
${
  history
    ? html`<section class="app-section" aria-labelledby="history-title"><h2 class="app-section-title" id="history-title">${workerId ? '근로자별' : '근로지원인별'} 매칭 이력</h2><div id="history-body"></div><p><a href="${MATCHINGS_PATH}">전체 매칭 관리로 돌아가기</a></p></section>`
    : html`<section class="app-section" aria-labelledby="requests-title"><h2 class="app-section-title" id="requests-title">매칭의뢰</h2><div id="requests-body"></div></section>
<section class="app-section" aria-labelledby="active-title"><h2 class="app-section-title" id="active-title">매칭 현황(지원 중)</h2><p class="app-form-note">근로자나 근로지원인 이름을 누르면 그 사람의 매칭 이력을 볼 수 있습니다.</p><div id="active-body"></div></section>`
}`,
    mount(main) {
      const load = () => {
        if (history) {
          void loadInto<{ items: Matching[] }>(ctx, main.querySelector<HTMLElement>('#history-body')!, {
            path: '/matchings',
            query: { workerId, assistantId },
            loading: '매칭 이력을 불러오는 중입니다…',
            failure: '매칭 이력을 불러오지 못했습니다',
            retry: 'retry',
            render: ({ items }) =>
              items.length
                ? dataTable({ id: 'history-table', caption: '매칭 이력', columns: MATCHING_COLUMNS, rows: items })
                : emptyState('매칭 이력이 없습니다.'),
          });
          return;
        }
        void loadInto<{ items: ApplicationView[] }>(ctx, main.querySelector<HTMLElement>('#requests-body')!, {
          path: '/matching-requests',
          loading: '매칭의뢰를 불러오는 중입니다…',
          failure: '매칭의뢰를 불러오지 못했습니다',
          retry: 'retry',
          render: ({ items }) =>
            items.length
              ? dataTable({ id: 'requests-table', caption: '받은 매칭의뢰', columns: REQUEST_COLUMNS, rows: items })
              : emptyState('받은 매칭의뢰가 없습니다.'),
        });
        void loadInto<{ items: Matching[] }>(ctx, main.querySelector<HTMLElement>('#active-body')!, {
          path: '/matchings',
          query: { status: 'active' },
          loading: '매칭 현황을 불러오는 중입니다…',
          failure: '매칭 현황을 불러오지 못했습니다',
          retry: 'retry',
          render: ({ items }) =>
            items.length
              ? dataTable({ id: 'matchings-table', caption: '지원 중인 매칭', columns: MATCHING_COLUMNS, rows: items })
              : emptyState('지원 중인 매칭이 없습니다.'),
        });
      };
      main.addEventListener('click', (event) => {
        if ((event.target as Element).closest('[data-action="retry"]')) load();
      });
      if (ctx.url.searchParams.get('created')) {
        showOutcome(
          main.querySelector<HTMLElement>('#matchings-done')!,
          '매칭했습니다. 근로자와 근로지원인에게 문자로 알렸습니다.',
        );
      }
      load();
    },
  };
}

const FIELD_IDS: Record<string, string> = {
  assistantId: 'match-assistant',
  startDate: 'match-start',
  endDate: 'match-end',
  schedule: 'match-add-slot',
  supportType: 'match-assistant',
  note: 'match-note',
};

function slotRow(i: number, slot: { weekday: number; start: string; end: string }): SafeHtml {
  return html`<fieldset class="app-fieldset" data-slot="${i}">
  <legend class="app-subsection-title">일정 ${i + 1}</legend>
  ${selectField({ id: `match-slot-${i}-weekday`, name: `slot.${i}.weekday`, label: '요일', value: String(slot.weekday), options: WEEKDAY_LABELS.map((d, n) => ({ value: String(n), label: `${d}요일` })) })}
  ${textField({ id: `match-slot-${i}-start`, name: `slot.${i}.start`, label: '시작 시각', value: slot.start, maxLength: 5 })}
  ${textField({ id: `match-slot-${i}-end`, name: `slot.${i}.end`, label: '끝 시각', value: slot.end, maxLength: 5 })}
  ${button({ label: `일정 ${i + 1} 지우기`, variant: 'tertiary', size: 'small', data: { action: 'remove-slot', index: String(i) } })}
</fieldset>`;
}

/** Mon–Fri from the job's start, for the decided hours a day: a schedule most matchings start from. */
function defaultSlots(a: ApplicationView): { weekday: number; start: string; end: string }[] {
  const hours = a.evaluation?.hoursPerDay ?? a.requested.hoursPerDay;
  const [h, m] = a.job.workStart.split(':').map(Number) as [number, number];
  const endMinutes = Math.min(h * 60 + m + hours * 60, 24 * 60 - 1);
  const end = `${String(Math.floor(endMinutes / 60)).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`;
  const days = a.evaluation?.daysPerWeek ?? 5;
  return Array.from({ length: Math.min(days, 7) }, (_, weekday) => ({ weekday, start: a.job.workStart, end }));
}

export function newMatchingPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  let application: ApplicationView | undefined;
  const slots: number[] = [];
  let nextSlot = 0;
  const applicationId = ctx.url.searchParams.get('applicationId') ?? '';
  const title = '매칭하기';
  const target = () => problemTarget(ctx, main, 'match-errors', { ...FIELD_IDS, ...slotIds() }, title);

  function slotIds(): Record<string, string> {
    return Object.fromEntries(
      slots.flatMap((slot, i) => [
        [`schedule.${i}.weekday`, `match-slot-${slot}-weekday`],
        [`schedule.${i}.start`, `match-slot-${slot}-start`],
        [`schedule.${i}.end`, `match-slot-${slot}-end`],
      ]),
    );
  }

  function addSlot(slot: { weekday: number; start: string; end: string }) {
    const i = nextSlot++;
    slots.push(i);
    main.querySelector('#match-slots')!.insertAdjacentHTML('beforeend', slotRow(i, slot).value);
    bindSelectState(main);
  }

  async function render() {
    const box = main.querySelector<HTMLElement>('#match-body')!;
    const [app, assistants] = await Promise.all([
      apiGet<ApplicationView>(`/service-applications/${encodeURIComponent(applicationId)}`, {}, { signal: ctx.signal }),
      apiGet<{ items: AssistantView[] }>('/assistants', {}, { signal: ctx.signal }),
    ]);
    if (!app.ok) {
      box.innerHTML =
        html`${emptyState(app.problem.message)}<p>${buttonLink({ label: '매칭 관리로', href: MATCHINGS_PATH })}</p>`.value;
      return;
    }
    application = app.data;
    const e = application.evaluation;
    const choices = (assistants.ok ? assistants.data.items : []).filter((a) => canBeMatched(a.status));
    box.innerHTML = html`<section class="app-section" aria-labelledby="request-title">
  <h2 class="app-section-title" id="request-title">매칭의뢰 내용</h2>
  ${facts([
    ['근로자', application.applicantName],
    ['사업장', `${application.workplace.companyName} · ${application.workplace.address}`],
    ['직무', `${application.job.title} (근무 ${application.job.workStart}~${application.job.workEnd})`],
    ['필요한 지원', application.support.details],
    ['결정 시간', e ? `월 ${e.monthlyHours}시간 · 하루 ${e.hoursPerDay}시간 · 주 ${e.daysPerWeek}일` : '-'],
    ['지원 기간', e ? `${e.startDate} ~ ${e.endDate}` : '-'],
    ['지원 유형', e ? label(SUPPORT_TYPES, e.supportType) : '-'],
  ])}
</section>
<form id="match-form" class="app-form" novalidate>
  <h2 class="app-section-title">근로지원인 배정</h2>
  <p class="app-form-note">한 근로지원인은 같은 시간에 같은 사업장에서 최대 3명까지 지원할 수 있고, 근로자의 결정 시간을 넘겨 배정할 수 없습니다. 맞지 않으면 저장할 때 이유를 알려 드립니다.</p>
  ${selectField({ id: 'match-assistant', name: 'assistantId', label: '근로지원인', value: '', required: true, options: [{ value: '', label: '선택' }, ...choices.map((a) => ({ value: a.assistantId, label: `${a.name} (${ASSISTANT_STATUS_LABELS[a.status]}, ${a.birthDate})` }))], hint: '대기 또는 활동 상태인 우리 기관 근로지원인만 보입니다.' })}
  ${textField({ id: 'match-start', name: 'startDate', label: '매칭 시작일', type: 'date', value: e && e.startDate > koreaToday() ? e.startDate : (e?.startDate ?? koreaToday()), required: true })}
  ${textField({ id: 'match-end', name: 'endDate', label: '매칭 종료일', type: 'date', value: e?.endDate ?? '', required: true })}
  <h3 class="app-subsection-title">주간 일정</h3>
  <div id="match-slots"></div>
  <div class="form-group" data-field="match-add-slot">
    ${button({ label: '일정 추가', variant: 'secondary', id: 'match-add-slot', data: { action: 'add-slot' } })}
    <p class="form-hint-invalid" id="match-add-slot-error" hidden><span class="sr-only">오류: </span><span class="app-error-text"></span></p>
  </div>
  ${textareaField({ id: 'match-note', name: 'note', label: '메모', value: '', maxLength: 500, rows: 2 })}
  <div class="app-form-actions">
    ${button({ label: '매칭 저장', type: 'submit', size: 'large' })}
    <a class="krds-btn secondary large" href="${MATCHINGS_PATH}">취소</a>
  </div>
</form>`.value;
    for (const slot of defaultSlots(application)) addSlot(slot);
    bindSelectState(main);
  }

  async function submit(form: HTMLFormElement) {
    if (!application?.evaluation) return;
    const schedule = slots.map((slot) => ({
      weekday: Number(formText(form, `slot.${slot}.weekday`)),
      start: formText(form, `slot.${slot}.start`).trim(),
      end: formText(form, `slot.${slot}.end`).trim(),
    }));
    const problems: Problem[] = [];
    if (!formText(form, 'assistantId'))
      problems.push({ field: 'assistantId', message: '배정할 근로지원인을 골라 주세요.' });
    problems.push(...scheduleProblems(schedule));
    if (reportProblems(target(), problems)) return;
    const result = await apiPost<Matching>(
      '/matchings',
      {
        applicationId,
        assistantId: formText(form, 'assistantId'),
        startDate: formText(form, 'startDate'),
        endDate: formText(form, 'endDate'),
        schedule,
        supportType: application.evaluation.supportType,
        note: formText(form, 'note').trim() || undefined,
      },
      { signal: ctx.signal },
    );
    if (!result.ok) {
      // a refusal of the matching rules has no field: it goes to the summary with its whole reason
      reportProblems(target(), problemsOf(result.problem));
      return;
    }
    clearProblems(target());
    ctx.navigate(`${MATCHINGS_PATH}?created=1`);
  }

  return {
    title,
    lead: '매칭의뢰를 받은 근로자에게 우리 기관 근로지원인을 배정합니다.',
    content: html`<div id="match-errors"></div><div id="match-body"></div>`,
    mount(m) {
      main = m;
      main.addEventListener('click', (event) => {
        const el = event.target as Element;
        if (el.closest('[data-action="add-slot"]')) {
          addSlot({ weekday: 0, start: '09:00', end: '13:00' });
          main.querySelector<HTMLElement>(`#match-slot-${nextSlot - 1}-weekday`)?.focus();
        }
        const remove = el.closest<HTMLElement>('[data-action="remove-slot"]');
        if (remove) {
          const slot = Number(remove.dataset.index);
          slots.splice(slots.indexOf(slot), 1);
          main.querySelector(`[data-slot="${slot}"]`)?.remove();
          main.querySelector<HTMLElement>('#match-add-slot')?.focus();
        }
      });
      main.addEventListener('submit', oneAtATime(submit));
      void render();
    },
  };
}

export function endMatchingPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  let matching: Matching | undefined;
  const id = ctx.params.matchingId ?? '';
  const title = '매칭 종료';
  const target = () => problemTarget(ctx, main, 'end-errors', { endDate: 'end-date', reason: 'end-reason' }, title);

  async function load() {
    const box = main.querySelector<HTMLElement>('#end-body')!;
    const result = await loadInto<{ items: Matching[] }>(ctx, box, {
      path: '/matchings',
      query: { status: 'active' },
      loading: '매칭을 불러오는 중입니다…',
      failure: '매칭을 불러오지 못했습니다',
      retry: 'retry',
      render: ({ items }) => {
        const m = items.find((i) => i.matchingId === id);
        if (!m)
          return html`${emptyState('지원 중인 매칭을 찾을 수 없습니다. 이미 종료했을 수 있습니다.')}<p><a href="${MATCHINGS_PATH}">매칭 관리로</a></p>`;
        return html`${facts([
          ['근로자', m.workerName],
          ['근로지원인', m.assistantName],
          ['사업장', m.workplaceName],
          ['기간', `${m.startDate} ~ ${m.endDate}`],
          ['주간 일정', scheduleSummary(m.schedule)],
        ])}
<form id="end-form" class="app-form" novalidate>
  ${textField({ id: 'end-date', name: 'endDate', label: '마지막 지원일', type: 'date', value: [koreaToday(), m.endDate].sort()[0] ?? m.endDate, required: true, hint: '이날까지 지원한 것으로 기록합니다.' })}
  ${textareaField({ id: 'end-reason', name: 'reason', label: '종료 사유', value: '', required: true, maxLength: 200, rows: 2 })}
  <div class="app-form-actions">${button({ label: '매칭 종료', type: 'submit', size: 'large' })}<a class="krds-btn secondary large" href="${MATCHINGS_PATH}">취소</a></div>
</form>`;
      },
    });
    matching = result?.items.find((i) => i.matchingId === id);
  }

  return {
    title,
    lead: '매칭을 끝냅니다. 끝난 매칭도 근로자별·근로지원인별 이력에 남습니다.',
    content: html`<div id="end-errors"></div><div id="end-done"></div><div id="end-body"></div>`,
    mount(m) {
      main = m;
      onAction(main, 'retry', load);
      main.addEventListener(
        'submit',
        oneAtATime(async (form) => {
          if (!matching) return;
          const reason = formText(form, 'reason').trim();
          if (
            reportProblems(
              target(),
              reason.length < 2 ? [{ field: 'reason', message: '종료 사유를 입력해 주세요.' }] : [],
            )
          )
            return;
          const result = await apiPost<Matching>(
            `/matchings/${encodeURIComponent(id)}/end`,
            { endDate: formText(form, 'endDate'), reason, revision: matching.revision },
            { signal: ctx.signal },
          );
          if (refused(target(), result)) return;
          main.querySelector('#end-body')!.innerHTML = '';
          showOutcome(
            main.querySelector<HTMLElement>('#end-done')!,
            `${result.data.workerName}·${result.data.assistantName} 매칭을 ${result.data.endDate}에 종료했습니다.`,
            html`<p><a href="${MATCHINGS_PATH}">매칭 관리로</a></p>`,
          );
        }),
      );
      void load();
    },
  };
}
