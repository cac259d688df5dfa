import { BRANCHES, branchName } from '#commons/branches';
import { DISABILITY_TYPES, label, SEVERITIES, SUPPORT_TYPES, scheduleSummary } from '#functions/applications/codes';
import type { ApplicationView } from '#functions/applications/contract';
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  evaluationProblems,
  monthlyCap,
  STATUS_LABELS,
} from '#functions/applications/rules';
import type { Matching } from '#functions/matching/contract';
import { button } from '../components/button.ts';
import { facts, statusTag } from '../components/facts.ts';
import { bindSelectState, selectField, textareaField, textField } from '../components/form-field.ts';
import { formText, type Problem } from '../components/form-problems.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiGet, apiPost } from '../core/api.ts';
import { dateTime, day } from '../core/dates.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { showOutcome } from '../core/outcome.ts';
import { loadInto } from '../core/page.ts';
import { numberOf, oneAtATime, problemTarget, refused, reportProblems } from '../core/submit.ts';
import { hasRole, ownBranchOf } from '../core/viewer.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { EXEMPTION_FIELD_IDS, exemptionSection, saveExemption } from './exemption-panel.ts';

// 내부 시스템 › 근로지원인 사업 (B1): the branch's list of service applications by status, and one
// application per screen with the one step its status allows — 접수, 평가 (decided hours within the
// limits, period, support type), 반려 with a reason, 매칭의뢰 to one of the branch's agencies.

export const APPLICATIONS_PATH = '/internal/applications';

const MATCHING_COLUMNS: Column<Matching>[] = [
  { header: '근로지원인', cell: (m) => m.assistantName, rowHeader: true, width: 'narrow' },
  { header: '수행기관', cell: (m) => m.agencyName },
  { header: '기간', cell: (m) => `${m.startDate} ~ ${m.endDate}`, width: 'medium' },
  { header: '주간 일정', cell: (m) => scheduleSummary(m.schedule), width: 'wide' },
  {
    header: '상태',
    cell: (m) => statusTag(m.status === 'active' ? '지원 중' : `종료 ${m.endedOn ?? ''}`),
    width: 'narrow',
  },
];

const COLUMNS: Column<ApplicationView>[] = [
  {
    header: '신청 번호',
    cell: (a) => html`<a href="${APPLICATIONS_PATH}/${encodeURIComponent(a.applicationId)}">${a.applicationId}</a>`,
    rowHeader: true,
    width: 'medium',
  },
  { header: '신청인', cell: (a) => a.applicantName, width: 'narrow' },
  { header: '사업장', cell: (a) => a.workplace.companyName },
  { header: '신청일', cell: (a) => day(a.submittedAt), width: 'narrow' },
  { header: '수행기관', cell: (a) => a.requestedAgencyName ?? '-' },
  { header: '상태', cell: (a) => statusTag(STATUS_LABELS[a.status]), width: 'narrow' },
];

/** One list page, with the status it opens on: 접수 (신청), 평가 (접수), 매칭의뢰 (평가 완료). */
export function applicationsPage(title: string, lead: string, defaultStatus: ApplicationStatus) {
  return (ctx: PageContext): PageView => {
    const hq = hasRole(ctx.viewer, 'hq');
    const branchId = hq ? (ctx.url.searchParams.get('branchId') ?? BRANCHES[0].branchId) : ownBranchOf(ctx.viewer);
    const status = ctx.url.searchParams.get('status') ?? defaultStatus;
    const path = ctx.url.pathname;
    return {
      title,
      lead,
      content: html`<form id="applications-filter" class="app-search-form" role="search" aria-label="서비스 신청 검색 조건">
  <div class="app-search-grid">
    ${hq ? selectField({ id: 'filter-branch', name: 'branchId', label: '지사', value: branchId ?? '', options: BRANCHES.map((b) => ({ value: b.branchId, label: b.name })) }) : ''}
    ${selectField({ id: 'filter-status', name: 'status', label: '처리 상태', value: status, options: [...APPLICATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })), { value: 'all', label: '전체' }] })}
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}</div>
</form>
<section class="app-results" aria-labelledby="applications-title">
  <h2 class="app-section-title" id="applications-title">신청 목록</h2>
  <div id="applications-body"></div>
</section>`,
      mount(main) {
        bindSelectState(main);
        const box = main.querySelector<HTMLElement>('#applications-body')!;
        const load = () => {
          if (!branchId) {
            box.innerHTML = emptyState('소속 지사가 없는 계정입니다.', '지사 담당자 계정으로 로그인해 주세요.').value;
            return;
          }
          const scope = `${branchName(branchId)} ${status === 'all' ? '전체' : STATUS_LABELS[status as ApplicationStatus]}`;
          void loadInto<{ items: ApplicationView[] }>(ctx, box, {
            path: '/service-applications',
            query: { branchId: hq ? branchId : undefined, status: status === 'all' ? undefined : status },
            loading: '신청 목록을 불러오는 중입니다…',
            failure: '신청 목록을 불러오지 못했습니다',
            retry: 'retry',
            render: ({ items }) =>
              items.length
                ? html`<p class="app-count">총 <strong>${items.length}</strong>건</p>${dataTable({ id: 'applications-table', caption: `${scope} 서비스 신청 목록`, columns: COLUMNS, rows: items })}`
                : emptyState(`${scope} 서비스 신청이 없습니다.`, '다른 처리 상태를 골라 조회해 보세요.'),
          });
        };
        main.querySelector('#applications-filter')!.addEventListener('submit', (event) => {
          event.preventDefault();
          const data = new FormData(event.target as HTMLFormElement);
          const params = new URLSearchParams();
          for (const key of ['branchId', 'status']) {
            const value = data.get(key);
            if (typeof value === 'string' && value) params.set(key, value);
          }
          ctx.navigate(`${path}?${params}`);
        });
        main.addEventListener('click', (event) => {
          if ((event.target as Element).closest('[data-action="retry"]')) load();
        });
        load();
      },
    };
  };
}

