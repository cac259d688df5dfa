import type { EntryType } from '#kernel/attendance-kinds';
import { type AttendanceCode, attendanceOf, isLeave } from '#kernel/attendance-kinds';
import { parseClock, parseDay } from '#kernel/calendar';
import {
  CONSENT_STATE_LABELS,
  CONTENT_CODE_VALUES,
  type ConsentState,
  characterCount,
  contentLabel,
  LEAVE_MINUTE_CHOICES,
  leaveTimeLabel,
  MAX_ENTRIES_PER_DAY,
  OTHER_CONTENT_CODE,
  OTHER_CONTENT_MAX,
  SIGNING_METHOD_LABELS,
  type SigningMethod,
  SPECIAL_NOTES_MAX,
} from './codes.ts';

// Activity-log rules (SPEC C1, C2), pure. Each refusal names the field of seed 000's 활동내역 등록
// form and says how to fix it.
//
// 근태 → claim engine entry type and leave-ledger kind, one engine entry
// {assistantId, workerId, date, start, end, type} per activity-log entry (toEngineEntry; defined once
// in the kernel's table of attendance kinds, functions/kernel/attendance-kinds.ts):
//   근무 → service            연차 → paidLeave + leaveKind annualLeave (uses up the entitlement)
//   유급휴가 → paidLeave + paidLeave   유급휴일 → holiday + holiday   공가 → officialLeave + officialLeave
//   교육 → training           무급휴가 → unpaidLeave + unpaidLeave       결근 → absence
//
// Decisions:
// - An entry is for one worker the assistant is matched with on that date (the matching's period,
//   its end date once ended).
// - Entries of the same worker on the same day may not overlap: the claim would count those minutes
//   twice (engine problem DUPLICATE_OVERLAP).
// - Leave, training and absence are the assistant's own time, not support of one worker: the claim
//   counts every such interval in full. So such an entry may not overlap any other entry of the
//   assistant that day, whichever worker's log it is in (engine problems LEAVE_SERVICE_OVERLAP and a
//   double-counted leave). Work entries of different workers may overlap: that is concurrent support.
// - A leave entry's activity time is the leave period and its 휴가시간 is that period's length; the
//   two must agree, so the claim (which reads the period) and the leave ledger (which reads minutes)
//   count the same time.
// - Signed entries are locked for the assistant. The agency may correct one, with a reason; the
//   correction goes back to the worker in a new consent round (the signed round and its snapshot stay).

export interface EntryInput {
  date: string;
  attendance: AttendanceCode;
  /** 휴가시간 in minutes, only for leave types */
  leaveMinutes?: number | null;
  start: string;
  end: string;
  /** 활동내용 code, required for 근무 */
  contentCode?: string | null;
  /** 기타 활동내용 (≤ 200 characters) */
  otherContent?: string | null;
  /** 특이사항 (≤ 2000 characters) */
  specialNotes?: string | null;
}

export interface Problem {
  /** the request field, e.g. 'end' */
  field: string;
  message: string;
}

/** The Korean names of the form's fields (seed 000's labels). */
export const ENTRY_LABELS: Record<string, string> = {
  workerId: '근로자',
  date: '활동일자',
  attendance: '근태',
  leaveMinutes: '휴가시간',
  start: '활동시간(시작)',
  end: '활동시간(끝)',
  contentCode: '활동내용',
  otherContent: '기타 활동내용',
  specialNotes: '특이사항',
  reason: '정정 사유',
};

/** A matching of this assistant with the entry's worker, as far as the rules need it. */
export interface MatchingPeriod {
  matchingId: string;
  workerId: string;
  startDate: string;
  endDate: string;
}

/** Another entry of the same assistant near the new one (same day, any worker). */
export interface OtherEntry {
  entryId: string;
  workerId: string;
  workerName?: string;
  date: string;
  start: string;
  end: string;
  attendance: AttendanceCode;
}

export interface EntryContext {
  workerId: string;
  workerName?: string;
  /** the assistant's matchings with this worker (any status) */
  matchings: readonly MatchingPeriod[];
  /** the assistant's other entries on the entry's date, for every worker (the edited entry left out) */
  sameDay: readonly OtherEntry[];
  /** Korea-time today: an entry records what happened, never a day still to come */
  today: string;
}

const hours = (minutes: number) =>
  minutes % 60 === 0 ? `${minutes / 60}시간` : `${Math.floor(minutes / 60)}시간 ${minutes % 60}분`;

/** The matching in force on `date`, if any. */
export function matchingOn<T extends MatchingPeriod>(matchings: readonly T[], date: string): T | undefined {
  return matchings.find((m) => m.endDate >= m.startDate && m.startDate <= date && date <= m.endDate);
}

