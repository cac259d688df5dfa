import * as clock from '#kernel/clock';
import { isMonth, monthInWords } from '#kernel/korea-time';
import { button, buttonLink } from '../components/button.ts';
import { fileField, nativeField } from '../components/form-field.ts';
import { problemsOf, showProblems } from '../components/form-problems.ts';
import { dataTable, emptyState } from '../components/table.ts';
import { apiGet } from '../core/api.ts';
import { koreanDateTime, monthInUrl } from '../core/dates.ts';
import { saveBase64File } from '../core/download.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { loadAll } from '../core/page.ts';
import { withQuery } from '../core/router.ts';
import { onSubmit, problemTarget } from '../core/submit.ts';
import { presignedUpload } from '../core/upload.ts';
import { ownAgencyOf } from '../core/viewer.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import {
  attendanceContentType,
  type Comparison,
  IMPORT_WAIT_MS,
  type ImportHistory,
  type ImportResponse,
  type ImportView,
  outcomeText,
  spanText,
  type UploadProgress,
} from './model.ts';

// 출퇴근 관리 (seed 000: 시프티 자료 업로드 > 근로지원인별 출퇴근 이력 확인). The agency uploads the month's
// Shiftee export (presigned PUT with a progress bar), the server checks it all or nothing: the error
// report (row, column, value, what to fix) to read or download, or the new month with the people it
// could not match. Below: the month's imports and the attendance now in use, per assistant and day.

export const ATTENDANCE_PATH = '/agency/attendance';

import { AGENCY_COMPARISON_PATH } from '../shell/paths.ts';

export const COMPARISON_PATH = AGENCY_COMPARISON_PATH;
const TITLE = '출퇴근 관리';
const FIELD_IDS = { month: 'at-month', uploadId: 'at-file', file: 'at-file' };

export function agencyIdOf(ctx: PageContext): string | undefined {
  return ownAgencyOf(ctx.viewer);
}

export function monthOf(ctx: PageContext): string {
  return monthInUrl(ctx.url);
}

function errorTable(item: ImportView): SafeHtml {
  return html`${dataTable({
    id: 'at-errors',
    caption: `오류 보고서: ${item.fileName} (${item.totalErrors}건)`,
    columns: [
      { header: '행', cell: (e) => e.row ?? '파일 전체', width: 'narrow', rowHeader: true },
      { header: '열', cell: (e) => e.column ?? '-', width: 'medium' },
      { header: '셀', cell: (e) => e.cell ?? '-', width: 'narrow' },
      { header: '값', cell: (e) => e.value || '(빈 칸)', width: 'medium' },
      { header: '고칠 내용', cell: (e) => e.message, width: 'wide' },
    ],
    rows: item.errors,
  })}
${item.omittedErrors > 0 ? html`<p>이 밖에 오류 ${item.omittedErrors}건이 더 있습니다. 위 오류를 고친 뒤 다시 올리면 나머지도 보여 드립니다.</p>` : ''}
<div class="app-form-actions">${button({ label: '오류 보고서 내려받기(CSV)', variant: 'secondary', data: { action: 'report', import: item.importId } })}</div>`;
}

function unmatchedTable(item: ImportView): SafeHtml {
  if (!item.unmatched.length) return html``;
  return dataTable({
    id: 'at-unmatched',
    caption: `등록된 근로지원인과 맞지 않는 사람 (${item.unmatched.length}명)`,
    columns: [
      { header: '이름', cell: (u) => u.name, rowHeader: true, width: 'medium' },
      { header: '사원번호·휴대전화', cell: (u) => u.identifier, width: 'medium' },
      { header: '파일의 행', cell: (u) => u.rowNumbers.join(', ') },
      { header: '이유와 할 일', cell: (u) => u.reason, width: 'wide' },
    ],
    rows: item.unmatched,
  });
}

export function resultView(response: ImportResponse): SafeHtml {
  const item = response.import;
  const failed = item.status === 'rejected';
  return html`<div class="${failed ? 'app-notice app-notice-danger' : 'app-notice app-notice-success'}" role="${failed ? 'alert' : 'status'}" tabindex="-1" id="at-outcome">
  <p class="app-notice-title">${failed ? '가져오지 못했습니다' : '가져왔습니다'}</p>
  <p>${outcomeText(response)}</p>
</div>
${failed ? errorTable(item) : unmatchedTable(item)}`;
}

