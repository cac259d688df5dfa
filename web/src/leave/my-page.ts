import { button } from '../components/button.ts';
import { facts } from '../components/facts.ts';
import { textField } from '../components/form-field.ts';
import { type FormProblemTarget, showProblems } from '../components/form-problems.ts';
import { spinner } from '../components/notice.ts';
import { emptyState } from '../components/table.ts';
import { apiGet, apiPost } from '../core/api.ts';
import { koreanDateTime } from '../core/dates.ts';
import { saveBase64File } from '../core/download.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { loadSection } from '../core/page.ts';
import { refused, singleFlight } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { amount, type MyLeave, type NoticeView, parseDates } from './model.ts';

// 나의 연차 (SPEC D1): the assistant's own leave on a phone — what is left, what arose and was used
// this year, and the promotion notices (§61) from the agency, each to read as a PDF and to answer:
// the 1st with the dates they will use, the 2nd and 3rd with a confirmation.

const TITLE = '나의 연차';

function noticeCard(n: NoticeView, i: number): SafeHtml {
  const answered = n.status === 'answered';
  const answer = answered
    ? html`<p><strong>답변함</strong> (${koreanDateTime(n.answeredAt ?? '')})${n.answerDates.length ? html`<br>사용할 날: ${n.answerDates.join(', ')}` : ''}${n.answerNote ? html`<br>남긴 말: ${n.answerNote}` : ''}</p>`
    : html`<form class="app-form" novalidate data-answer="${n.noticeId}" data-kind="${n.action}" data-revision="${String(n.revision)}" aria-label="${n.round}차 사용촉진 답변">
  ${
    n.action === 'request'
      ? textField({
          id: `my-leave-dates-${i}`,
          name: 'dates',
          label: '연차를 쓸 날짜',
          value: '',
          required: true,
          hint: `${n.periodEnd}까지의 날 중에서 고릅니다. 여러 날은 쉼표로 나눕니다. 예: 2026-12-24, 2026-12-28`,
        })
      : ''
  }
  ${textField({ id: `my-leave-note-${i}`, name: 'note', label: '남길 말 (선택)', value: '', maxLength: 300 })}
  <div class="app-form-actions">${button({ label: n.action === 'request' ? '날짜 보내기' : '확인했습니다', type: 'submit' })}</div>
</form>`;
  return html`<li class="app-section">
  <h3>${n.round}차 사용촉진 통지 (${koreanDateTime(n.issuedAt)})</h3>
  ${facts([
    ['남은 연차(통지 때)', n.unusedText],
    ['사용기간', `${n.periodEnd}까지`],
    ...(n.replyBy ? ([['답변 기한', n.replyBy]] as [string, string][]) : []),
    ...(n.designatedDates.length ? ([['회사가 정한 사용일', n.designatedDates.join(', ')]] as [string, string][]) : []),
  ])}
  <p>${button({ label: `${n.round}차 통지서 보기(PDF)`, variant: 'secondary', data: { action: 'pdf', notice: n.noticeId } })}</p>
  ${answer}
</li>`;
}