const EVALUATION_IDS: Record<string, string> = {
  hoursPerDay: 'eval-hours',
  daysPerWeek: 'eval-days',
  monthlyHours: 'eval-monthly',
  startDate: 'eval-start',
  endDate: 'eval-end',
  supportType: 'eval-type',
  note: 'eval-note',
  reason: 'reject-reason',
  agencyId: 'request-agency',
};

function details(a: ApplicationView): SafeHtml {
  return facts([
    ['신청인', `${a.applicantName} (${a.applicantId})`],
    ['신청일', dateTime(a.submittedAt)],
    [
      '사업장',
      `${a.workplace.companyName} (사업자등록번호 ${a.workplace.businessNumber}), 대표 ${a.workplace.employerName}`,
    ],
    ['사업장 주소·전화', `${a.workplace.address} · ${a.workplace.phone}`],
    ['직무', `${a.job.title}: ${a.job.duties} (근무 ${a.job.workStart}~${a.job.workEnd})`],
    ['장애', `${label(DISABILITY_TYPES, a.disability.type)}, ${label(SEVERITIES, a.disability.severity)}`],
    ['지원 유형', a.support.types.map((t) => label(SUPPORT_TYPES, t)).join(', ')],
    ['필요한 지원', a.support.details],
    [
      '희망 시간과 기간',
      `하루 ${a.requested.hoursPerDay}시간, 주 ${a.requested.daysPerWeek}일, ${a.requested.startDate} ~ ${a.requested.endDate}`,
    ],
    [
      '전자서명',
      `${a.signature.name} · ${dateTime(a.signature.consentedAt)} · 내용 해시 ${a.signature.contentHash.slice(0, 16)}…`,
    ],
    [
      '평가 결과',
      a.evaluation
        ? `월 ${a.evaluation.monthlyHours}시간 (하루 ${a.evaluation.hoursPerDay}시간, 주 ${a.evaluation.daysPerWeek}일), ${a.evaluation.startDate} ~ ${a.evaluation.endDate}, ${label(SUPPORT_TYPES, a.evaluation.supportType)}`
        : '평가 전',
    ],
    ['수행기관', a.requestedAgencyName ?? '매칭의뢰 전'],
    [
      '처리 단계',
      html`<ol class="app-bullets">${a.history.map((h) => html`<li>${STATUS_LABELS[h.status]} ${dateTime(h.at)} (${h.by})${h.note ? ` · ${h.note}` : ''}</li>`)}</ol>`,
    ],
  ]);
}