export function attendancePage(initial: PageContext): PageView {
  let ctx = initial;
  let main: HTMLElement;

  const target = () => problemTarget(ctx, main, 'at-problems', FIELD_IDS, TITLE);

  async function loadMonth(): Promise<void> {
    const agencyId = agencyIdOf(ctx);
    const slot = main.querySelector<HTMLElement>('#at-month-body')!;
    if (!agencyId) {
      slot.innerHTML = emptyState('수행기관 담당자만 볼 수 있습니다.').value;
      return;
    }
    const month = monthOf(ctx);
    const base = `/organisations/${encodeURIComponent(agencyId)}`;
    const loaded = await loadAll<[ImportHistory, Comparison]>(ctx, slot, {
      requests: [
        { path: `${base}/attendance-imports`, query: { month } },
        { path: `${base}/attendance-comparison`, query: { month } },
      ],
      loading: '출퇴근 자료를 불러오는 중입니다…',
      failure: '출퇴근 자료를 불러오지 못했습니다',
      retry: 'retry',
    });
    if (!loaded) return;
    const [history, comparison] = loaded;
    const days = comparison.rows.filter((r) => r.attendance.length > 0);
    slot.innerHTML = html`<section class="app-section" aria-labelledby="at-history-title">
  <h2 class="app-section-title" id="at-history-title">${monthInWords(month)} 가져오기 이력</h2>
  ${
    history.imports.length
      ? dataTable({
          id: 'at-history',
          caption: `${monthInWords(month)} 출퇴근 자료 가져오기 이력 (최근 것부터)`,
          columns: [
            { header: '올린 때', cell: (i) => koreanDateTime(i.importedAt), rowHeader: true, width: 'medium' },
            { header: '파일', cell: (i) => i.fileName, width: 'wide' },
            {
              header: '결과',
              cell: (i) =>
                i.status === 'rejected' ? `오류 ${i.totalErrors}건(가져오지 않음)` : `${i.matchedRows}건 가져옴`,
            },
            { header: '지금 쓰는 자료', cell: (i) => (i.current ? '예' : '아니요'), width: 'narrow' },
            {
              header: '오류 보고서',
              cell: (i) =>
                i.status === 'rejected'
                  ? button({
                      label: '내려받기',
                      variant: 'text',
                      size: 'small',
                      data: { action: 'report', import: i.importId },
                    })
                  : '-',
            },
          ],
          rows: history.imports,
        })
      : emptyState(`${monthInWords(month)}에 올린 출퇴근 자료가 없습니다.`, '위에서 시프티 파일을 올려 주세요.')
  }
</section>
<section class="app-section" aria-labelledby="at-records-title">
  <h2 class="app-section-title" id="at-records-title">근로지원인별 출퇴근 이력</h2>
  ${
    days.length
      ? dataTable({
          id: 'at-records',
          caption: `${monthInWords(month)} 지금 쓰는 출퇴근 기록 (${days.length}일)`,
          columns: [
            { header: '날짜', cell: (d) => d.date, rowHeader: true, width: 'medium' },
            { header: '근로지원인', cell: (d) => d.assistantName, width: 'medium' },
            { header: '출퇴근', cell: (d) => d.attendance.map(spanText).join(', ') },
            { header: '파일의 행', cell: (d) => d.attendance.map((a) => a.row).join(', '), width: 'narrow' },
          ],
          rows: days,
        })
      : emptyState('가져온 출퇴근 기록이 없습니다.')
  }
  <div class="app-form-actions">${buttonLink({ label: '근무 이력 비교로 가기', href: withQuery(COMPARISON_PATH, { month }), variant: 'secondary' })}</div>
</section>`.value;
  }

  /** Polls the upload until its import is done or refused (or the wait runs out). */
  async function waitForImport(
    uploadId: string,
  ): Promise<{ ok: true; data: ImportResponse } | { ok: false; message: string }> {
    const until = clock.nowMs() + IMPORT_WAIT_MS;
    for (let delay = 300; clock.nowMs() < until; delay = Math.min(delay * 1.5, 2000)) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (ctx.signal.aborted) return { ok: false, message: '화면을 떠나 가져오기 결과를 기다리지 않았습니다.' };
      const polled = await apiGet<UploadProgress>(`/attendance-uploads/${encodeURIComponent(uploadId)}`, undefined, {
        signal: ctx.signal,
      });
      if (!polled.ok) return { ok: false, message: polled.problem.message };
      const { state, outcome, problem } = polled.data;
      if (state === 'failed') return { ok: false, message: problem ?? '출퇴근 자료를 가져오지 못했습니다.' };
      if (state === 'done' && outcome && polled.data.import) {
        return { ok: true, data: { outcome, import: polled.data.import } };
      }
    }
    return {
      ok: false,
      message:
        '가져오기가 아직 끝나지 않았습니다. 큰 파일은 몇 분 걸릴 수 있습니다. 잠시 뒤 아래 가져오기 이력에서 결과를 확인해 주세요.',
    };
  }

  async function upload(form: HTMLFormElement): Promise<void> {
    const agencyId = agencyIdOf(ctx);
    if (!agencyId) return;
    const status = main.querySelector<HTMLElement>('#at-status')!;
    const result = main.querySelector<HTMLElement>('#at-result')!;
    const month = String(new FormData(form).get('month') ?? '');
    const file = main.querySelector<HTMLInputElement>('#at-file')!.files?.[0];
    const problems = [];
    if (!isMonth(month)) problems.push({ field: 'month', message: '년월을 2026-03처럼 골라 주세요.' });
    const contentType = file ? attendanceContentType(file) : undefined;
    if (!file) problems.push({ field: 'file', message: '올릴 시프티 파일(엑셀 또는 CSV)을 골라 주세요.' });
    else if (!contentType)
      problems.push({ field: 'file', message: '엑셀(.xlsx)이나 CSV(.csv) 파일만 올릴 수 있습니다.' });
    if (problems.length || !file || !contentType) return showProblems(target(), problems);
    showProblems(target(), []);
    result.innerHTML = '';
    const progress = (label: string, value?: number) => {
      status.innerHTML = html`<p>${label}</p>${
        value === undefined
          ? ''
          : html`<progress id="at-progress" max="100" value="${Math.round(value * 100)}" aria-label="파일 올리는 중">${Math.round(value * 100)}%</progress>`
      }`.value;
    };
    progress('파일을 올리는 중입니다… 0%', 0);
    const sent = await presignedUpload({
      start: {
        path: `/organisations/${encodeURIComponent(agencyId)}/attendance-uploads`,
        body: { month, contentType, size: file.size, fileName: file.name },
      },
      file,
      signal: ctx.signal,
      complete: false,
      onProgress: (fraction) => progress(`파일을 올리는 중입니다… ${Math.round(fraction * 100)}%`, fraction),
    });
    if (!sent.ok) {
      status.innerHTML = '';
      return showProblems(
        target(),
        sent.stage === 'put'
          ? [{ field: 'file', message: '파일을 올리지 못했습니다. 인터넷 연결을 확인한 뒤 다시 올려 주세요.' }]
          : problemsOf(sent.problem).map((p) => (p.field === 'month' ? p : { ...p, field: 'file' })),
      );
    }
    // the landed file starts its import by itself (S3 event); the screen follows its progress
    progress('파일이 올라갔습니다. 출퇴근 기록을 한 줄씩 검사하는 중입니다…');
    const imported = await waitForImport(sent.ticket.uploadId);
    status.innerHTML = '';
    if (!imported.ok) return showProblems(target(), [{ field: 'file', message: imported.message }]);
    result.innerHTML = resultView(imported.data).value;
    main.querySelector<HTMLElement>('#at-outcome')?.focus();
    ctx.announce(outcomeText(imported.data));
    if (month !== monthOf(ctx)) ctx.navigate(withQuery(ATTENDANCE_PATH, { month }), { replace: true });
    else void loadMonth();
  }

  return {
    title: TITLE,
    lead: '시프티에서 내려받은 한 달 출퇴근 기록(엑셀 또는 CSV)을 올립니다. 한 줄이라도 틀리면 아무것도 가져오지 않고 고칠 곳을 알려 드립니다. 같은 달을 다시 올리면 새 파일로 바뀌고, 예전 파일은 이력에 남습니다.',
    content: html`<div id="at-problems"></div>
<form id="at-upload" class="app-form" novalidate aria-label="출퇴근 자료 올리기">
  ${nativeField({ id: 'at-month', name: 'month', label: '출퇴근 년월', type: 'month', value: monthOf(initial), required: true, hint: '예: 2026-03. 파일의 모든 날짜가 이 달이어야 합니다.' })}
  ${fileField({ id: 'at-file', name: 'file', label: '시프티 출퇴근 파일', accept: '.xlsx,.csv', required: true, hint: '엑셀(.xlsx) 또는 CSV, 30MB까지. 이름, 날짜, 출근, 퇴근, 사원번호(근로지원인 번호) 또는 휴대전화 열이 있어야 합니다.' })}
  <div class="app-form-actions">${button({ label: '올리고 가져오기', type: 'submit', size: 'large' })}</div>
  <div id="at-status" role="status" aria-live="polite"></div>
</form>
<div id="at-result"></div>
<div id="at-month-body"></div>`,
    mount(m) {
      main = m;
      onSubmit(main, upload, { only: 'at-upload' });
      main.addEventListener('click', async (event) => {
        const el = (event.target as Element).closest<HTMLElement>('[data-action]');
        if (!el) return;
        if (el.dataset.action === 'retry') void loadMonth();
        if (el.dataset.action === 'report') {
          const report = await apiGet<{ fileName: string; contentType: string; base64: string }>(
            `/attendance-imports/${encodeURIComponent(el.dataset.import ?? '')}/error-report`,
            {},
            { signal: ctx.signal },
          );
          if (report.ok) {
            saveBase64File(report.data);
            ctx.announce(`오류 보고서(${report.data.fileName})를 내려받았습니다.`);
          } else showProblems(target(), problemsOf(report.problem));
        }
      });
      void loadMonth();
    },
    update(next) {
      ctx = next;
      void loadMonth();
      return true;
    },
  };
}
