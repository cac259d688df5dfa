import type { ApplicationView } from '#functions/applications/contract';
import { COPAY_EXEMPTION_BASES } from '#functions/applications/exemption-rules';
import { isMonth } from '#kernel/korea-time';
import { button } from '../components/button.ts';
import { facts } from '../components/facts.ts';
import { nativeField, selectField, textareaField } from '../components/form-field.ts';
import type { FormProblemTarget } from '../components/form-problems.ts';
import { formText, type Problem } from '../components/form-problems.ts';
import { apiPut } from '../core/api.ts';
import { dateTime } from '../core/dates.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { refused, reportProblems } from '../core/submit.ts';
import type { PageContext } from '../shell/app.ts';

// 본인부담금 면제 (SPEC C7) on the branch's application screen: once the application is evaluated the
// branch records the basis (국민기초생활보장 수급자, 차상위계층) and the months it covers; the claims of
// those months compute the worker's co-payment as 0 and say why. Each change is audited.

export const EXEMPTION_FIELD_IDS: Record<string, string> = {
  basis: 'exempt-basis',
  fromMonth: 'exempt-from',
  toMonth: 'exempt-to',
  note: 'exempt-note',
};

export function exemptionSection(a: ApplicationView): SafeHtml {
  if (!a.evaluation) return html``;
  const e = a.copayExemption;
  const first = a.evaluation.startDate.slice(0, 7);
  const last = a.evaluation.endDate.slice(0, 7);
  return html`<section class="app-section" aria-labelledby="exempt-title">
  <h2 class="app-section-title" id="exempt-title">본인부담금 면제</h2>
  ${
    e
      ? facts([
          ['면제 근거', e.basisLabel],
          ['면제 기간', `${e.fromMonth} ~ ${e.toMonth}`],
          ['메모', e.note ?? '-'],
          ['기록', `${dateTime(e.recordedAt)} ${e.recordedBy}`],
        ])
      : html`<p class="app-form-note" id="exempt-none">기록된 면제가 없습니다. 면제 대상이면 근거와 기간을 기록하세요.</p>`
  }
  <form id="copay-exemption-form" class="app-form" novalidate aria-label="본인부담금 면제 기록">
    ${selectField({ id: EXEMPTION_FIELD_IDS.basis!, name: 'basis', label: '면제 근거', options: [{ value: '', label: '선택' }, ...COPAY_EXEMPTION_BASES.map((b) => ({ value: b.code, label: b.label }))], value: e?.basis ?? '', required: true })}
    ${nativeField({ id: EXEMPTION_FIELD_IDS.fromMonth!, name: 'fromMonth', label: '면제 시작 월', type: 'month', value: e?.fromMonth ?? first, required: true, hint: `지원 기간 ${first} ~ ${last} 안에서` })}
    ${nativeField({ id: EXEMPTION_FIELD_IDS.toMonth!, name: 'toMonth', label: '면제 종료 월', type: 'month', value: e?.toMonth ?? last, required: true })}
    ${textareaField({ id: EXEMPTION_FIELD_IDS.note!, name: 'note', label: '면제 메모', value: e?.note ?? '', maxLength: 300, rows: 2, hint: '확인한 증빙(수급자 증명서 등)을 적어 두세요.' })}
    <div class="app-form-actions">${button({ label: e ? '면제 변경 저장' : '면제 기록', type: 'submit', size: 'large' })}</div>
  </form>
</section>`;
}

/** Sends the form; resolves true once the server stored it (problems are shown in the target otherwise). */
export async function saveExemption(
  ctx: Pick<PageContext, 'signal'>,
  target: FormProblemTarget,
  applicationId: string,
  form: HTMLFormElement,
): Promise<boolean> {
  const body = {
    basis: formText(form, 'basis'),
    fromMonth: formText(form, 'fromMonth'),
    toMonth: formText(form, 'toMonth'),
    note: formText(form, 'note').trim() || undefined,
  };
  const problems: Problem[] = [];
  if (!body.basis) problems.push({ field: 'basis', message: '면제 근거를 골라 주세요.' });
  if (!isMonth(body.fromMonth))
    problems.push({ field: 'fromMonth', message: '면제 시작 월을 2026-03처럼 골라 주세요.' });
  if (!isMonth(body.toMonth)) problems.push({ field: 'toMonth', message: '면제 종료 월을 2026-12처럼 골라 주세요.' });
  if (reportProblems(target, problems)) return false;
  const result = await apiPut<ApplicationView>(
    `/service-applications/${encodeURIComponent(applicationId)}/copay-exemption`,
    body,
    { signal: ctx.signal },
  );
  return !refused(target, result);
}
