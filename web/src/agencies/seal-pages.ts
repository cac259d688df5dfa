import { button, buttonLink } from '../components/button.ts';
import { decisionForm, readDecision } from '../components/decision-form.ts';
import { statusTag } from '../components/facts.ts';
import { fileField, selectField } from '../components/form-field.ts';
import { type FormProblemTarget, showProblems } from '../components/form-problems.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiGet, apiPost } from '../core/api.ts';
import { dateTime } from '../core/dates.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { showOutcome } from '../core/outcome.ts';
import { loadSection, onAction, onFilter } from '../core/page.ts';
import { accepted, onSubmit, problemTarget, reportProblems } from '../core/submit.ts';
import { hasRole, ownAgencyOf } from '../core/viewer.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import {
  BRANCH_OPTIONS,
  branchFilter,
  SEAL_ACCEPT,
  type SealView,
  sealFileProblem,
  sealImage,
  uploadSealFile,
} from './common.ts';

// 직인 관리 (A2). The agency uploads its seal image (PNG/JPEG, 2 MB at most, checked again by the
// server after the upload) and asks its branch to approve it; the branch approves or rejects with a
// reason, one decision per screen. hq registers KEAD's own seal, the one every agreement carries.

const APPROVALS_PATH = '/internal/seals';

const HISTORY_COLUMNS: Column<SealView>[] = [
  { header: '등록 차수', cell: (s) => `${s.version}번째`, rowHeader: true, width: 'narrow' },
  { header: '직인', cell: (s) => sealImage(s, 64), width: 'narrow' },
  { header: '상태', cell: (s) => statusTag(s.statusLabel), width: 'narrow' },
  { header: '요청 일시', cell: (s) => dateTime(s.requestedAt), width: 'medium' },
  { header: '처리 일시', cell: (s) => dateTime(s.decidedAt), width: 'medium' },
  { header: '반려 사유', cell: (s) => s.reason ?? '-' },
];

/** The form that uploads a seal image and sends it (to the branch, or as KEAD's seal for hq). */
function uploadForm(id: string, label: string, submit: string, note: string): SafeHtml {
  return html`<form id="${id}" class="app-form" novalidate>
  <p class="app-form-note">${note}</p>
  ${fileField({ id: `${id}-file`, name: 'file', label, accept: SEAL_ACCEPT, required: true, hint: 'PNG 또는 JPEG 파일, 2MB 이하. 빨간 인주색의 직인을 흰 바탕이나 투명 바탕으로 스캔해 주세요.' })}
  <div class="app-form-actions">${button({ label: submit, type: 'submit', size: 'large' })}</div>
</form>`;
}

/** Uploads the chosen file, then posts its id to `path`; reports problems in the form's summary. */
async function sendSeal(
  ctx: PageContext,
  form: HTMLFormElement,
  target: FormProblemTarget,
  path: string,
): Promise<SealView | undefined> {
  const input = form.querySelector<HTMLInputElement>('input[type=file]')!;
  const status = form.querySelector<HTMLElement>('.upload-list')!;
  const file = input.files?.[0];
  const field = 'uploadId';
  const problem = file ? sealFileProblem(file) : '직인 이미지 파일을 골라 주세요.';
  if (problem) {
    showProblems(target, [{ field, message: problem }]);
    return undefined;
  }
  status.innerHTML = html`<li>${file!.name} 올리는 중…</li>`.value;
  const uploaded = await uploadSealFile(file!, ctx.signal);
  if ('problem' in uploaded) {
    status.innerHTML = html`<li class="app-file-failed">${file!.name}: 올리지 못했습니다</li>`.value;
    showProblems(target, [{ field, message: uploaded.problem }]);
    return undefined;
  }
  status.innerHTML = html`<li class="app-file-ok">${file!.name}: 확인을 마쳤습니다</li>`.value;
  return accepted(target, await apiPost<SealView>(path, { uploadId: uploaded.uploadId }, { signal: ctx.signal }));
}

function done(main: HTMLElement, message: string) {
  showOutcome(main.querySelector<HTMLElement>('#seal-done')!, message);
}

