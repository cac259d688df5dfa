import { BRANCHES, branchName } from '#commons/branches';
import { button, buttonLink } from '../components/button.ts';
import { decisionForm, readDecision } from '../components/decision-form.ts';
import { selectField } from '../components/form-field.ts';
import { problemsOf, showProblems } from '../components/form-problems.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiPost } from '../core/api.ts';
import { koreanDate, koreanDateTime } from '../core/dates.ts';
import { html } from '../core/html.ts';
import { showOutcome } from '../core/outcome.ts';
import { loadSection, onAction, onFilter } from '../core/page.ts';
import { onSubmit, problemTarget, reportProblems } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import type { Viewer } from '../shell/systems.ts';

// 기관 담당자 계정 승인 (issue 3): the branch lists the account requests of the agencies and
// institutions it oversees and decides each on its own screen (one decision per screen): approve, or
// reject with a reason the applicant receives by SMS. hq chooses the branch to look at.

export const STAFF_REQUESTS_PATH = '/internal/staff-requests';

export interface StaffRequest {
  userId: string;
  organisationId: string;
  organisationName: string;
  role: 'agency' | 'trainer';
  branchId: string;
  position: string;
  duties: string;
  status: 'submitted' | 'phoneConfirmed' | 'approved' | 'rejected';
  reason?: string;
  decidedBy?: string;
  decidedAt?: string;
  createdAt: string;
}

export const STATUS_LABELS: Record<StaffRequest['status'], string> = {
  submitted: '휴대전화 인증 전',
  phoneConfirmed: '승인 대기',
  approved: '승인',
  rejected: '반려',
};

const STATUS_OPTIONS = [
  { value: 'phoneConfirmed', label: '승인 대기' },
  { value: 'submitted', label: '휴대전화 인증 전' },
  { value: 'approved', label: '승인' },
  { value: 'rejected', label: '반려' },
  { value: 'all', label: '전체' },
];

const ROLE_LABELS = { agency: '수행기관 담당자', trainer: '교육기관 담당자' } as const;

/** The branch the viewer works at (branch staff), or undefined for hq, who choose one. */
export function ownBranch(viewer: Viewer): string | undefined {
  if (!viewer.signedIn) return undefined;
  return viewer.grants?.find((g) => g.role === 'branch')?.branchId;
}

export function isHq(viewer: Viewer): boolean {
  return viewer.signedIn && viewer.roles.includes('hq');
}

/** The branch whose requests to show: the viewer's own, or the one hq chose (first branch by default). */
export function branchToShow(viewer: Viewer, chosen: string | null): string | undefined {
  if (isHq(viewer)) return chosen && branchName(chosen) ? chosen : BRANCHES[0].branchId;
  return ownBranch(viewer);
}