export function minutesOf(entry: { start: string; end: string }): number {
  return parseClock(entry.end, true) - parseClock(entry.start, false);
}

function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return parseClock(a.start, false) < parseClock(b.end, true) && parseClock(b.start, false) < parseClock(a.end, true);
}

/** The shape and content of one entry, without looking at other entries or matchings. */
export function fieldProblems(input: EntryInput): Problem[] {
  const problems: Problem[] = [];
  if (Number.isNaN(parseDay(input.date))) {
    problems.push({ field: 'date', message: '활동일자를 2026-11-03처럼 달력에 있는 날짜로 입력해 주세요.' });
  }
  const start = parseClock(input.start, false);
  const end = parseClock(input.end, true);
  if (start < 0) problems.push({ field: 'start', message: '활동시간의 시작 시각을 09:00처럼 입력해 주세요.' });
  if (end < 0) problems.push({ field: 'end', message: '활동시간의 끝 시각을 18:00처럼 입력해 주세요.' });
  if (start >= 0 && end >= 0 && end <= start) {
    problems.push({
      field: 'end',
      message: `활동시간의 끝 시각(${input.end})이 시작 시각(${input.start})보다 늦어야 합니다. 끝 시각을 고쳐 주세요.`,
    });
  }
  const type = attendanceOf(input.attendance);
  const leave = input.leaveMinutes ?? undefined;
  if (isLeave(input.attendance)) {
    if (leave === undefined) {
      problems.push({ field: 'leaveMinutes', message: `근태가 ${type.label}이면 휴가시간을 골라 주세요.` });
    } else if (!LEAVE_MINUTE_CHOICES.includes(leave)) {
      problems.push({ field: 'leaveMinutes', message: '휴가시간은 30분 단위로 8시간까지 목록에서 골라 주세요.' });
    } else if (start >= 0 && end > start && end - start !== leave) {
      problems.push({
        field: 'leaveMinutes',
        message: `휴가시간(${leaveTimeLabel(leave)})과 활동시간(${input.start}~${input.end}, ${hours(end - start)})이 맞지 않습니다. 활동시간에 휴가를 쓴 시각을 적거나 휴가시간을 다시 골라 주세요.`,
      });
    }
  } else if (leave !== undefined) {
    problems.push({
      field: 'leaveMinutes',
      message: `휴가시간은 근태가 휴가(연차, 유급휴가 등)일 때만 고릅니다. 근태가 ${type.label}이면 휴가시간을 ‘선택’으로 두어 주세요.`,
    });
  }
  const content = input.contentCode ?? undefined;
  if (content !== undefined && !(CONTENT_CODE_VALUES as readonly string[]).includes(content)) {
    problems.push({ field: 'contentCode', message: '활동내용을 목록에서 골라 주세요.' });
  } else if (input.attendance === 'work' && content === undefined) {
    problems.push({ field: 'contentCode', message: '근태가 근무이면 활동내용을 골라 주세요.' });
  }
  const other = characterCount(input.otherContent);
  if (other > OTHER_CONTENT_MAX) {
    problems.push({
      field: 'otherContent',
      message: `기타 활동내용은 ${OTHER_CONTENT_MAX}자까지 쓸 수 있습니다. 지금 ${other}자이니 ${other - OTHER_CONTENT_MAX}자를 줄여 주세요.`,
    });
  } else if (content === OTHER_CONTENT_CODE && other === 0) {
    problems.push({ field: 'otherContent', message: '활동내용이 ‘기타’이면 기타 활동내용에 한 일을 적어 주세요.' });
  }
  const notes = characterCount(input.specialNotes);
  if (notes > SPECIAL_NOTES_MAX) {
    problems.push({
      field: 'specialNotes',
      message: `특이사항은 ${SPECIAL_NOTES_MAX}자까지 쓸 수 있습니다. 지금 ${notes}자이니 ${notes - SPECIAL_NOTES_MAX}자를 줄여 주세요.`,
    });
  }
  return problems;
}

/**
 * Every refusal for storing `input` (a new entry or the new version of one): its fields, the date
 * against today and the matching, and its time against the assistant's other entries that day.
 */
