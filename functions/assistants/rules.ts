import { normaliseRrn } from '#commons/rrn';
import { parseClock, parseDay } from '#kernel/calendar';
import type { AssistantItem } from './entities.ts';

// Rules of the assistant registry (SPEC B2), job postings and activity applications (B4), pure.

// ── status (대기/활동/휴직/퇴사) ─────────────────────────────────────────────────────────────────

export const ASSISTANT_STATUSES = ['waiting', 'active', 'onLeave', 'left'] as const;
export type AssistantStatus = (typeof ASSISTANT_STATUSES)[number];

export const ASSISTANT_STATUS_LABELS: Record<AssistantStatus, string> = {
  waiting: '대기',
  active: '활동',
  onLeave: '휴직',
  left: '퇴사',
};

/**
 * Valid moves. 퇴사 is final: a person who comes back is registered again (a new employment, new hire
 * date). 대기 → 휴직 is not a move: a person not yet working has nothing to take leave from.
 */
export const STATUS_TRANSITIONS: Record<AssistantStatus, readonly AssistantStatus[]> = {
  waiting: ['active', 'left'],
  active: ['waiting', 'onLeave', 'left'],
  onLeave: ['active', 'waiting', 'left'],
  left: [],
};

export interface TransitionContext {
  /** the assistant's hire date (YYYY-MM-DD) */
  hireDate: string;
  /** the date the last status change took effect */
  lastChangedOn: string;
  /** matchings in progress (not ended) */
  activeMatchings: number;
  /** the newest qualification check: none, clear, or disqualified */
  qualification: 'unchecked' | 'clear' | 'disqualified';
}

/** Why `from` → `to` on `on` is not allowed, in Korean; undefined when it is. */
export function transitionProblem(
  from: AssistantStatus,
  to: AssistantStatus,
  on: string,
  ctx: TransitionContext,
): string | undefined {
  const fromLabel = ASSISTANT_STATUS_LABELS[from];
  const toLabel = ASSISTANT_STATUS_LABELS[to];
  if (from === to) return `이미 ‘${fromLabel}’ 상태입니다.`;
  if (from === 'left') return '퇴사한 근로지원인은 상태를 바꿀 수 없습니다. 다시 일하게 되면 새로 등록해 주세요.';
  if (!STATUS_TRANSITIONS[from].includes(to)) {
    const allowed = STATUS_TRANSITIONS[from].map((s) => `‘${ASSISTANT_STATUS_LABELS[s]}’`).join(', ');
    return `‘${fromLabel}’에서 ‘${toLabel}’(으)로는 바꿀 수 없습니다. ‘${fromLabel}’에서는 ${allowed}(으)로만 바꿀 수 있습니다.`;
  }
  if (Number.isNaN(parseDay(on))) return '적용일을 2026-12-01처럼 입력해 주세요.';
  if (on < ctx.hireDate) return `적용일(${on})이 입사일(${ctx.hireDate})보다 빠릅니다. 입사일 이후 날짜를 골라 주세요.`;
  if (on < ctx.lastChangedOn) {
    return `적용일(${on})이 마지막 상태 변경일(${ctx.lastChangedOn})보다 빠릅니다. 그 뒤의 날짜를 골라 주세요.`;
  }
  if (to === 'active' && ctx.qualification === 'unchecked') {
    return '자격제한 조회 기록이 없어 ‘활동’으로 바꿀 수 없습니다. 자격제한 조회 결과와 증빙을 먼저 기록해 주세요.';
  }
  if (to === 'active' && ctx.qualification === 'disqualified') {
    return '가장 최근 자격제한 조회에서 결격사유가 확인되어 ‘활동’으로 바꿀 수 없습니다.';
  }
  if (to !== 'active' && ctx.activeMatchings > 0) {
    return `진행 중인 매칭이 ${ctx.activeMatchings}건 있어 ‘${toLabel}’(으)로 바꿀 수 없습니다. 매칭 관리에서 매칭을 먼저 종료하거나 다른 근로지원인으로 바꿔 주세요.`;
  }
  return undefined;
}

/** The statuses an assistant can be matched in: 휴직 and 퇴사 cannot support anyone. */
export function canBeMatched(status: AssistantStatus): boolean {
  return status === 'waiting' || status === 'active';
}

// ── four social insurances (4대보험) ──────────────────────────────────────────────────────────────

export const INSURANCES = [
  { code: 'pension', label: '국민연금' },
  { code: 'health', label: '건강보험' },
  { code: 'employment', label: '고용보험' },
  { code: 'industrialAccident', label: '산재보험' },
] as const;
export type InsuranceCode = (typeof INSURANCES)[number]['code'];

export interface Enrolment {
  enrolledOn?: string;
  lostOn?: string;
}

export interface Problem {
  field: string;
  message: string;
}

