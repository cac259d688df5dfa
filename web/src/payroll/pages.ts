import { hoursOfMinutes, percentText } from '#kernel/decimal';
import { isMonth } from '#kernel/korea-time';
import { button, buttonLink } from '../components/button.ts';
import { nativeField, selectField, textField } from '../components/form-field.ts';
import { showProblems } from '../components/form-problems.ts';
import { notice, spinner } from '../components/notice.ts';
import { dataTable, emptyState } from '../components/table.ts';
import { apiPost } from '../core/api.ts';
import { dateTime, monthInUrl } from '../core/dates.ts';
import { type DownloadedFile, downloadInto, saveBase64File } from '../core/download.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { loadSection, onAction } from '../core/page.ts';
import { problemTarget, refused } from '../core/submit.ts';
import { ownAgencyOf } from '../core/viewer.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import {
  ACTION_LABELS,
  AGENCY_PAYROLL_PATH,
  cellText,
  type Line,
  type MonthList,
  monthLabel,
  PAYROLL_SETTINGS_PATH,
  type PayrollRecord,
  signedWon,
  TIME_LABELS,
  TIME_SOURCES,
  takesAmount,
  won,
} from './model.ts';

// 급여 관리 (seed 000 급여 목록): the agency picks a 급여연월, computes it from the month's claim figures
// (or the activity logs before the claim), reads the list with its own item names, prints it or
// downloads it as Excel, and opens one assistant's payroll to enter an amount or adjust an item with
// a reason.

const TITLE = '급여 관리';

function monthOf(ctx: PageContext): string {
  return monthInUrl(ctx.url);
}

/**
 * seed 000's 급여 목록. The agency's screen has 선택 per row and links each name to the payroll; the
 * internal system's read-only view has neither and puts the agency in a 수행기관 column.
 */
export function listTable(
  list: Pick<MonthList, 'table' | 'count' | 'problems'> & { month: string; agencyName?: string },
  options: { id?: string; readOnly?: boolean } = {},
): SafeHtml {
  const { columns, rows, totals } = list.table;
  const pick = !options.readOnly;
  const agency = options.readOnly && list.agencyName;
  // without a checkbox or link inside, the wide table is focusable itself, so a keyboard can scroll it
  const region = pick ? html`` : html` tabindex="0" role="region" aria-label="${list.agencyName ?? ''} 급여 목록 표"`;
  return html`<div class="krds-table-wrap app-payroll-table"${region}>
  <table class="tbl col data" id="${options.id ?? 'payroll-table'}">
    <caption>${agency ? `${list.agencyName} ` : ''}${monthLabel(list.month)} 급여 목록 (${list.count}건)${list.problems ? ` · 항목을 고쳐야 하는 급여 ${list.problems}건` : ''}</caption>
    <thead><tr>${pick ? html`<th scope="col" class="app-no-print">선택</th>` : ''}${agency ? html`<th scope="col">수행기관</th>` : ''}${columns.map((c) => html`<th scope="col">${c.header}</th>`)}</tr></thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>${pick ? html`<td class="app-no-print"><div class="krds-form-check"><input type="checkbox" class="app-row-check" id="pick-${String(row.payrollId)}" value="${String(row.payrollId)}"><label for="pick-${String(row.payrollId)}"><span class="sr-only">선택: ${String(row.assistantName)}</span></label></div></td>` : ''}${agency ? html`<td>${list.agencyName}</td>` : ''}${columns.map(
            (c) =>
              c.key === 'assistantName'
                ? html`<th scope="row">${pick ? html`<a href="${AGENCY_PAYROLL_PATH}/${encodeURIComponent(String(row.payrollId))}">${String(row[c.key])}</a>` : String(row[c.key])}</th>`
                : html`<td class="${c.unit === 'text' ? '' : 'app-num'}">${cellText(c.unit, row[c.key])}</td>`,
          )}</tr>`,
      )}
    </tbody>
    <tfoot><tr>${pick ? html`<td class="app-no-print"></td>` : ''}${agency ? html`<td></td>` : ''}${columns.map(
      (c, i) =>
        i === 0
          ? html`<th scope="row">합계</th>`
          : html`<td class="app-num">${c.unit === 'won' ? won(totals[c.key] ?? 0) : ''}</td>`,
    )}</tr></tfoot>
  </table>
