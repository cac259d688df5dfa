import { BRANCHES } from '#commons/branches';
import { button } from '../components/button.ts';
import { selectField, textField } from '../components/form-field.ts';
import { missing, problemsOf, showProblems } from '../components/form-problems.ts';
import { apiPost } from '../core/api.ts';
import { html } from '../core/html.ts';
import { onSubmit, problemTarget } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { USERNAME_HINT } from './texts.ts';

// 지사 담당자 계정 만들기 (issue 3, hq only): hq creates a branch clerk's login. Cognito texts a
// temporary password to the clerk's phone; the first sign-in asks for a new password, then the code.

const FIELD_IDS: Record<string, string> = {
  username: 'branch-staff-username',
  name: 'branch-staff-name',
  phone: 'branch-staff-phone',
  branchId: 'branch-staff-branch',
};

const TITLE = '지사 담당자 계정 만들기';

export function branchStaffPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const target = () => problemTarget(ctx, main, 'branch-staff-errors', FIELD_IDS, TITLE);

  const form = html`<form id="branch-staff-form" class="app-form" novalidate>
  ${selectField({ id: FIELD_IDS.branchId!, name: 'branchId', label: '지사', options: [{ value: '', label: '지사를 골라 주세요' }, ...BRANCHES.map((b) => ({ value: b.branchId, label: b.name }))], value: '', required: true })}
  ${textField({ id: FIELD_IDS.username!, name: 'username', label: '아이디', value: '', maxLength: 20, hint: USERNAME_HINT, required: true })}
  ${textField({ id: FIELD_IDS.name!, name: 'name', label: '이름', value: '', maxLength: 40, required: true })}
  ${textField({ id: FIELD_IDS.phone!, name: 'phone', label: '휴대전화 번호', type: 'tel', value: '', maxLength: 13, hint: '임시 비밀번호를 받을 휴대전화 번호입니다. 예: 010-1234-5678', required: true })}
  <div class="app-form-actions">${button({ label: '계정 만들기', type: 'submit', size: 'large' })}</div>
</form>`;

  async function submit(formEl: HTMLFormElement): Promise<void> {
    const problems = missing(formEl, [
      ['branchId', '지사를 골라 주세요.'],
      ['username', '아이디를 입력해 주세요.'],
      ['name', '이름을 입력해 주세요.'],
      ['phone', '휴대전화 번호를 입력해 주세요.'],
    ]);
    if (problems.length) return showProblems(target(), problems);
    const data = new FormData(formEl);
    const body = Object.fromEntries(
      ['username', 'name', 'phone', 'branchId'].map((k) => [k, String(data.get(k) ?? '').trim()]),
    );
    const result = await apiPost<{ userId: string }>('/branch-staff', body, { signal: ctx.signal });
    if (!result.ok) return showProblems(target(), problemsOf(result.problem));
    main.querySelector('#branch-staff-errors')!.innerHTML = '';
    ctx.setTitle(TITLE);
    const branch = BRANCHES.find((b) => b.branchId === body.branchId)?.name ?? body.branchId;
    main.querySelector('#branch-staff-body')!.innerHTML =
      html`<div class="app-notice app-notice-success" role="status" tabindex="-1" id="branch-staff-done">
  <p class="app-notice-title">${branch} 담당자 계정 ${result.data.userId}을(를) 만들었습니다.</p>
  <p>임시 비밀번호를 담당자의 휴대전화로 보냈습니다. 담당자가 처음 로그인할 때 새 비밀번호를 정합니다.</p>
</div>
<div class="app-form-actions">${button({ label: '다른 계정 만들기', variant: 'secondary', size: 'large', data: { action: 'branch-staff-again' } })}</div>`.value;
    main.querySelector<HTMLElement>('#branch-staff-done')?.focus();
  }

  return {
    title: TITLE,
    lead: '본부가 지사 담당자의 계정을 만듭니다. 임시 비밀번호는 담당자의 휴대전화로 보냅니다.',
    content: html`<div id="branch-staff-errors"></div><div id="branch-staff-body" class="app-narrow">${form}</div>`,
    mount(m) {
      main = m;
      onSubmit(main, submit);
      main.addEventListener('click', (event) => {
        if (!(event.target as Element).closest('[data-action="branch-staff-again"]')) return;
        main.querySelector('#branch-staff-body')!.innerHTML = form.value;
        main.querySelector<HTMLElement>(`#${FIELD_IDS.branchId}`)?.focus();
      });
    },
  };
}
