import { CLAIM_LIST_AMOUNTS, paidMinutes } from '#functions/claims/claim-rules';
import * as clock from '#kernel/clock';
import { percentText } from '#kernel/decimal';
import { isMonth, koreaDay } from '#kernel/korea-time';
import { button } from '../components/button.ts';
import { ERROR_SUMMARY_ID, errorSummary } from '../components/error-summary.ts';
import { facts } from '../components/facts.ts';
import { bindSelectState, selectField, setFieldError, textareaField } from '../components/form-field.ts';
import { notice, spinner } from '../components/notice.ts';
import { scopeFilter } from '../components/scope-filter.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiPost } from '../core/api.ts';
import { previousMonthInKorea } from '../core/dates.ts';
import { type DownloadedFile, downloadInto, saveBase64File } from '../core/download.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { showOutcome } from '../core/outcome.ts';
import { loadSection, onAction } from '../core/page.ts';
import { withQuery } from '../core/router.ts';
import { singleFlight } from '../core/submit.ts';
import { hasRole, ownAgencyOf, ownBranchOf } from '../core/viewer.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { activityTable, claimMoneyTable, pairTable } from './activity-tables.ts';
import {
  ACTION_LABELS,
  type AssistantLine,
  type ClaimDetail,
  type ClaimSummary,
  entryMinutes,
  hoursText,
  payExplanation,
  TYPE_LABELS,
  type WorkerLine,
  won,
} from './model.ts';
import { exemptionNotes, precheckLink } from './precheck-page.ts';

// 사업비 신청 (SPEC C5): the agency starts, reviews and submits its month; the branch approves or
// returns it with a reason. Both see the same claim, its status and its history; every figure opens
// down to the activity-log entries and the rule that produced it.

export const AGENCY_CLAIMS_PATH = '/agency/claims';
export const BRANCH_CLAIMS_PATH = '/internal/claims';

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/** 수행년도 choices: this year and the three before it (the programme keeps four years on screen). */
function yearChoices(): string[] {
  const year = clock.thisYear();
  return [0, 1, 2, 3].map((back) => String(year - back));
}

/** The list's filters as the URL holds them (관할지사, 수행기관, 수행년도, 수행월). */
interface ListFilters {
  branchId?: string;
  agencyId?: string;
  year?: string;
  month?: string;
}

function filtersOf(url: URL): ListFilters {
  const get = (name: string) => url.searchParams.get(name) || undefined;
  return { branchId: get('branchId'), agencyId: get('agencyId'), year: get('year'), month: get('month') };
}

const day = (at: string | undefined) => (at ? koreaDay(at) : '-');

function listTable(claims: ClaimSummary[], base: string, internal: boolean): SafeHtml {
  const columns: Column<ClaimSummary & { no: number }>[] = [
    {
      header: '선택',
      width: 'narrow',
      cell: (c) =>
        html`<div class="krds-form-check"><input type="checkbox" class="app-row-check" name="claimId" value="${c.claimId}" id="pick-${c.claimId}"><label for="pick-${c.claimId}"><span class="sr-only">선택: ${c.agencyName} ${c.month}</span></label></div>`,
    },
    { header: 'No.', width: 'narrow', cell: (c) => String(c.no) },
    { header: '신청일자', cell: (c) => html`<span class="app-nowrap">${day(c.submittedAt)}</span>` },
    {
      header: '수행년월',
      rowHeader: true,
      cell: (c) =>
        html`<a class="app-nowrap" href="${base}/${c.claimId}">${c.month}<span class="sr-only"> ${c.agencyName} 사업비 신청 보기</span></a>`,
    },
    ...(internal ? [{ header: '수행기관', cell: (c: ClaimSummary) => c.agencyName }] : []),
    { header: '진행상태', cell: (c) => html`<span class="app-nowrap">${c.statusLabel}</span>` },
    { header: '결정일자', cell: (c) => html`<span class="app-nowrap">${day(c.decidedAt)}</span>` },
    {
      header: '총근로시간',
      cell: (c) =>
        html`<span class="app-nowrap">${c.paidMinutes === undefined ? '-' : `${hoursText(c.paidMinutes)}시간`}</span>`,
    },
    ...CLAIM_LIST_AMOUNTS.map((a) => ({
      header: a.header,
      cell: (c: ClaimSummary) => html`<span class="app-nowrap">${c.totals ? won(c.totals[a.key]) : '-'}</span>`,
    })),
  ];
  return dataTable({
    id: 'claims-table',
    caption: html`사업비 신청 목록<span class="sr-only">: 최근 달부터. 선택 칸으로 여러 건을 골라 엑셀로 내려받을 수 있습니다.</span>`,
    columns,
    rows: claims.map((c, i) => ({ ...c, no: i + 1 })),
  });
}

