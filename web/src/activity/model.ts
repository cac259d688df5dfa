import {
  ATTENDANCE_TYPES,
  CONTENT_CODES,
  characterCount,
  LEAVE_MINUTE_CHOICES,
  leaveTimeLabel,
  OTHER_CONTENT_MAX,
  SIGNING_METHOD_LABELS,
  SPECIAL_NOTES_MAX,
} from '#functions/activity/codes';
import * as clock from '#kernel/clock';
import { isMonth as isKoreaMonth, koreaDay, koreaMonth } from '#kernel/korea-time';
import type { Option } from '../components/form-field.ts';
import type { Problem } from '../components/form-problems.ts';

// What the activity screens share, without the DOM: the API's shapes, the form's code lists as
// options, the values read from the form into a request body, and the month in the URL. The code
// lists come from the back end's own file (functions/activity/codes.ts), so screen and rules agree.

// The API's shapes are the contracts' own (functions/activity/entry-contract.ts, consent-contract.ts).
import type { Round } from '#functions/activity/consent-contract';
import type { Entry, Totals } from '#functions/activity/entry-contract';

export type { MonthRow, Round, RoundDetail } from '#functions/activity/consent-contract';
export type {
  AgencyLogs,
  AssistantMonth,
  Entry,
  LogDocument,
  Totals,
  WorkerOption,
} from '#functions/activity/entry-contract';

/** The form's fields, named as the API names them, with the ids of their controls. */
export const ENTRY_FIELD_IDS: Record<string, string> = {
  workerId: 'al-worker',
  date: 'al-date',
  attendance: 'al-attendance',
  leaveMinutes: 'al-leave',
  start: 'al-start',
  end: 'al-end',
  contentCode: 'al-content',
  otherContent: 'al-other',
  specialNotes: 'al-notes',
  reason: 'al-reason',
  revision: 'al-date',
};

export const ATTENDANCE_OPTIONS: Option[] = [
  { value: '', label: '선택' },
  ...ATTENDANCE_TYPES.map((t) => ({ value: t.code, label: t.label })),
];

export const LEAVE_OPTIONS: Option[] = [
  { value: '', label: '선택(휴가가 아니면 비워 두세요)' },
  ...LEAVE_MINUTE_CHOICES.map((m) => ({ value: String(m), label: leaveTimeLabel(m) })),
];

export const CONTENT_OPTIONS: Option[] = [
  { value: '', label: '선택' },
  ...CONTENT_CODES.map((c) => ({ value: c.code, label: c.label })),
];

export { OTHER_CONTENT_MAX, SPECIAL_NOTES_MAX };

/** "(12/200자)" as the seed's form counts, and what a screen reader hears. */
export function countText(text: string, max: number): { visible: string; spoken: string } {
  const count = characterCount(text);
  const left = max - count;
  return {
    visible: `${count}/${max}자`,
    spoken:
      left >= 0
        ? `${max}자 중 ${count}자를 썼습니다. ${left}자 더 쓸 수 있습니다.`
        : `${-left}자를 넘었습니다. 줄여 주세요.`,
  };
}

export interface EntryValues {
  date: string;
  attendance: string;
  leaveMinutes: string;
  start: string;
  end: string;
  contentCode: string;
  otherContent: string;
  specialNotes: string;
  reason?: string;
}

export function entryValues(entry: Entry | undefined, defaults: { date: string }): EntryValues {
  return {
    date: entry?.date ?? defaults.date,
    attendance: entry?.attendance ?? 'work',
    leaveMinutes: entry?.leaveMinutes ? String(entry.leaveMinutes) : '',
    start: entry?.start ?? '',
    end: entry?.end ?? '',
    contentCode: entry?.contentCode ?? '',
    otherContent: entry?.otherContent ?? '',
    specialNotes: entry?.specialNotes ?? '',
  };
}

/** The request body of the form's values (the server checks every rule again). */
export function entryBody(values: EntryValues) {
  return {
    date: values.date,
    attendance: values.attendance,
    leaveMinutes: values.leaveMinutes ? Number(values.leaveMinutes) : null,
    start: values.start,
    end: values.end,
    contentCode: values.contentCode || null,
    otherContent: values.otherContent,
    specialNotes: values.specialNotes,
  };
}

/** What the browser can say before asking the server: the fields marked 필수 left empty. */
export function missingEntryFields(values: EntryValues): Problem[] {
  const problems: Problem[] = [];
  if (!values.date) problems.push({ field: 'date', message: '활동일자를 입력해 주세요.' });
  if (!values.attendance) problems.push({ field: 'attendance', message: '근태를 골라 주세요.' });
  if (!values.start) problems.push({ field: 'start', message: '활동시간의 시작 시각을 입력해 주세요.' });
  if (!values.end) problems.push({ field: 'end', message: '활동시간의 끝 시각을 입력해 주세요.' });
  if (values.attendance === 'work' && !values.contentCode) {
    problems.push({ field: 'contentCode', message: '근태가 근무이면 활동내용을 골라 주세요.' });
  }
  return problems;
}

function isMonth(value: string | null | undefined): value is string {
  return !!value && isKoreaMonth(value);
}

/** The month of the URL (?month=2026-11), else this month. */
export function monthFrom(search: URLSearchParams, now = clock.now()): string {
  const month = search.get('month');
  return isMonth(month) ? month : koreaMonth(now);
}

/** A new entry's default date: today when the month is this month, else the month's first day. */
export function defaultDate(month: string, now = clock.now()): string {
  const today = koreaDay(now);
  return today.startsWith(month) ? today : `${month}-01`;
}

export function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h}시간` : `${h}시간 ${m}분`;
}

export function totalsText(totals: Totals): string {
  const parts = ATTENDANCE_TYPES.filter((t) => totals.minutes[t.code]).map(
    (t) => `${t.label} ${hoursText(totals.minutes[t.code]!)}`,
  );
  return `총 ${totals.entries}건${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/** How a round ended, in the words the screens use everywhere (the paper path always named). */
export function roundStateText(round: Round): string {
  if (round.status === 'withdrawn') return '요청 취소';
  if (round.status === 'requested') return '서명 대기';
  return round.method === 'paper' ? `서명 완료 — ${SIGNING_METHOD_LABELS.paper}` : '서명 완료 — 전자서명';
}