/** 수행기관 시스템 › 직인 관리: current seal, upload and 승인 요청, history. */
export function agencySealPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const agencyId = ownAgencyOf(ctx.viewer);
  const title = '직인 관리';
  const fieldIds = { uploadId: 'seal-upload-file', file: 'seal-upload-file' };

  async function load() {
    const body = main.querySelector<HTMLElement>('#seal-body')!;
    if (!agencyId) {
      body.innerHTML = emptyState('수행기관 담당자 계정으로 로그인해 주세요.').value;
      return;
    }
    const data = await loadSection<{ items: SealView[] }>(ctx, body, {
      path: `/organisations/${encodeURIComponent(agencyId)}/seals`,
      loading: '직인 정보를 불러오는 중입니다…',
      failure: '직인 정보를 불러오지 못했습니다',
      retry: 'retry-seal',
    });
    if (!data) return;
    const seals = data.items;
    const approved = seals.find((s) => s.status === 'approved');
    const pending = seals.find((s) => s.status === 'requested');
    body.innerHTML = html`<section class="app-section" aria-labelledby="current-seal-title">
  <h2 class="app-section-title" id="current-seal-title">현재 직인</h2>
  ${
    approved
      ? html`<dl class="app-facts"><div><dt>승인된 직인</dt><dd>${sealImage(approved, 120)}<br>${approved.version}번째 등록 · ${dateTime(approved.decidedAt)} 승인</dd></div></dl>`
      : html`<p class="app-form-note">승인된 직인이 없습니다. 직인이 승인되어야 전자 약정서에 날인할 수 있습니다.</p>`
  }
  ${pending ? html`<div class="app-notice app-notice-info"><p>${pending.version}번째 등록한 직인이 지사의 승인을 기다리고 있습니다(${dateTime(pending.requestedAt)} 요청).</p></div>` : ''}
</section>
<section class="app-section" aria-labelledby="upload-seal-title">
  <h2 class="app-section-title" id="upload-seal-title">새 직인 등록 및 승인 요청</h2>
  ${
    pending
      ? html`<p class="app-form-note">승인을 기다리는 직인이 있어 지금은 새 직인을 올릴 수 없습니다. 지사가 처리하면 알림으로 알려 드립니다.</p>`
      : uploadForm(
          'seal-upload',
          '직인 이미지',
          '승인 요청',
          '새 직인을 올리면 관할 지사에 승인 요청이 갑니다. 승인되면 이전 직인은 이력으로 남고 새 직인으로 날인합니다.',
        )
  }
</section>
<section class="app-section" aria-labelledby="seal-history-title">
  <h2 class="app-section-title" id="seal-history-title">직인 이력</h2>
  ${seals.length ? dataTable({ id: 'seal-history', caption: '우리 기관 직인 이력', columns: HISTORY_COLUMNS, rows: seals }) : emptyState('등록한 직인이 없습니다.')}
</section>`.value;
  }

  return {
    title,
    lead: '전자 약정서에 찍을 기관 직인을 등록하고 관할 지사의 승인을 받습니다.',
    content: html`<div id="seal-errors"></div><div id="seal-done"></div><div id="seal-body"></div>`,
    mount(m) {
      main = m;
      onSubmit(main, async (form) => {
        if (!agencyId) return;
        const target = problemTarget(ctx, main, 'seal-errors', fieldIds, title);
        const seal = await sendSeal(ctx, form, target, `/organisations/${encodeURIComponent(agencyId)}/seals`);
        if (!seal) return;
        await load();
        done(main, `${seal.version}번째 직인을 올리고 승인을 요청했습니다. 지사가 처리하면 알림으로 알려 드립니다.`);
      });
      onAction(main, 'retry-seal', load);
      void load();
    },
  };
}

const STATUS_OPTIONS = [
  { value: 'requested', label: '승인 요청' },
  { value: 'approved', label: '승인' },
  { value: 'rejected', label: '반려' },
  { value: 'all', label: '전체' },
];

