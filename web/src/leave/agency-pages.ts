import { button } from '../components/button.ts';
import { facts } from '../components/facts.ts';
import { type Option, selectField, textareaField, textField } from '../components/form-field.ts';
import { type FormProblemTarget, showProblems } from '../components/form-problems.ts';
import { notice, spinner } from '../components/notice.ts';
import { dataTable, emptyState } from '../components/table.ts';
import { apiGet, apiPost, apiPut } from '../core/api.ts';
import { koreanDateTime } from '../core/dates.ts';
import { saveBase64File } from '../core/download.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { loadSection, onAction } from '../core/page.ts';
import { refused, singleFlight } from '../core/submit.ts';
import { ownAgencyOf } from '../core/viewer.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { leaveListTable, pair } from './list-table.ts';
import {
  AGENCY_LEAVE_PATH,
  amount,
  hours,
  LEAVE_TYPES,
  type LeaveList,
  type Ledger,
  NOTICE_STATUS_LABELS,
  type NoticeView,
  type PlannedNotice,
  parseDates,
  thisYear,
  yearOf,
} from './model.ts';

// 연차 관리 (SPEC D1, seed 000 연차관리 목록): the agency's list by 적용년도 with seed 000's columns and
// the masked mobile phone, and one assistant's ledger: the grants, use by month for every leave type
// of the activity log, each use with its excess and reason, the promotion notices (§61) to issue,
// and the setting the rules need beyond the registration and the matchings.

const LIST_TITLE = '연차 관리';
const LEDGER_TITLE = '연차 대장';

const yearOptions = (): Option[] =>
  [0, 1, 2, 3].map((back) => ({ value: String(thisYear() - back), label: `${thisYear() - back}년` }));

export function agencyLeaveListPage(initial: PageContext): PageView {
  let ctx = initial;
  let main: HTMLElement;

  function filterForm(): SafeHtml {
    return html`<form id="leave-filter" class="app-search-form" novalidate role="search" aria-label="연차관리 목록 조건">
  <div class="app-search-grid">
    ${selectField({ id: 'leave-year', name: 'year', label: '적용년도', options: yearOptions(), value: String(yearOf(ctx)) })}
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}</div>
</form>`;
  }

  async function load(): Promise<void> {
    const body = main.querySelector<HTMLElement>('#leave-body')!;
    const agencyId = ownAgencyOf(ctx.viewer);
    if (!agencyId) {
      body.innerHTML = emptyState('수행기관 담당자만 볼 수 있습니다.').value;
      return;
    }
    const loaded = await loadSection<LeaveList>(ctx, body, {
      path: '/leave',
      query: { agencyId, year: yearOf(ctx) },
      loading: '연차를 계산하는 중입니다…',
      failure: '연차관리 목록을 불러오지 못했습니다',
      retry: 'retry',
    });
    if (loaded === undefined) return;
    const list = loaded;
    body.innerHTML =
      html`<p class="app-muted">연차는 활동일지의 근태(연차·유급휴가·유급휴일·공가·무급휴가)에서 셉니다. 월별 칸은 사용제한일을 뺀 연차 사용입니다. 이름을 누르면 근로지원인별 연차 대장(휴가 종류별 월별 사용, 사용촉진 통지, 초과 사용 사유)으로 갑니다. 표가 넓으면 표 안에서 옆으로 움직여 나머지 열(월별 사용, 남은 연차, 사용촉진)을 봅니다.</p>
${list.rows.length ? html`<div class="app-leave-scroll" tabindex="0" role="region" aria-label="연차관리 목록 표 (넓은 화면에서는 옆으로 움직여 나머지 열을 봅니다)">${leaveListTable({ id: 'leave-list', caption: `${list.agencyName} ${list.year}년 연차관리 목록 (${list.rows.length}건, ${list.asOf} 기준)`, year: list.year, rows: list.rows, ledgerLinks: true })}</div>` : emptyState(`${list.year}년에 재직한 근로지원인이 없습니다.`, '다른 적용년도를 골라 보세요.')}`.value;
    ctx.announce(`${list.year}년 연차관리 목록 ${list.rows.length}건을 불러왔습니다.`);
  }

  return {
    title: LIST_TITLE,
    lead: '근로지원인별 올해 연차 발생과 사용, 이월, 달마다 쓴 연차를 봅니다. 근로기준법 제60조에 따라 계산합니다.',
    content: html`<div id="leave-search">${filterForm()}</div><div id="leave-body"></div>`,
    mount(m) {
      main = m;
      main.addEventListener('submit', (event) => {
        const form = event.target as HTMLFormElement;
        if (form.id !== 'leave-filter') return;
        event.preventDefault();
        ctx.navigate(`${AGENCY_LEAVE_PATH}?year=${String(new FormData(form).get('year') ?? thisYear())}`);
      });
      onAction(main, 'retry', load);
      void load();
    },
    update(next) {
      ctx = next;
      main.querySelector('#leave-search')!.innerHTML = filterForm().value;
      void load();
      return true;
    },
  };
}

