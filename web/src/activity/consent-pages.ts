import { monthInWords } from '#kernel/korea-time';
import { button, buttonLink } from '../components/button.ts';
import { facts } from '../components/facts.ts';
import { checkboxField, fileField, textField } from '../components/form-field.ts';
import { clearProblems, type FormProblemTarget, problemsOf, showProblems } from '../components/form-problems.ts';
import { spinner } from '../components/notice.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiGet, apiPost } from '../core/api.ts';
import { koreanDateTime } from '../core/dates.ts';
import { html } from '../core/html.ts';
import { loadSection, onAction } from '../core/page.ts';
import { withQuery } from '../core/router.ts';
import { onSubmit, problemTarget, refused, singleFlight } from '../core/submit.ts';
import { uploadFile, uploadMessage } from '../core/upload.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { CONSENT_REQUESTS_PATH, LOGS_PATH, loadWorkers, monthSearch, NO_WORKERS } from './assistant-pages.ts';
import {
  type AssistantMonth,
  type MonthRow,
  monthFrom,
  type Round,
  type RoundDetail,
  roundStateText,
  type WorkerOption,
} from './model.ts';
import { monthColumns, printAction, printMonth, printSlot, roundsTable } from './views.ts';

// C2 in the portal. The assistant's 전자서명 동의 요청 (seed 000): the month's entries with a tick
// for each one not yet sent, 동의요청, and the paper path for a worker who cannot sign online —
// print, have it signed by hand, upload the scan, tick 본인 확인, save. The worker's 전자서명 동의:
// the requests waiting, each reviewed entry by entry and signed with their name and a tick, using
// the keyboard alone if they wish.

export const CONSENT_PATH = '/work-assistant/consent';

const REQUEST_TITLE = '전자서명 동의 요청';
const SCAN_ID = 'cr-scan';
const CONFIRM_ID = 'cr-confirm';

type ScanState =
  | { kind: 'none' }
  | { kind: 'uploading' }
  | { kind: 'ready'; uploadId: string; fileName: string }
  | { kind: 'failed'; message: string };

const SCAN_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