export function entryProblems(input: EntryInput, context: EntryContext): Problem[] {
  const problems = fieldProblems(input);
  if (problems.some((p) => p.field === 'date')) return problems;
  if (input.date > context.today) {
    problems.push({
      field: 'date',
      message: `활동일자(${input.date})가 오늘(${context.today})보다 늦습니다. 활동일지는 활동한 날에 맞춰 오늘이나 지난 날짜로 등록해 주세요.`,
    });
    return problems;
  }
  const mine = context.matchings.filter((m) => m.workerId === context.workerId);
  if (!matchingOn(mine, input.date)) {
    const periods = mine
      .filter((m) => m.endDate >= m.startDate)
      .map((m) => `${m.startDate}~${m.endDate}`)
      .join(', ');
    problems.push({
      field: 'date',
      message: periods
        ? `활동일자(${input.date})가 이 근로자와의 매칭 기간(${periods}) 밖입니다. 매칭 기간 안의 날짜를 골라 주세요.`
        : '이 근로자와 매칭된 기간이 없어 활동일지를 등록할 수 없습니다. 수행기관에 매칭을 확인해 주세요.',
    });
    return problems;
  }
  if (problems.some((p) => p.field === 'start' || p.field === 'end')) return problems;

  const day = context.sameDay.filter((e) => e.date === input.date);
  const sameWorker = day.filter((e) => e.workerId === context.workerId);
  const clash = sameWorker.find((e) => overlaps(e, input));
  if (clash) {
    problems.push({
      field: 'start',
      message: `같은 근로자의 ${clash.date} ${clash.start}~${clash.end} ${attendanceOf(clash.attendance).label} 기록과 시간이 겹칩니다. 활동시간을 고치거나 그 기록을 수정해 주세요.`,
    });
    return problems;
  }
  const ownTime = input.attendance !== 'work';
  const crossing = day.find(
    (e) => e.workerId !== context.workerId && (ownTime || e.attendance !== 'work') && overlaps(e, input),
  );
  if (crossing) {
    const who = crossing.workerName ? `${crossing.workerName} 님` : '다른 근로자';
    const label = attendanceOf(crossing.attendance).label;
    problems.push({
      field: 'start',
      message: ownTime
        ? `같은 시간(${crossing.start}~${crossing.end})에 ${who}의 ${label} 기록이 있습니다. ${attendanceOf(input.attendance).label}은(는) 근로지원인 본인의 시간이라 다른 기록과 겹칠 수 없습니다. 한 근로자의 활동일지에만 한 번 등록하고 시간을 고쳐 주세요.`
        : `같은 시간(${crossing.start}~${crossing.end})에 ${who}의 활동일지에 ${label} 기록이 있습니다. ${label} 시간에는 근무를 등록할 수 없습니다. 활동시간을 고쳐 주세요.`,
    });
    return problems;
  }
  if (sameWorker.length >= MAX_ENTRIES_PER_DAY) {
    problems.push({
      field: 'date',
      message: `한 근로자에 대해 하루에 ${MAX_ENTRIES_PER_DAY}건까지 등록할 수 있습니다. ${input.date}에는 이미 ${sameWorker.length}건이 있으니 기존 기록을 고쳐 주세요.`,
    });
  }
  return problems;
}

// ── locking and consent ─────────────────────────────────────────────────────────────────────────

export type Actor = 'assistant' | 'agency';

export interface LockedState {
  consent: ConsentState;
}

/** Why `actor` may not change (or delete) an entry in this state; undefined when allowed. */
export function changeRefusal(entry: LockedState, actor: Actor, kind: 'edit' | 'delete'): string | undefined {
  if (entry.consent !== 'signed') return undefined;
  if (actor === 'assistant') {
    return kind === 'edit'
      ? '근로자가 서명한 기록은 고칠 수 없습니다. 고쳐야 하면 수행기관 담당자에게 정정을 요청해 주세요. 정정한 기록은 근로자의 동의를 다시 받습니다.'
      : '근로자가 서명한 기록은 지울 수 없습니다. 잘못 등록했다면 수행기관 담당자에게 정정을 요청해 주세요.';
  }
  return kind === 'delete'
    ? '근로자가 서명한 기록은 지울 수 없습니다. 내용을 정정하면 근로자의 동의를 다시 받습니다.'
    : undefined;
}

/** A correction by the agency of a signed entry needs a reason the worker will read. */
export function correctionReasonProblem(
  entry: LockedState,
  actor: Actor,
  reason: string | undefined,
): Problem | undefined {
  if (actor !== 'agency' || entry.consent !== 'signed') return undefined;
  if (!reason || characterCount(reason.trim()) < 2) {
    return {
      field: 'reason',
      message: '근로자가 서명한 기록을 정정하려면 정정 사유를 적어 주세요. 근로자가 다시 동의할 때 이 사유를 봅니다.',
    };
  }
  if (characterCount(reason) > 200) return { field: 'reason', message: '정정 사유는 200자까지 쓸 수 있습니다.' };
  return undefined;
}