// ── one assistant's ledger ─────────────────────────────────────────────────────────────────────────

function monthTable(ledger: Ledger): SafeHtml {
  const { row } = ledger;
  const months = Array.from({ length: 12 }, (_, i) => i);
  const cell = (minutes: number) => (minutes ? amount(minutes, row.dailyMinutes) : '-');
  return dataTable({
    id: 'leave-months',
    caption: `${row.year}년 휴가 종류별 월별 사용 (활동일지 근태 기준)`,
    columns: [
      { header: '월', rowHeader: true, cell: (m: number) => `${m + 1}월` },
      ...LEAVE_TYPES.map(({ type, label }) => ({
        header: label,
        cell: (m: number) => cell(row.byMonth[type][m] ?? 0),
      })),
      {
        header: '연차(사용제한 일수 제외)',
        cell: (m: number) => cell(row.annualLeaveByMonthExcludingRestricted[m] ?? 0),
      },
    ],
    rows: months,
  });
}

function grantTable(ledger: Ledger): SafeHtml {
  return ledger.grants.length
    ? dataTable({
        id: 'leave-grants',
        caption: '연차 발생 내역 (근로기준법 제60조)',
        columns: [
          { header: '발생일', rowHeader: true, cell: (g) => g.accrualDate },
          { header: '종류', cell: (g) => g.kindLabel },
          { header: '발생', cell: (g) => g.text },
          { header: '사용 기한', cell: (g) => g.validUntil },
          { header: '남음', cell: (g) => g.remainingText },
          {
            header: '소멸·이월',
            cell: (g) =>
              [
                g.lapsedMinutes ? `소멸 ${amount(g.lapsedMinutes, ledger.profile.dailyMinutes)}` : '',
                g.carriedMinutes ? `이월 ${amount(g.carriedMinutes, ledger.profile.dailyMinutes)}` : '',
              ]
                .filter(Boolean)
                .join(', ') || '-',
          },
          { header: '근거', cell: (g) => g.basis },
        ],
        rows: ledger.grants,
      })
    : emptyState('아직 발생한 연차가 없습니다.', '입사 후 한 달을 개근하면 첫 연차가 생깁니다.');
}

function usesPart(ledger: Ledger): SafeHtml {
  if (!ledger.uses.length) return emptyState(`${ledger.year}년에 쓴 연차가 없습니다.`);
  let n = 0;
  return dataTable({
    id: 'leave-uses',
    caption: `${ledger.year}년 연차 사용 내역`,
    columns: [
      { header: '날짜', rowHeader: true, cell: (u) => u.date },
      { header: '사용', cell: (u) => u.text },
      { header: '사용제한일', cell: (u) => (u.restricted ? `예 (${u.restrictedReason ?? '근무일이 아님'})` : '-') },
      { header: '초과 사용', cell: (u) => u.excessText ?? '-' },
      {
        header: '초과 사용 사유',
        cell: (u) => {
          if (!u.reasonRequired) return '-';
          const i = n++;
          return html`<form class="app-form" novalidate data-reason="${u.date}" data-revision="${String(u.reasonRevision)}" aria-label="${u.date} 초과 사용 사유">
  ${textareaField({ id: `leave-reason-${i}`, name: 'reason', label: `${u.date} 초과 사용 사유`, value: u.reason ?? '', maxLength: 500, rows: 2, required: true, hint: u.reason ? '저장된 사유입니다. 고치려면 다시 저장하세요.' : '남은 연차보다 많이 쓴 이유를 적어 주세요. 예: 병원 진료로 부득이하게 사용' })}
  <div class="app-form-actions">${button({ label: '사유 저장', type: 'submit', variant: 'secondary' })}</div>
</form>`;
        },
      },
    ],
    rows: ledger.uses,
  });
}

