// 근무 이력 비교 (SPEC C4): an agency's month of attendance (clock-in/out from the imported file) against
// its assistants' activity logs, per assistant and day. Pure: the route loads both and passes them in.
//
// What a finding means and whether it blocks the month's submission (README "근무 이력 비교"):
// - Blocking: the logs claim time the attendance does not show — a log on a day without attendance
//   (noAttendance), a day's first log starting before the clock-in or its last log ending after the
//   clock-out by more than the tolerance (startEarly, endLate), a log falling into a break between two
//   clock-ins (outsideSpan), two assistants' logs for one worker at the same time (workerOverlap),
//   more workers at once than the rate table allows (tooManyWorkers). The claim pays for logged time,
//   so each of these could pay for time nobody was at work.
// - Not blocking: attendance the logs do not use — attended without any log (noLog), the first log
//   starting after the clock-in or the last ending before the clock-out by more than the tolerance
//   (startLate, endEarly). They are shown for the agency to check; the claim simply pays less.
// Only 근무 and 교육 logs need attendance: leave, holidays and absence are time away from work.
// A blocking finding stops the submission until the agency corrects the log (the activity
// capability's edit route sends it back for consent) or justifies the finding with a reason.

import { formatClock, parseClock } from '#kernel/calendar';

export const DEFAULT_TOLERANCE_MINUTES = 10;
export const MAX_TOLERANCE_MINUTES = 120;

/** 근태 codes of logs that say the assistant was at work, so the clock must show it. */
export const ON_DUTY_CODES: readonly string[] = ['work', 'training'];

export const FINDING_TYPES = [
  { code: 'noAttendance', label: '출퇴근 기록 없음', blocking: true },
  { code: 'startEarly', label: '출근 전 활동', blocking: true },
  { code: 'endLate', label: '퇴근 후 활동', blocking: true },
  { code: 'outsideSpan', label: '근무 시간 밖 활동', blocking: true },
  { code: 'workerOverlap', label: '근로자 중복 지원', blocking: true },
  { code: 'tooManyWorkers', label: '동시 지원 인원 초과', blocking: true },
  { code: 'noLog', label: '활동일지 없음', blocking: false },
  { code: 'startLate', label: '출근보다 늦은 활동 시작', blocking: false },
  { code: 'endEarly', label: '퇴근보다 이른 활동 종료', blocking: false },
] as const;

export type FindingCode = (typeof FINDING_TYPES)[number]['code'];
export const FINDING_CODES = FINDING_TYPES.map((t) => t.code) as [FindingCode, ...FindingCode[]];

export function findingType(code: FindingCode) {
  return FINDING_TYPES.find((t) => t.code === code)!;
}

export interface AttendanceSpan {
  assistantId: string;
  date: string;
  clockIn: string;
  clockOut: string;
  /** the clock-out is on the next day */
  overnight: boolean;
  /** row in the imported file */
  row: number;
}

export interface LogEntry {
  entryId: string;
  assistantId: string;
  workerId: string;
  workerName: string;
  date: string;
  start: string;
  end: string;
  /** 근태 code (functions/activity/codes.ts) */
  attendance: string;
}

export interface Finding {
  /** stable while the facts are: code, assistant, day and the logs it is about */
  id: string;
  code: FindingCode;
  blocking: boolean;
  assistantId: string;
  date: string;
  /** the logs the finding is about (to open and correct) */
  entryIds: string[];
  /** rows of the attendance file it is about */
  rows: number[];
  /** plain Korean with the figures */
  message: string;
}

export interface ComparisonOptions {
  toleranceMinutes: number;
  /** the rate table's maximum number of workers one assistant may support at once */
  maxConcurrency: number;
}

interface Interval {
  start: number;
  end: number;
}

function logInterval(log: LogEntry): Interval {
  return { start: parseClock(log.start, false), end: parseClock(log.end, true) };
}

function spanInterval(span: AttendanceSpan): Interval {
  const start = parseClock(span.clockIn, false);
  const end = parseClock(span.clockOut, true) + (span.overnight ? 1440 : 0);
  return { start, end };
}