export function consentRequestPage(initial: PageContext): PageView {
  let ctx = initial;
  let main: HTMLElement;
  let workers: WorkerOption[] = [];
  let data: AssistantMonth | undefined;
  let printedDigest: string | undefined;
  let scan: ScanState = { kind: 'none' };
  const flight = singleFlight();

  const selection = () => {
    const month = monthFrom(ctx.url.searchParams);
    const asked = ctx.url.searchParams.get('workerId') ?? '';
    const workerId = workers.some((w) => w.workerId === asked) ? asked : (workers[0]?.workerId ?? '');
    return { workerId, month };
  };

  const target = (): FormProblemTarget => ({
    root: main,
    summary: main.querySelector<HTMLElement>('#cr-errors')!,
    fieldIds: {
      entryIds: 'cr-table',
      uploadId: SCAN_ID,
      file: SCAN_ID,
      identityConfirmed: CONFIRM_ID,
      digest: SCAN_ID,
    },
    setTitle: (error) => ctx.setTitle(REQUEST_TITLE, { error }),
  });

  const selectColumn: Column<MonthRow> = {
    header: '선택',
    cell: (row) =>
      row.consentState === 'unsigned'
        ? html`<div class="krds-form-check"><input type="checkbox" id="cr-pick-${row.entryId}" name="entryIds" value="${row.entryId}" checked><label for="cr-pick-${row.entryId}"><span class="sr-only">${row.date} ${row.time} 선택</span></label></div>`
        : '-',
    width: 'narrow',
  };

  function renderMonth(): void {
    const body = main.querySelector<HTMLElement>('#cr-body')!;
    if (!data) return;
    const { workerId, month } = selection();
    const rows = data.rows;
    const unsigned = rows.filter((r) => r.consentState === 'unsigned').length;
    body.innerHTML = html`<section class="app-section" aria-labelledby="cr-rows-title">
  <h2 class="app-section-title" id="cr-rows-title">활동내역</h2>
  <form id="cr-request-form" novalidate>
    ${
      rows.length
        ? dataTable({
            id: 'cr-table',
            caption: `${data.worker.workerName} 님 ${monthInWords(month)} 활동내역`,
            columns: [
              selectColumn,
              { header: '순번', cell: (r) => r.seq, width: 'narrow' },
              { header: '활동일자', cell: (r) => r.date, rowHeader: true },
              { header: '활동시간', cell: (r) => r.time },
              { header: '근태', cell: (r) => r.attendance },
              { header: '활동내용', cell: (r) => r.content || '-' },
              { header: '기타 활동내용', cell: (r) => r.otherContent || '-' },
              { header: '근로자 확인', cell: (r) => r.consent },
              { header: '본인확인', cell: (r) => (r.consent.includes('본인 확인') ? '확인함' : '-') },
            ],
            rows,
          })
        : emptyState('조회 결과가 없습니다.', '먼저 활동내역을 등록해 주세요.')
    }
    <p class="app-form-note">입력한 활동 내역을 확인 후 장애인 근로자에게 전자 서명 동의 요청을 부탁드립니다. 아직 요청하지 않은 기록 ${unsigned}건이 있습니다.</p>
    <div class="app-form-actions">
      ${button({ label: '동의요청', type: 'submit', size: 'large' })}
      ${buttonLink({ label: '활동내역 등록으로', href: withQuery(LOGS_PATH, { workerId, month }), variant: 'tertiary', size: 'large' })}
    </div>
  </form>
</section>
<section class="app-section" aria-labelledby="cr-paper-title">
  <h2 class="app-section-title" id="cr-paper-title">장애인 근로자가 전자 서명을 하지 못하는 경우</h2>
  <ol class="app-bullets">
    <li>① 활동일지를 출력해 근로자가 손으로 서명하게 한 뒤, 서명한 종이를 스캔하거나 사진으로 찍어 첨부합니다.</li>
    <li>② 근로자 본인이 서명한 것을 확인했으면 ‘본인 확인’에 체크한 뒤 저장합니다.</li>
  </ol>
  <div class="app-form-actions">${printAction('cr-print')}</div>
  ${printSlot('cr-print')}
  <form id="cr-paper-form" class="app-form" novalidate>
    ${fileField({ id: SCAN_ID, name: 'scan', label: '서명한 활동일지 스캔본', accept: '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg', hint: 'PDF, PNG, JPEG 파일 10MB까지 올릴 수 있습니다.', required: true })}
    ${checkboxField({ id: CONFIRM_ID, name: 'identityConfirmed', label: '본인 확인: 근로자 본인이 이 활동일지에 직접 서명한 것을 확인했습니다.', checked: false, required: true })}
    <div class="app-form-actions">${button({ label: '저장', type: 'submit', size: 'large' })}</div>
  </form>
</section>
<section class="app-section" aria-labelledby="cr-rounds-title">
  <h2 class="app-section-title" id="cr-rounds-title">동의 요청 기록</h2>
  ${roundsTable({
    id: 'cr-rounds',
    rounds: data.rounds,
    action: (r: Round) =>
      r.status === 'requested'
        ? button({
            label: '요청 취소',
            variant: 'tertiary',
            size: 'small',
            data: { action: 'withdraw', round: r.roundId },
          })
        : '-',
  })}
</section>`.value;
  }

  async function load(): Promise<void> {
    const body = main.querySelector<HTMLElement>('#cr-body')!;
    const { workerId, month } = selection();
    if (!workerId) {
      body.innerHTML = NO_WORKERS.value;
      return;
    }
    const loaded = await loadSection<AssistantMonth>(ctx, body, {
      path: '/activity-logs',
      query: { workerId, month },
      loading: '활동 내역을 불러오는 중입니다…',
      failure: '활동 내역을 불러오지 못했습니다',
      retry: 'retry',
    });
    if (loaded === undefined) return;
    data = loaded;
    printedDigest = undefined;
    scan = { kind: 'none' };
    renderMonth();
  }

  function showScan(state: ScanState): void {
    scan = state;
    const list = main.querySelector<HTMLElement>(`#${SCAN_ID}-status`);
    if (!list) return;
    list.innerHTML =
      state.kind === 'none'
        ? ''
        : html`<li><div class="file-info"><div class="file-name">${
            state.kind === 'ready' ? state.fileName : state.kind === 'uploading' ? '올리는 중' : state.message
          }</div><div class="btn-wrap">${state.kind === 'ready' ? html`<span class="app-file-ok">올림 완료</span>` : ''}</div></div></li>`
            .value;
  }

  async function uploadScan(file: File): Promise<void> {
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    const contentType = SCAN_TYPES[ext] ?? file.type;
    showScan({ kind: 'uploading' });
    const outcome = await uploadFile(file, ctx.signal, { purpose: 'consentScan', contentType });
    if (!outcome.ok) {
      const message = uploadMessage(outcome, {
        refused: '파일을 올리지 못했습니다. 파일을 다시 골라 주세요.',
        fieldFirst: outcome.stage === 'start',
      });
      showScan({ kind: 'failed', message });
      return showProblems(target(), [{ field: 'uploadId', message }]);
    }
    showScan({ kind: 'ready', uploadId: outcome.ticket.uploadId, fileName: file.name });
    clearProblems(target());
    ctx.announce(`${file.name} 파일을 올렸습니다.`);
  }

  async function request(form: HTMLFormElement): Promise<void> {
    const { workerId, month } = selection();
    const picked = new FormData(form).getAll('entryIds').map(String);
    const hasUnsigned = (data?.rows ?? []).some((r) => r.consentState === 'unsigned');
    if (hasUnsigned && !picked.length) {
      return showProblems(target(), [
        { field: 'entryIds', message: '동의를 요청할 활동 내역을 하나 이상 골라 주세요.' },
      ]);
    }
    const result = await apiPost<{ rounds: Round[] }>(
      '/consent-rounds',
      { workerId, month, ...(picked.length ? { entryIds: picked } : {}) },
      { signal: ctx.signal },
    );
    if (refused(target(), result)) return;
    await load();
    const count = result.data.rounds.reduce((sum, r) => sum + r.entryCount, 0);
    main.querySelector<HTMLElement>('#cr-done')!.innerHTML =
      html`<div class="app-notice app-notice-success"><p class="app-notice-title">${data?.worker.workerName ?? ''} 님에게 ${monthInWords(month)} 활동일지 ${count}건의 전자서명 동의를 요청했습니다. 근로자에게 문자로 알렸습니다.</p></div>`.value;
    ctx.announce('전자서명 동의를 요청했습니다.');
    main.querySelector<HTMLElement>('#cr-done .app-notice')?.setAttribute('tabindex', '-1');
    main.querySelector<HTMLElement>('#cr-done .app-notice')?.focus();
  }

  async function paper(form: HTMLFormElement): Promise<void> {
    const { workerId, month } = selection();
    const confirmed = (form.querySelector<HTMLInputElement>(`#${CONFIRM_ID}`)?.checked ?? false) === true;
    const problems = [];
    if (scan.kind === 'uploading')
      problems.push({ field: 'uploadId', message: '스캔본을 올리는 중입니다. ‘올림 완료’가 보이면 다시 눌러 주세요.' });
    else if (scan.kind !== 'ready')
      problems.push({ field: 'uploadId', message: '근로자가 손으로 서명한 활동일지 스캔본을 골라 올려 주세요.' });
    if (!confirmed)
      problems.push({
        field: 'identityConfirmed',
        message: '근로자 본인이 서명한 것을 확인했다면 ‘본인 확인’에 체크해 주세요.',
      });
    if (problems.length) return showProblems(target(), problems);
    const digest = printedDigest ?? data?.pendingDigest;
    const result = await apiPost<Round>(
      '/paper-consents',
      {
        workerId,
        month,
        uploadId: scan.kind === 'ready' ? scan.uploadId : undefined,
        identityConfirmed: confirmed,
        digest: digest ?? '',
      },
      { signal: ctx.signal },
    );
    if (refused(target(), result)) return;
    await load();
    main.querySelector<HTMLElement>('#cr-done')!.innerHTML =
      html`<div class="app-notice app-notice-success" tabindex="-1"><p class="app-notice-title">수기 서명본을 첨부하고 본인 확인을 저장했습니다. ${result.data.entryCount}건이 ‘동의 완료(수기 서명본 첨부(본인 확인))’로 바뀌었습니다.</p></div>`.value;
    main.querySelector<HTMLElement>('#cr-done .app-notice')?.focus();
  }

  async function start(): Promise<void> {
    const loaded = await loadWorkers(ctx, main.querySelector<HTMLElement>('#cr-body')!);
    if (!loaded) return;
    workers = loaded;
    const { workerId, month } = selection();
    main.querySelector('#cr-search')!.innerHTML = workers.length
      ? monthSearch({ id: 'cr-filter', workers, workerId, month }).value
      : '';
    await load();
  }

  return {
    title: REQUEST_TITLE,
    lead: '한 달의 활동내역을 근로자에게 보내 전자서명 동의를 받습니다. 근로자가 서명한 기록은 더 고칠 수 없습니다.',
    content: html`<div id="cr-errors"></div><div id="cr-search"></div><div id="cr-done" role="status"></div><div id="cr-body"></div>`,
    mount(m) {
      main = m;
      onAction(main, 'retry-workers', start);
      main.addEventListener('submit', async (event) => {
        event.preventDefault();
        const form = event.target as HTMLFormElement;
        if (form.id === 'cr-filter') {
          const values = new FormData(form);
          ctx.navigate(
            withQuery(CONSENT_REQUESTS_PATH, {
              workerId: String(values.get('workerId')),
              month: String(values.get('month')),
            }),
          );
          return;
        }
        await flight(async () => {
          if (form.id === 'cr-request-form') await request(form);
          if (form.id === 'cr-paper-form') await paper(form);
        });
      });
      main.addEventListener('change', (event) => {
        const input = event.target as HTMLInputElement;
        if (input.id !== SCAN_ID) return;
        const file = input.files?.[0];
        if (file) void uploadScan(file);
        else showScan({ kind: 'none' });
      });
      main.addEventListener('click', async (event) => {
        const el = (event.target as Element).closest<HTMLElement>('[data-action]');
        if (!el) return;
        if (el.dataset.action === 'retry') void load();
        if (el.dataset.action === 'print') {
          const slot = main.querySelector<HTMLElement>('#cr-print');
          if (slot) printedDigest = (await printMonth(ctx, slot, selection()))?.pendingDigest ?? printedDigest;
        }
        if (el.dataset.action === 'withdraw' && el.dataset.round) {
          const result = await apiPost(
            `/consent-rounds/${encodeURIComponent(el.dataset.round)}/withdraw`,
            {},
            { signal: ctx.signal },
          );
          if (!result.ok) return showProblems(target(), problemsOf(result.problem));
          await load();
          ctx.announce('동의 요청을 취소했습니다.');
        }
      });
      void start();
    },
    update(next) {
      ctx = next;
      main.querySelector('#cr-done')!.innerHTML = '';
      void load();
      return true;
    },
  };
}