function plannedRow(p: PlannedNotice, i: number): SafeHtml {
  const state = p.canIssue
    ? html`<strong>지금 발행할 수 있음</strong>${p.late ? html`<br>법정 기한(${p.issueBy})이 지났습니다. 발행은 되지만 제61조의 효과가 인정되지 않을 수 있습니다.` : ''}`
    : (p.blockedReason ?? '');
  const form = p.canIssue
    ? html`<form class="app-form" novalidate data-issue="${p.noticeId}" data-action-kind="${p.action}" aria-label="${p.round}차 사용촉진 발행">
  ${
    p.action === 'request'
      ? ''
      : textField({
          id: `leave-dates-${i}`,
          name: 'designatedDates',
          label: '지정할 사용일',
          value: '',
          required: true,
          hint: '남은 연차를 쓸 날을 정해 넣습니다. 여러 날은 쉼표로 나눕니다. 예: 2026-12-24, 2026-12-28',
        })
  }
  <div class="app-form-actions">${button({ label: `${p.round}차 통지서 발행`, type: 'submit' })}</div>
</form>`
    : '';
  return html`<li class="app-finding">
  <p><strong>${p.label}</strong></p>
  <p>남은 연차 ${p.unusedText} · 제안 발행일 ${p.proposedDate} · 발행 기간 ${p.issueFrom} ~ ${p.issueBy}${p.replyBy ? ` · 답변 기한(제안일 발행 시) ${p.replyBy}` : ''}</p>
  <p class="app-muted">${p.statute}</p>
  <p>${state}</p>
  ${form}
</li>`;
}

function issuedList(notices: readonly NoticeView[]): SafeHtml {
  if (!notices.length) return emptyState('아직 발행한 사용촉진 통지가 없습니다.');
  return dataTable({
    id: 'leave-issued',
    caption: '발행한 사용촉진 통지',
    columns: [
      { header: '차수', rowHeader: true, cell: (n) => `${n.round}차` },
      { header: '사용기간 끝', cell: (n) => n.periodEnd },
      { header: '발행', cell: (n) => koreanDateTime(n.issuedAt) },
      { header: '남은 연차(발행 시)', cell: (n) => n.unusedText },
      { header: '지정한 사용일', cell: (n) => (n.designatedDates.length ? n.designatedDates.join(', ') : '-') },
      {
        header: '근로지원인 답변',
        cell: (n) =>
          n.status === 'answered'
            ? `${NOTICE_STATUS_LABELS.answered} (${koreanDateTime(n.answeredAt ?? '')})${n.answerDates.length ? ` 사용할 날: ${n.answerDates.join(', ')}` : ''}${n.answerNote ? ` — “${n.answerNote}”` : ''}`
            : `${NOTICE_STATUS_LABELS.issued}${n.replyBy ? ` (답변 기한 ${n.replyBy})` : ''}`,
      },
      {
        header: '통지서',
        cell: (n) =>
          button({
            label: `${n.round}차 통지서 PDF`,
            variant: 'tertiary',
            size: 'small',
            data: { action: 'pdf', notice: n.noticeId },
          }),
      },
    ],
    rows: notices,
  });
}

