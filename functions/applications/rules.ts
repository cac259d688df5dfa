import { businessNumberValid } from '#kernel/business-number';
import { parseDay } from '#kernel/calendar';

// Rules of the service application (SPEC B1), pure: the status steps, the legal hour limits of an
// evaluation, the business registration number and the electronic signature. Messages are Korean and
// say what to fix.

export const APPLICATION_STATUSES = [
  'submitted',
  'received',
  'evaluated',
  'matchingRequested',
  'matched',
  'rejected',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: '신청',
  received: '접수',
  evaluated: '평가 완료',
  matchingRequested: '매칭의뢰',
  matched: '매칭 완료',
  rejected: '반려',
};

/**
 * Who moves an application on: the branch receives (접수), evaluates (평가) and requests matching
 * (매칭의뢰); the agency's first matching completes it. A branch may return it (반려) before the
 * evaluation is decided, and may send a request to another agency while nobody has been matched.
 */
const NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ['received', 'rejected'],
  received: ['evaluated', 'rejected'],
  evaluated: ['matchingRequested'],
  matchingRequested: ['matchingRequested', 'matched'],
  matched: [],
  rejected: [],
};

export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return NEXT[from].includes(to);
}

/** Why the step cannot be taken now, in Korean; undefined when it can. */
export function moveProblem(from: ApplicationStatus, to: ApplicationStatus): string | undefined {
  if (canMove(from, to)) return undefined;
  if (from === 'rejected') return '반려한 신청입니다. 신청인이 다시 신청해야 합니다.';
  if (from === 'matched') return '이미 매칭이 끝난 신청입니다. 바꿀 내용이 있으면 매칭 관리에서 처리해 주세요.';
  const needs: Partial<Record<ApplicationStatus, string>> = {
    received: '‘신청’ 상태일 때만 접수할 수 있습니다.',
    evaluated: '먼저 접수한 뒤에 평가할 수 있습니다.',
    matchingRequested: '평가를 마친 뒤에 매칭을 의뢰할 수 있습니다.',
    matched: '매칭의뢰를 받은 신청만 매칭할 수 있습니다.',
    rejected: '평가를 마친 신청은 반려할 수 없습니다.',
  };
  return `지금은 ‘${STATUS_LABELS[from]}’ 상태입니다. ${needs[to] ?? '이 단계로 바꿀 수 없습니다.'}`;
}

/** A worker may have one application in progress at a time; a finished or returned one does not count. */
export function isOpen(status: ApplicationStatus): boolean {
  return status !== 'matched' && status !== 'rejected';
}

// ── hour limits (SPEC §4.5) ─────────────────────────────────────────────

/** The service limits the decision must keep (SPEC §4.5: 8 hours a day, 40 a week by default). */
export interface HourLimits {
  dailyHours: number;
  weeklyHours: number;
}

/** The product's defaults; the hq-edited yearly rate table (limits.ts) overrides them. */
export const DEFAULT_LIMITS: HourLimits = { dailyHours: 8, weeklyHours: 40 };

/** Weeks in an average month: 365 days ÷ 12 months ÷ 7 days ≈ 4.345. */
export const WEEKS_PER_MONTH = 365 / 84;

/** The most hours a month can hold at `weeklyHours` a week, on the average month, in whole hours. */
export function monthlyCap(weeklyHours: number): number {
  return Math.floor((weeklyHours * 365) / 84 + 1e-9);
}

export interface HoursRequest {
  hoursPerDay: number;
  daysPerWeek: number;
}

export interface Problem {
  /** the request field it concerns, e.g. 'hoursPerDay' */
  field: string;
  message: string;
}

/** Daily and weekly limits, shared by the applicant's request and the branch's decision. */
export function hoursProblems(
  input: HoursRequest,
  who: '신청' | '결정',
  limits: HourLimits = DEFAULT_LIMITS,
): Problem[] {
  const problems: Problem[] = [];
  const { hoursPerDay, daysPerWeek } = input;
  if (!(hoursPerDay > 0) || Math.round(hoursPerDay * 2) !== hoursPerDay * 2) {
    problems.push({ field: 'hoursPerDay', message: `하루 ${who} 시간은 0.5시간 단위로 입력해 주세요. (예: 4, 6.5)` });
  } else if (hoursPerDay > limits.dailyHours) {
    problems.push({
      field: 'hoursPerDay',
      message: `하루 ${who} 시간은 ${limits.dailyHours}시간을 넘을 수 없습니다. 지금 ${hoursPerDay}시간입니다.`,
    });
  }
  if (!Number.isInteger(daysPerWeek) || daysPerWeek < 1 || daysPerWeek > 7) {
    problems.push({ field: 'daysPerWeek', message: '주 지원 일수는 1일부터 7일 사이로 골라 주세요.' });
  } else if (problems.length === 0 && hoursPerDay * daysPerWeek > limits.weeklyHours) {
    problems.push({
      field: 'daysPerWeek',
      message: `주 ${who} 시간(하루 ${hoursPerDay}시간 × ${daysPerWeek}일 = ${hoursPerDay * daysPerWeek}시간)이 주 ${limits.weeklyHours}시간을 넘습니다. 하루 시간이나 주 일수를 줄여 주세요.`,
    });
  }
  return problems;
}

