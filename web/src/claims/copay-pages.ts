import type { Copayment } from '#functions/claims/copay-contract';
import { button } from '../components/button.ts';
import { selectField } from '../components/form-field.ts';
import { notice, spinner } from '../components/notice.ts';
import { dataTable, emptyState } from '../components/table.ts';
import { apiPost } from '../core/api.ts';
import { downloadInto } from '../core/download.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { loadSection, onAction } from '../core/page.ts';
import { ownAgencyOf } from '../core/viewer.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { hoursText, won } from './model.ts';

// 본인부담금 (SPEC C7): the agency's list of each worker's co-payment from the approved claims, where
// it records what it received; the worker's history on My page with the statement (PDF).

export const AGENCY_COPAY_PATH = '/agency/copayments';
export const MY_COPAY_PATH = '/my/copayments';

/** One worker's co-payment of a month: the contract's own (functions/claims/copay-contract.ts). */
export type CopaymentView = Copayment;

const paymentsText = (c: CopaymentView) =>
  c.payments.length ? c.payments.map((p) => `${p.date} ${won(p.amount)} (${p.methodLabel})`).join(', ') : '없음';

function paymentForm(c: CopaymentView, i: number): SafeHtml {
  if (c.balance <= 0) return html`<span>모두 받음</span>`;
  return html`<form class="app-inline-form" data-copay="${c.copayId}" data-revision="${String(c.revision)}" novalidate aria-label="${c.workerName} ${c.month} 받은 기록">
  <label for="pay-date-${i}">받은 날</label><input class="krds-input" type="date" id="pay-date-${i}" name="date" required>
  <label for="pay-amount-${i}">받은 금액(원)</label><input class="krds-input" type="number" inputmode="numeric" min="1" id="pay-amount-${i}" name="amount" value="${String(c.balance)}" required>
  <label for="pay-method-${i}">받은 방법</label><select class="krds-input" id="pay-method-${i}" name="method"><option value="transfer">계좌이체</option><option value="cash">현금</option><option value="card">카드</option><option value="cms">CMS 자동이체</option></select>
  ${button({ label: '받은 기록 저장', type: 'submit' })}
</form>`;
}

export function agencyCopayPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const agencyId = ownAgencyOf(ctx.viewer);

  async function load(message?: SafeHtml): Promise<void> {
    const body = main.querySelector<HTMLElement>('#copay-body')!;
    if (!agencyId) {
      body.innerHTML = emptyState('수행기관 담당자만 볼 수 있습니다.').value;
      return;
    }
    const loaded = await loadSection<{ copayments: CopaymentView[] }>(ctx, body, {
      path: '/copayments',
      query: { agencyId },
      failure: '본인부담금을 불러오지 못했습니다',
      retry: 'retry',
    });
    if (loaded === undefined) return;
    const rows = loaded.copayments;
    body.innerHTML = html`<div id="copay-message">${message ?? ''}</div>${
      rows.length
        ? dataTable({
            id: 'copay-table',
            caption: '근로자별 본인부담금 (승인된 사업비 신청 기준)',
            columns: [
              { header: '월', cell: (c) => c.month },
              { header: '근로자', rowHeader: true, cell: (c) => c.workerName },
              { header: '지원 시간', cell: (c) => `${hoursText(c.supportedMinutes)}시간` },
              { header: '본인부담금', cell: (c) => amountWithReason(c) },
              { header: '받은 금액', cell: (c) => won(c.paid) },
              { header: '남은 금액', cell: (c) => won(c.balance) },
              { header: '받은 기록', cell: (c) => paymentsText(c) },
              { header: '기록하기', cell: (c) => paymentForm(c, rows.indexOf(c)) },
            ],
            rows,
          })
        : emptyState(
            '아직 본인부담금이 없습니다.',
            '지사가 사업비 신청을 승인하면 근로자별 본인부담금이 여기에 나옵니다.',
          )
    }`.value;
  }

  return {
    title: '본인부담금 관리',
    lead: '승인된 사업비 신청에서 나온 근로자별 본인부담금을 보고, 받은 날과 금액, 방법을 기록합니다.',
    content: html`<div id="copay-body">${spinner('본인부담금을 불러오는 중입니다…')}</div>`,
    mount(m) {
      main = m;
      onAction(main, 'retry', load);
      main.addEventListener('submit', async (event) => {
        const form = event.target as HTMLFormElement;
        if (!form.dataset.copay) return;
        event.preventDefault();
        const data = new FormData(form);
        const date = String(data.get('date') ?? '');
        const amount = Number(data.get('amount'));
        const out = main.querySelector<HTMLElement>('#copay-message')!;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
          out.innerHTML = notice('danger', '받은 날을 입력해 주세요 (예: 2026-11-05).').value;
          form.querySelector<HTMLElement>('input[name="date"]')?.focus();
          return;
        }
        if (!Number.isInteger(amount) || amount < 1) {
          out.innerHTML = notice('danger', '받은 금액을 1원 이상의 숫자로 입력해 주세요.').value;
          form.querySelector<HTMLElement>('input[name="amount"]')?.focus();
          return;
        }
        const result = await apiPost<CopaymentView>(
          `/copayments/${encodeURIComponent(form.dataset.copay)}/payments`,
          { date, amount, method: String(data.get('method')), revision: Number(form.dataset.revision) },
          { signal: ctx.signal },
        );
        if (!result.ok) {
          out.innerHTML = notice('danger', result.problem.message).value;
          return;
        }
        ctx.announce('받은 기록을 저장했습니다.');
        await load(
          notice(
            'success',
            `${result.data.workerName} ${result.data.month} 받은 기록을 저장했습니다. 남은 금액 ${won(result.data.balance)}.`,
          ),
        );
      });
      void load();
    },
  };
}