/** What a signature covers of one entry: everything the worker reads, nothing of the bookkeeping. */
export interface SignedContent extends EntryInput {
  entryId: string;
  assistantId: string;
  workerId: string;
}

export function sortEntries<T extends { date: string; start: string; entryId: string }>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.entryId.localeCompare(b.entryId),
  );
}

// ── the claim engine and the leave ledger ─────────────────────────────────────────────────────────

/** A stored entry as the engine and the ledger read it. */
export type StoredEntry = SignedContent;

/** One activity-log entry as the claim engine's entry (1:1; the engine ignores workerId off service). */
export function toEngineEntry(entry: StoredEntry): {
  assistantId: string;
  workerId: string;
  date: string;
  start: string;
  end: string;
  type: EntryType;
} {
  return {
    assistantId: entry.assistantId,
    workerId: entry.workerId,
    date: entry.date,
    start: entry.start,
    end: entry.end,
    type: attendanceOf(entry.attendance).engineType,
  };
}

/**
 * What a leave type's entry is to the leave ledger (연차 consumes annual leave); undefined otherwise.
 * Typed here and not with the ledger's LeaveEntry: leave reads activity, so activity does not import leave.
 */
export function toLeaveEntry(
  entry: StoredEntry,
): { date: string; type: NonNullable<ReturnType<typeof attendanceOf>['leaveKind']>; minutes: number } | undefined {
  const kind = attendanceOf(entry.attendance).leaveKind;
  if (!kind) return undefined;
  return { date: entry.date, type: kind, minutes: entry.leaveMinutes ?? minutesOf(entry) };
}

// ── the month list (seed 000: 활동내역) ─────────────────────────────────────────────────────────

export interface ListedEntry extends StoredEntry {
  consent: ConsentState;
  /** how the round that signed the entry was signed */
  signedBy?: SigningMethod;
  /** the entry was corrected after the worker signed it */
  corrected?: boolean;
}

export interface MonthRow {
  entryId: string;
  /** 순번 */
  seq: number;
  /** 활동일자 */
  date: string;
  /** 활동시간 */
  time: string;
  /** 근태 (with 휴가시간 for leave) */
  attendance: string;
  /** 활동내용 */
  content: string;
  /** 기타 활동내용 */
  otherContent: string;
  /** 특이사항 등록여부 */
  specialNotes: '등록' | '미등록';
  /** 근로자 동의여부 */
  consent: string;
  consentState: ConsentState;
  locked: boolean;
}

export function consentLabel(entry: Pick<ListedEntry, 'consent' | 'signedBy' | 'corrected'>): string {
  if (entry.consent === 'signed') {
    return entry.signedBy === 'paper' ? `동의 완료(${SIGNING_METHOD_LABELS.paper})` : '동의 완료(전자서명)';
  }
  if (entry.consent === 'requested' && entry.corrected) return '정정 후 재동의 요청 중';
  return CONSENT_STATE_LABELS[entry.consent];
}

/** The rows of the month list in date and time order, numbered from 1. */
export function monthRows(entries: readonly ListedEntry[]): MonthRow[] {
  return sortEntries(entries).map((entry, index) => {
    const type = attendanceOf(entry.attendance);
    return {
      entryId: entry.entryId,
      seq: index + 1,
      date: entry.date,
      time: `${entry.start}~${entry.end}`,
      attendance: entry.leaveMinutes ? `${type.label}(${leaveTimeLabel(entry.leaveMinutes)})` : type.label,
      content: contentLabel(entry.contentCode),
      otherContent: entry.otherContent ?? '',
      specialNotes: characterCount(entry.specialNotes) > 0 ? '등록' : '미등록',
      consent: consentLabel(entry),
      consentState: entry.consent,
      locked: entry.consent === 'signed',
    };
  });
}

export interface MonthTotals {
  entries: number;
  /** minutes by attendance code */
  minutes: Partial<Record<AttendanceCode, number>>;
  signed: number;
  requested: number;
  unsigned: number;
}

export function monthTotals(entries: readonly ListedEntry[]): MonthTotals {
  const minutes: Partial<Record<AttendanceCode, number>> = {};
  for (const e of entries) minutes[e.attendance] = (minutes[e.attendance] ?? 0) + minutesOf(e);
  return {
    entries: entries.length,
    minutes,
    signed: entries.filter((e) => e.consent === 'signed').length,
    requested: entries.filter((e) => e.consent === 'requested').length,
    unsigned: entries.filter((e) => e.consent === 'unsigned').length,
  };
}

/** YYYY-MM of a date; and whether a month string is a real month. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}