function evaluationForm(a: ApplicationView): SafeHtml {
  const weekly = a.requested.hoursPerDay * a.requested.daysPerWeek;
  return html`<form id="evaluation-form" class="app-form" novalidate>
  <h2 class="app-section-title">평가</h2>
  <p class="app-form-note">하루 8시간, 주 40시간을 넘을 수 없고, 월 결정 시간은 주 시간으로 평균 한 달(약 4.35주)에 지원할 수 있는 시간 이하여야 합니다. 신청대로라면 주 ${weekly}시간, 월 최대 ${monthlyCap(weekly)}시간입니다.</p>
  ${textField({ id: 'eval-hours', name: 'hoursPerDay', label: '하루 결정 시간(시간)', value: String(a.requested.hoursPerDay), required: true, inputMode: 'numeric', maxLength: 4 })}
  ${selectField({ id: 'eval-days', name: 'daysPerWeek', label: '주 지원 일수', value: String(a.requested.daysPerWeek), required: true, options: [1, 2, 3, 4, 5, 6, 7].map((n) => ({ value: String(n), label: `${n}일` })) })}
  ${textField({ id: 'eval-monthly', name: 'monthlyHours', label: '월 결정 시간(시간)', value: String(monthlyCap(weekly)), required: true, inputMode: 'numeric', maxLength: 3 })}
  ${textField({ id: 'eval-start', name: 'startDate', label: '지원 시작일', type: 'date', value: a.requested.startDate, required: true })}
  ${textField({ id: 'eval-end', name: 'endDate', label: '지원 종료일', type: 'date', value: a.requested.endDate, required: true })}
  ${selectField({ id: 'eval-type', name: 'supportType', label: '지원 유형', value: a.support.types[0] ?? '', required: true, options: SUPPORT_TYPES.map((t) => ({ value: t.code, label: t.label })) })}
  ${textareaField({ id: 'eval-note', name: 'note', label: '평가 의견', value: '', maxLength: 500, rows: 3 })}
  <div class="app-form-actions">${button({ label: '평가 저장', type: 'submit', size: 'large' })}</div>
</form>`;
}

function rejectForm(): SafeHtml {
  return html`<form id="reject-form" class="app-form" novalidate>
  <h2 class="app-section-title">반려</h2>
  ${textareaField({ id: 'reject-reason', name: 'reason', label: '반려 사유', value: '', maxLength: 500, rows: 3, hint: '신청인이 무엇을 고쳐 다시 신청하면 되는지 적어 주세요. 신청인에게 문자로 갑니다.' })}
  <div class="app-form-actions">${button({ label: '반려하기', type: 'submit', variant: 'secondary', size: 'large' })}</div>
</form>`;
}

function requestForm(agencies: { organisationId: string; name: string }[], current?: string): SafeHtml {
  return html`<form id="request-form" class="app-form" novalidate>
  <h2 class="app-section-title">매칭의뢰</h2>
  ${current ? html`<p class="app-form-note">지금 ${current}에 의뢰되어 있습니다. 아직 매칭되지 않았으면 다른 수행기관에 다시 의뢰할 수 있습니다.</p>` : ''}
  ${selectField({ id: 'request-agency', name: 'agencyId', label: '수행기관', value: '', required: true, options: [{ value: '', label: '선택' }, ...agencies.map((o) => ({ value: o.organisationId, label: o.name }))] })}
  <div class="app-form-actions">${button({ label: '매칭 의뢰하기', type: 'submit', size: 'large' })}</div>
</form>`;
}

