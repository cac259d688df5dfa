import { KOREA_VTIMEZONE, koreaDateTimeProperty } from '#kernel/icalendar';
import { daysOfMonth, lastDayOfMonth } from '#kernel/korea-time';

// Training (SPEC E1): the pure rules of courses and applications. The web imports these too (the
// calendar, the .ics file, the form checks), so nothing here touches the table or the clock.

export const COURSE_KINDS = [
  { code: 'initial', label: '양성교육' },
  { code: 'refresher', label: '보수교육' },
] as const;
export const COURSE_KIND_CODES = ['initial', 'refresher'] as const;
export type CourseKind = (typeof COURSE_KIND_CODES)[number];

export const COURSE_METHODS = [
  { code: 'classroom', label: '집합' },
  { code: 'online', label: '온라인' },
  { code: 'blended', label: '혼합' },
] as const;
export const COURSE_METHOD_CODES = ['classroom', 'online', 'blended'] as const;
export type CourseMethod = (typeof COURSE_METHOD_CODES)[number];

/** draft → open (신청 접수) → closed (접수 마감) → finished (교육 종료) */
export const COURSE_STATUSES = ['draft', 'open', 'closed', 'finished'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];
export const COURSE_STATUS_LABELS: Record<CourseStatus, string> = {
  draft: '작성 중',
  open: '신청 접수 중',
  closed: '접수 마감',
  finished: '교육 종료',
};

/** The one step each state may take, and its button. */
export const COURSE_NEXT: Record<CourseStatus, { to: CourseStatus; label: string } | undefined> = {
  draft: { to: 'open', label: '신청 접수 시작' },
  open: { to: 'closed', label: '접수 마감' },
  closed: { to: 'finished', label: '교육 종료' },
  finished: undefined,
};

/**
 * applied: holds a seat, awaiting the institution; waiting: on the waiting list (no seat);
 * accepted: holds a seat, accepted; refused: refused with a reason; cancelled: by the applicant.
 */
export const APPLICATION_STATES = ['applied', 'waiting', 'accepted', 'refused', 'cancelled'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];
export const APPLICATION_STATE_LABELS: Record<ApplicationState, string> = {
  applied: '신청(검토 중)',
  waiting: '대기',
  accepted: '수강 확정',
  refused: '반려',
  cancelled: '신청 취소',
};

/** At most this many agencies a person names as 근무희망수행기관. */
export const MAX_WISHED_AGENCIES = 3;

export const label = (list: readonly { code: string; label: string }[], code: string): string =>
  list.find((item) => item.code === code)?.label ?? code;

export interface Session {
  day: string;
  start: string;
  end: string;
}

export interface CourseTimes {
  sessions: readonly Session[];
  applyFrom: string;
  applyTo: string;
  capacity: number;
}