/** 내부 시스템 › 직인 승인: the branch's queue; hq also keeps KEAD's own seal here. */
export function sealApprovalsPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const hq = hasRole(ctx.viewer, 'hq');
  const branchId = branchFilter(ctx.viewer, ctx.url.searchParams.get('branchId'));
  const status = ctx.url.searchParams.get('status') ?? 'requested';
  const title = '직인 승인';
  const columns: Column<SealView>[] = [
    { header: '기관', cell: (s) => s.organisationName, rowHeader: true, width: 'wide' },
    { header: '등록 차수', cell: (s) => `${s.version}번째`, width: 'narrow' },
    { header: '직인', cell: (s) => sealImage(s, 64), width: 'narrow' },
    { header: '상태', cell: (s) => statusTag(s.statusLabel), width: 'narrow' },
    { header: '요청 일시', cell: (s) => dateTime(s.requestedAt), width: 'medium' },
    {
      header: '처리',
      cell: (s) =>
        s.status === 'requested'
          ? html`<a href="${APPROVALS_PATH}/${encodeURIComponent(s.organisationId)}/${s.version}">검토하기<span class="sr-only"> (${s.organisationName} ${s.version}번째)</span></a>`
          : (s.reason ?? '처리 완료'),
      width: 'medium',
    },
  ];
  const fieldIds = { uploadId: 'kead-seal-file', file: 'kead-seal-file' };

  async function load() {
    const body = main.querySelector<HTMLElement>('#seal-queue')!;
    const data = await loadSection<{ items: SealView[] }>(ctx, body, {
      path: '/seal-requests',
      query: { branchId, status },
      loading: '직인 목록을 불러오는 중입니다…',
      failure: '직인 목록을 불러오지 못했습니다',
      retry: 'retry-seals',
    });
    if (!data) return;
    const items = data.items;
    body.innerHTML = items.length
      ? html`<p class="app-count">총 <strong>${items.length}</strong>건</p>${dataTable({ id: 'seal-queue-table', caption: '직인 승인 목록', columns, rows: items })}`
          .value
      : emptyState('조건에 맞는 직인이 없습니다.', '다른 처리 상태를 골라 보세요.').value;
    ctx.announce(`직인 ${items.length}건`);
    if (hq) await loadKeadSeal();
  }

  async function loadKeadSeal() {
    const box = main.querySelector<HTMLElement>('#kead-seal-section')!;
    const result = await apiGet<{ items: SealView[] }>('/kead-seal', {}, { signal: ctx.signal }).catch(() => undefined);
    if (!result?.ok) return;
    const current = result.data.items.find((s) => s.status === 'approved');
    box.innerHTML = html`<h2 class="app-section-title" id="kead-seal-title">공단 직인</h2>
${current ? html`<dl class="app-facts"><div><dt>사용 중인 공단 직인</dt><dd>${sealImage(current, 120)}<br>${current.version}번째 등록 · ${dateTime(current.decidedAt)}</dd></div></dl>` : html`<p class="app-form-note">등록된 공단 직인이 없습니다. 공단 직인이 있어야 약정서를 발급할 수 있습니다.</p>`}
${uploadForm('kead-seal', '공단 직인 이미지', '공단 직인 등록', '본부가 등록한 공단 직인은 바로 사용되고, 이전 직인은 이력으로 남습니다.')}`.value;
  }

  return {
    title,
    lead: '관할 수행기관이 올린 직인을 확인하고 승인하거나 사유를 적어 반려합니다.',
    content: html`<div id="seal-errors"></div><div id="seal-done"></div>
<form id="seal-filter" class="app-search-form" role="search" aria-label="직인 검색 조건">
  <div class="app-search-grid">
    ${hq ? selectField({ id: 'filter-branch', name: 'branchId', label: '지사', options: BRANCH_OPTIONS, value: branchId ?? '' }) : ''}
    ${selectField({ id: 'filter-status', name: 'status', label: '처리 상태', options: STATUS_OPTIONS, value: status })}
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}</div>
</form>
<section class="app-results" aria-labelledby="seal-queue-title">
  <h2 class="app-section-title" id="seal-queue-title">직인 목록</h2>
  <div id="seal-queue"></div>
</section>
${hq ? html`<section class="app-section" id="kead-seal-section" aria-labelledby="kead-seal-title"><h2 class="app-section-title" id="kead-seal-title">공단 직인</h2></section>` : ''}`,
    mount(m) {
      main = m;
      onFilter(ctx, main.querySelector<HTMLElement>('#seal-filter')!, APPROVALS_PATH, ['branchId', 'status']);
      onSubmit(
        main,
        async (form) => {
          const seal = await sendSeal(
            ctx,
            form,
            problemTarget(ctx, main, 'seal-errors', fieldIds, title),
            '/kead-seal',
          );
          if (!seal) return;
          await loadKeadSeal();
          done(main, `공단 직인(${seal.version}번째)을 등록했습니다. 이제부터 발급하는 약정서에 찍힙니다.`);
        },
        { only: 'kead-seal' },
      );
      onAction(main, 'retry-seals', load);
      void load();
    },
  };
}

