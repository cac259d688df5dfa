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

// The API's shapes are the contract's own (functions/leave/contract.ts).
export type {
  GrantView,
  Group,
  LeaveList,
  Ledger,
  ListRow,
  MyLeave,
  NoticeView,
  PlannedNotice,
  UseView,
  YearRow,
} from '#functions/leave/contract';

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
