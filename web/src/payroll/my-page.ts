import { button } from '../components/button.ts';
import { spinner } from '../components/notice.ts';
import { dataTable, emptyState } from '../components/table.ts';
import { downloadInto } from '../core/download.ts';
import { html } from '../core/html.ts';
import { loadSection } from '../core/page.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { type MySlip, monthLabel, won } from './model.ts';

// 근로지원인 급여명세서 (seed 000 My page): each month's slip computed by the agency, with the pay, the
// deductions and the net pay, and the slip itself as a PDF in Korean.

export function myPaySlipsPage(ctx: PageContext): PageView {
  let main: HTMLElement;

  async function load(): Promise<void> {
    const body = main.querySelector<HTMLElement>('#my-slips-body')!;
    const loaded = await loadSection<{ slips: MySlip[] }>(ctx, body, {
      path: '/me/pay-slips',
      failure: '급여명세서를 불러오지 못했습니다',
      retry: 'retry',
    });
    if (loaded === undefined) return;
    const slips = loaded.slips;
    body.innerHTML = html`<div id="my-slips-message"></div>${
      slips.length
        ? dataTable({
            id: 'my-slips-table',
            caption: '나의 급여명세서 (달마다)',
            columns: [
              { header: '급여연월', rowHeader: true, cell: (s: MySlip) => monthLabel(s.month) },
              { header: '수행기관', cell: (s) => s.agencyName },
              { header: '지급 합계', cell: (s) => won(s.grossPay) },
              { header: '공제 합계', cell: (s) => won(s.totalDeductions) },
              { header: '실지급액', cell: (s) => won(s.netPay) },
              {
                header: '명세서',
                cell: (s) =>
                  button({
                    label: `${monthLabel(s.month)} 급여명세서 내려받기(PDF)`,
                    variant: 'secondary',
                    size: 'small',
                    data: { action: 'download', payroll: s.payrollId },
                  }),
              },
            ],
            rows: slips,
          })
        : emptyState('아직 급여명세서가 없습니다.', '수행기관이 달 급여를 계산하면 여기에 나옵니다.')
    }`.value;
  }

  return {
    title: '근로지원인 급여명세서',
    lead: '달마다 받은 급여와 공제, 실지급액을 봅니다. 급여명세서를 PDF로 내려받을 수 있습니다.',
    content: html`<div id="my-slips-body">${spinner('급여명세서를 불러오는 중입니다…')}</div>`,
    mount(m) {
      main = m;
      main.addEventListener('click', async (event) => {
        const el = (event.target as Element).closest<HTMLElement>('[data-action]');
        if (!el) return;
        if (el.dataset.action === 'retry') void load();
        if (el.dataset.action !== 'download') return;
        await downloadInto(
          main.querySelector<HTMLElement>('#my-slips-message')!,
          `/me/pay-slips/${encodeURIComponent(el.dataset.payroll ?? '')}`,
          {},
          ctx.signal,
          (fileName) => `급여명세서(${fileName})를 내려받았습니다.`,
        );
      });
      void load();
    },
  };
}
