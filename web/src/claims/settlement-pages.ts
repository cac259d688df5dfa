import type { Settlement } from '#functions/claims/settlement-contract';
import * as clock from '#kernel/clock';
import { button } from '../components/button.ts';
import { textareaField } from '../components/form-field.ts';
import { notice, spinner } from '../components/notice.ts';
import { dataTable, emptyState } from '../components/table.ts';
import { apiPost } from '../core/api.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { loadSection, onAction } from '../core/page.ts';
import { hasRole } from '../core/viewer.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { won } from './model.ts';

// 사업비 정산 (SPEC C6): the agency files a half-year or year with the advances it received, and sees
// each month's advance against the decided claim; the branch approves or returns it with a reason.

export const AGENCY_SETTLEMENTS_PATH = '/agency/settlements';
export const BRANCH_SETTLEMENTS_PATH = '/internal/settlements';

/** One settlement: the contract's own (functions/claims/settlement-contract.ts). */
type SettlementView = Settlement;

export function periodMonthsOf(period: string): string[] {
  const year = period.slice(0, 4);
  const [from, to] = period.endsWith('-H1') ? [1, 6] : period.endsWith('-H2') ? [7, 12] : [1, 12];
  return Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}`);
}

function advanceInputs(prefix: string, period: string, values: { month: string; amount: number }[]): SafeHtml {
  return html`<fieldset class="app-fieldset"><legend>달마다 받은 선지급액(원)</legend>${periodMonthsOf(period).map(
    (month) => html`<div class="form-group"><div class="form-tit"><label for="${prefix}-${month}">${month}</label></div>
<div class="form-conts"><input class="krds-input" type="number" inputmode="numeric" min="0" id="${prefix}-${month}" name="advance-${month}" value="${String(values.find((v) => v.month === month)?.amount ?? 0)}"></div></div>`,
  )}</fieldset>`;
}

function readAdvances(form: HTMLFormElement): { month: string; amount: number }[] | undefined {
  const out: { month: string; amount: number }[] = [];
  for (const [name, value] of new FormData(form).entries()) {
    if (!name.startsWith('advance-')) continue;
    const amount = Number(value);
    if (!Number.isInteger(amount) || amount < 0) return undefined;
    if (amount > 0) out.push({ month: name.slice('advance-'.length), amount });
  }
  return out;
}

/** One settlement and the step the viewer may take now (hq reads only: the decision is the branch's). */
function settlementSection(s: SettlementView, side: 'agency' | 'branch' | 'hq', i: number): SafeHtml {
  const actions =
    side === 'branch' && s.waitingFor === 'branch'
      ? html`<form data-settlement="${s.settlementId}" data-kind="decision" novalidate aria-label="${s.periodLabel} 정산 결정">
  ${textareaField({ id: `st-reason-${i}`, name: 'reason', label: '반려 사유', value: '', maxLength: 1000, rows: 3, hint: '반려할 때만 적습니다.' })}
  <div class="app-form-actions">${button({ label: '승인', type: 'submit', data: { decision: 'approve' } })}${button({ label: '반려', variant: 'secondary', type: 'submit', data: { decision: 'return' } })}</div>
</form>`
      : side === 'agency' && s.waitingFor === 'agency'
        ? html`<form data-settlement="${s.settlementId}" data-kind="refile" novalidate aria-label="${s.periodLabel} 정산 다시 제출">
  ${advanceInputs(`st-refile-${i}`, s.period, s.advances)}
  <div class="app-form-actions">${button({ label: '고쳐서 다시 제출', type: 'submit' })}</div>
</form>`
        : html``;
  return html`<section class="app-section" aria-labelledby="st-title-${i}">
  <h2 class="app-section-title" id="st-title-${i}">${s.agencyName} ${s.periodLabel} 정산: <span class="st-status">${s.statusLabel}</span></h2>
  ${s.returnReason && s.status === 'returned' ? notice('info', `지사 반려 사유: ${s.returnReason}`) : ''}
  ${
    s.rows.length
      ? dataTable({
          id: `st-rows-${i}`,
          caption: `${s.periodLabel} 월별 선지급액과 결정된 사업비`,
          columns: [
            { header: '월', rowHeader: true, cell: (r) => r.month },
            { header: '받은 선지급액', cell: (r) => won(r.advance) },
            { header: '결정된 사업비', cell: (r) => won(r.decided) },
            { header: '차액', cell: (r) => won(r.difference) },
          ],
          rows: s.totals ? [...s.rows, ...carriedRows(s.totals), { month: '합계', ...totalsRow(s.totals) }] : s.rows,
        })
      : spinner('정산을 계산하고 있습니다…')
  }
  ${actions}