</div>`;
}

export function agencyPayrollPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const agencyId = ownAgencyOf(ctx.viewer);
  const month = monthOf(ctx);

  async function load(message?: SafeHtml): Promise<void> {
    const body = main.querySelector<HTMLElement>('#payroll-body')!;
    if (!agencyId) {
      body.innerHTML = emptyState('수행기관 담당자만 볼 수 있습니다.').value;
      return;
    }
    const loaded = await loadSection<MonthList>(ctx, body, {
      path: `/organisations/${encodeURIComponent(agencyId)}/payroll`,
      query: { month },
      failure: '급여 목록을 불러오지 못했습니다',
      retry: 'retry',
    });
    if (loaded === undefined) return;
    const list = loaded;
    body.innerHTML = html`<div id="payroll-message">${message ?? ''}</div>
${
  list.count
    ? html`<div class="app-form-actions app-no-print">
    ${button({ label: '인쇄', variant: 'secondary', data: { action: 'print' } })}
    ${button({ label: '엑셀 내려받기', variant: 'secondary', data: { action: 'export' } })}
    ${button({ label: '선택한 급여 인쇄', variant: 'tertiary', data: { action: 'print-picked' } })}
    ${button({ label: '선택한 급여 엑셀 내려받기', variant: 'tertiary', data: { action: 'export-picked' } })}
    ${button({ label: '급여명세서 발급', data: { action: 'issue' } })}
  </div>
  <p class="app-no-print">‘급여명세서 발급’을 누르면 근로지원인이 마이페이지에서 지금 내용의 명세서를 보고 알림을 받습니다. 발급한 뒤 바꾸면 다시 발급할 때까지 근로지원인에게는 먼저 발급한 명세서가 보입니다.</p>
  ${listTable(list)}`
    : emptyState(
        `${monthLabel(month)} 급여가 아직 없습니다.`,
        '위에서 ‘급여 계산’을 누르면 이 달의 사업비 신청(없으면 활동일지) 시간으로 근로지원인마다 급여를 계산합니다.',
      )
}`.value;
    if (message) main.querySelector<HTMLElement>('#payroll-message .app-notice')?.focus();
  }

  const target = () => problemTarget(ctx, main, 'payroll-summary', { month: 'pr-month' }, TITLE);

  return {
    title: TITLE,
    lead: '급여연월을 골라 근로지원인별 급여를 계산하고 확인합니다. 시간은 사업비 신청과 같은 계산에서 나오고, 지급·공제 항목 이름은 기관이 정합니다.',
    content: html`<div id="payroll-summary"></div>
<form id="payroll-form" class="app-search-form app-no-print" novalidate>
  ${nativeField({ id: 'pr-month', name: 'month', label: '급여연월', type: 'month', value: month, required: true, hint: '예: 2026-10' })}
  <div class="app-form-actions">
    ${button({ label: '조회', type: 'submit', variant: 'secondary', data: { action: 'show' } })}
    ${button({ label: '급여 계산', type: 'submit', data: { action: 'compute' } })}
    ${buttonLink({ label: '지급·공제 항목 설정', href: PAYROLL_SETTINGS_PATH, variant: 'tertiary' })}
  </div>