// ── the worker ───────────────────────────────────────────────────────────────────────────────────

const LIST_TITLE = '전자서명 동의';

export function consentListPage(ctx: PageContext): PageView {
  let main: HTMLElement;

  async function load(): Promise<void> {
    const body = main.querySelector<HTMLElement>('#cs-body')!;
    const loaded = await loadSection<{ items: Round[]; waiting: number }>(ctx, body, {
      path: '/me/consent-rounds',
      failure: '동의 요청을 불러오지 못했습니다',
      retry: 'retry',
    });
    if (loaded === undefined) return;
    const { items, waiting } = loaded;
    body.innerHTML = items.length
      ? html`<p class="app-count">서명을 기다리는 요청 <strong>${waiting}</strong>건</p>
${dataTable({
  id: 'cs-table',
  caption: '근로지원인 활동일지 동의 요청',
  columns: [
    { header: '활동년월', cell: (r: Round) => monthInWords(r.month), rowHeader: true },
    { header: '근로지원인', cell: (r: Round) => r.assistantName },
    { header: '구분', cell: (r: Round) => r.kindLabel },
    { header: '건수', cell: (r: Round) => `${r.entryCount}건`, width: 'narrow' },
    { header: '상태', cell: (r: Round) => roundStateText(r) },
    { header: '요청 일시', cell: (r: Round) => koreanDateTime(r.requestedAt) },
    {
      header: '보기',
      cell: (r: Round) =>
        html`<a href="${CONSENT_PATH}/${r.roundId}">${r.status === 'requested' ? '확인하고 서명하기' : '기록 보기'}<span class="sr-only"> ${monthInWords(r.month)} ${r.assistantName}</span></a>`,
    },
  ],
  rows: items,
})}`.value
      : emptyState('받은 동의 요청이 없습니다.', '근로지원인이 활동일지 동의를 요청하면 문자로 알려 드립니다.').value;
    ctx.announce(waiting ? `서명을 기다리는 요청이 ${waiting}건 있습니다.` : '서명을 기다리는 요청이 없습니다.');
  }

  return {
    title: LIST_TITLE,
    lead: '근로지원인이 쓴 활동일지를 확인하고 서명합니다. 내용이 사실과 다르면 서명하지 말고 수행기관에 알려 주세요.',
    content: html`<div id="cs-body">${spinner('동의 요청을 불러오는 중입니다…')}</div>`,
    mount(m) {
      main = m;
      onAction(main, 'retry', load);
      void load();
    },
  };
}