export function myLeavePage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const target = (fieldIds: Record<string, string>): FormProblemTarget => ({
    root: main,
    summary: main.querySelector<HTMLElement>('#my-leave-problems')!,
    fieldIds,
    setTitle: (error) => ctx.setTitle(TITLE, { error }),
  });
  const say = (text: string) => {
    const out = main.querySelector<HTMLElement>('#my-leave-message')!;
    out.innerHTML =
      html`<div class="app-notice app-notice-success" role="status" tabindex="-1"><p class="app-notice-title">${text}</p></div>`.value;
    ctx.announce(text);
    out.querySelector<HTMLElement>('.app-notice')?.focus();
  };

  async function load(): Promise<void> {
    const body = main.querySelector<HTMLElement>('#my-leave-body')!;
    const loaded = await loadSection<MyLeave>(ctx, body, {
      path: '/me/leave',
      failure: '연차를 불러오지 못했습니다',
      retry: 'retry',
    });
    if (loaded === undefined) return;
    const { employments, asOf } = loaded;
    let i = 0;
    body.innerHTML = employments.length
      ? employments
          .map(
            (e) => html`<section class="app-section" aria-labelledby="my-leave-${e.assistantId}">
  <h2 class="app-section-title" id="my-leave-${e.assistantId}">${e.agencyName}</h2>
  <p>남은 연차 <strong>${e.balanceText}</strong> (${asOf} 기준)</p>
  ${facts([
    ['입사일', e.hireDate],
    ['올해 생긴 연차', amount(e.row.annual.accruedMinutes + e.row.monthly.accruedMinutes, e.dailyMinutes)],
    [
      '작년에서 넘어온 연차',
      amount(e.row.carriedAnnual.accruedMinutes + e.row.carriedMonthly.accruedMinutes, e.dailyMinutes),
    ],
    ['올해 쓴 연차', amount(e.row.usedMinutes, e.dailyMinutes)],
    ...(e.uses.length ? ([['쓴 날', e.uses.map((u) => `${u.date}(${u.text})`).join(', ')]] as [string, string][]) : []),
  ])}
  <h3>연차 사용촉진 통지</h3>
  ${
    e.notices.length
      ? html`<ul>${[...e.notices].reverse().map((n) => noticeCard(n, i++))}</ul>`
      : emptyState('받은 통지가 없습니다.', '연차를 쓰지 않고 사용기간이 끝나 가면 기관이 통지서를 보냅니다.')
  }
</section>`,
          )
          .reduce((a, b) => html`${a}${b}`).value
      : emptyState('연차 정보가 없습니다.', '수행기관에 근로지원인으로 등록되면 여기에서 연차를 볼 수 있습니다.').value;
  }

  async function answer(form: HTMLFormElement): Promise<void> {
    const datesInput = form.querySelector<HTMLInputElement>('input[name="dates"]');
    const noteInput = form.querySelector<HTMLInputElement>('input[name="note"]')!;
    const fieldIds: Record<string, string> = { note: noteInput.id, ...(datesInput ? { dates: datesInput.id } : {}) };
    const dates = datesInput ? parseDates(datesInput.value) : [];
    if (datesInput && dates.length === 0) {
      return showProblems(target(fieldIds), [
        { field: 'dates', message: '연차를 쓸 날짜를 하루 이상 넣어 주세요. 예: 2026-12-24' },
      ]);
    }
    const note = noteInput.value.trim();
    const result = await apiPost<NoticeView>(
      `/leave/notices/${encodeURIComponent(form.dataset.answer ?? '')}/answer`,
      { ...(datesInput ? { dates } : {}), ...(note ? { note } : {}), revision: Number(form.dataset.revision) },
      { signal: ctx.signal },
    );
    if (refused(target(fieldIds), result)) return;
    await load();
    say(`${result.data.round}차 통지에 답했습니다. 수행기관이 답변을 볼 수 있습니다.`);
  }

  async function pdf(noticeId: string): Promise<void> {
    const result = await apiGet<{ fileName: string; contentType: string; base64: string }>(
      `/leave/notices/${encodeURIComponent(noticeId)}/pdf`,
      {},
      { signal: ctx.signal },
    );
    if (!result.ok) {
      showProblems(target({}), [{ message: result.problem.message }]);
      return;
    }
    saveBase64File(result.data);
    say(`통지서(${result.data.fileName})를 내려받았습니다.`);
  }

  const act = singleFlight();

  return {
    title: TITLE,
    lead: '남은 연차와 올해 쓴 연차를 보고, 기관이 보낸 연차 사용촉진 통지에 답합니다.',
    content: html`<div id="my-leave-problems"></div><div id="my-leave-message"></div><div id="my-leave-body">${spinner('연차를 불러오는 중입니다…')}</div>`,
    mount(m) {
      main = m;
      main.addEventListener('submit', (event) => {
        const form = event.target as HTMLFormElement;
        if (!form.dataset.answer) return;
        event.preventDefault();
        void act(() => answer(form));
      });
      main.addEventListener('click', (event) => {
        const el = (event.target as Element).closest<HTMLElement>('[data-action]');
        if (el?.dataset.action === 'retry') void load();
        if (el?.dataset.action === 'pdf') void act(() => pdf(el.dataset.notice ?? ''));
      });
      void load();
    },
  };
}