function clock(minutes: number): string {
  return minutes > 1440 ? `익일 ${formatClock(minutes - 1440)}` : formatClock(minutes);
}

function spanText(interval: Interval): string {
  return `${clock(interval.start)}~${clock(interval.end)}`;
}

function findingId(code: FindingCode, assistantId: string, date: string, entryIds: readonly string[]): string {
  return [code, assistantId, date, ...[...entryIds].sort()].join('|');
}

function finding(
  code: FindingCode,
  assistantId: string,
  date: string,
  entryIds: string[],
  rows: number[],
  message: string,
): Finding {
  return {
    id: findingId(code, assistantId, date, entryIds),
    code,
    blocking: findingType(code).blocking,
    assistantId,
    date,
    entryIds,
    rows,
    message,
  };
}

/** Minutes of `interval` covered by none of `covers` but inside [from, to]. */
function uncoveredWithin(interval: Interval, covers: readonly Interval[], from: number, to: number): number {
  let cursor = Math.max(interval.start, from);
  const end = Math.min(interval.end, to);
  let missing = 0;
  for (const cover of [...covers].sort((a, b) => a.start - b.start)) {
    if (cover.end <= cursor) continue;
    if (cover.start >= end) break;
    if (cover.start > cursor) missing += cover.start - cursor;
    cursor = Math.max(cursor, cover.end);
    if (cursor >= end) break;
  }
  if (cursor < end) missing += end - cursor;
  return missing;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** One assistant's day: attendance against the logs that need it. */
function compareDay(
  assistantId: string,
  date: string,
  spans: readonly AttendanceSpan[],
  logs: readonly LogEntry[],
  tolerance: number,
): Finding[] {
  const onDuty = logs.filter((l) => ON_DUTY_CODES.includes(l.attendance));
  const rows = spans.map((s) => s.row);
  if (onDuty.length === 0) {
    if (spans.length === 0) return [];
    const leave = logs.length > 0 ? ' 이날의 활동일지는 휴가·휴일·결근만 있습니다.' : '';
    const attended = spans.map((s) => spanText(spanInterval(s))).join(', ');
    return [
      finding(
        'noLog',
        assistantId,
        date,
        [],
        rows,
        `${date}에 출퇴근 기록(${attended})은 있는데 근무 활동일지가 없습니다.${leave} 활동한 날이면 활동일지를 등록해 주세요.`,
      ),
    ];
  }
  const intervals = onDuty.map((log) => ({ log, ...logInterval(log) })).sort((a, b) => a.start - b.start);
  const entryIds = intervals.map((i) => i.log.entryId);
  if (spans.length === 0) {
    const logged = intervals.map((i) => `${i.log.workerName} ${spanText(i)}`).join(', ');
    return [
      finding(
        'noAttendance',
        assistantId,
        date,
        entryIds,
        [],
        `${date}에 활동일지(${logged})가 있는데 출퇴근 기록이 없습니다. 활동일지의 날짜를 고치거나, 출퇴근 앱에 기록이 빠진 이유를 소명해 주세요.`,
      ),
    ];
  }
  const covers = spans.map(spanInterval).sort((a, b) => a.start - b.start);
  const firstIn = covers[0]!.start;
  const lastOut = Math.max(...covers.map((c) => c.end));
  const first = intervals[0]!;
  const last = intervals.reduce((a, b) => (b.end > a.end ? b : a));
  const findings: Finding[] = [];
  const startDiff = first.start - firstIn;
  if (Math.abs(startDiff) > tolerance) {
    const early = startDiff < 0;
    findings.push(
      finding(
        early ? 'startEarly' : 'startLate',
        assistantId,
        date,
        [first.log.entryId],
        rows,
        early
          ? `${date} 활동 시작(${clock(first.start)}, ${first.log.workerName})이 출근(${clock(firstIn)})보다 ${-startDiff}분 이릅니다(허용 ${tolerance}분). 활동 시작 시각을 고치거나 이유를 소명해 주세요.`
          : `${date} 활동 시작(${clock(first.start)}, ${first.log.workerName})이 출근(${clock(firstIn)})보다 ${startDiff}분 늦습니다(허용 ${tolerance}분). 빠진 활동이 있으면 활동일지를 등록해 주세요.`,
      ),
    );
  }
  const endDiff = last.end - lastOut;
  if (Math.abs(endDiff) > tolerance) {
    const late = endDiff > 0;
    findings.push(
      finding(
        late ? 'endLate' : 'endEarly',
        assistantId,
        date,
        [last.log.entryId],
        rows,
        late
          ? `${date} 활동 종료(${clock(last.end)}, ${last.log.workerName})가 퇴근(${clock(lastOut)})보다 ${endDiff}분 늦습니다(허용 ${tolerance}분). 활동 종료 시각을 고치거나 이유를 소명해 주세요.`
          : `${date} 활동 종료(${clock(last.end)}, ${last.log.workerName})가 퇴근(${clock(lastOut)})보다 ${-endDiff}분 이릅니다(허용 ${tolerance}분). 빠진 활동이 있으면 활동일지를 등록해 주세요.`,
      ),
    );
  }
  // Breaks between two clock-ins: the edges are the start/end findings' business.
  for (const interval of intervals) {
    const outside = uncoveredWithin(interval, covers, firstIn, lastOut);
    if (outside <= tolerance) continue;
    findings.push(
      finding(
        'outsideSpan',
        assistantId,
        date,
        [interval.log.entryId],
        rows,
        `${date} 활동(${spanText(interval)}, ${interval.log.workerName}) 중 ${outside}분이 출퇴근 기록(${covers.map(spanText).join(', ')}) 사이의 쉬는 시간에 있습니다(허용 ${tolerance}분). 활동시간을 고치거나 이유를 소명해 주세요.`,
      ),
    );
  }
  return findings;
}

/** Two assistants' logs for the same worker at the same time, once per pair. */
function workerOverlaps(logs: readonly LogEntry[]): Finding[] {
  const findings: Finding[] = [];
  const onDuty = logs.filter((l) => ON_DUTY_CODES.includes(l.attendance));
  for (const [, day] of groupBy(onDuty, (l) => `${l.workerId}|${l.date}`)) {
    const sorted = day.map((log) => ({ log, ...logInterval(log) })).sort((a, b) => a.start - b.start);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length && sorted[j]!.start < sorted[i]!.end; j++) {
        const [a, b] = [sorted[i]!, sorted[j]!];
        if (a.log.assistantId === b.log.assistantId) continue;
        const minutes = Math.min(a.end, b.end) - b.start;
        for (const [own, other] of [
          [a, b],
          [b, a],
        ] as const) {
          findings.push(
            finding(
              'workerOverlap',
              own.log.assistantId,
              own.log.date,
              [own.log.entryId, other.log.entryId],
              [],
              `${own.log.date}에 ${own.log.workerName} 님의 활동일지가 다른 근로지원인의 기록(${spanText(other)})과 ${minutes}분 겹칩니다(이 기록 ${spanText(own)}). 한 근로자는 같은 시간에 한 근로지원인의 지원만 받을 수 있으니 어느 한쪽을 고쳐 주세요.`,
            ),
          );
        }
      }
    }
  }
  return findings;
}