const SIGN_TITLE = '활동일지 확인과 전자서명';
const SIGN_IDS = { typedName: 'cs-name', agree: 'cs-agree', digest: 'cs-name' };

export function consentSignPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  let detail: RoundDetail | undefined;

  const target = () => problemTarget(ctx, main, 'cs-errors', SIGN_IDS, SIGN_TITLE);

  function render(): void {
    if (!detail) return;
    const { round, rows } = detail;
    const notes = new Map(detail.entries.map((e) => [e.entryId, e.specialNotes ?? '']));
    const table = rows.length
      ? dataTable({
          id: 'cs-entries',
          caption: `${round.assistantName} 근로지원인의 ${monthInWords(round.month)} 활동내역 ${rows.length}건`,
          columns: [
            ...monthColumns(),
            { header: '특이사항 내용', cell: (row: MonthRow) => notes.get(row.entryId) || '-' },
          ],
          rows,
        })
      : emptyState('확인할 활동내역이 없습니다.');
    main.querySelector('#cs-body')!.innerHTML = html`${facts([
      ['근로지원인', round.assistantName],
      ['수행기관', round.agencyName],
      ['활동년월', monthInWords(round.month)],
      ['구분', round.kindLabel],
      ...(round.reason ? ([['정정 사유', round.reason]] as [string, string][]) : []),
      ['상태', roundStateText(round)],
    ])}
<section class="app-section" aria-labelledby="cs-rows-title">
  <h2 class="app-section-title" id="cs-rows-title">확인할 활동내역</h2>
  ${table}
</section>
${
  round.status === 'requested' && detail.digest
    ? html`<section class="app-section" aria-labelledby="cs-sign-title">
  <h2 class="app-section-title" id="cs-sign-title">서명</h2>
  <form id="cs-sign-form" class="app-form app-narrow" novalidate>
    ${checkboxField({ id: SIGN_IDS.agree, name: 'agree', label: '위 활동내역을 모두 확인했고, 사실과 같음에 동의합니다.', checked: false, required: true })}
    ${textField({ id: SIGN_IDS.typedName, name: 'typedName', label: '서명(이름)', value: '', autocomplete: 'name', maxLength: 50, required: true, hint: '회원정보의 이름을 그대로 입력하면 전자서명이 됩니다.' })}
    <div class="app-form-actions">${button({ label: '서명하고 동의하기', type: 'submit', size: 'large' })}</div>
  </form>
</section>`
    : round.status === 'signed'
      ? html`<div class="app-notice app-notice-success" role="status"><p class="app-notice-title">${roundStateText(round)} (${round.signedAt ? koreanDateTime(round.signedAt) : ''})</p>
<p>서명한 내용의 SHA-256: <span class="app-nowrap">${round.digest ?? ''}</span></p>
${round.hasScan ? html`<p><button type="button" class="krds-btn tertiary small" data-action="scan">수기 서명 스캔본 보기</button></p><div id="cs-scan" role="status"></div>` : ''}</div>`
      : html`<div class="app-notice" role="status"><p>${round.status === 'withdrawn' ? '근로지원인이 취소한 요청입니다. 새 요청이 오면 문자로 알려 드립니다.' : '서명할 내용이 없습니다.'}</p></div>`
}
<div class="app-form-actions">${printAction('cs-print')}${buttonLink({ label: '목록으로', href: CONSENT_PATH, variant: 'tertiary', size: 'large' })}</div>
${printSlot('cs-print')}`.value;
  }

  async function load(): Promise<void> {
    const result = await apiGet<RoundDetail>(
      `/consent-rounds/${encodeURIComponent(ctx.params.roundId ?? '')}`,
      {},
      {
        signal: ctx.signal,
      },
    ).catch(() => undefined);
    if (!result) return;
    if (!result.ok) {
      main.querySelector('#cs-body')!.innerHTML =
        html`<div class="app-notice app-notice-danger" role="alert"><p>${result.problem.message}</p></div>`.value;
      return;
    }
    detail = result.data;
    render();
  }

  return {
    title: SIGN_TITLE,
    lead: '활동일자마다 활동시간, 근태, 활동내용이 맞는지 확인한 뒤 서명합니다. 서명하면 이 기록은 더 고칠 수 없습니다.',
    content: html`<div id="cs-errors"></div><div id="cs-body">${spinner('활동내역을 불러오는 중입니다…')}</div>`,
    mount(m) {
      main = m;
      void load();
      onSubmit(main, async (form) => {
        if (!detail) return;
        const values = new FormData(form);
        const agree = values.get('agree') === 'yes';
        const typedName = String(values.get('typedName') ?? '').trim();
        const problems = [];
        if (!agree) problems.push({ field: 'agree', message: '활동내역을 확인했고 동의한다는 항목에 체크해 주세요.' });
        if (!typedName) problems.push({ field: 'typedName', message: '서명란에 이름을 적어 주세요.' });
        if (problems.length) return showProblems(target(), problems);
        const result = await apiPost<Round>(
          `/consent-rounds/${encodeURIComponent(detail.round.roundId)}/sign`,
          { typedName, agree, digest: detail.digest },
          { signal: ctx.signal },
        );
        if (refused(target(), result)) return;
        await load();
        main.querySelector<HTMLElement>('.app-notice-success')?.setAttribute('tabindex', '-1');
        main.querySelector<HTMLElement>('.app-notice-success')?.focus();
        ctx.announce('서명했습니다. 활동일지 동의가 끝났습니다.');
      });
      main.addEventListener('click', async (event) => {
        const print = (event.target as Element).closest('[data-action="print"]');
        const printSlotEl = main.querySelector<HTMLElement>('#cs-print');
        if (print && printSlotEl && detail) {
          void printMonth(ctx, printSlotEl, { month: detail.round.month, assistantId: detail.round.assistantId });
          return;
        }
        if (!(event.target as Element).closest('[data-action="scan"]') || !detail) return;
        const slot = main.querySelector<HTMLElement>('#cs-scan');
        const result = await apiGet<{ url: string; fileName: string }>(
          `/consent-rounds/${encodeURIComponent(detail.round.roundId)}/scan`,
          {},
          { signal: ctx.signal },
        );
        if (slot) {
          slot.innerHTML = result.ok
            ? html`<a href="${result.data.url}" id="cs-scan-link">수기 서명 스캔본 내려받기</a>`.value
            : html`<p>${result.problem.message}</p>`.value;
          slot.querySelector<HTMLElement>('a')?.focus();
        }
      });
    },
  };
}
