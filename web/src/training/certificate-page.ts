import { CERTIFICATE_CHECK_PATH, type CertificateCheck } from '#functions/training/contract';
import { button } from '../components/button.ts';
import { facts } from '../components/facts.ts';
import { textField } from '../components/form-field.ts';
import { formText, missing, problemsOf, showProblems } from '../components/form-problems.ts';
import { notice } from '../components/notice.ts';
import { apiGet } from '../core/api.ts';
import { html } from '../core/html.ts';
import { onSubmit, problemTarget } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';

// 수료증 확인 (issue 16 §2): anyone holding a 수료증 checks by its number that it was issued here. The
// answer shows the course and the dates, and the name masked.

export { CERTIFICATE_CHECK_PATH };

const FIELDS = { certificateNumber: 'cert-number' };

export function certificateCheckPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const title = '수료증 확인';
  const initial = ctx.url.searchParams.get('number') ?? '';

  async function check(number: string): Promise<void> {
    const out = main.querySelector<HTMLElement>('#cert-result')!;
    const target = problemTarget(ctx, main, 'cert-errors', FIELDS, title);
    const result = await apiGet<CertificateCheck>(
      `/public/training-certificates/${encodeURIComponent(number.trim().toUpperCase())}`,
      {},
      { signal: ctx.signal },
    );
    if (!result.ok) {
      out.innerHTML = '';
      if (result.problem.status === 404) {
        out.innerHTML = notice(
          'danger',
          '이 번호로 발급된 수료증이 없습니다. 수료증 왼쪽 위의 번호(TC-로 시작)를 다시 확인해 주세요.',
        ).value;
        return;
      }
      showProblems(target, problemsOf(result.problem));
      return;
    }
    main.querySelector('#cert-errors')!.innerHTML = '';
    const c = result.data;
    out.innerHTML = html`${notice('success', '근로지원인 플랫폼에서 발급한 수료증이 맞습니다.')}
${facts([
  ['수료증 번호', c.certificateNumber],
  ['성명', c.maskedName],
  ['교육과정', `${c.courseName} (${c.courseKind})`],
  ['교육기관', c.institutionName],
  ['교육 기간', `${c.firstDay} ~ ${c.lastDay} (${c.totalHours}시간)`],
  ['수료일', c.completedOn],
])}`.value;
    ctx.announce('수료증을 확인했습니다.');
  }

  return {
    title,
    lead: '수료증에 적힌 번호를 넣으면 이 플랫폼에서 발급한 수료증인지 확인할 수 있습니다.',
    content: html`<div id="cert-errors"></div>
<div class="app-narrow">
<form id="cert-form" class="app-form" novalidate>
  ${textField({ id: FIELDS.certificateNumber, name: 'certificateNumber', label: '수료증 번호', value: initial, maxLength: 20, hint: '수료증 왼쪽 위에 있는 번호입니다. 예: TC-2026-ABCD-EFGH', required: true })}
  <div class="app-form-actions">${button({ label: '확인하기', type: 'submit', size: 'large' })}</div>
</form>
</div>
<div id="cert-result" role="status"></div>`,
    mount(m) {
      main = m;
      onSubmit(main, async (form) => {
        const empty = missing(form, [['certificateNumber', '수료증 번호를 입력해 주세요.']]);
        if (empty.length) return showProblems(problemTarget(ctx, main, 'cert-errors', FIELDS, title), empty);
        await check(formText(form, 'certificateNumber'));
      });
      if (initial) void check(initial);
    },
  };
}
