import type { HoursMeterView } from '#functions/applications/hours-meter-contract';
import { hoursText } from '#functions/applications/hours-meter-rules';
import { monthInWords } from '#kernel/korea-time';
import { button, buttonLink } from '../components/button.ts';
import { facts } from '../components/facts.ts';
import { nativeField, type Option, selectField } from '../components/form-field.ts';
import { clearProblems, type FormProblemTarget, problemsOf, showProblems } from '../components/form-problems.ts';
import { hoursMeterTable } from '../components/hours-meter.ts';
import { spinner } from '../components/notice.ts';
import { emptyState } from '../components/table.ts';
import { apiGet, apiPost } from '../core/api.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { loadInto, loadSection, onAction } from '../core/page.ts';
import { withQuery } from '../core/router.ts';
import { onSubmit } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { bindEntryForm, entryForm, readEntryForm } from './entry-form.ts';
import {
  type AssistantMonth,
  defaultDate,
  ENTRY_FIELD_IDS,
  type Entry,
  entryBody,
  entryValues,
  missingEntryFields,
  monthFrom,
  totalsText,
  type WorkerOption,
} from './model.ts';
import { monthTable, printAction, printMonth, printSlot, roundsTable } from './views.ts';

// The assistant's screens of seed 000's portal (근로지원인 활동일지 등록): the month of one worker
// with the seed's columns, the 활동내역 등록 form (new and edit), and printing. Meant for a phone at
// the end of a working day: one column, large controls, "저장하고 다음 날 입력" to write a week.

export const LOGS_PATH = '/work-assistant/activity-logs';
export const CONSENT_REQUESTS_PATH = '/work-assistant/consent-requests';

const LIST_TITLE = '근로지원인 활동일지 등록';

function workerOptions(workers: readonly WorkerOption[]): Option[] {
  return workers.map((w) => {
    const periods = w.matchings.map((m) => `${m.startDate}~${m.endDate}`).join(', ');
    return { value: w.workerId, label: `${w.workerName} (지원기간 ${periods})` };
  });
}

/** 근로자명 and 활동년월, as the seed's 조회 bar; used by the list and by the consent-request screen. */
export function monthSearch(options: {
  id: string;
  workers: readonly WorkerOption[];
  workerId: string;
  month: string;
}): SafeHtml {
  return html`<form id="${options.id}" class="app-search-form" novalidate role="search" aria-label="근로자와 활동년월">
  <div class="app-search-grid">
    ${selectField({ id: `${options.id}-worker`, name: 'workerId', label: '근로자명', options: workerOptions(options.workers), value: options.workerId, required: true })}
    ${nativeField({ id: `${options.id}-month`, name: 'month', label: '활동년월', type: 'month', value: options.month, required: true, hint: '예: 2026-11' })}
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}</div>
</form>`;
}

/** The workers the assistant may log for, into `box` (a failure notice with 다시 시도 — data-action retry-workers — when refused). */
export async function loadWorkers(ctx: PageContext, box: HTMLElement): Promise<WorkerOption[] | undefined> {
  const data = await loadSection<{ workers: WorkerOption[] }>(ctx, box, {
    path: '/me/activity-workers',
    failure: '근로자 목록을 불러오지 못했습니다',
    retry: 'retry-workers',
  });
  return data?.workers;
}

export const NO_WORKERS = emptyState(
  '매칭된 근로자가 없습니다.',
  '수행기관이 근로자와 매칭하면 이곳에서 활동일지를 쓸 수 있습니다. 매칭 내용은 수행기관에 문의해 주세요.',
);