</form>
<div id="payroll-body">${spinner('급여 목록을 불러오는 중입니다…')}</div>`,
    mount(m) {
      main = m;
      main.addEventListener('click', async (event) => {
        const el = (event.target as Element).closest<HTMLElement>('[data-action]');
        if (!el || el.closest('form')) return;
        if (el.dataset.action === 'retry') void load();
        if (el.dataset.action === 'print') window.print();
        if (el.dataset.action === 'print-picked' || el.dataset.action === 'export-picked') {
          const boxes = [...main.querySelectorAll<HTMLInputElement>('#payroll-table input.app-row-check')];
          const picked = boxes.filter((b) => b.checked).map((b) => b.value);
          const out = main.querySelector<HTMLElement>('#payroll-message')!;
          if (picked.length === 0) {
            out.innerHTML = notice('danger', '목록의 ‘선택’ 칸에서 급여를 하나 이상 골라 주세요.').value;
            boxes[0]?.focus();
            return;
          }
          if (el.dataset.action === 'print-picked') {
            // only the picked rows on paper; the month's totals belong to the whole list, so they stay off
            const table = main.querySelector<HTMLElement>('#payroll-table')!;
            for (const b of boxes) b.closest('tr')!.classList.toggle('app-print-skip', !b.checked);
            table.classList.add('is-picked');
            window.print();
            table.classList.remove('is-picked');
            for (const b of boxes) b.closest('tr')!.classList.remove('app-print-skip');
          } else if (agencyId) {
            const result = await apiPost<DownloadedFile>(
              `/organisations/${encodeURIComponent(agencyId)}/payroll/export`,
              { month, payrollIds: picked },
              { signal: ctx.signal },
            );
            if (!result.ok) {
              out.innerHTML = notice('danger', result.problem.message).value;
              return;
            }
            saveBase64File(result.data);
            out.innerHTML = notice(
              'success',
              `${result.data.fileName}을(를) 내려받았습니다 (선택한 ${picked.length}명).`,
            ).value;
          }
        }
        if (el.dataset.action === 'issue' && agencyId) {
          const result = await apiPost<{ issued: number; problems: number }>(
            `/organisations/${encodeURIComponent(agencyId)}/payroll/issue`,
            { month },
            { signal: ctx.signal },
          );
          if (!result.ok) {
            const out = main.querySelector<HTMLElement>('#payroll-message')!;
            out.innerHTML = notice('danger', result.problem.message).value;
            out.querySelector<HTMLElement>('.app-notice')?.focus();
            return;
          }
          const text = `${monthLabel(month)} 급여명세서를 ${result.data.issued}명에게 발급했습니다.${result.data.problems ? ` 항목을 고쳐야 하는 급여 ${result.data.problems}건은 발급하지 않았습니다.` : ''}`;
          ctx.announce(text);
          await load(notice('success', text));
        }
        if (el.dataset.action === 'export' && agencyId) {
          await downloadInto(
            main.querySelector<HTMLElement>('#payroll-message')!,
            `/organisations/${encodeURIComponent(agencyId)}/payroll/export`,
            { month },
            ctx.signal,
            (fileName) => `${fileName}을(를) 내려받았습니다.`,
          );
        }
      });
      main.querySelector<HTMLFormElement>('#payroll-form')!.addEventListener('submit', async (event) => {
        event.preventDefault();
        const form = event.target as HTMLFormElement;
        const action = (event as SubmitEvent).submitter?.dataset.action ?? 'show';
        const chosen = String(new FormData(form).get('month') ?? '').trim();
        if (!isMonth(chosen)) {
          showProblems(target(), [{ field: 'month', message: '급여연월을 YYYY-MM 형식으로 골라 주세요. 예: 2026-10' }]);
          return;
        }
        if (action === 'show' || !agencyId) {
          ctx.navigate(`${AGENCY_PAYROLL_PATH}?month=${chosen}`);
          return;
        }
        const result = await apiPost<{ computed: number; problems: number; source: string }>(
          `/organisations/${encodeURIComponent(agencyId)}/payroll`,
          { month: chosen },
          { signal: ctx.signal },
        );
        if (refused(target(), result)) return;
        const source = result.data.source === 'claim' ? '사업비 신청 계산' : '활동일지';
        const text = `${monthLabel(chosen)} 급여를 ${source} 시간으로 계산했습니다: ${result.data.computed}명${result.data.problems ? `, 항목을 고쳐야 하는 급여 ${result.data.problems}명` : ''}.`;
        ctx.announce(text);
        if (chosen !== month) ctx.navigate(`${AGENCY_PAYROLL_PATH}?month=${chosen}`);
        else await load(notice('success', text));
      });
      void load();
    },
  };
}

// ─── One assistant's month ───────────────────────────────────────────────────────────────────────

function linesTable(id: string, caption: string, lines: Line[]): SafeHtml {
  return dataTable({
    id,
    caption,
    columns: [
      { header: '항목', rowHeader: true, cell: (l: Line) => l.name },
      {
        header: '계산 근거',
        cell: (l: Line) =>
          l.minutes !== undefined
            ? `${hoursOfMinutes(l.minutes)}시간`
            : l.rate !== undefined && l.base !== undefined
              ? `${won(l.base)} × ${percentText(l.rate)}`
              : '입력한 금액',
      },
      { header: '계산 금액', cell: (l: Line) => won(l.computed) },
      {
        header: '조정',
        cell: (l: Line) => (l.adjustment ? `${signedWon(l.adjustment.amount)} (사유: ${l.adjustment.reason})` : '-'),
      },
      { header: '금액', cell: (l: Line) => won(l.amount) },
    ],
    rows: lines,
  });
}

const ITEM_FIELDS = {
  item: 'pr-item',
  amount: 'pr-amount',
  'adjustment.amount': 'pr-adjust-amount',
  'adjustment.reason': 'pr-adjust-reason',
  adjustment: 'pr-adjust-amount',
};

export function payrollDetailPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  let record: PayrollRecord | undefined;
  const payrollId = ctx.params.payrollId ?? '';
  const title = '급여 상세';

  const target = () => problemTarget(ctx, main, 'pd-summary', ITEM_FIELDS, title);

  function render(r: PayrollRecord, message?: SafeHtml): void {
    const body = main.querySelector<HTMLElement>('#pd-body')!;
    const options = [
      { value: '', label: '항목을 고르세요' },
      ...r.items.payItems.map((item, i) => ({ value: `pay.${i}`, label: `지급 · ${item.name}` })),
      ...r.items.deductionItems.map((item, i) => ({ value: `deduction.${i}`, label: `공제 · ${item.name}` })),
    ];
    const slip = r.slip;
    body.innerHTML = html`<div id="pd-message">${message ?? ''}</div>
