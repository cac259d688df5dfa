import { formatLeaveAmount } from '#functions/leave/rules';
import { LEAVE_KIND_LABELS, LEAVE_KINDS, type LeaveKind } from '#kernel/attendance-kinds';
import * as clock from '#kernel/clock';
import type { PageContext } from '../shell/app.ts';

// What the leave screens get from the API (functions/leave/service.ts views) and small helpers.

export const AGENCY_LEAVE_PATH = '/agency/annual-leave';
export const MY_LEAVE_PATH = '/my/annual-leave';

export type LeaveType = LeaveKind;

/** Korean names of the activity log's leave types, in the order the screens show them. */
export const LEAVE_TYPES: { type: LeaveType; label: string }[] = LEAVE_KINDS.map((type) => ({
  type,
  label: LEAVE_KIND_LABELS[type],
}));

export interface Group {
  accruedMinutes: number;
  usedMinutes: number;
}

export interface YearRow {
  year: number;
  asOf: string;
  dailyMinutes: number;
  annual: Group;
  monthly: Group;
  carriedMonthly: Group;
  carriedAnnual: Group;
  usedMinutes: number;
  usedExcludingRestrictedMinutes: number;
  byMonth: Record<LeaveType, number[]>;
  annualLeaveByMonthExcludingRestricted: number[];
  excessMinutes: number;
  usesMissingReason: number;
  lapsedMinutes: number;
  balanceMinutes: number;
}

export interface ListRow extends YearRow {
  assistantId: string;
  name: string;
  birthDate: string;
  phone: string;
  hireDate: string;
  leaveDate: string | null;
  weeklyContractMinutes: number;
  issuedNotices: number;
  openNotices: number;
}

export interface LeaveList {
  agencyId: string;
  agencyName: string;
  year: number;
  asOf: string;
  rows: ListRow[];
}

export interface NoticeView {
  noticeId: string;
  assistantName: string;
  agencyName: string;
  periodEnd: string;
  round: number;
  action: 'request' | 'designation' | 'reminder';
  label: string;
  statute: string;
  issueBy: string;
  replyBy: string | null;
  unusedText: string;
  designatedDates: string[];
  issuedAt: string;
  pdfFileName: string;
  status: 'issued' | 'answered';
  answerDates: string[];
  answerNote: string | null;
  answeredAt: string | null;
  revision: number;
}

export interface PlannedNotice {
  noticeId: string;
  round: number;
  action: 'request' | 'designation' | 'reminder';
  label: string;
  statute: string;
  proposedDate: string;
  issueFrom: string;
  issueBy: string;
  replyBy: string | null;
  unusedText: string;
  canIssue: boolean;
  blockedReason: string | null;
  late: boolean;
}

export interface GrantView {
  kindLabel: string;
  accrualDate: string;
  validUntil: string;
  text: string;
  remainingText: string;
  usedMinutes: number;
  lapsedMinutes: number;
  carriedMinutes: number;
  basis: string;
}

export interface UseView {
  date: string;
  text: string;
  restricted: boolean;
  /** why it is restricted: 공휴일(…) or 근무일이 아님 */
  restrictedReason: string | null;
  excessText: string | null;
  reasonRequired: boolean;
  reason: string | null;
  reasonRevision: number;
}

export interface Ledger {
  year: number;
  asOf: string;
  assistant: {
    assistantId: string;
    name: string;
    birthDate: string;
    phone: string;
    hireDate: string;
    leaveDate: string | null;
    agencyName: string;
    hasLogin: boolean;
  };
  profile: {
    weeklyContractMinutes: number;
    dailyMinutes: number;
    basis: 'hireDate' | 'fiscalYear';
    fiscalYearStart: string | null;
    carryOverLimitDays: number;
    weeklySourceLabel: string;
    settingRevision: number;
  };
  row: YearRow;
  balanceText: string;
  grants: GrantView[];
  uses: UseView[];
  periods: { kind: 'annual' | 'firstYear'; periodEnd: string; notices: PlannedNotice[] }[];
  notices: NoticeView[];
}

export interface MyLeave {
  year: number;
  asOf: string;
  employments: {
    assistantId: string;
    agencyName: string;
    hireDate: string;
    balanceText: string;
    dailyMinutes: number;
    row: YearRow;
    grants: GrantView[];
    uses: UseView[];
    notices: NoticeView[];
  }[];
}

/** Leave in the assistant's contracted days ("3일 2시간"). */
export function amount(minutes: number, dailyMinutes: number): string {
  return formatLeaveAmount(minutes, dailyMinutes);
}

/** "20시간": a weekly contract in hours. */
export function hours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h}시간 ${m}분` : `${h}시간`;
}

/** The year asked in the address (?year=), else this year in Korea. */
export function yearOf(ctx: PageContext): number {
  const asked = Number(ctx.url.searchParams.get('year'));
  const now = clock.thisYear();
  return Number.isInteger(asked) && asked >= now - 10 && asked <= now ? asked : now;
}

export function thisYear(): number {
  return clock.thisYear();
}

/** "2026-12-24, 2026-12-26" as a list; the server checks each date. */
export function parseDates(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

export const NOTICE_STATUS_LABELS = { issued: '답변 기다림', answered: '답변함' } as const;