/** Periods in which one assistant's work logs cover more workers at once than allowed. */
function concurrency(assistantId: string, date: string, logs: readonly LogEntry[], max: number): Finding[] {
  const work = logs.filter((l) => l.attendance === 'work');
  if (work.length <= max) return [];
  const events: Array<{ at: number; delta: number; log: LogEntry }> = [];
  for (const log of work) {
    const { start, end } = logInterval(log);
    events.push({ at: start, delta: 1, log }, { at: end, delta: -1, log });
  }
  // Ends before starts at the same minute: back-to-back logs are not at once.
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  const open = new Map<string, LogEntry>();
  const findings: Finding[] = [];
  let from: number | undefined;
  let involved = new Map<string, LogEntry>();
  let peak = 0;
  for (const event of events) {
    if (event.delta > 0) open.set(event.log.entryId, event.log);
    else open.delete(event.log.entryId);
    const workers = new Set([...open.values()].map((l) => l.workerId)).size;
    if (workers > max) {
      if (from === undefined) {
        from = event.at;
        involved = new Map();
        peak = 0;
      }
      for (const [id, log] of open) involved.set(id, log);
      peak = Math.max(peak, workers);
    } else if (from !== undefined) {
      const names = [...new Set([...involved.values()].map((l) => l.workerName))].join(', ');
      findings.push(
        finding(
          'tooManyWorkers',
          assistantId,
          date,
          [...involved.keys()],
          [],
          `${date} ${clock(from)}~${clock(event.at)}에 근로자 ${peak}명(${names})을 동시에 지원한 것으로 기록되어 있습니다. 동시에 지원할 수 있는 인원은 ${max}명까지입니다. 활동시간을 고쳐 주세요.`,
        ),
      );
      from = undefined;
    }
  }
  return findings;
}