/**
 * 사업비 신청 목록 (seed 000): the agency's months (with a start form), or for the internal system the
 * claims of the branch's agencies (hq: every branch's), with the seed's filters and columns; several
 * can be picked and downloaded as one Excel file.
 */
export function claimListPage(side: 'agency' | 'internal') {
  return (ctx: PageContext): PageView => {
    let main: HTMLElement;
    const internal = side === 'internal';
    const base = internal ? BRANCH_CLAIMS_PATH : AGENCY_CLAIMS_PATH;
    const hq = hasRole(ctx.viewer, 'hq');
    const ownAgency = ownAgencyOf(ctx.viewer);
    const ownBranch = ownBranchOf(ctx.viewer);
    const filters = filtersOf(ctx.url);
    const scope = scopeFilter(ctx, { prefix: 'cl', branchId: filters.branchId, agencyId: filters.agencyId });
    const allowed = internal ? hq || !!ownBranch : !!ownAgency;
    const filtered = Object.values(filters).some(Boolean);

    function apiQuery(): Record<string, string | undefined> {
      const month = filters.year && filters.month ? `${filters.year}-${filters.month}` : undefined;
      const period = { year: filters.year, month };
      if (!internal) return { agencyId: ownAgency, ...period };
      return {
        branchId: hq ? filters.branchId : ownBranch,
        agencyId: filters.agencyId,
        ...period,
      };
    }

    async function load(message?: SafeHtml): Promise<void> {
      const body = main.querySelector<HTMLElement>('#claims-body')!;
      if (!allowed) {
        body.innerHTML = emptyState(
          internal ? '지사 또는 본부 담당자만 볼 수 있습니다.' : '수행기관 담당자만 볼 수 있습니다.',
        ).value;
        return;
      }
      const loaded = await loadSection<{ claims: ClaimSummary[] }>(ctx, body, {
        path: '/claims',
        query: apiQuery(),
        loading: '사업비 신청을 불러오는 중입니다…',
        failure: '사업비 신청을 불러오지 못했습니다',
        retry: 'retry',
      });
      if (loaded === undefined) return;
      const claims = loaded.claims;
      body.innerHTML = html`${message ?? ''}${
        claims.length
          ? html`<p class="app-count" id="claims-count">총 <strong>${claims.length}</strong>건</p>
<div class="app-form-actions">${button({ label: '선택한 신청 엑셀 내려받기', variant: 'secondary', data: { action: 'export-picked' } })}${button({ label: '모두 선택', variant: 'tertiary', data: { action: 'pick-all' } })}</div>
<div id="claims-export-result" role="status"></div>
${listTable(claims, base, internal)}`
          : filtered
            ? emptyState('조건에 맞는 사업비 신청이 없습니다.', '조회 조건을 ‘전체’로 바꿔 다시 조회해 보세요.')
            : emptyState(
                '아직 사업비 신청이 없습니다.',
                internal ? '' : '활동일지를 월 제출한 뒤 위에서 신청 월을 골라 시작하세요.',
              )
      }`.value;
      ctx.announce(`사업비 신청 ${claims.length}건`);
    }

    async function exportPicked(): Promise<void> {
      const out = main.querySelector<HTMLElement>('#claims-export-result')!;
      const claimIds = [...main.querySelectorAll<HTMLInputElement>('input.app-row-check:checked')].map((i) => i.value);
      if (claimIds.length === 0) {
        out.innerHTML = notice('danger', '내려받을 사업비 신청을 목록의 ‘선택’ 칸에서 하나 이상 골라 주세요.').value;
        main.querySelector<HTMLInputElement>('input.app-row-check')?.focus();
        return;
      }
      const result = await apiPost<DownloadedFile>('/claims/export', { claimIds }, { signal: ctx.signal });
      if (!result.ok) {
        out.innerHTML = notice('danger', result.problem.message).value;
        return;
      }
      saveBase64File(result.data);
      showOutcome(out, `사업비 신청 ${claimIds.length}건을 엑셀 파일(${result.data.fileName})로 내려받았습니다.`);
    }

    const filterForm = html`<form id="claims-filter" class="app-search-form" role="search" aria-label="사업비 신청 조회 조건" novalidate>
  <div class="app-search-grid">
    ${internal ? scope.fields : ''}
    ${selectField({ id: 'cl-year', name: 'year', label: '수행년도', value: filters.year ?? '', options: [{ value: '', label: '전체' }, ...yearChoices().map((y) => ({ value: y, label: `${y}년` }))] })}
    ${selectField({ id: 'cl-month', name: 'month', label: '수행월', value: filters.month ?? '', hint: '수행월은 수행년도를 고른 뒤 고를 수 있습니다.', options: [{ value: '', label: '전체' }, ...MONTHS.map((m) => ({ value: m, label: `${Number(m)}월` }))] })}
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}</div>
</form>`;

    const startForm = internal
      ? html``
      : html`<form id="claim-start" class="app-search-form" novalidate aria-label="사업비 신청 시작">
  <div class="form-group" data-field="claim-month">
    <div class="form-tit"><label for="claim-month">신청 월</label></div>
    <div class="form-conts"><input class="krds-input" type="month" id="claim-month" name="month" value="${previousMonthInKorea()}" aria-describedby="claim-month-hint" required></div>
    <p class="form-hint" id="claim-month-hint">근무이력 비교를 마치고 월 제출한 달만 계산할 수 있습니다. 예: ${previousMonthInKorea()}</p>
  </div>
  <div class="app-form-actions">${button({ label: '사업비 계산 시작', type: 'submit', size: 'large' })}</div>
  ${precheckLink(previousMonthInKorea())}
  <div id="claim-start-result"></div>
</form>`;

    return {
      title: internal ? '사업비 신청 결정' : '사업비 신청',
      lead: internal
        ? hq
          ? '모든 지사의 사업비 신청을 조회하고 내려받습니다. 승인과 반려는 관할 지사가 합니다.'
          : '관할 수행기관이 제출한 사업비 신청을 확인하고 승인하거나 사유를 적어 반려합니다.'
        : '제출한 활동일지로 달마다 사업비를 계산하고, 검토한 뒤 지사에 제출합니다.',
      content: html`${startForm}<div id="claims-filter-errors"></div>${filterForm}<section class="app-results" aria-labelledby="claims-title"><h2 class="app-section-title" id="claims-title">사업비 신청 목록</h2><div id="claims-body"></div></section>`,
      mount(m) {
        main = m;
        bindSelectState(main);
        if (internal) void scope.mount(main);
        onAction(main, 'retry', load);
        onAction(main, 'export-picked', exportPicked);
        onAction(main, 'pick-all', () => {
          for (const box of main.querySelectorAll<HTMLInputElement>('input.app-row-check')) box.checked = true;
        });
        main.addEventListener('submit', async (event) => {
          const form = event.target as HTMLFormElement;
          if (form.id === 'claims-filter') {
            event.preventDefault();
            const values = new FormData(form);
            const next: Record<string, string | undefined> = {};
            for (const name of ['branchId', 'agencyId', 'year', 'month'])
              next[name] = String(values.get(name) ?? '') || undefined;
            const errors = main.querySelector<HTMLElement>('#claims-filter-errors')!;
            setFieldError(main, 'cl-month', undefined);
            errors.innerHTML = '';
            if (next.month && !next.year) {
              setFieldError(main, 'cl-month', '수행월을 고르려면 수행년도를 먼저 골라 주세요.');
              errors.innerHTML = errorSummary({
                title: '조회 조건을 확인해 주세요',
                items: [{ fieldId: 'cl-month', message: '수행월을 고르려면 수행년도를 먼저 골라 주세요.' }],
              }).value;
              main.querySelector<HTMLElement>(`#${ERROR_SUMMARY_ID}`)?.focus();
              return;
            }
            ctx.navigate(withQuery(base, next));
            return;
          }
          if (form.id !== 'claim-start' || !ownAgency) return;
          event.preventDefault();
          const month = String(new FormData(form).get('month') ?? '');
          const out = main.querySelector<HTMLElement>('#claim-start-result')!;
          if (!isMonth(month)) {
            out.innerHTML = notice('danger', '신청 월을 골라 주세요 (예: 2026-10).').value;
            return;
          }
          const result = await apiPost<ClaimSummary>('/claims', { agencyId: ownAgency, month }, { signal: ctx.signal });
          if (!result.ok) {
            out.innerHTML = notice('danger', result.problem.message).value;
            return;
          }
          ctx.navigate(`${base}/${result.data.claimId}`);
        });
        void load();
      },
    };
  };
}