export function activityLogsPage(initial: PageContext): PageView {
  let ctx = initial;
  let main: HTMLElement;
  let workers: WorkerOption[] = [];

  const selection = () => {
    const month = monthFrom(ctx.url.searchParams);
    const asked = ctx.url.searchParams.get('workerId') ?? '';
    const workerId = workers.some((w) => w.workerId === asked) ? asked : (workers[0]?.workerId ?? '');
    return { workerId, month };
  };

  async function load(): Promise<void> {
    const body = main.querySelector<HTMLElement>('#al-body')!;
    const { workerId, month } = selection();
    if (!workerId) {
      body.innerHTML = NO_WORKERS.value;
      return;
    }
    const data = await loadSection<AssistantMonth>(ctx, body, {
      path: '/activity-logs',
      query: { workerId, month },
      loading: '활동 내역을 불러오는 중입니다…',
      failure: '활동 내역을 불러오지 못했습니다',
      retry: 'retry',
    });
    if (data === undefined) return;
    const w = data.worker;
    const saved = ctx.url.searchParams.get('saved');
    body.innerHTML = html`${
      saved
        ? html`<div class="app-notice app-notice-success" role="status"><p class="app-notice-title">${saved === 'deleted' ? '활동 내역을 지웠습니다.' : '활동 내역을 저장했습니다.'}</p></div>`
        : ''
    }
<section class="app-section" aria-labelledby="al-worker-title">
  <h2 class="app-section-title" id="al-worker-title">지원 장애인 정보</h2>
  ${facts([
    ['장애인명', w.workerName],
    ['장애유형', w.disabilityType],
    ['지원기간', w.periods.map((p) => `${p.startDate}~${p.endDate}`).join(', ')],
    ['지원유형', w.supportType],
    ['지원여부', w.active ? '지원 중' : '지원 종료'],
  ])}
</section>
<section class="app-section" aria-labelledby="al-rows-title">
  <h2 class="app-section-title" id="al-rows-title">활동내역</h2>
  <div class="app-form-actions">
    ${buttonLink({ label: '활동내역 등록', href: withQuery(`${LOGS_PATH}/new`, { workerId, month }), variant: 'primary', size: 'large' })}
    ${printAction('al-print')}
    ${buttonLink({ label: '전자서명 동의 요청', href: withQuery(CONSENT_REQUESTS_PATH, { workerId, month }), variant: 'secondary', size: 'large' })}
  </div>
  ${printSlot('al-print')}
  <p class="app-count">${monthInWords(month)} ${totalsText(data.totals)} · 동의 완료 ${data.totals.signed}건, 동의 요청 중 ${data.totals.requested}건, 미요청 ${data.totals.unsigned}건</p>
  ${monthTable({
    id: 'al-table',
    caption: `${w.workerName} 님 ${monthInWords(month)} 활동내역`,
    rows: data.rows,
    action: (row) =>
      row.locked
        ? html`<span class="app-muted">서명됨(수정 불가)</span>`
        : html`<a href="${LOGS_PATH}/${row.entryId}">고치기<span class="sr-only"> ${row.date} ${row.time}</span></a>`,
  })}
</section>
<section class="app-section" aria-labelledby="al-rounds-title">
  <h2 class="app-section-title" id="al-rounds-title">전자서명 동의 기록</h2>
  ${roundsTable({ id: 'al-rounds', rounds: data.rounds })}
</section>`.value;
    ctx.announce(`${w.workerName} 님 ${monthInWords(month)} 활동 내역 ${data.rows.length}건을 불러왔습니다.`);
  }

  async function start(): Promise<void> {
    const loaded = await loadWorkers(ctx, main.querySelector<HTMLElement>('#al-body')!);
    if (!loaded) return;
    workers = loaded;
    const { workerId, month } = selection();
    main.querySelector('#al-search')!.innerHTML = workers.length
      ? monthSearch({ id: 'al-filter', workers, workerId, month }).value
      : '';
    await load();
  }

  return {
    title: LIST_TITLE,
    lead: '지원한 근로자와 달을 고르면 그 달의 활동내역이 보입니다. 활동한 날마다 활동내역을 등록하고, 달이 끝나면 근로자에게 전자서명 동의를 요청합니다.',
    content: html`<div id="al-search"></div><div id="al-body"></div>`,
    mount(m) {
      main = m;
      main.addEventListener('submit', (event) => {
        const form = event.target as HTMLFormElement;
        if (form.id !== 'al-filter') return;
        event.preventDefault();
        const data = new FormData(form);
        ctx.navigate(
          withQuery(LOGS_PATH, { workerId: String(data.get('workerId')), month: String(data.get('month')) }),
        );
      });
      main.addEventListener('click', (event) => {
        const el = (event.target as Element).closest<HTMLElement>('[data-action]');
        if (!el) return;
        if (el.dataset.action === 'retry') void load();
        if (el.dataset.action === 'retry-workers') void start();
        if (el.dataset.action === 'print') {
          const slot = main.querySelector<HTMLElement>('#al-print');
          if (slot) void printMonth(ctx, slot, selection());
        }
      });
      void start();
    },
    update(next) {
      ctx = next;
      void load();
      return true;
    },
  };
}

// ── the 활동내역 등록 form ─────────────────────────────────────────────────────────────────────────

const target = (ctx: PageContext, main: HTMLElement, title: string): FormProblemTarget => ({
  root: main,
  summary: main.querySelector<HTMLElement>('#al-errors')!,
  fieldIds: ENTRY_FIELD_IDS,
  setTitle: (error) => ctx.setTitle(title, { error }),
});

function nextDay(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) ? date : new Date(t + 86_400_000).toISOString().slice(0, 10);
}