/** Acquisition (취득일) on or after the hire date; loss (상실일) after acquisition. */
export function insuranceProblems(insurances: Partial<Record<InsuranceCode, Enrolment>>, hireDate: string): Problem[] {
  const problems: Problem[] = [];
  for (const { code, label } of INSURANCES) {
    const e = insurances[code];
    if (!e) continue;
    if (e.lostOn && !e.enrolledOn) {
      problems.push({ field: `${code}.enrolledOn`, message: `${label} 상실일을 적으려면 취득일도 입력해 주세요.` });
      continue;
    }
    if (e.enrolledOn && Number.isNaN(parseDay(e.enrolledOn))) {
      problems.push({ field: `${code}.enrolledOn`, message: `${label} 취득일을 2026-01-02처럼 입력해 주세요.` });
      continue;
    }
    if (e.enrolledOn && e.enrolledOn < hireDate) {
      problems.push({
        field: `${code}.enrolledOn`,
        message: `${label} 취득일(${e.enrolledOn})이 입사일(${hireDate})보다 빠를 수 없습니다.`,
      });
    }
    if (e.lostOn && (Number.isNaN(parseDay(e.lostOn)) || (e.enrolledOn && e.lostOn <= e.enrolledOn))) {
      problems.push({ field: `${code}.lostOn`, message: `${label} 상실일은 취득일보다 뒤의 날짜여야 합니다.` });
    }
  }
  return problems;
}

/** The insurances not (or no longer) held: an active assistant should hold all four. */
export function missingInsurances(insurances: Partial<Record<InsuranceCode, Enrolment>>): string[] {
  return INSURANCES.filter(({ code }) => !insurances[code]?.enrolledOn || insurances[code]?.lostOn).map((i) => i.label);
}

// ── qualifications held (보유 자격) ───────────────────────────────────────────────────────────────

export const QUALIFICATIONS = [
  { code: 'none', label: '없음' },
  { code: 'activitySupport', label: '장애인활동지원사 교육 수료' },
  { code: 'careWorker', label: '요양보호사' },
  { code: 'socialWorker', label: '사회복지사' },
  { code: 'vocationalRehab', label: '직업재활사' },
  { code: 'signLanguage', label: '수어통역사' },
  { code: 'nurseAide', label: '간호조무사' },
  { code: 'other', label: '기타' },
] as const;
export type QualificationCode = (typeof QUALIFICATIONS)[number]['code'];
export const QUALIFICATION_CODES = QUALIFICATIONS.map((q) => q.code) as [QualificationCode, ...QualificationCode[]];

// ── dates and times ───────────────────────────────────────────────────────────────────────────────

export function isDay(text: string): boolean {
  return !Number.isNaN(parseDay(text));
}

/** Minutes since midnight, or -1. */
export function clockMinutes(text: string): number {
  return parseClock(text, false);
}

/** Hire before leave; neither in a form people cannot read. */
export function employmentProblems(hireDate: string, leaveDate?: string): Problem[] {
  if (!isDay(hireDate)) return [{ field: 'hireDate', message: '입사일을 2026-01-02처럼 입력해 주세요.' }];
  if (leaveDate !== undefined && (!isDay(leaveDate) || leaveDate < hireDate)) {
    return [{ field: 'leaveDate', message: '퇴사일은 입사일 이후의 날짜여야 합니다.' }];
  }
  return [];
}

// ── activity application (활동 신청) and career history ──────────────────────────────────────────

export interface TimeRange {
  start: string;
  end: string;
}

export interface CareerEntry {
  from: string;
  to: string;
  supportType: string;
  note?: string;
}

export const MAX_CAREERS = 20;

/** 근무희망시간, 휴게시간 (inside the hours), and each career period. */
export function activityApplicationProblems(input: {
  desired: TimeRange;
  break?: TimeRange;
  careers: readonly CareerEntry[];
  today: string;
}): Problem[] {
  const problems: Problem[] = [];
  const start = clockMinutes(input.desired.start);
  const end = clockMinutes(input.desired.end);
  if (start < 0 || end < 0 || end <= start) {
    problems.push({ field: 'desired.end', message: '근무희망시간의 끝나는 시각이 시작 시각보다 늦어야 합니다.' });
  }
  if (input.break) {
    const bs = clockMinutes(input.break.start);
    const be = clockMinutes(input.break.end);
    if (bs < 0 || be < 0 || be <= bs) {
      problems.push({ field: 'break.end', message: '휴게시간의 끝나는 시각이 시작 시각보다 늦어야 합니다.' });
    } else if (start >= 0 && end > start && (bs < start || be > end)) {
      problems.push({
        field: 'break.start',
        message: `휴게시간은 근무희망시간(${input.desired.start}~${input.desired.end}) 안에 있어야 합니다.`,
      });
    }
  }
  if (input.careers.length > MAX_CAREERS) {
    problems.push({ field: 'careers', message: `활동 경력은 ${MAX_CAREERS}건까지 적을 수 있습니다.` });
  }
  input.careers.forEach((career, i) => {
    const n = i + 1;
    if (!isDay(career.from) || !isDay(career.to)) {
      problems.push({
        field: `careers.${i}.from`,
        message: `활동 경력 ${n}번째의 기간을 2024-03-01처럼 입력해 주세요.`,
      });
    } else if (career.to < career.from) {
      problems.push({ field: `careers.${i}.to`, message: `활동 경력 ${n}번째의 끝난 날이 시작한 날보다 빠릅니다.` });
    } else if (career.from > input.today) {
      problems.push({
        field: `careers.${i}.from`,
        message: `활동 경력 ${n}번째가 앞으로의 날짜입니다. 지난 경력만 적어 주세요.`,
      });
    }
  });
  return problems;
}

