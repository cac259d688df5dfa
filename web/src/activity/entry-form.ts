import { button } from '../components/button.ts';
import { errorId, hintId, nativeField, selectField, textareaField } from '../components/form-field.ts';
import { attrs, classes, html, type SafeHtml } from '../core/html.ts';
import {
  ATTENDANCE_OPTIONS,
  CONTENT_OPTIONS,
  countText,
  ENTRY_FIELD_IDS,
  type EntryValues,
  LEAVE_OPTIONS,
  OTHER_CONTENT_MAX,
  SPECIAL_NOTES_MAX,
} from './model.ts';

// The 활동내역 등록 form of seed 000, mobile first: one column, native date and time pickers (the
// phone's own wheels), large controls, the 필수 marks of the seed, and the two text boxes counting
// characters as the person types ("(12/200자)"). The counts are not cut off by maxlength: what is
// too long stays visible and the message says how much to cut.

const IDS = ENTRY_FIELD_IDS;

function describedBy(id: string, hint: boolean, extra?: string): string {
  return [hint && hintId(id), extra].filter(Boolean).join(' ');
}

/** A text box whose label carries the live count, as seed 000's "기타 활동내용 (0/200자)". */
function countedTextarea(field: {
  id: string;
  name: string;
  label: string;
  value: string;
  max: number;
  rows: number;
  hint: string;
}): SafeHtml {
  const count = countText(field.value, field.max);
  const countId = `${field.id}-count`;
  return html`<div class="form-group" data-field="${field.id}">
  <div class="form-tit"><label for="${field.id}">${field.label} <span class="app-count-page" id="${countId}" data-count-for="${field.id}" data-max="${field.max}">(${count.visible})</span></label></div>
  <div class="form-conts">
    <textarea${attrs({
      id: field.id,
      name: field.name,
      class: 'krds-input app-textarea',
      rows: field.rows,
      'aria-describedby': describedBy(field.id, true, `${field.id}-spoken`),
    })}>${field.value}</textarea>
  </div>
  <p class="form-hint" id="${hintId(field.id)}">${field.hint}</p>
  <p class="sr-only" id="${field.id}-spoken" aria-live="polite" data-spoken-for="${field.id}"></p>
  <p class="form-hint-invalid" id="${errorId(field.id)}" hidden><span class="sr-only">오류: </span><span class="app-error-text"></span></p>
</div>`;
}

export interface EntryFormOptions {
  id: string;
  values: EntryValues;
  /** the worker chooser (new entries of the assistant) or a line naming the worker */
  workerPart: SafeHtml;
  submitLabel: string;
  /** the agency correcting an entry the worker signed: 정정 사유 is asked */
  askReason?: boolean;
  extraActions?: SafeHtml;
}