function settingForm(ledger: Ledger): SafeHtml {
  const p = ledger.profile;
  return html`<form id="leave-setting" class="app-form" novalidate aria-label="연차 산정 설정">
  ${textField({ id: 'leave-weekly', name: 'weeklyHours', label: '주 소정근로시간(시간)', value: String(p.weeklyContractMinutes / 60), inputMode: 'numeric', maxLength: 5, required: true, hint: `지금 값의 출처: ${p.weeklySourceLabel}. 주 15시간 미만이면 연차가 생기지 않습니다. 예: 20` })}
  ${selectField({
    id: 'leave-basis',
    name: 'basis',
    label: '연차 산정 기준',
    value: p.basis,
    options: [
      { value: 'hireDate', label: '입사일 기준' },
      { value: 'fiscalYear', label: '회계연도 기준' },
    ],
  })}
  ${textField({ id: 'leave-fiscal', name: 'fiscalYearStart', label: '회계연도 시작일(MM-DD)', value: p.fiscalYearStart ?? '01-01', maxLength: 5, hint: '회계연도 기준일 때만 씁니다. 예: 01-01' })}
  ${textField({ id: 'leave-carry', name: 'carryOverLimitDays', label: '이월 한도(일)', value: String(p.carryOverLimitDays), inputMode: 'numeric', maxLength: 2, hint: '쓰지 못한 연차를 다음 해로 넘기기로 합의한 일수입니다. 넘기지 않으면 0.' })}
  <div class="app-form-actions">${button({ label: '설정 저장', type: 'submit', variant: 'secondary' })}</div>
</form>`;
}