function moneyTable(lines: AssistantLine[], totals: ClaimDetail['totals']): SafeHtml {
  type Row = { name: string; amounts: AssistantLine['result']['amounts']; index?: number };
  const rows: Row[] = lines.map((l, index) => ({ name: l.name, amounts: l.result.amounts, index }));
  if (totals) rows.push({ name: '합계', amounts: totals });
  return dataTable<Row>({
    id: 'claim-money',
    caption: '근로지원인별 금액 (원)',
    columns: [
      { header: '근로지원인', rowHeader: true, cell: (r) => r.name },
      { header: '급여', cell: (r) => won(r.amounts.pay) },
      { header: '본인부담금', cell: (r) => won(r.amounts.copay) },
      { header: '차감 지급액', cell: (r) => won(r.amounts.net) },
      { header: '사회보험', cell: (r) => won(r.amounts.socialInsurance) },
      { header: '운영비', cell: (r) => won(r.amounts.operatingCost) },
      { header: '퇴직적립금', cell: (r) => won(r.amounts.severance) },
      { header: '합계', cell: (r) => won(r.amounts.total) },
      {
        header: '근거',
        cell: (r) =>
          r.index === undefined
            ? ''
            : html`<a href="#why-${r.index}">이 금액의 근거<span class="sr-only"> ${r.name}</span></a>`,
      },
    ],
    rows,
  });
}