</section>`;
}

// rate-correction differences the branch carried into the settlement (issue 15 §6): one row, and the
// 합계 row counts it as decided money, so that its columns add up
type Totals = NonNullable<SettlementView['totals']>;
const carriedRows = (t: Totals) =>
  t.correction
    ? [
        {
          month: `요율 정정 차액 (${t.carried?.length ?? 0}건)`,
          advance: 0,
          decided: t.correction,
          difference: t.correction,
        },
      ]
    : [];
const totalsRow = (t: Totals) => ({ ...t, decided: t.decided + (t.correction ?? 0) });

export function settlementPage(side: 'agency' | 'branch') {
  return (ctx: PageContext): PageView => {
    let main: HTMLElement;
    const grant = ctx.viewer.signedIn ? ctx.viewer.grants?.find((g) => g.role === side) : undefined;
    // hq reads every branch's settlements (no scope to name); a branch or an agency names its own
    const hq = side === 'branch' && !grant && hasRole(ctx.viewer, 'hq');
    const scope = side === 'agency' ? grant?.agencyId : grant?.branchId;
    const year = clock.thisYear();
    let poll: ReturnType<typeof setTimeout> | undefined;
    ctx.signal.addEventListener('abort', () => clearTimeout(poll));

    async function load(message?: SafeHtml): Promise<void> {
      clearTimeout(poll);
      const body = main.querySelector<HTMLElement>('#st-body')!;
      if (!scope && !hq) {
        body.innerHTML = emptyState('담당 기관의 직원만 볼 수 있습니다.').value;
        return;
      }
      const loaded = await loadSection<{ settlements: SettlementView[] }>(ctx, body, {
        path: '/settlements',
        query: side === 'agency' ? { agencyId: scope } : { branchId: scope },
        failure: '정산을 불러오지 못했습니다',
        retry: 'retry',
      });
      if (loaded === undefined) return;
      const list = loaded.settlements;
      body.innerHTML = html`<div id="st-message">${message ?? ''}</div>${
        list.length
          ? list.map((s, i) => settlementSection(s, hq ? 'hq' : side, i))
          : emptyState('아직 정산 신청이 없습니다.')
      }`.value;
      // the workflow works between the human steps: read again until it waits for someone
      if (
        list.some(
          (s) => s.status === 'computing' || (s.status !== 'approved' && s.status !== 'failed' && !s.waitingFor),
        )
      ) {
        poll = setTimeout(() => void load(message), 700);
      }
    }

    const fileForm =
      side === 'agency'
        ? html`<form id="st-file" novalidate aria-label="정산 신청">
  <div class="form-group"><div class="form-tit"><label for="st-period">정산 기간</label></div>
  <div class="form-conts"><select class="krds-input" id="st-period" name="period">${[
    `${year}-H1`,
    `${year}-H2`,
    `${year}`,
    `${year - 1}-H2`,
    `${year - 1}`,
  ].map(
    (p) =>
      html`<option value="${p}">${p.endsWith('-H1') ? `${p.slice(0, 4)}년 상반기` : p.endsWith('-H2') ? `${p.slice(0, 4)}년 하반기` : `${p}년 연간`}</option>`,
  )}</select></div></div>
  <div id="st-advances">${advanceInputs('st-adv', `${year}-H1`, [])}</div>
  <div class="app-form-actions">${button({ label: '정산 신청', type: 'submit', size: 'large' })}</div>
</form>`
        : html``;

    return {
      title: side === 'agency' ? '사업비 정산 신청' : '사업비 정산',
      lead:
        side === 'agency'
          ? '반기 또는 연간으로, 받은 선지급액을 결정된 사업비와 견주어 정산을 신청합니다.'
          : '관할 수행기관의 정산을 확인하고 승인하거나 사유를 적어 반려합니다.',
      content: html`${fileForm}<div id="st-body">${spinner('정산을 불러오는 중입니다…')}</div>`,
      mount(m) {
        main = m;
        main.addEventListener('change', (event) => {
          const el = event.target as HTMLSelectElement;
          if (el.id !== 'st-period') return;
          main.querySelector<HTMLElement>('#st-advances')!.innerHTML = advanceInputs('st-adv', el.value, []).value;
        });
        onAction(main, 'retry', load);
        main.addEventListener('submit', async (event) => {
          event.preventDefault();
          const form = event.target as HTMLFormElement;
          const out = () => main.querySelector<HTMLElement>('#st-message');
          const say = (kind: 'success' | 'danger', text: string) => {
            const box = out();
            if (box) box.innerHTML = notice(kind, text).value;
          };
          let result: Awaited<ReturnType<typeof apiPost<SettlementView>>>;
          if (form.id === 'st-file') {
            const advances = readAdvances(form);
            if (!advances) return say('danger', '선지급액은 0원 이상의 숫자로 입력해 주세요.');
            result = await apiPost<SettlementView>(
              '/settlements',
              { agencyId: scope, period: String(new FormData(form).get('period')), advances },
              { signal: ctx.signal },
            );
          } else if (form.dataset.kind === 'refile') {
            const advances = readAdvances(form);
            if (!advances) return say('danger', '선지급액은 0원 이상의 숫자로 입력해 주세요.');
            result = await apiPost<SettlementView>(
              `/settlements/${form.dataset.settlement}/refile`,
              { advances },
              { signal: ctx.signal },
            );
          } else {
            const decision = ((event as SubmitEvent).submitter as HTMLElement | null)?.dataset.decision ?? 'approve';
            const reason = String(new FormData(form).get('reason') ?? '').trim();
            if (decision === 'return' && reason.length < 2) return say('danger', '반려 사유를 입력해 주세요.');
            result = await apiPost<SettlementView>(
              `/settlements/${form.dataset.settlement}/decision`,
              { action: decision, ...(decision === 'return' ? { reason } : {}) },
              { signal: ctx.signal },
            );
          }
          if (!result.ok) return say('danger', result.problem.message);
          ctx.announce(`${result.data.periodLabel} 정산: ${result.data.statusLabel}`);
          await load(notice('success', `${result.data.periodLabel} 정산을 처리했습니다: ${result.data.statusLabel}`));
        });
        void load();
      },
    };
  };
}