export function staffRequestsPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const hq = isHq(ctx.viewer);
  const branchId = branchToShow(ctx.viewer, ctx.url.searchParams.get('branchId'));
  const status = ctx.url.searchParams.get('status') ?? 'phoneConfirmed';
  const detailHref = (r: StaffRequest) =>
    `${STAFF_REQUESTS_PATH}/${encodeURIComponent(r.userId)}${hq ? `?branchId=${encodeURIComponent(r.branchId)}` : ''}`;

  const columns: Column<StaffRequest>[] = [
    { header: '신청일', cell: (r) => koreanDate(r.createdAt), width: 'narrow' },
    { header: '아이디', cell: (r) => r.userId, rowHeader: true },
    {
      header: '소속 기관',
      cell: (r) => html`${r.organisationName}<br><span class="app-muted">${ROLE_LABELS[r.role]}</span>`,
    },
    { header: '직위', cell: (r) => r.position, width: 'narrow' },
    { header: '담당 업무', cell: (r) => r.duties, width: 'wide' },
    { header: '상태', cell: (r) => STATUS_LABELS[r.status], width: 'narrow' },
    {
      header: '처리',
      cell: (r) =>
        r.status === 'approved' || r.status === 'rejected'
          ? '처리 완료'
          : html`<a href="${detailHref(r)}">검토하기<span class="sr-only"> (${r.userId})</span></a>`,
      width: 'narrow',
    },
  ];

  async function load(): Promise<void> {
    const body = main.querySelector<HTMLElement>('#staff-requests-body')!;
    if (!branchId) {
      body.innerHTML = emptyState('소속 지사가 없는 계정입니다.', '지사 담당자 계정으로 로그인해 주세요.').value;
      return;
    }
    const loaded = await loadSection<{ items: StaffRequest[] }>(ctx, body, {
      path: '/staff-requests',
      query: { branchId: hq ? branchId : undefined, status: status === 'all' ? undefined : status },
      loading: '계정 신청 목록을 불러오는 중입니다…',
      failure: '계정 신청 목록을 불러오지 못했습니다',
      retry: 'retry-staff-requests',
      failed: () => {
        ctx.setTitle('기관 담당자 계정 승인', { error: true });
      },
    });
    if (loaded === undefined) return;
    const items = loaded.items;
    const scope = `${branchName(branchId) ?? branchId} ${STATUS_OPTIONS.find((o) => o.value === status)?.label ?? ''}`;
    body.innerHTML = items.length
      ? html`<p class="app-count">총 <strong>${items.length}</strong>건</p>
${dataTable({ id: 'staff-requests-table', caption: `${scope} 계정 신청 목록`, columns, rows: items })}`.value
      : emptyState(`${scope} 계정 신청이 없습니다.`, '다른 처리 상태를 골라 조회해 보세요.').value;
    ctx.announce(`${scope} 계정 신청 ${items.length}건`);
  }

  return {
    title: '기관 담당자 계정 승인',
    lead: '관할 수행기관과 교육기관 담당자의 계정 신청을 확인하고 승인하거나 반려합니다.',
    content: html`<form id="staff-requests-filter" class="app-search-form" method="get" action="${STAFF_REQUESTS_PATH}" role="search" aria-label="계정 신청 검색 조건">
  <div class="app-search-grid">
    ${hq ? selectField({ id: 'filter-branch', name: 'branchId', label: '지사', options: BRANCHES.map((b) => ({ value: b.branchId, label: b.name })), value: branchId ?? '' }) : ''}
    ${selectField({ id: 'filter-status', name: 'status', label: '처리 상태', options: STATUS_OPTIONS, value: status })}
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}</div>
</form>
<section class="app-results" aria-labelledby="staff-requests-title">
  <h2 class="app-section-title" id="staff-requests-title">신청 목록</h2>
  <div id="staff-requests-body"></div>
</section>`,
    mount(m) {
      main = m;
      onFilter(ctx, main.querySelector<HTMLElement>('#staff-requests-filter')!, STAFF_REQUESTS_PATH, [
        'branchId',
        'status',
      ]);
      onAction(main, 'retry-staff-requests', load);
      void load();
    },
  };
}

const DECISION_IDS = { decision: 'decision', reason: 'decision-reason' };