/** The same calendar day a year later (29 Feb → 1 Mar), as a day number. */
function oneYearAfter(startDate: string): number {
  const year = Number(startDate.slice(0, 4)) + 1;
  const day = parseDay(`${year}${startDate.slice(4)}`);
  return Number.isNaN(day) ? parseDay(`${year}-03-01`) : day;
}

export interface PeriodInput {
  startDate: string;
  endDate: string;
}

/** A support period: real dates, start before end, at most one year (the program decides yearly). */
export function periodProblems(input: PeriodInput, label = '지원 기간'): Problem[] {
  const start = parseDay(input.startDate);
  const end = parseDay(input.endDate);
  if (Number.isNaN(start)) return [{ field: 'startDate', message: `${label} 시작일을 2027-01-01처럼 입력해 주세요.` }];
  if (Number.isNaN(end)) return [{ field: 'endDate', message: `${label} 종료일을 2027-12-31처럼 입력해 주세요.` }];
  if (end < start)
    return [{ field: 'endDate', message: `${label} 종료일이 시작일보다 빠릅니다. 날짜를 확인해 주세요.` }];
  if (end >= oneYearAfter(input.startDate)) {
    return [
      {
        field: 'endDate',
        message: `${label}은(는) 1년을 넘을 수 없습니다. 종료일을 시작일로부터 1년 안으로 골라 주세요.`,
      },
    ];
  }
  return [];
}

export interface EvaluationInput extends HoursRequest, PeriodInput {
  monthlyHours: number;
}

/** The branch's decision (평가): within 8 h a day, 40 h a week, and a month no longer than those weeks. */
export function evaluationProblems(input: EvaluationInput, limits: HourLimits = DEFAULT_LIMITS): Problem[] {
  const problems = [...hoursProblems(input, '결정', limits), ...periodProblems(input)];
  if (!Number.isInteger(input.monthlyHours) || input.monthlyHours < 1) {
    problems.push({ field: 'monthlyHours', message: '월 결정 시간은 1시간 이상, 시간 단위로 입력해 주세요.' });
  } else if (!problems.some((p) => p.field === 'hoursPerDay' || p.field === 'daysPerWeek')) {
    const weekly = input.hoursPerDay * input.daysPerWeek;
    const cap = monthlyCap(weekly);
    if (input.monthlyHours > cap) {
      problems.push({
        field: 'monthlyHours',
        message: `월 결정 시간 ${input.monthlyHours}시간은 주 ${weekly}시간으로 한 달(평균 4.35주)에 지원할 수 있는 ${cap}시간을 넘습니다. ${cap}시간 이하로 입력해 주세요.`,
      });
    }
  }
  return problems;
}

// ── workplace ──────────────────────────────────────────────────────────────────────────────────

/** 사업자등록번호: 10 digits whose last is a check digit (국세청 검증 규칙). */
export function businessNumberProblem(input: string): string | undefined {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return '사업자등록번호는 숫자 10자리로 입력해 주세요. (예: 123-45-67890)';
  if (!businessNumberValid(digits))
    return '사업자등록번호가 올바르지 않습니다. 사업자등록증에 적힌 번호를 다시 확인해 주세요.';
  return undefined;
}

// ── electronic signature (전자서명 동의) ────────────────────────────────────────────────────────

/** The applicant signs by typing their own name exactly as registered (spaces ignored). */
export function signatureProblem(typed: string, registeredName: string): string | undefined {
  const norm = (s: string) => s.replace(/\s+/g, '');
  if (!norm(typed)) return '서명란에 본인 이름을 입력해 주세요.';
  if (norm(typed) !== norm(registeredName)) {
    return `서명란의 이름이 회원 정보의 이름과 다릅니다. 회원 정보에 등록된 이름(${registeredName})을 그대로 입력해 주세요.`;
  }
  return undefined;
}