function workerTable(lines: WorkerLine[]): SafeHtml {
  return dataTable({
    id: 'claim-workers',
    caption: '근로자별 본인부담금',
    columns: [
      { header: '근로자', rowHeader: true, cell: (l) => l.name },
      { header: '지원 시간', cell: (l) => `${hoursText(l.result.supportedMinutes)}시간` },
      ...(['1', '2', '3'] as const).map((k) => ({
        header: k === '1' ? '단독' : `1:${k}`,
        cell: (l: WorkerLine) => {
          const minutes = l.result.byRatio?.[k];
          return minutes === undefined ? '-' : `${hoursText(minutes)}시간`;
        },
      })),
      { header: '본인부담금', cell: (l) => won(l.result.copay) },
    ],
    rows: lines,
  });
}

/** "이 금액의 근거": the rule with the line's own figures, then every entry that produced it. */
function whySection(line: AssistantLine, index: number, detail: ClaimDetail): SafeHtml {
  const m = line.result.minutes;
  return html`<section class="app-section" id="why-${index}" tabindex="-1" aria-labelledby="why-title-${index}">
  <h3 class="app-section-title" id="why-title-${index}">${line.name}: 이 금액의 근거</h3>
  ${facts([
    ['급여', won(line.result.amounts.pay)],
    [
      '인정 시간',
      `${hoursText(paidMinutes(m))}시간 (서비스 ${hoursText(m.service)}, 주휴 ${hoursText(m.weeklyHoliday)})`,
    ],
    ['동시 지원 초과(지급 안 함)', `${hoursText(m.overConcurrency)}시간`],
  ])}
  ${detail.rates ? html`<ul class="app-list">${payExplanation(m, detail.rates).map((t) => html`<li>${t}</li>`)}</ul>` : ''}
  ${dataTable({
    id: `why-entries-${index}`,
    caption: `${line.name} 근로지원인의 활동일지 ${line.entries.length}건`,
    columns: [
      { header: '활동일자', rowHeader: true, cell: (e) => e.date },
      { header: '시간', cell: (e) => `${e.start}~${e.end}` },
      { header: '분', cell: (e) => String(entryMinutes(e)) },
      { header: '근태', cell: (e) => TYPE_LABELS[e.type] ?? e.type },
      { header: '근로자', cell: (e) => (e.type === 'service' ? e.workerName : '-') },
    ],
    rows: line.entries,
  })}
</section>`;
}

/** 수행기관 상세 (seed 000): the agency's contact and account, and the rates the claim applied. */
function agencySection(c: ClaimDetail): SafeHtml {
  const a = c.agency;
  const rates = c.rates;
  const rate = (value: number | undefined) => (value === undefined ? '-' : percentText(value));
  return html`<h2 class="app-section-title">수행기관 상세</h2>
${facts([
  ['수행년월', c.month],
  ['수행기관명', a?.name ?? c.agencyName],
  ['담당자', a?.contactName ?? '-'],
  ['전화번호', a?.contactPhone ?? a?.phone ?? '-'],
  ['팩스번호', a?.fax ?? '-'],
  ['은행명', a?.bankName ?? '-'],
  ['계좌번호', a?.bankAccount ?? '-'],
  ['예금주명', a?.bankHolder ?? '-'],
  ['사업운영비 적용비율', rate(rates?.operatingCostRate)],
  ['고용보험', rate(rates?.socialInsurance.employment)],
  ['산재보험', rate(rates?.socialInsurance.industrialAccident)],
  ['건강보험', rate(rates?.socialInsurance.health)],
  ['국민연금', rate(rates?.socialInsurance.pension)],
])}`;
}