export function newActivityLogPage(ctx: PageContext): PageView {
  const title = '활동내역 등록';
  let main: HTMLElement;
  let workers: WorkerOption[] = [];
  const month = monthFrom(ctx.url.searchParams);
  const asked = ctx.url.searchParams.get('workerId') ?? '';

  function render(values = entryValues(undefined, { date: defaultDate(month) })): void {
    const workerId = workers.some((w) => w.workerId === asked) ? asked : (workers[0]?.workerId ?? '');
    main.querySelector('#al-form-slot')!.innerHTML = workers.length
      ? entryForm({
          id: 'al-entry-form',
          values,
          workerPart: selectField({
            id: ENTRY_FIELD_IDS.workerId!,
            name: 'workerId',
            label: '근로자명',
            options: workerOptions(workers),
            value: workerId,
            required: true,
          }),
          submitLabel: '저장',
          extraActions: html`${button({ label: '저장하고 다음 날 입력', type: 'submit', variant: 'secondary', size: 'large', data: { next: 'yes' } })}
${buttonLink({ label: '취소', href: withQuery(LOGS_PATH, { workerId, month }), variant: 'tertiary', size: 'large' })}`,
        }).value
      : NO_WORKERS.value;
  }

  async function save(form: HTMLFormElement, again: boolean): Promise<void> {
    const values = readEntryForm(form);
    const workerId = String(new FormData(form).get('workerId') ?? '');
    const problems = missingEntryFields(values);
    if (problems.length) return showProblems(target(ctx, main, title), problems);
    const result = await apiPost<Entry>('/activity-logs', { workerId, ...entryBody(values) }, { signal: ctx.signal });
    if (!result.ok) return showProblems(target(ctx, main, title), problemsOf(result.problem));
    clearProblems(target(ctx, main, title));
    if (!again) {
      ctx.navigate(withQuery(LOGS_PATH, { workerId, month: result.data.month, saved: 'yes' }));
      return;
    }
    // the next day keeps the times and the content: a week of the same schedule is quick to write
    const next = { ...values, date: nextDay(values.date), otherContent: '', specialNotes: '' };
    render(next);
    const status = main.querySelector<HTMLElement>('#al-saved')!;
    status.innerHTML =
      html`<div class="app-notice app-notice-success"><p class="app-notice-title">${values.date} ${values.start}~${values.end} 활동내역을 저장했습니다. 다음 날(${next.date})을 입력하세요.</p></div>`.value;
    ctx.announce(`${values.date} 활동내역을 저장했습니다. 다음 날 ${next.date}을 입력하세요.`);
    main.querySelector<HTMLElement>(`#${ENTRY_FIELD_IDS.date}`)?.focus();
  }

  return {
    title,
    lead: '활동한 날의 근태와 활동시간, 활동내용을 적습니다. 휴가를 쓴 날은 근태에서 휴가 종류를 고르고 휴가시간을 고릅니다.',
    content: html`<div id="al-errors"></div><div id="al-saved" role="status"></div><section class="app-section" aria-labelledby="al-meter-title"><h2 class="app-section-title" id="al-meter-title">이번 달 남은 지원 시간</h2><div id="al-hours-meter"></div></section><div id="al-form-slot" class="app-narrow">${spinner('근로자 목록을 불러오는 중입니다…')}</div>`,
    mount(m) {
      main = m;
      bindEntryForm(main);
      // the remaining-hours meter (issue 15 §5) of every worker the assistant supports
      const loadMeter = () =>
        loadInto<{ month: string; meters: HoursMeterView[] }>(
          ctx,
          main.querySelector<HTMLElement>('#al-hours-meter')!,
          {
            path: '/me/hours-meters',
            loading: '남은 지원 시간을 불러오는 중입니다…',
            failure: '남은 지원 시간을 불러오지 못했습니다',
            retry: 'retry-meter',
            render: ({ month, meters }) =>
              meters.length
                ? hoursMeterTable({
                    id: 'al-hours-meter-table',
                    caption: `${month} 근로자별 월 결정 시간 대비 사용 시간`,
                    rows: meters,
                    minutes: hoursText,
                  })
                : html`<p>이번 달에 지원하는 근로자가 없습니다.</p>`,
          },
        );
      onAction(main, 'retry-meter', loadMeter);
      void loadMeter();
      onSubmit(main, (form, submitter) => save(form, submitter?.dataset.next === 'yes'));
      const start = () =>
        void loadWorkers(ctx, main.querySelector<HTMLElement>('#al-form-slot')!).then((loaded) => {
          if (!loaded) return;
          workers = loaded;
          render();
        });
      onAction(main, 'retry-workers', start);
      start();
    },
  };
}

