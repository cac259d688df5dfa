// What the payroll screens (SPEC D2) read from the API, and the few pure helpers they share.

import { TIME_SOURCE_LABELS, TIME_SOURCES, type TimeSource } from '#functions/payroll/time-sources';

export const AGENCY_PAYROLL_PATH = '/agency/payroll';
export const PAYROLL_SETTINGS_PATH = '/agency/payroll/settings';
export const MY_PAY_SLIPS_PATH = '/my/pay-slips';

export { TIME_SOURCE_LABELS as TIME_LABELS, TIME_SOURCES, type TimeSource };

export const DEDUCTION_KINDS = [
  'pension',
  'health',
  'longTermCare',
  'employment',
  'incomeTax',
  'localIncomeTax',
  'other',
] as const;
export type DeductionKind = (typeof DEDUCTION_KINDS)[number];
export const DEDUCTION_LABELS: Record<DeductionKind, string> = {
  pension: '국민연금 (요율표)',
  health: '건강보험 (요율표)',
  longTermCare: '장기요양보험 (요율표)',
  employment: '고용보험 (요율표)',
  incomeTax: '소득세 (직접 입력)',
  localIncomeTax: '지방소득세 (비우면 소득세의 10%)',
  other: '기타 공제 (직접 입력)',
};

// The API's shapes are the contract's own (functions/payroll/contract.ts).
export type {
  Adjustment,
  DeductionItem,
  Line,
  ListColumn,
  MonthList,
  MySlip,
  PayItem,
  PayrollRecord,
  Settings,
  Slip,
} from '#functions/payroll/contract';

export function won(amount: number | null | undefined): string {
  return amount == null ? '계산 안 됨' : `${amount.toLocaleString('ko-KR')}원`;
}

export function monthLabel(month: string): string {
  return `${Number(month.slice(0, 4))}년 ${Number(month.slice(5, 7))}월`;
}

import type { ListColumn } from '#functions/payroll/contract';

/** A cell of the 급여 목록 as people read it. */
export function cellText(unit: ListColumn['unit'], value: string | number | null | undefined): string {
  if (value == null || value === '') return unit === 'won' ? '계산 안 됨' : '-';
  if (unit === 'won') return won(Number(value));
  if (unit === 'hours') return `${value}시간`;
  return String(value);
}

/** Items that take an amount the agency enters (the rest are computed from time or rates). */
export function takesAmount(kind: string): boolean {
  return kind === 'fixed' || kind === 'incomeTax' || kind === 'other' || kind === 'localIncomeTax';
}

export const ACTION_LABELS: Record<string, string> = {
  compute: '계산',
  issue: '명세서 발급',
  recompute: '다시 계산',
  adjust: '조정',
  unadjust: '조정 취소',
  amount: '금액 입력',
};

export function signedWon(amount: number): string {
  return amount >= 0 ? `+${won(amount)}` : `-${won(-amount)}`;
}