/** One claim for both sides: figures, why, history, and the actions the viewer may take now. */
export function claimDetailPage(side: 'agency' | 'branch') {
  return (ctx: PageContext): PageView => {
    let main: HTMLElement;
    let claim: ClaimDetail | undefined;
    const flight = singleFlight();
    const base = side === 'agency' ? AGENCY_CLAIMS_PATH : BRANCH_CLAIMS_PATH;
    const claimId = ctx.params.claimId ?? '';
    let poll: ReturnType<typeof setTimeout> | undefined;
    ctx.signal.addEventListener('abort', () => clearTimeout(poll));

    function actions(c: ClaimDetail): SafeHtml {
      const list: SafeHtml[] = [];
      if (side === 'agency' && c.waitingFor === 'agency') {
        list.push(button({ label: '지사에 제출', size: 'large', data: { action: 'submit' } }));
        list.push(
          button({ label: '활동일지로 다시 계산', variant: 'secondary', size: 'large', data: { action: 'recompute' } }),
        );
      }
      if (c.status === 'failed') {
        list.push(button({ label: '다시 시작', size: 'large', data: { action: 'resume' } }));
      }
      list.push(button({ label: '엑셀 내려받기', variant: 'tertiary', size: 'large', data: { action: 'export' } }));
      const decision =
        side === 'branch' && c.waitingFor === 'branch' && hasRole(ctx.viewer, 'branch')
          ? html`<form id="claim-decision" novalidate aria-label="지사 결정">
  ${textareaField({ id: 'decision-reason', name: 'reason', label: '반려 사유', value: '', maxLength: 1000, rows: 3, hint: '반려할 때만 적습니다. 기관이 무엇을 고쳐야 하는지 적어 주세요.' })}
  <div class="app-form-actions">${button({ label: '승인', size: 'large', data: { action: 'approve' } })}${button({ label: '반려', variant: 'secondary', size: 'large', data: { action: 'return' } })}</div>
</form>`
          : html``;
      return html`${decision}<div class="app-form-actions">${list}</div>`;
    }

    function render(c: ClaimDetail, message?: SafeHtml): void {
      const body = main.querySelector<HTMLElement>('#claim-body')!;
      const status = c.status === 'computing' ? spinner('사업비를 계산하고 있습니다…') : html``;
      body.innerHTML = html`<div id="claim-message">${message ?? ''}</div>
${c.returnReason ? notice('info', `지사 반려 사유: ${c.returnReason}`) : ''}
${c.failure ? notice('danger', `처리에 실패했습니다: ${c.failure.cause} ‘다시 시작’을 누르면 저장된 신청에서 다시 처리합니다.`) : ''}
${facts([
  ['수행기관', c.agencyName],
  ['신청 월', c.month],
  ['상태', html`<strong id="claim-status">${c.statusLabel}</strong>`],
  [
    '요율표',
    c.rateYear ? `${c.rateYear}년 버전 ${c.rateVersion}${c.rates ? ` (시간급 ${won(c.rates.hourlyWage)})` : ''}` : '-',
  ],
  ['신청 금액', c.totals ? won(c.totals.total) : '-'],
  ['본인부담금 합계', c.totals ? won(c.totals.copay) : '-'],
])}
${agencySection(c)}
${status}
${side === 'agency' && c.waitingFor === 'agency' ? precheckLink(c.month) : ''}
${actions(c)}
${
  c.assistants.length
    ? html`<h2 class="app-section-title">근로지원인 활동내용</h2>${activityTable(c.assistants, c.pairs)}
<h2 class="app-section-title">근로지원인 세부 활동내용</h2>${pairTable(c.pairs)}
<h2 class="app-section-title">근로지원인 사업비 내용</h2>${claimMoneyTable(c)}
<h2 class="app-section-title">근로지원인별 금액</h2>${moneyTable(c.assistants, c.totals)}
<h2 class="app-section-title">근로자별 본인부담금</h2>${workerTable(c.workers)}
${exemptionNotes(c.workers)}
<h2 class="app-section-title">금액의 근거</h2>${c.assistants.map((l, i) => whySection(l, i, c))}`
    : c.status === 'computing'
      ? ''
      : emptyState('계산된 내역이 없습니다.')
}
${c.problems.length ? html`<h2 class="app-section-title">확인할 점 ${c.problems.length}건</h2><ul class="app-list">${c.problems.map((p) => html`<li>${p.message}</li>`)}</ul>` : ''}
<h2 class="app-section-title">처리 이력</h2>
${dataTable({
  id: 'claim-history',
  caption: '처리 이력',
  columns: [
    { header: '일시', rowHeader: true, cell: (h) => h.at.replace('T', ' ').slice(0, 16) },
    { header: '처리', cell: (h) => ACTION_LABELS[h.action] ?? h.action },
    { header: '처리자', cell: (h) => h.by },
    { header: '사유', cell: (h) => h.reason ?? '' },
  ],
  rows: c.history,
})}`.value;
    }

    /** Reads the claim; while the workflow is between human steps, reads again shortly. */
    async function load(message?: SafeHtml): Promise<void> {
      clearTimeout(poll);
      const loaded = await loadSection<ClaimDetail>(ctx, main.querySelector<HTMLElement>('#claim-body')!, {
        path: `/claims/${encodeURIComponent(claimId)}`,
        failure: '사업비 신청을 불러오지 못했습니다',
        retry: 'retry',
      });
      if (loaded === undefined) return;
      claim = loaded;
      render(claim, message);
      // between human steps the workflow is still working (computing, or taking the answer in)
      const settled = claim.status === 'failed' || claim.status === 'approved' || claim.waitingFor !== undefined;
      if (!settled) poll = setTimeout(() => void load(message), 700);
    }

    async function act(action: string): Promise<void> {
      if (!claim) return;
      await flight(async () => {
        if (action === 'export') {
          await downloadInto(
            main.querySelector<HTMLElement>('#claim-message')!,
            `/claims/${encodeURIComponent(claimId)}/export`,
            {},
            ctx.signal,
            (fileName) => `엑셀 파일(${fileName})을 내려받았습니다.`,
          );
          return;
        }
        let path = `/claims/${encodeURIComponent(claimId)}/${action}`;
        let body: unknown = {};
        if (action === 'approve' || action === 'return') {
          const reason = main.querySelector<HTMLTextAreaElement>('#decision-reason')?.value.trim() ?? '';
          if (action === 'return' && reason.length < 2) {
            const out = main.querySelector<HTMLElement>('#claim-message')!;
            out.innerHTML =
              html`<div class="app-notice app-notice-danger" role="alert"><p class="app-notice-title">반려 사유를 입력해 주세요.</p><p><a href="#decision-reason">반려 사유 입력란으로 가기</a></p></div>`.value;
            main.querySelector<HTMLElement>('#decision-reason')?.focus();
            return;
          }
          path = `/claims/${encodeURIComponent(claimId)}/decision`;
          body = { action, ...(action === 'return' ? { reason } : {}) };
        }
        const result = await apiPost<ClaimSummary>(path, body, { signal: ctx.signal });
        if (!result.ok) {
          main.querySelector<HTMLElement>('#claim-message')!.innerHTML = notice('danger', result.problem.message).value;
          return;
        }
        const done: Record<string, string> = {
          submit: '지사에 제출했습니다.',
          recompute: '활동일지로 다시 계산합니다.',
          resume: '다시 시작했습니다.',
          approve: '승인했습니다.',
          return: '반려했습니다. 기관이 고쳐서 다시 제출할 수 있습니다.',
        };
        ctx.announce(done[action] ?? '');
        await load(notice('success', done[action] ?? ''));
      });
    }

    return {
      title: side === 'agency' ? '사업비 신청 상세' : '사업비 신청 결정',
      content: html`<p><a href="${base}">사업비 신청 목록으로</a></p><div id="claim-body">${spinner('사업비 신청을 불러오는 중입니다…')}</div>`,
      mount(m) {
        main = m;
        main.addEventListener('click', (event) => {
          const el = (event.target as Element).closest<HTMLElement>('[data-action]');
          if (!el) return;
          event.preventDefault();
          if (el.dataset.action === 'retry') void load();
          else void act(el.dataset.action ?? '');
        });
        main.addEventListener('submit', (event) => event.preventDefault());
        void load();
      },
    };
  };
}