export function agencyLedgerPage(initial: PageContext): PageView {
  let ctx = initial;
  let main: HTMLElement;
  let ledger: Ledger | undefined;
  const assistantId = () => ctx.params.assistantId ?? '';
  const path = () => `/leave/assistants/${encodeURIComponent(assistantId())}`;
  const target = (fieldIds: Record<string, string>): FormProblemTarget => ({
    root: main,
    summary: main.querySelector<HTMLElement>('#leave-problems')!,
    fieldIds,
    setTitle: (error) => ctx.setTitle(LEDGER_TITLE, { error }),
  });
  const say = (kind: 'success' | 'danger', text: string) => {
    const out = main.querySelector<HTMLElement>('#leave-message')!;
    out.innerHTML = notice(kind, text).value;
    if (kind === 'success') ctx.announce(text);
    out.querySelector<HTMLElement>('.app-notice')?.focus();
  };

  function render(l: Ledger): void {
    const body = main.querySelector<HTMLElement>('#leave-body')!;
    const r = l.row;
    let i = 0;
    body.innerHTML = html`<section class="app-section" aria-labelledby="leave-who">
  <h2 class="app-section-title" id="leave-who">${l.assistant.name} (${l.assistant.assistantId}) ${l.year}년</h2>
  ${facts([
    ['생년월일', l.assistant.birthDate],
    ['휴대전화', l.assistant.phone],
    ['입사일자', l.assistant.hireDate],
    ['퇴사일자', l.assistant.leaveDate ?? '-'],
    ['주 소정근로시간', `${hours(l.profile.weeklyContractMinutes)} (${l.profile.weeklySourceLabel})`],
    ['1일 소정근로시간', hours(l.profile.dailyMinutes)],
    [
      '연차 산정 기준',
      l.profile.basis === 'fiscalYear' ? `회계연도 기준 (${l.profile.fiscalYearStart})` : '입사일 기준',
    ],
    [`남은 연차 (${l.asOf} 기준)`, html`<strong>${l.balanceText}</strong>`],
    ['금년 연차 발생/사용', pair(r.annual, r.dailyMinutes)],
    ['금년 월차 발생/사용', pair(r.monthly, r.dailyMinutes)],
    [
      '전년이월 발생/사용',
      `${pair(r.carriedMonthly, r.dailyMinutes)} (월차), ${pair(r.carriedAnnual, r.dailyMinutes)} (연차)`,
    ],
    [
      '사용일수 / 사용제한 일수 제외',
      `${amount(r.usedMinutes, r.dailyMinutes)} / ${amount(r.usedExcludingRestrictedMinutes, r.dailyMinutes)}`,
    ],
    ['올해 소멸', amount(r.lapsedMinutes, r.dailyMinutes)],
  ])}
</section>
<section class="app-section" aria-labelledby="leave-grants-title">
  <h2 class="app-section-title" id="leave-grants-title">연차 발생 내역</h2>
  ${grantTable(l)}
</section>
<section class="app-section" aria-labelledby="leave-months-title">
  <h2 class="app-section-title" id="leave-months-title">월별 사용</h2>
  ${monthTable(l)}
</section>
<section class="app-section" aria-labelledby="leave-uses-title">
  <h2 class="app-section-title" id="leave-uses-title">연차 사용 내역과 초과 사용 사유</h2>
  ${r.usesMissingReason ? html`<p><strong>초과 사용 사유가 필요한 날이 ${r.usesMissingReason}일 있습니다.</strong></p>` : ''}
  ${usesPart(l)}
</section>
<section class="app-section" aria-labelledby="leave-notices-title">
  <h2 class="app-section-title" id="leave-notices-title">연차 사용촉진 (근로기준법 제61조)</h2>
  ${
    l.periods.length
      ? l.periods.map(
          (
            period,
          ) => html`<h3>사용기간 ${period.periodEnd}까지 (${period.kind === 'firstYear' ? '1년 미만 연차' : '연차'})</h3>
  <ul class="app-findings">${period.notices.map((p) => plannedRow(p, i++))}</ul>`,
        )
      : emptyState('지금 촉진할 연차 사용기간이 없습니다.', '사용기간이 끝났거나 아직 연차가 생기지 않았습니다.')
  }
  ${l.assistant.hasLogin ? '' : html`<p class="app-muted">이 근로지원인은 포털 계정이 없어 알림이 가지 않습니다. 통지서를 내려받아 직접 전해 주세요.</p>`}
  <h3>발행한 통지</h3>
  ${issuedList(l.notices)}
</section>
<section class="app-section" aria-labelledby="leave-setting-title">
  <h2 class="app-section-title" id="leave-setting-title">연차 산정 설정</h2>
  ${settingForm(l)}
</section>`.value;
  }

  function yearForm(): SafeHtml {
    return html`<form id="leave-ledger-year" class="app-search-form" novalidate role="search" aria-label="연차 대장 적용년도">
  <div class="app-search-grid">
    ${selectField({ id: 'leave-ledger-year-select', name: 'year', label: '적용년도', options: yearOptions(), value: String(yearOf(ctx)) })}
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit' })}</div>
</form>`;
  }

  async function load(): Promise<void> {
    const body = main.querySelector<HTMLElement>('#leave-body')!;
    const loaded = await loadSection<Ledger>(ctx, body, {
      path: path(),
      query: { year: yearOf(ctx) },
      failure: '연차 대장을 불러오지 못했습니다',
      retry: 'retry',
    });
    if (loaded === undefined) return;
    ledger = loaded;
    render(ledger);
  }

  const act = singleFlight();

  async function issue(form: HTMLFormElement): Promise<void> {
    const input = form.querySelector<HTMLInputElement>('input[name="designatedDates"]');
    const fieldIds: Record<string, string> = input ? { designatedDates: input.id } : {};
    const designatedDates = input ? parseDates(input.value) : undefined;
    if (input && !designatedDates?.length) {
      return showProblems(target(fieldIds), [
        { field: 'designatedDates', message: '지정할 사용일을 하루 이상 넣어 주세요. 예: 2026-12-24' },
      ]);
    }
    const result = await apiPost<NoticeView & { late: boolean }>(
      `${path()}/notices`,
      { noticeId: form.dataset.issue, ...(designatedDates ? { designatedDates } : {}) },
      { signal: ctx.signal },
    );
    if (refused(target(fieldIds), result)) return;
    await load();
    say(
      'success',
      `${result.data.round}차 사용촉진 통지서를 발행했습니다. ${ledger?.assistant.hasLogin ? '근로지원인에게 알림을 보냈습니다.' : '통지서를 내려받아 전해 주세요.'}`,
    );
  }

  async function saveReason(form: HTMLFormElement): Promise<void> {
    const field = form.querySelector<HTMLTextAreaElement>('textarea')!;
    const fieldIds = { reason: field.id };
    const reason = field.value.trim();
    if (reason.length < 2) {
      return showProblems(target(fieldIds), [
        { field: 'reason', message: '초과 사용 사유를 두 글자 이상 적어 주세요. 예: 병원 진료로 부득이하게 사용' },
      ]);
    }
    const result = await apiPut(
      `${path()}/excess-reasons/${form.dataset.reason}`,
      { reason, revision: Number(form.dataset.revision) },
      { signal: ctx.signal },
    );
    if (refused(target(fieldIds), result)) return;
    await load();
    say('success', `${form.dataset.reason} 초과 사용 사유를 저장했습니다.`);
  }

  async function saveSetting(form: HTMLFormElement): Promise<void> {
    const values = new FormData(form);
    const fieldIds = {
      weeklyContractMinutes: 'leave-weekly',
      basis: 'leave-basis',
      fiscalYearStart: 'leave-fiscal',
      carryOverLimitDays: 'leave-carry',
    };
    const weekly = Number(String(values.get('weeklyHours') ?? '').trim());
    const carry = Number(String(values.get('carryOverLimitDays') ?? '0').trim() || '0');
    const problems = [];
    if (!Number.isFinite(weekly) || weekly < 0 || weekly > 40) {
      problems.push({
        field: 'weeklyContractMinutes',
        message: '주 소정근로시간을 0부터 40 사이의 시간으로 넣어 주세요. 예: 20',
      });
    }
    if (!Number.isInteger(carry) || carry < 0 || carry > 25) {
      problems.push({ field: 'carryOverLimitDays', message: '이월 한도를 0부터 25 사이의 일수로 넣어 주세요.' });
    }
    if (problems.length) return showProblems(target(fieldIds), problems);
    const basis = String(values.get('basis'));
    const result = await apiPut<Ledger>(
      `${path()}/profile`,
      {
        weeklyContractMinutes: Math.round(weekly * 60),
        basis,
        ...(basis === 'fiscalYear' ? { fiscalYearStart: String(values.get('fiscalYearStart') ?? '').trim() } : {}),
        carryOverLimitDays: carry,
        revision: ledger?.profile.settingRevision ?? 0,
      },
      { signal: ctx.signal },
    );
    if (refused(target(fieldIds), result)) return;
    await load();
    say('success', '연차 산정 설정을 저장하고 연차를 다시 계산했습니다.');
  }

  async function pdf(noticeId: string): Promise<void> {
    const result = await apiGet<{ fileName: string; contentType: string; base64: string }>(
      `/leave/notices/${encodeURIComponent(noticeId)}/pdf`,
      {},
      { signal: ctx.signal },
    );
    if (!result.ok) return say('danger', result.problem.message);
    saveBase64File(result.data);
    say('success', `통지서(${result.data.fileName})를 내려받았습니다.`);
  }

  return {
    title: LEDGER_TITLE,
    lead: '근로지원인 한 명의 연차 발생과 사용, 휴가 종류별 월별 사용, 사용촉진 통지와 초과 사용 사유를 봅니다.',
    content: html`<p><a id="leave-back" href="${AGENCY_LEAVE_PATH}?year=${String(yearOf(ctx))}">연차관리 목록으로</a></p><div id="leave-year-filter">${yearForm()}</div><div id="leave-problems"></div><div id="leave-message"></div><div id="leave-body">${spinner('연차를 계산하는 중입니다…')}</div>`,
    mount(m) {
      main = m;
      main.addEventListener('submit', (event) => {
        const form = event.target as HTMLFormElement;
        event.preventDefault();
        if (form.dataset.issue) void act(() => issue(form));
        else if (form.dataset.reason) void act(() => saveReason(form));
        else if (form.id === 'leave-setting') void act(() => saveSetting(form));
        else if (form.id === 'leave-ledger-year') {
          const year = String(new FormData(form).get('year') ?? thisYear());
          ctx.navigate(`${AGENCY_LEAVE_PATH}/${encodeURIComponent(assistantId())}?year=${year}`);
        }
      });
      main.addEventListener('click', (event) => {
        const el = (event.target as Element).closest<HTMLElement>('[data-action]');
        if (el?.dataset.action === 'retry') void load();
        if (el?.dataset.action === 'pdf') void act(() => pdf(el.dataset.notice ?? ''));
      });
      void load();
    },
    update(next) {
      ctx = next;
      main.querySelector('#leave-year-filter')!.innerHTML = yearForm().value;
      main.querySelector<HTMLAnchorElement>('#leave-back')!.href = `${AGENCY_LEAVE_PATH}?year=${String(yearOf(ctx))}`;
      void load();
      return true;
    },
  };
}