const DECISION_IDS = { decision: 'seal-decision', reason: 'seal-decision-reason' };

/** One seal request and the decision on it. */
export function sealDecisionPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const organisationId = ctx.params.organisationId ?? '';
  const version = Number(ctx.params.version);
  const title = '직인 검토';
  const target = () => problemTarget(ctx, main, 'seal-errors', DECISION_IDS, title);

  async function load() {
    const body = main.querySelector<HTMLElement>('#seal-decision-body')!;
    const data = await loadSection<{ items: SealView[] }>(ctx, body, {
      path: `/organisations/${encodeURIComponent(organisationId)}/seals`,
      loading: '직인을 불러오는 중입니다…',
      failure: '직인을 불러오지 못했습니다',
      retry: 'retry-seal-decision',
    });
    if (!data) return;
    const seal = data.items.find((s) => s.version === version);
    const approved = data.items.find((s) => s.status === 'approved');
    if (!seal) {
      body.innerHTML =
        html`${emptyState('이 직인을 찾을 수 없습니다.', '목록에서 다시 골라 주세요.')}<p class="app-actions">${buttonLink({ label: '목록으로', href: APPROVALS_PATH })}</p>`.value;
      return;
    }
    body.innerHTML = html`<dl class="app-facts">
  <div><dt>기관</dt><dd>${seal.organisationName}</dd></div>
  <div><dt>요청한 직인</dt><dd>${sealImage(seal, 160)}<br>${seal.version}번째 등록 · ${seal.fileName}</dd></div>
  <div><dt>지금 쓰는 직인</dt><dd>${approved ? html`${sealImage(approved, 96)}<br>${approved.version}번째 등록` : '없음'}</dd></div>
  <div><dt>요청</dt><dd>${dateTime(seal.requestedAt)} (${seal.requestedBy})</dd></div>
  <div><dt>상태</dt><dd>${statusTag(seal.statusLabel)}${seal.reason ? ` (사유: ${seal.reason})` : ''}</dd></div>
</dl>
${
  seal.status === 'requested'
    ? decisionForm({
        id: 'seal-decision-form',
        fieldIds: DECISION_IDS,
        accept: {
          value: 'approve',
          label: '승인',
          description: '이 직인으로 전자 약정서에 날인할 수 있습니다. 지금 쓰는 직인은 이력으로 남습니다.',
        },
        refuse: { value: 'reject', label: '반려', description: '수행기관에 반려 사유를 알립니다.' },
        reason: { label: '반려 사유', hint: '반려할 때는 꼭 적어 주세요. 무엇을 고쳐야 하는지 적어 주세요.' },
        actions: html`${button({ label: '처리 결과 저장', type: 'submit', size: 'large' })}${buttonLink({ label: '목록으로', href: APPROVALS_PATH, size: 'large' })}`,
      })
    : html`<p class="app-actions">${buttonLink({ label: '목록으로', href: APPROVALS_PATH })}</p>`
}`.value;
  }

  async function decide(form: HTMLFormElement) {
    const { decision, reason, problems } = readDecision(form, {
      refuse: 'reject',
      choose: '승인 또는 반려 중 하나를 골라 주세요.',
      reasonMissing: '반려할 때는 수행기관이 고칠 수 있도록 반려 사유를 입력해 주세요.',
    });
    if (reportProblems(target(), problems)) return;
    const result = await apiPost<SealView>(
      `/organisations/${encodeURIComponent(organisationId)}/seals/${version}/decision`,
      { decision, ...(reason ? { reason } : {}) },
      { signal: ctx.signal },
    );
    if (!accepted(target(), result)) return;
    await load();
    done(
      main,
      decision === 'approve' ? '승인했습니다. 수행기관에 알렸습니다.' : '반려했습니다. 수행기관에 사유를 알렸습니다.',
    );
  }

  return {
    title,
    lead: '요청한 직인 이미지를 확인한 뒤 승인하거나, 사유를 적어 반려합니다.',
    content: html`<div id="seal-errors"></div><div id="seal-done"></div><div id="seal-decision-body" class="app-narrow"></div>`,
    mount(m) {
      main = m;
      onSubmit(main, decide);
      onAction(main, 'retry-seal-decision', load);
      void load();
    },
  };
}