export function entryForm(options: EntryFormOptions): SafeHtml {
  const v = options.values;
  return html`<form id="${options.id}" class="${classes('app-form')}" novalidate>
  <p class="app-form-intro">(필수) 표시는 꼭 입력해야 하는 항목입니다.</p>
  ${options.workerPart}
  ${nativeField({ id: IDS.date!, name: 'date', label: '활동일자', type: 'date', value: v.date, required: true, hint: '활동한 날을 고릅니다. 오늘이나 지난 날만 등록할 수 있습니다.' })}
  ${selectField({ id: IDS.attendance!, name: 'attendance', label: '근태', options: ATTENDANCE_OPTIONS, value: v.attendance, required: true, hint: '근무, 연차, 유급휴가, 유급휴일, 공가, 교육, 무급휴가, 결근 중에서 고릅니다.' })}
  ${selectField({ id: IDS.leaveMinutes!, name: 'leaveMinutes', label: '휴가시간', options: LEAVE_OPTIONS, value: v.leaveMinutes, hint: '근태가 연차·유급휴가·유급휴일·공가·무급휴가일 때만 고릅니다. 고르면 끝 시각을 맞춰 드립니다.' })}
  ${nativeField({ id: IDS.start!, name: 'start', label: '활동시간(시작)', type: 'time', value: v.start, required: true, hint: '예: 09:00' })}
  ${nativeField({ id: IDS.end!, name: 'end', label: '활동시간(끝)', type: 'time', value: v.end, required: true, hint: '시작보다 늦은 시각. 휴가이면 휴가가 끝나는 시각입니다.' })}
  ${selectField({ id: IDS.contentCode!, name: 'contentCode', label: '활동내용', options: CONTENT_OPTIONS, value: v.contentCode, hint: '근태가 근무이면 꼭 고릅니다. ‘기타’를 고르면 기타 활동내용에 한 일을 적습니다.' })}
  ${countedTextarea({ id: IDS.otherContent!, name: 'otherContent', label: '기타 활동내용', value: v.otherContent, max: OTHER_CONTENT_MAX, rows: 3, hint: `${OTHER_CONTENT_MAX}자까지 쓸 수 있습니다.` })}
  ${countedTextarea({ id: IDS.specialNotes!, name: 'specialNotes', label: '특이사항', value: v.specialNotes, max: SPECIAL_NOTES_MAX, rows: 5, hint: `${SPECIAL_NOTES_MAX}자까지 쓸 수 있습니다. 근로자의 건강 상태, 일정 변경처럼 수행기관이 알아야 할 일을 적습니다.` })}
  ${
    options.askReason
      ? textareaField({
          id: IDS.reason!,
          name: 'reason',
          label: '정정 사유',
          value: v.reason ?? '',
          maxLength: 200,
          rows: 2,
          required: true,
          hint: '근로자가 서명한 기록입니다. 저장하면 근로자에게 정정 사유와 함께 다시 동의를 요청합니다.',
        })
      : ''
  }
  <div class="app-form-actions">
    ${button({ label: options.submitLabel, type: 'submit', size: 'large' })}
    ${options.extraActions ?? ''}
  </div>
</form>`;
}

export function readEntryForm(form: HTMLFormElement): EntryValues {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  return {
    date: text('date'),
    attendance: text('attendance'),
    leaveMinutes: text('leaveMinutes'),
    start: text('start'),
    end: text('end'),
    contentCode: text('contentCode'),
    otherContent: text('otherContent'),
    specialNotes: text('specialNotes'),
    reason: data.has('reason') ? text('reason') : undefined,
  };
}

function addMinutes(clock: string, minutes: number): string | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!match) return undefined;
  const total = Number(match[1]) * 60 + Number(match[2]) + minutes;
  if (total > 1440) return undefined;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * Live behaviour: the counts follow the typing (spoken a moment after the person stops), and a leave
 * time with a start fills the end, so a leave period and its length never disagree.
 */
export function bindEntryForm(root: HTMLElement): void {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  root.addEventListener('input', (event) => {
    const area = event.target;
    if (!(area instanceof HTMLTextAreaElement)) return;
    const counter = root.querySelector<HTMLElement>(`[data-count-for="${area.id}"]`);
    if (!counter) return;
    const count = countText(area.value, Number(counter.dataset.max));
    counter.textContent = `(${count.visible})`;
    clearTimeout(timers.get(area.id));
    timers.set(
      area.id,
      setTimeout(() => {
        const spoken = root.querySelector<HTMLElement>(`[data-spoken-for="${area.id}"]`);
        if (spoken) spoken.textContent = count.spoken;
      }, 800),
    );
  });
  root.addEventListener('change', (event) => {
    const target = event.target as HTMLElement;
    if (target.id !== IDS.leaveMinutes && target.id !== IDS.start) return;
    const form = target.closest('form');
    if (!form) return;
    const leave = form.querySelector<HTMLSelectElement>(`#${IDS.leaveMinutes}`)?.value;
    const start = form.querySelector<HTMLInputElement>(`#${IDS.start}`)?.value;
    const end = form.querySelector<HTMLInputElement>(`#${IDS.end}`);
    if (!leave || !start || !end) return;
    const filled = addMinutes(start, Number(leave));
    if (filled) end.value = filled;
  });
}