/** Whole months of all career periods together (overlaps counted once), for the workforce list. */
export function careerMonths(careers: readonly { from: string; to: string }[]): number {
  const spans = careers
    .map((c) => [parseDay(c.from), parseDay(c.to)] as const)
    .filter(([a, b]) => !Number.isNaN(a) && !Number.isNaN(b) && b >= a)
    .sort((x, y) => x[0] - y[0]);
  let days = 0;
  let cursorEnd = Number.NEGATIVE_INFINITY;
  for (const [a, b] of spans) {
    const from = Math.max(a, cursorEnd + 1);
    if (b >= from) days += b - from + 1;
    cursorEnd = Math.max(cursorEnd, b);
  }
  return Math.floor(days / 30.4375);
}

// ── job postings (구인정보) ────────────────────────────────────────────────────────────────────────

export interface PostingInput {
  workStart: string;
  workEnd: string;
  weeklyHours: number;
  openings: number;
  closesOn: string;
}

export function postingProblems(input: PostingInput, today: string): Problem[] {
  const problems: Problem[] = [];
  const start = clockMinutes(input.workStart);
  const end = clockMinutes(input.workEnd);
  if (start < 0 || end < 0 || end <= start) {
    problems.push({ field: 'workEnd', message: '근무 종료 시각이 시작 시각보다 늦어야 합니다.' });
  }
  if (!Number.isInteger(input.weeklyHours) || input.weeklyHours < 1 || input.weeklyHours > 40) {
    problems.push({ field: 'weeklyHours', message: '주 근무시간은 1시간부터 40시간 사이의 정수로 입력해 주세요.' });
  }
  if (!Number.isInteger(input.openings) || input.openings < 1 || input.openings > 99) {
    problems.push({ field: 'openings', message: '모집 인원은 1명부터 99명 사이로 입력해 주세요.' });
  }
  if (!isDay(input.closesOn)) {
    problems.push({ field: 'closesOn', message: '마감일을 2026-12-31처럼 입력해 주세요.' });
  } else if (input.closesOn < today) {
    problems.push({ field: 'closesOn', message: `마감일은 오늘(${today}) 이후로 골라 주세요.` });
  }
  return problems;
}

/** A posting fits a desired window when its hours lie inside it. */
export function fitsHours(posting: { workStart: string; workEnd: string }, from?: string, to?: string): boolean {
  if (from && clockMinutes(posting.workStart) < clockMinutes(from)) return false;
  if (to && clockMinutes(posting.workEnd) > clockMinutes(to)) return false;
  return true;
}

/** Open for applications: not closed by the agency and not past its closing date. */
export function isPostingOpen(posting: { status: string; closesOn: string }, today: string): boolean {
  return posting.status === 'open' && posting.closesOn >= today;
}

// ── resident number (주민등록번호) ───────────────────────────────────────────────────────────────

/** Birth date and sex from a well-formed resident number (the 7th digit: odd men, even women). */
export function personFromRrn(input: string): { birthDate: string; gender: 'M' | 'F' } {
  const rrn = normaliseRrn(input);
  const digit = Number(rrn[6]);
  const century = digit <= 2 || digit === 5 || digit === 6 ? 1900 : 2000;
  const birthDate = `${century + Number(rrn.slice(0, 2))}-${rrn.slice(2, 4)}-${rrn.slice(4, 6)}`;
  return { birthDate, gender: digit % 2 === 1 ? 'M' : 'F' };
}

// ── qualification checks (자격 제한 확인) ──────────────────────────────────────────────────────────

function latestCheck(item: AssistantItem) {
  return [...item.qualificationChecks].sort(
    (a, b) => b.checkedOn.localeCompare(a.checkedOn) || b.at.localeCompare(a.at),
  )[0];
}

/** The result of the latest qualification check, or 'unchecked'. */
export function qualificationState(item: AssistantItem): 'unchecked' | 'clear' | 'disqualified' {
  return latestCheck(item)?.result ?? 'unchecked';
}