<dl class="app-facts">
  <div><dt>근로지원인</dt><dd>${r.assistantName}</dd></div>
  <div><dt>급여연월</dt><dd>${monthLabel(r.month)}</dd></div>
  <div><dt>명세서</dt><dd>${r.issue === 'none' ? '아직 발급하지 않음' : r.issue === 'issued' ? `발급 (${dateTime(r.issuedAt ?? undefined)})` : `발급 후 바뀜: 근로지원인에게는 ${dateTime(r.issuedAt ?? undefined)}에 발급한 명세서가 보입니다. 급여 목록에서 다시 발급해 주세요.`}</dd></div>
  <div><dt>시간의 출처</dt><dd>${r.sourceLabel} · ${r.rateYear}년 요율표 버전 ${r.rateVersion}</dd></div>
  ${slip ? html`<div><dt>시급</dt><dd>${won(slip.hourlyWage)}</dd></div>` : ''}
  ${slip ? html`<div><dt>근무 시간</dt><dd>${TIME_SOURCES.map((s) => `${TIME_LABELS[s]} ${hoursOfMinutes(slip.minutes[s])}시간`).join(', ')}</dd></div>` : ''}
</dl>
${
  slip
    ? html`${linesTable('pd-pay', '지급 항목', slip.payLines)}${linesTable('pd-deduction', '공제 항목', slip.deductionLines)}
<p class="app-payroll-net">지급 합계 ${won(slip.grossPay)} − 공제 합계 ${won(slip.totalDeductions)} = <strong>실지급액 ${won(slip.netPay)}</strong></p>`
    : html`<div class="app-notice app-notice-danger" role="alert"><p class="app-notice-title">이 급여는 아직 계산되지 않았습니다. 아래 내용을 고쳐 주세요.</p><ul>${r.problems.map((p) => html`<li>${p.message}</li>`)}</ul></div>`
}
<h2>금액 입력 또는 조정</h2>
<p>소득세처럼 직접 넣는 항목은 금액을 적습니다. 계산된 항목을 바꿀 때는 더하거나 뺄 조정 금액과 사유를 적습니다 (줄일 때는 앞에 -).</p>
<form id="pd-form" class="app-form app-narrow" novalidate>
  ${selectField({ id: 'pr-item', name: 'item', label: '항목', options, value: '', required: true })}
  ${textField({ id: 'pr-amount', name: 'amount', label: '입력 금액(원)', value: '', inputMode: 'numeric', hint: '직접 넣는 항목만. 비워 두면 바꾸지 않습니다.' })}
  ${textField({ id: 'pr-adjust-amount', name: 'adjustAmount', label: '조정 금액(원)', value: '', hint: '예: 12000 또는 -5000. 0을 넣으면 조정을 지웁니다.' })}
  ${textField({ id: 'pr-adjust-reason', name: 'reason', label: '조정 사유', value: '', maxLength: 200, hint: '조정할 때 꼭 적습니다. 예: 10월 교통비 소급 지급' })}
  <div class="app-form-actions">${button({ label: '저장', type: 'submit' })}</div>