export function applicationDetailPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const id = ctx.params.applicationId ?? '';
  const title = '서비스 신청 처리';
  const target = () => problemTarget(ctx, main, 'detail-errors', EVALUATION_IDS, title);

  async function actionsFor(a: ApplicationView): Promise<SafeHtml> {
    switch (a.status) {
      case 'submitted':
        return html`<section class="app-section"><h2 class="app-section-title">접수</h2><p class="app-form-note">신청 내용을 확인했으면 접수하세요. 신청인에게 문자로 알립니다.</p>${button({ label: '접수하기', size: 'large', data: { action: 'receive' } })}</section>${rejectForm()}`;
      case 'received':
        return html`${evaluationForm(a)}${rejectForm()}`;
      case 'evaluated':
      case 'matchingRequested': {
        const result = await apiGet<{ items: { organisationId: string; name: string; kind: string }[] }>(
          '/organisations',
          { branchId: a.branchId, kind: 'agency' },
          { signal: ctx.signal },
        );
        const agencies = result.ok ? result.data.items.filter((o) => o.kind === 'agency') : [];
        return requestForm(agencies, a.requestedAgencyName);
      }
      default:
        return html`<p class="app-form-note">${a.status === 'matched' ? '매칭이 끝난 신청입니다.' : '반려한 신청입니다.'}</p>`;
    }
  }

  async function load(): Promise<void> {
    const box = main.querySelector<HTMLElement>('#detail-body')!;
    const a = await loadInto<ApplicationView>(ctx, box, {
      path: `/service-applications/${encodeURIComponent(id)}`,
      loading: '신청 내용을 불러오는 중입니다…',
      failure: '신청 내용을 불러오지 못했습니다',
      retry: 'retry',
      render: (a) =>
        html`<section class="app-section" aria-labelledby="detail-title"><h2 class="app-section-title" id="detail-title">${a.applicationId} ${statusTag(STATUS_LABELS[a.status])}</h2>${details(a)}</section><div id="detail-actions"></div><div id="detail-exemption"></div><section class="app-section" id="detail-matchings"></section>`,
    });
    if (a) {
      main.querySelector<HTMLElement>('#detail-actions')!.innerHTML = (await actionsFor(a)).value;
      main.querySelector<HTMLElement>('#detail-exemption')!.innerHTML = exemptionSection(a).value;
      bindSelectState(main);
      if (a.status === 'matched') {
        await loadInto<{ items: Matching[] }>(ctx, main.querySelector<HTMLElement>('#detail-matchings')!, {
          path: '/matchings',
          query: { workerId: a.applicantId, branchId: a.branchId },
          loading: '매칭 이력을 불러오는 중입니다…',
          failure: '매칭 이력을 불러오지 못했습니다',
          retry: 'retry',
          render: ({ items }) =>
            html`<h2 class="app-section-title">이 근로자의 매칭 이력</h2>${
              items.length
                ? dataTable({
                    id: 'detail-matchings-table',
                    caption: `${a.applicantName} 근로자의 매칭 이력`,
                    columns: MATCHING_COLUMNS,
                    rows: items,
                  })
                : emptyState('매칭 이력이 없습니다.')
            }`,
        });
      }
    }
  }

  async function step(path: string, body: unknown, message: string) {
    const result = await apiPost<ApplicationView>(`/service-applications/${encodeURIComponent(id)}/${path}`, body, {
      signal: ctx.signal,
    });
    if (refused(target(), result)) return;
    await load();
    showOutcome(
      main.querySelector<HTMLElement>('#detail-done')!,
      message,
      html`<p><a href="${APPLICATIONS_PATH}">목록으로</a></p>`,
    );
  }

  return {
    title,
    lead: '신청 내용을 확인하고 지금 단계의 처리를 합니다. 처리할 때마다 신청인에게 문자로 알립니다.',
    content: html`<div id="detail-errors"></div><div id="detail-done"></div><div id="detail-body"></div>`,
    mount(m) {
      main = m;
      main.addEventListener('click', async (event) => {
        const el = event.target as Element;
        if (el.closest('[data-action="retry"]')) void load();
        if (el.closest('[data-action="receive"]')) await step('receive', {}, '접수했습니다. 신청인에게 알렸습니다.');
      });
      main.addEventListener(
        'submit',
        oneAtATime(async (form) => {
          if (form.id === 'evaluation-form') {
            const body = {
              hoursPerDay: numberOf(form, 'hoursPerDay'),
              daysPerWeek: numberOf(form, 'daysPerWeek'),
              monthlyHours: numberOf(form, 'monthlyHours'),
              startDate: formText(form, 'startDate'),
              endDate: formText(form, 'endDate'),
              supportType: formText(form, 'supportType'),
              note: formText(form, 'note').trim() || undefined,
            };
            if (reportProblems(target(), evaluationProblems(body))) return;
            await step('evaluation', body, '평가를 저장했습니다. 신청인에게 결과를 알렸습니다.');
          } else if (form.id === 'copay-exemption-form') {
            const exemptionTarget = problemTarget(ctx, main, 'detail-errors', EXEMPTION_FIELD_IDS, title);
            if (!(await saveExemption(ctx, exemptionTarget, id, form))) return;
            await load();
            showOutcome(
              main.querySelector<HTMLElement>('#detail-done')!,
              '본인부담금 면제를 기록했습니다. 이 기간의 사업비 신청에서 본인부담금이 0원으로 계산됩니다.',
              html`<p><a href="${APPLICATIONS_PATH}">목록으로</a></p>`,
            );
          } else if (form.id === 'reject-form') {
            const reason = formText(form, 'reason').trim();
            const problems: Problem[] =
              reason.length < 5
                ? [{ field: 'reason', message: '신청인이 알 수 있도록 반려 사유를 5자 이상 적어 주세요.' }]
                : [];
            if (reportProblems(target(), problems)) return;
            await step('rejection', { reason }, '반려했습니다. 신청인에게 사유를 알렸습니다.');
          } else if (form.id === 'request-form') {
            const agencyId = formText(form, 'agencyId');
            if (
              reportProblems(
                target(),
                agencyId ? [] : [{ field: 'agencyId', message: '매칭을 의뢰할 수행기관을 골라 주세요.' }],
              )
            )
              return;
            await step('matching-request', { agencyId }, '매칭을 의뢰했습니다. 수행기관과 신청인에게 알렸습니다.');
          }
        }),
      );
      void load();
    },
  };
}