/** One request and the decision on it. */
export function staffRequestDecisionPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const userId = ctx.params.userId ?? '';
  const branchId = branchToShow(ctx.viewer, ctx.url.searchParams.get('branchId'));
  const title = '계정 신청 검토';
  const backHref = `${STAFF_REQUESTS_PATH}${isHq(ctx.viewer) && branchId ? `?branchId=${encodeURIComponent(branchId)}` : ''}`;

  const target = () => problemTarget(ctx, main, 'decision-errors', DECISION_IDS, title);

  function details(r: StaffRequest) {
    return html`<dl class="app-facts">
  <div><dt>아이디</dt><dd>${r.userId}</dd></div>
  <div><dt>소속 기관</dt><dd>${r.organisationName} (${ROLE_LABELS[r.role]})</dd></div>
  <div><dt>직위</dt><dd>${r.position}</dd></div>
  <div><dt>담당 업무</dt><dd>${r.duties}</dd></div>
  <div><dt>보안서약서</dt><dd>제출함 (서버에서 파일 형식과 크기를 확인함)</dd></div>
  <div><dt>신청 일시</dt><dd>${koreanDateTime(r.createdAt)}</dd></div>
  <div><dt>처리 상태</dt><dd>${STATUS_LABELS[r.status]}${r.reason ? html` (사유: ${r.reason})` : ''}</dd></div>
</dl>`;
  }

  function decisionSection(r: StaffRequest) {
    if (r.status === 'approved' || r.status === 'rejected') {
      return html`<p class="app-form-note">이미 처리한 신청입니다.</p>`;
    }
    return html`${r.status === 'submitted' ? html`<div class="app-notice app-notice-info"><p>신청자가 아직 휴대전화 인증을 마치지 않았습니다. 인증을 마친 뒤에 승인할 수 있습니다.</p></div>` : ''}
${decisionForm({
  id: 'decision-form',
  fieldIds: DECISION_IDS,
  accept: { value: 'approve', label: '승인', description: '신청자가 바로 로그인할 수 있습니다.' },
  refuse: { value: 'reject', label: '반려', description: '신청자에게 반려 사유를 문자로 보냅니다.' },
  reason: {
    label: '반려 사유',
    hint: '반려할 때는 꼭 적어 주세요. 신청자가 무엇을 고쳐야 하는지 적어 주세요. 500자 이하.',
  },
  actions: html`${button({ label: '처리 결과 저장', type: 'submit', size: 'large' })}${buttonLink({ label: '목록으로', href: backHref, size: 'large' })}`,
})}`;
  }

  async function load(): Promise<void> {
    const body = main.querySelector<HTMLElement>('#decision-body')!;
    const loaded = await loadSection<{ items: StaffRequest[] }>(ctx, body, {
      path: '/staff-requests',
      query: { branchId: isHq(ctx.viewer) ? branchId : undefined },
      loading: '신청 내용을 불러오는 중입니다…',
      failure: '신청 내용을 불러오지 못했습니다',
      retry: 'retry-decision',
    });
    if (loaded === undefined) return;
    const request = loaded.items.find((r) => r.userId === userId);
    if (!request) {
      body.innerHTML = html`${emptyState('이 아이디의 계정 신청이 없습니다.', '목록에서 신청을 다시 골라 주세요.')}
<p class="app-actions"><a class="krds-btn secondary large" href="${backHref}">목록으로</a></p>`.value;
      return;
    }
    body.innerHTML = html`<section class="app-section" aria-labelledby="request-title">
  <h2 class="app-section-title" id="request-title">신청 내용</h2>
  ${details(request)}
</section>
<section class="app-section" aria-labelledby="decision-title">
  <h2 class="app-section-title" id="decision-title">처리</h2>
  ${decisionSection(request)}
</section>`.value;
  }

  async function submit(form: HTMLFormElement): Promise<void> {
    const { decision, reason, problems } = readDecision(form, {
      refuse: 'reject',
      choose: '승인 또는 반려 중 하나를 골라 주세요.',
      reasonMissing: '반려할 때는 신청자가 알 수 있도록 사유를 입력해 주세요.',
    });
    if (reportProblems(target(), problems)) return;
    const result = await apiPost<{ status: string }>(
      `/staff-requests/${encodeURIComponent(userId)}/decision`,
      { decision, ...(reason ? { reason } : {}) },
      { signal: ctx.signal },
    );
    if (!result.ok) return showProblems(target(), problemsOf(result.problem));
    const done =
      decision === 'approve'
        ? '승인했습니다. 신청자에게 문자로 알렸습니다.'
        : '반려했습니다. 신청자에게 사유를 문자로 보냈습니다.';
    main.querySelector('#decision-errors')!.innerHTML = '';
    ctx.setTitle(title);
    await load();
    showOutcome(
      main.querySelector<HTMLElement>('#decision-done')!,
      done,
      html`<p><a href="${backHref}">목록으로 돌아가기</a></p>`,
    );
  }

  return {
    title,
    lead: '신청 내용을 확인한 뒤 승인하거나, 사유를 적어 반려합니다.',
    content: html`<div id="decision-errors"></div><div id="decision-done"></div><div id="decision-body" class="app-narrow"></div>`,
    mount(m) {
      main = m;
      onSubmit(main, submit);
      onAction(main, 'retry-decision', load);
      void load();
    },
  };
}