export interface Problem {
  field: string;
  message: string;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Teaching hours of all sessions (a session of 09:00–13:00 is 4 hours), to one decimal. */
export function totalHours(sessions: readonly Session[]): number {
  const minutes = sessions.reduce((sum, s) => sum + Math.max(0, minutesOf(s.end) - minutesOf(s.start)), 0);
  return Math.round((minutes / 60) * 10) / 10;
}

/** What is wrong with a course's sessions and periods, each named by its field. */
export function courseProblems(course: CourseTimes): Problem[] {
  const problems: Problem[] = [];
  if (course.sessions.length === 0) {
    problems.push({ field: 'sessions', message: '교육 일정을 하루 이상 입력해 주세요.' });
  }
  const seen = new Set<string>();
  course.sessions.forEach((s, i) => {
    if (minutesOf(s.end) <= minutesOf(s.start)) {
      problems.push({
        field: `sessions.${i}.end`,
        message: `${i + 1}회차(${s.day})의 끝 시각은 시작 시각보다 늦어야 합니다.`,
      });
    }
    if (seen.has(s.day)) {
      problems.push({
        field: `sessions.${i}.day`,
        message: `${s.day}에 일정이 두 번 들어 있습니다. 하루에 한 번만 입력해 주세요.`,
      });
    }
    seen.add(s.day);
  });
  if (course.applyTo < course.applyFrom) {
    problems.push({ field: 'applyTo', message: '신청 마감일은 신청 시작일과 같거나 뒤여야 합니다.' });
  }
  const first = firstDay(course.sessions);
  if (first && course.applyTo >= first) {
    problems.push({ field: 'applyTo', message: `신청 마감일은 첫 교육일(${first}) 전이어야 합니다.` });
  }
  if (course.capacity < 1) problems.push({ field: 'capacity', message: '정원은 1명 이상이어야 합니다.' });
  return problems;
}

export function firstDay(sessions: readonly Session[]): string | undefined {
  return [...sessions].map((s) => s.day).sort()[0];
}

export function lastDay(sessions: readonly Session[]): string | undefined {
  return [...sessions]
    .map((s) => s.day)
    .sort()
    .at(-1);
}

/** Sessions in date order. */
export function sortedSessions<S extends Session>(sessions: readonly S[]): S[] {
  return [...sessions].sort((a, b) => a.day.localeCompare(b.day) || a.start.localeCompare(b.start));
}

/** Does a course's teaching touch this month (YYYY-MM)? */
export function runsInMonth(course: { sessions: readonly Session[] }, month: string): boolean {
  return course.sessions.some((s) => s.day.startsWith(month));
}

/** May people apply today? The course must be open and today within its application period. */
export function acceptsApplications(
  course: { status: CourseStatus; applyFrom: string; applyTo: string },
  today: string,
): boolean {
  return course.status === 'open' && course.applyFrom <= today && today <= course.applyTo;
}

/** Why a person cannot apply today, in Korean, or undefined when they can. */
export function applicationRefusal(
  course: { status: CourseStatus; applyFrom: string; applyTo: string },
  today: string,
): string | undefined {
  if (course.status !== 'open') return '신청을 받고 있지 않은 교육과정입니다.';
  if (today < course.applyFrom) return `신청은 ${course.applyFrom}부터 할 수 있습니다.`;
  if (today > course.applyTo) return `신청 기간(${course.applyTo}까지)이 지났습니다.`;
  return undefined;
}

/** States that hold one of the course's seats. */
export function holdsSeat(state: ApplicationState): boolean {
  return state === 'applied' || state === 'accepted';
}

/** A new application takes a seat while one is free, else it goes to the waiting list. */
export function placeFor(course: { capacity: number; seatsTaken: number }): 'applied' | 'waiting' {
  return course.seatsTaken < course.capacity ? 'applied' : 'waiting';
}

export interface Queued {
  applicationId: string;
  state: ApplicationState;
  appliedAt: string;
}

/** The waiting list in order: first come, first served (the id breaks a tie of the same instant). */
export function waitingList<A extends Queued>(applications: readonly A[]): A[] {
  return applications
    .filter((a) => a.state === 'waiting')
    .sort((a, b) => a.appliedAt.localeCompare(b.appliedAt) || a.applicationId.localeCompare(b.applicationId));
}

/** When a seat frees up, the first on the waiting list takes it (undefined: nobody waits). */
export function nextInLine<A extends Queued>(applications: readonly A[]): A | undefined {
  return waitingList(applications)[0];
}

/** A waiting person's place in the queue, from 1. */
export function waitingRank(applications: readonly Queued[], applicationId: string): number | undefined {
  const index = waitingList(applications).findIndex((a) => a.applicationId === applicationId);
  return index < 0 ? undefined : index + 1;
}

/** The days of a month laid out as weeks from Sunday (null pads the first and last week). */
export function monthGrid(month: string): (string | null)[][] {
  const days = daysOfMonth(month);
  const firstWeekday = new Date(`${days[0]}T00:00:00Z`).getUTCDay();
  const cells: (string | null)[] = [...Array.from({ length: firstWeekday }, () => null), ...days];
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export { lastDayOfMonth };

// ── iCalendar (RFC 5545) ────────────────────────────────────────────────────────────────────────

export interface IcsCourse {
  courseId: string;
  name: string;
  institutionName: string;
  place: string;
  sessions: readonly Session[];
  contactPhone: string;
}

const icsText = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');

/** A content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // continuation lines start with a space, which counts toward their 75
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/**
 * The course as an .ics file: one event per session at its Korea time (TZID=Asia/Seoul with the
 * time-zone block, so a calendar abroad shows the right hour). `stamp` is the file's creation time (UTC).
 */
export function courseIcs(course: IcsCourse, stamp: Date): string {
  const dtstamp = stamp
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const sessions = sortedSessions(course.sessions);
  const events = sessions.flatMap((s, i) => [
    'BEGIN:VEVENT',
    `UID:${course.courseId}-${i + 1}@work-assistant.kead.or.kr`,
    `DTSTAMP:${dtstamp}`,
    koreaDateTimeProperty('DTSTART', s.day, s.start),
    koreaDateTimeProperty('DTEND', s.day, s.end),
    `SUMMARY:${icsText(`${course.name} (${i + 1}/${sessions.length}회차)`)}`,
    `LOCATION:${icsText(course.place)}`,
    `DESCRIPTION:${icsText(`교육기관: ${course.institutionName}\n문의: ${course.contactPhone}`)}`,
    'END:VEVENT',
  ]);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//KEAD//근로지원인 교육//KO',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...KOREA_VTIMEZONE,
    ...events,
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

// ── results (교육결과) ──────────────────────────────────────────────────────────────────────────

/**
 * Attendance a trainee needs to complete, as a share of the sessions: the programme's default. The
 * yearly rate table carries the figure in force (rates: training.completionAttendance), which the
 * results routes pass in.
 */
export const DEFAULT_COMPLETION_ATTENDANCE = 0.8;
export const DEFAULT_PASS_MARK = 60;

export interface TraineeResult {
  /** the session days attended */
  attendedDays: readonly string[];
  /** the institution's assessment, 0–100 (none recorded: undefined) */
  score?: number;
}

export interface Completion {
  completes: boolean;
  attended: number;
  sessions: number;
  /** attended / sessions, 0–1 */
  rate: number;
  /** why not, in Korean (empty when the trainee completes) */
  reasons: string[];
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * Does a trainee complete? Attendance of at least `threshold` of the course's sessions and a score of
 * at least the course's pass mark; each shortfall is a reason of its own.
 */
export function completionOf(
  result: TraineeResult,
  course: { sessions: readonly Session[]; passMark: number },
  threshold = DEFAULT_COMPLETION_ATTENDANCE,
): Completion {
  const days = new Set(course.sessions.map((s) => s.day));
  const attended = new Set(result.attendedDays.filter((d) => days.has(d))).size;
  const sessions = days.size;
  const rate = sessions ? attended / sessions : 0;
  const reasons: string[] = [];
  // compared in whole sessions so that 4 of 5 (80%) meets 80% without floating-point doubt
  if (attended * 1000 < Math.round(threshold * 1000) * sessions) {
    reasons.push(`출석 ${attended}/${sessions}회(${percent(rate)})로 수료 기준 ${percent(threshold)}에 못 미칩니다.`);
  }
  if (result.score === undefined) reasons.push('평가 점수가 입력되지 않았습니다.');
  else if (result.score < course.passMark) {
    reasons.push(`평가 점수 ${result.score}점으로 합격 점수 ${course.passMark}점에 못 미칩니다.`);
  }
  return { completes: reasons.length === 0, attended, sessions, rate, reasons };
}