export function editActivityLogPage(ctx: PageContext): PageView {
  const title = '활동내역 고치기';
  let main: HTMLElement;
  let entry: Entry | undefined;

  const back = () => withQuery(LOGS_PATH, { workerId: entry?.workerId, month: entry?.month });

  function render(): void {
    const slot = main.querySelector<HTMLElement>('#al-form-slot')!;
    if (!entry) return;
    const who = html`<p class="app-form-intro">근로자: <strong>${entry.workerName}</strong> · 근로지원인: ${entry.assistantName}</p>`;
    if (entry.consent === 'signed') {
      slot.innerHTML =
        html`${who}<div class="app-notice" role="status"><p class="app-notice-title">근로자가 서명한 기록이라 고칠 수 없습니다.</p>
<p>고쳐야 하면 수행기관(${entry.agencyName}) 담당자에게 정정을 요청해 주세요. 정정한 기록은 근로자의 동의를 다시 받습니다.</p></div>
<div class="app-form-actions">${buttonLink({ label: '활동내역으로 돌아가기', href: back(), size: 'large' })}</div>`.value;
      return;
    }
    slot.innerHTML = html`${who}${
      entry.consent === 'requested'
        ? html`<div class="app-notice" role="status"><p>근로자에게 동의를 요청한 기록입니다. 고치면 근로자는 고친 내용을 보고 서명합니다.</p></div>`
        : ''
    }${entryForm({
      id: 'al-entry-form',
      values: entryValues(entry, { date: entry.date }),
      workerPart: html``,
      submitLabel: '저장',
      extraActions: html`${button({ label: '이 기록 지우기', variant: 'tertiary', size: 'large', data: { action: 'ask-delete' } })}
${buttonLink({ label: '취소', href: back(), variant: 'tertiary', size: 'large' })}`,
    })}
<div id="al-delete" class="app-actions"></div>`.value;
  }

  return {
    title,
    content: html`<div id="al-errors"></div><div id="al-form-slot" class="app-narrow">${spinner('활동 내역을 불러오는 중입니다…')}</div>`,
    mount(m) {
      main = m;
      bindEntryForm(main);
      void apiGet<Entry>(
        `/activity-logs/${encodeURIComponent(ctx.params.entryId ?? '')}`,
        {},
        { signal: ctx.signal },
      ).then((result) => {
        if (!result.ok) {
          main.querySelector('#al-form-slot')!.innerHTML =
            html`<div class="app-notice app-notice-danger" role="alert"><p>${result.problem.message}</p></div>`.value;
          return;
        }
        entry = result.data;
        render();
      });
      onSubmit(main, async (form) => {
        if (!entry) return;
        const values = readEntryForm(form);
        const problems = missingEntryFields(values);
        if (problems.length) return showProblems(target(ctx, main, title), problems);
        const result = await apiPost<Entry>(
          `/activity-logs/${encodeURIComponent(entry.entryId)}`,
          { ...entryBody(values), revision: entry.revision },
          { signal: ctx.signal },
        );
        if (!result.ok) return showProblems(target(ctx, main, title), problemsOf(result.problem));
        ctx.navigate(withQuery(LOGS_PATH, { workerId: result.data.workerId, month: result.data.month, saved: 'yes' }));
      });
      main.addEventListener('click', async (event) => {
        const action = (event.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action;
        const slot = main.querySelector<HTMLElement>('#al-delete');
        if (!slot || !entry) return;
        if (action === 'ask-delete') {
          slot.innerHTML =
            html`<div class="app-notice app-notice-danger" role="alert"><p class="app-notice-title">${entry.date} ${entry.start}~${entry.end} 기록을 지울까요? 지우면 되돌릴 수 없습니다.</p>
<div class="app-form-actions">${button({ label: '지우기', data: { action: 'delete' } })}${button({ label: '지우지 않기', variant: 'secondary', data: { action: 'keep' } })}</div></div>`.value;
          slot.querySelector<HTMLElement>('[data-action="delete"]')?.focus();
        }
        if (action === 'keep') slot.innerHTML = '';
        if (action === 'delete') {
          const result = await apiPost(
            `/activity-logs/${encodeURIComponent(entry.entryId)}/delete`,
            { revision: entry.revision },
            { signal: ctx.signal },
          );
          if (!result.ok) return showProblems(target(ctx, main, title), problemsOf(result.problem));
          ctx.navigate(withQuery(LOGS_PATH, { workerId: entry.workerId, month: entry.month, saved: 'deleted' }));
        }
      });
    },
  };
}