</form>
<h2>변경 이력</h2>
${dataTable({
  id: 'pd-history',
  caption: '계산과 조정 기록',
  columns: [
    { header: '일시', cell: (h: PayrollRecord['history'][number]) => dateTime(h.at) },
    { header: '한 일', rowHeader: true, cell: (h) => ACTION_LABELS[h.action] ?? h.action },
    { header: '항목', cell: (h) => h.item ?? '-' },
    { header: '금액', cell: (h) => (h.amount !== undefined ? won(h.amount) : '-') },
    { header: '사유', cell: (h) => h.reason ?? '-' },
    { header: '담당자', cell: (h) => h.by },
  ],
  rows: [...r.history].reverse(),
})}
<p>${buttonLink({ label: '급여 목록으로', href: `${AGENCY_PAYROLL_PATH}?month=${r.month}` })}</p>`.value;
    if (message) main.querySelector<HTMLElement>('#pd-message .app-notice')?.focus();
  }

  async function load(message?: SafeHtml): Promise<void> {
    const loaded = await loadSection<PayrollRecord>(ctx, main.querySelector<HTMLElement>('#pd-body')!, {
      path: `/payroll/${encodeURIComponent(payrollId)}`,
      failure: '급여를 불러오지 못했습니다',
      retry: 'retry',
    });
    if (loaded === undefined) return;
    record = loaded;
    ctx.setTitle(`${record.assistantName} ${monthLabel(record.month)} 급여`);
    render(record, message);
  }

  async function submit(form: HTMLFormElement): Promise<void> {
    if (!record) return;
    const data = new FormData(form);
    const item = String(data.get('item') ?? '');
    const amountText = String(data.get('amount') ?? '').trim();
    const adjustText = String(data.get('adjustAmount') ?? '').trim();
    const reason = String(data.get('reason') ?? '').trim();
    const problems: { field: string; message: string }[] = [];
    if (!item) problems.push({ field: 'item', message: '바꿀 항목을 골라 주세요.' });
    const [list, indexText] = item.split('.') as ['pay' | 'deduction', string];
    const index = Number(indexText);
    const chosen = item ? (list === 'pay' ? record.items.payItems : record.items.deductionItems)[index] : undefined;
    const body: Record<string, unknown> = { list, index, revision: record.revision };
    if (amountText !== '') {
      if (chosen && !takesAmount(chosen.kind)) {
        problems.push({
          field: 'amount',
          message: `${chosen.name}은(는) 계산되는 항목이라 금액을 넣을 수 없습니다. 조정 금액과 사유를 넣어 주세요.`,
        });
      } else if (!/^\d+$/.test(amountText)) {
        problems.push({ field: 'amount', message: '입력 금액은 0 이상의 원 단위 숫자로 넣어 주세요. 예: 35000' });
      } else body.amount = Number(amountText);
    }
    if (adjustText !== '') {
      if (!/^-?\d+$/.test(adjustText)) {
        problems.push({
          field: 'adjustment.amount',
          message: '조정 금액은 원 단위 숫자로 넣어 주세요. 줄일 때는 앞에 -를 붙입니다.',
        });
      } else if (Number(adjustText) === 0) {
        body.adjustment = null;
      } else if (reason.length < 2) {
        problems.push({ field: 'adjustment.reason', message: '조정하려면 조정 사유를 2자 이상 적어 주세요.' });
      } else body.adjustment = { amount: Number(adjustText), reason };
    }
    if (!problems.length && body.amount === undefined && body.adjustment === undefined) {
      problems.push({ field: 'amount', message: '입력 금액 또는 조정 금액을 넣어 주세요.' });
    }
    if (problems.length) {
      showProblems(target(), problems);
      return;
    }
    const result = await apiPost<PayrollRecord>(`/payroll/${encodeURIComponent(payrollId)}/items`, body, {
      signal: ctx.signal,
    });
    if (refused(target(), result)) return;
    record = result.data;
    ctx.announce('저장했습니다.');
    render(
      record,
      notice('success', `${chosen?.name ?? '항목'}을(를) 저장했습니다. 실지급액 ${won(record.slip?.netPay)}.`),
    );
  }

  return {
    title,
    lead: '한 근로지원인의 달 급여입니다. 항목마다 계산 근거와 조정, 사유가 나옵니다.',
    content: html`<div id="pd-summary"></div><div id="pd-body">${spinner('급여를 불러오는 중입니다…')}</div>`,
    mount(m) {
      main = m;
      onAction(main, 'retry', load);
      main.addEventListener('submit', (event) => {
        const form = event.target as HTMLFormElement;
        if (form.id !== 'pd-form') return;
        event.preventDefault();
        void submit(form);
      });
      void load();
    },
  };
}