/** Every finding of a month, ordered by day, assistant, then code. */
export function compareMonth(
  attendance: readonly AttendanceSpan[],
  logs: readonly LogEntry[],
  options: ComparisonOptions,
): Finding[] {
  const spansByDay = groupBy(attendance, (s) => `${s.assistantId}|${s.date}`);
  const logsByDay = groupBy(logs, (l) => `${l.assistantId}|${l.date}`);
  const days = new Set([...spansByDay.keys(), ...logsByDay.keys()]);
  const findings: Finding[] = [];
  for (const key of days) {
    const [assistantId, date] = key.split('|') as [string, string];
    const dayLogs = logsByDay.get(key) ?? [];
    findings.push(...compareDay(assistantId, date, spansByDay.get(key) ?? [], dayLogs, options.toleranceMinutes));
    findings.push(...concurrency(assistantId, date, dayLogs, options.maxConcurrency));
  }
  findings.push(...workerOverlaps(logs));
  const order = new Map(FINDING_CODES.map((code, i) => [code, i]));
  return findings.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.assistantId.localeCompare(b.assistantId) ||
      order.get(a.code)! - order.get(b.code)! ||
      a.id.localeCompare(b.id),
  );
}

export interface JustificationRef {
  findingId: string;
  reason: string;
  by: string;
  at: string;
}

export type ReviewedFinding = Finding & { justification?: JustificationRef };

/** Findings with their justifications (justifications of findings that no longer arise are dropped). */
export function review(findings: readonly Finding[], justifications: readonly JustificationRef[]): ReviewedFinding[] {
  const byId = new Map(justifications.map((j) => [j.findingId, j]));
  return findings.map((f) => {
    const justification = byId.get(f.id);
    return justification ? { ...f, justification } : f;
  });
}

/** Blocking findings not justified: the month cannot be submitted while any is left. */
export function openBlocking(reviewed: readonly ReviewedFinding[]): ReviewedFinding[] {
  return reviewed.filter((f) => f.blocking && !f.justification);
}

/** Korean reason the month cannot be submitted, or undefined when it can. */
export function submissionRefusal(reviewed: readonly ReviewedFinding[], hasImport: boolean): string | undefined {
  if (!hasImport)
    return '이 달의 출퇴근 자료를 먼저 올려 주세요. 출퇴근 기록과 활동일지를 비교한 뒤에 제출할 수 있습니다.';
  const open = openBlocking(reviewed);
  if (open.length === 0) return undefined;
  return `확인이 필요한 항목이 ${open.length}건 남아 있습니다. 활동일지를 고치거나 항목마다 이유를 소명한 뒤 제출해 주세요.`;
}

/** Korean problem with a justification reason, or undefined. */
export function reasonProblem(reason: string): string | undefined {
  const trimmed = reason.trim();
  if (trimmed.length < 5) return '소명 사유를 5자 이상 적어 주세요. 예: 출퇴근 앱 장애로 출근 기록이 빠짐';
  if (trimmed.length > 500) return `소명 사유는 500자까지 적을 수 있습니다. 지금 ${trimmed.length}자입니다.`;
  return undefined;
}