/** 본인부담금 with why it is 0 when the worker was exempt (C7). */
function amountWithReason(c: CopaymentView): SafeHtml {
  return c.exemptReason ? html`${won(c.amount)}<br><span>${c.exemptReason}</span>` : html`${won(c.amount)}`;
}

/** 기준년월 (seed 000): one month of the worker's co-payments, or 전체. */
function monthFilter(months: readonly string[], chosen: string): SafeHtml {
  return html`<div class="app-search-form">${selectField({
    id: 'my-copay-month',
    name: 'month',
    label: '기준년월',
    options: [{ value: '', label: '전체' }, ...months.map((m) => ({ value: m, label: m }))],
    value: chosen,
  })}</div>`;
}

export function myCopayPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  let rows: CopaymentView[] = [];
  let all: CopaymentView[] = [];
  let chosenMonth = '';

  async function load(): Promise<void> {
    const body = main.querySelector<HTMLElement>('#my-copay-body')!;
    const loaded = await loadSection<{ copayments: CopaymentView[] }>(ctx, body, {
      path: '/me/copayments',
      failure: '본인부담금을 불러오지 못했습니다',
      retry: 'retry',
    });
    if (loaded === undefined) return;
    all = loaded.copayments;
    render(body);
  }

  function render(body: HTMLElement): void {
    const months = [...new Set(all.map((r) => r.month))].sort().reverse();
    if (chosenMonth && !months.includes(chosenMonth)) chosenMonth = '';
    rows = chosenMonth ? all.filter((r) => r.month === chosenMonth) : all;
    const agencies = [...new Map(rows.map((r) => [r.agencyId, r.agencyName])).entries()];
    body.innerHTML = html`<div id="my-copay-message"></div>${all.length ? monthFilter(months, chosenMonth) : ''}${
      rows.length
        ? html`${dataTable({
            id: 'my-copay-table',
            caption: '나의 본인부담금과 납부 기록',
            columns: [
              { header: '월', rowHeader: true, cell: (c) => c.month },
              { header: '수행기관', cell: (c) => c.agencyName },
              { header: '지원 시간', cell: (c) => `${hoursText(c.supportedMinutes)}시간` },
              { header: '본인부담금', cell: (c) => amountWithReason(c) },
              { header: '낸 금액', cell: (c) => won(c.paid) },
              { header: '남은 금액', cell: (c) => won(c.balance) },
              { header: '납부 기록', cell: (c) => paymentsText(c) },
            ],
            rows,
          })}
<div class="app-form-actions">${agencies.map(([id, name]) => button({ label: `${name} 납부 확인서 내려받기(PDF)`, variant: 'secondary', data: { action: 'statement', agency: id } }))}</div>`
        : emptyState('아직 본인부담금이 없습니다.', '수행기관의 사업비 신청이 승인되면 달마다 여기에 나옵니다.')
    }`.value;
  }

  return {
    title: '본인 부담금',
    lead: '근로지원인 서비스를 받은 달의 본인부담금과 낸 기록을 봅니다. 납부 확인서를 PDF로 내려받을 수 있습니다.',
    content: html`<div id="my-copay-body">${spinner('본인부담금을 불러오는 중입니다…')}</div>`,
    mount(m) {
      main = m;
      main.addEventListener('change', (event) => {
        const select = event.target as HTMLSelectElement;
        if (select.id !== 'my-copay-month') return;
        chosenMonth = select.value;
        render(main.querySelector<HTMLElement>('#my-copay-body')!);
        main.querySelector<HTMLElement>('#my-copay-month')?.focus();
        ctx.announce(`${chosenMonth || '전체'} 본인부담금 ${rows.length}건`);
      });
      main.addEventListener('click', async (event) => {
        const el = (event.target as Element).closest<HTMLElement>('[data-action]');
        if (!el) return;
        if (el.dataset.action === 'retry') void load();
        if (el.dataset.action !== 'statement') return;
        await downloadInto(
          main.querySelector<HTMLElement>('#my-copay-message')!,
          '/me/copayments/statement',
          { agencyId: el.dataset.agency ?? '' },
          ctx.signal,
          (fileName) => `납부 확인서(${fileName})를 내려받았습니다.`,
        );
      });
      void load();
    },
  };
}
