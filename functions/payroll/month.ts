// The glue between the month's claim figures, the agency's item settings and the payroll rules
// (SPEC D2), pure: no clock, no I/O. The repository and routes call these; the unit tests check them.

import type { FieldProblem } from '#commons/errors';
import { RuleViolation, ValidationFailed } from '#commons/errors';
import { PAID_NON_SERVICE_TYPES, type PaidNonServiceType } from '#kernel/attendance-kinds';
import { hoursOfMinutes } from '#kernel/decimal';
import { MONTH_SOURCE } from '#kernel/korea-time';
import {
  type Adjustment,
  checkPayrollInput,
  computePayroll,
  type DeductionItem,
  defaultDeductionItems,
  defaultPayItems,
  EMPLOYEE_INSURANCE_2026,
  type EmployeeInsuranceRates,
  type PayItem,
  type PayrollInput,
  type PayrollMinutes,
  type PaySlip,
  TIME_SOURCE_LABELS,
  TIME_SOURCES,
} from './rules.ts';
import { paidOtherMinutes } from './time-sources.ts';

/** A record's items: the agency's settings with this assistant's manual amounts and adjustments. */
export type RecordPayItem = PayItem & { entered?: boolean };
export type RecordDeductionItem = DeductionItem & { entered?: boolean };
export interface RecordItems {
  payItems: RecordPayItem[];
  deductionItems: RecordDeductionItem[];
}

/** The agency's items; names, kinds, time sources and default amounts, never adjustments. */
export interface PayrollSettings {
  payItems: PayItem[];
  deductionItems: DeductionItem[];
}

export function defaultSettings(): PayrollSettings {
  return { payItems: defaultPayItems(), deductionItems: defaultDeductionItems() };
}

/** `<agencyId>_<YYYY-MM>_<assistantId>`: safe in a URL path, and it names the agency for the scope check. */
export function payrollIdOf(agencyId: string, month: string, assistantId: string): string {
  return `${agencyId}_${month}_${assistantId}`;
}

const PAYROLL_ID = new RegExp(`^(?<agencyId>[A-Za-z0-9-]+)_(?<month>${MONTH_SOURCE})_(?<assistantId>[A-Za-z0-9-]+)$`);

export function parsePayrollId(
  payrollId: string,
): { agencyId: string; month: string; assistantId: string } | undefined {
  const match = PAYROLL_ID.exec(payrollId);
  return match?.groups
    ? { agencyId: match.groups.agencyId!, month: match.groups.month!, assistantId: match.groups.assistantId! }
    : undefined;
}

/** What payroll reads of an assistant's line of the month's claim figures: the engine's minutes. */
export interface ClaimedMinutes {
  minutes: { byRatio: Record<string, number>; weeklyHoliday: number } & Record<PaidNonServiceType, number>;
}

/** The payroll's minutes are the claim engine's assistant minutes, as they are (no second count). */
export function minutesOf(line: ClaimedMinutes): PayrollMinutes {
  const m = line.minutes;
  return { byRatio: { ...m.byRatio }, weeklyHoliday: m.weeklyHoliday, ...paidOtherMinutes(m) };
}

/**
 * Problems of the agency's item settings. Every kind of paid time must be paid by some item even in a
 * month that has none of it, so the check runs on a month with one minute of each.
 */
export function settingsProblems(settings: PayrollSettings): FieldProblem[] {
  const everyKind: PayrollMinutes = {
    byRatio: { '1': 1 },
    weeklyHoliday: 1,
    ...(Object.fromEntries(PAID_NON_SERVICE_TYPES.map((t) => [t, 1])) as Record<PaidNonServiceType, number>),
  };
  return checkPayrollInput({
    month: '2026-01',
    hourlyWage: 10320,
    minutes: everyKind,
    payItems: settings.payItems,
    deductionItems: settings.deductionItems,
    rates: EMPLOYEE_INSURANCE_2026,
  }).filter((p) => p.field.startsWith('payItems') || p.field.startsWith('deductionItems'));
}

const hasAmount = (item: PayItem | DeductionItem) =>
  item.kind === 'fixed' || item.kind === 'incomeTax' || item.kind === 'other' || item.kind === 'localIncomeTax';

/**
 * A record's items after the settings changed or the month was computed again: the settings' items,
 * each keeping this assistant's adjustment and entered amount when an item of the same name and kind
 * was there before. Items the agency removed take their adjustments with them.
 */
export function mergeItems(settings: PayrollSettings, previous: RecordItems | undefined): RecordItems {
  const carry = <S extends PayItem | DeductionItem, P extends S & { entered?: boolean }>(item: S, before: P[]): P => {
    const old = before.find((b) => b.name.trim() === item.name.trim() && b.kind === item.kind);
    const next = { ...item, adjustment: old?.adjustment ?? null } as P;
    if (old?.entered && hasAmount(item)) {
      (next as { amount?: number | null }).amount = (old as { amount?: number | null }).amount;
      next.entered = true;
    }
    return next;
  };
  return {
    payItems: settings.payItems.map((item) => carry(item, previous?.payItems ?? [])),
    deductionItems: settings.deductionItems.map((item) => carry(item, previous?.deductionItems ?? [])),
  };
}

export interface ItemChange {
  list: 'pay' | 'deduction';
  index: number;
  /** a new amount for an item the agency enters (정액, 소득세, 기타 공제, 지방소득세); null: back to the default */
  amount?: number | null;
  /** an adjustment with its reason; null removes it */
  adjustment?: Adjustment | null;
}

/**
 * One item's entered amount or adjustment changed. Throws when the item does not exist or takes no
 * entered amount; the amounts themselves are checked by computePayroll.
 */
export function applyItemChange(items: RecordItems, settings: PayrollSettings, change: ItemChange): RecordItems {
  const list = change.list === 'pay' ? items.payItems : items.deductionItems;
  const item = list[change.index];
  const title = change.list === 'pay' ? '지급항목' : '공제항목';
  if (!item) {
    throw new RuleViolation(
      `${title} ${change.index + 1}이(가) 없습니다. 화면을 새로 고친 뒤 항목을 다시 골라 주세요.`,
      'PAYROLL_ITEM_MISSING',
    );
  }
  // one shape for both lists: the fields changed here exist on every item that takes them
  const next: { amount?: number | null; entered?: boolean; adjustment?: Adjustment | null } = { ...item };
  if (change.amount !== undefined) {
    if (!hasAmount(item)) {
      throw new RuleViolation(
        `${item.name}은(는) 시간이나 요율로 계산하는 항목이라 금액을 직접 넣을 수 없습니다. 바꾸려면 조정 금액과 사유를 넣어 주세요.`,
        'PAYROLL_ITEM_COMPUTED',
      );
    }
    if (change.amount === null) {
      const defaults: (PayItem | DeductionItem)[] = change.list === 'pay' ? settings.payItems : settings.deductionItems;
      const base = defaults.find((d) => d.name === item.name && d.kind === item.kind) as { amount?: number | null };
      next.amount = base?.amount ?? (item.kind === 'localIncomeTax' ? null : 0);
      delete next.entered;
    } else {
      next.amount = change.amount;
      next.entered = true;
    }
  }
  if (change.adjustment !== undefined) next.adjustment = change.adjustment;
  const copy: unknown[] = [...list];
  copy[change.index] = next;
  return change.list === 'pay'
    ? { ...items, payItems: copy as RecordPayItem[] }
    : { ...items, deductionItems: copy as RecordDeductionItem[] };
}

export interface InsuranceEnrolment {
  enrolledOn?: string;
  lostOn?: string;
}

/** Insured during the month: acquired by its last day and not lost before its first. */
export function enrolledIn(month: string, enrolment: InsuranceEnrolment | undefined): boolean {
  if (!enrolment?.enrolledOn) return false;
  if (enrolment.enrolledOn.slice(0, 7) > month) return false;
  return !enrolment.lostOn || enrolment.lostOn.slice(0, 7) >= month;
}

/**
 * The rate table's employee shares, with a zero share for an insurance the assistant was not enrolled
 * in that month (the register's 4대보험 취득·상실): nobody pays a premium for cover they do not have.
 * Long-term care follows health insurance.
 */
export function ratesForEnrolment(
  rates: EmployeeInsuranceRates,
  month: string,
  insurances: { pension?: InsuranceEnrolment; health?: InsuranceEnrolment; employment?: InsuranceEnrolment },
): EmployeeInsuranceRates {
  return {
    ...rates,
    pension: enrolledIn(month, insurances.pension) ? rates.pension : 0,
    health: enrolledIn(month, insurances.health) ? rates.health : 0,
    employment: enrolledIn(month, insurances.employment) ? rates.employment : 0,
  };
}

export type Computed =
  | { status: 'computed'; slip: PaySlip; problems?: undefined }
  | { status: 'problem'; slip?: undefined; problems: FieldProblem[] };

/** The slip, or the problems that keep it from being computed (kept on the record for the agency to fix). */
export function computeRecord(input: PayrollInput): Computed {
  try {
    return { status: 'computed', slip: computePayroll(input) };
  } catch (error) {
    if (error instanceof ValidationFailed) return { status: 'problem', problems: error.fields };
    throw error;
  }
}

// ─── The 급여 목록 table (seed 000), shared by the screen and the Excel file ───────────────────────

export interface ListRecord {
  payrollId: string;
  month: string;
  assistantName: string;
  birthDate?: string;
  hireDate?: string;
  status: 'computed' | 'problem';
  /** the slip as the assistant sees it: never issued, issued as it is now, or changed since */
  issue?: 'none' | 'issued' | 'changed';
  minutes: PayrollMinutes;
  slip?: Pick<PaySlip, 'payLines' | 'deductionLines' | 'grossPay' | 'totalDeductions' | 'netPay'>;
}

export interface ListColumn {
  key: string;
  header: string;
  /** won columns are right-aligned and summed; hours are shown with two decimals */
  unit: 'text' | 'hours' | 'won';
}

export interface ListTable {
  columns: ListColumn[];
  rows: Record<string, string | number | null>[];
  totals: Record<string, number>;
}

const ISSUE_LABELS = { none: '미발급', issued: '발급', changed: '발급 후 바뀜 (다시 발급 필요)' } as const;

const sumServiceMinutes = (m: PayrollMinutes) => Object.values(m.byRatio).reduce((a, b) => a + b, 0);

/**
 * Seed 000's 급여 목록: 급여연월, 근로지원인명, 생년월일, 입사일, the paid times of the claim figures, each pay
 * item, each deduction item, and 실지급액. Item columns are the union of the month's item names in
 * the order they first appear, so a record computed before a rename still has its column.
 */
export function listTable(records: readonly ListRecord[]): ListTable {
  const payNames: string[] = [];
  const deductionNames: string[] = [];
  for (const r of records) {
    for (const l of r.slip?.payLines ?? []) if (!payNames.includes(l.name)) payNames.push(l.name);
    for (const l of r.slip?.deductionLines ?? []) if (!deductionNames.includes(l.name)) deductionNames.push(l.name);
  }
  const columns: ListColumn[] = [
    { key: 'month', header: '급여연월', unit: 'text' },
    { key: 'assistantName', header: '근로지원인명', unit: 'text' },
    { key: 'birthDate', header: '생년월일', unit: 'text' },
    { key: 'hireDate', header: '입사일', unit: 'text' },
    ...TIME_SOURCES.map(
      (s): ListColumn => ({ key: `time.${s}`, header: `${TIME_SOURCE_LABELS[s]}(시간)`, unit: 'hours' }),
    ),
    ...payNames.map((name, i): ListColumn => ({ key: `pay.${i}`, header: name, unit: 'won' })),
    { key: 'grossPay', header: '지급 합계', unit: 'won' },
    ...deductionNames.map((name, i): ListColumn => ({ key: `deduction.${i}`, header: name, unit: 'won' })),
    { key: 'totalDeductions', header: '공제 합계', unit: 'won' },
    { key: 'netPay', header: '실지급액', unit: 'won' },
    { key: 'issue', header: '명세서', unit: 'text' },
  ];
  const rows = records.map((r) => {
    const row: Record<string, string | number | null> = {
      payrollId: r.payrollId,
      month: r.month,
      assistantName: r.assistantName,
      birthDate: r.birthDate ?? '',
      hireDate: r.hireDate ?? '',
    };
    for (const s of TIME_SOURCES) {
      row[`time.${s}`] = hoursOfMinutes(s === 'service' ? sumServiceMinutes(r.minutes) : r.minutes[s]);
    }
    payNames.forEach((name, i) => {
      row[`pay.${i}`] = r.slip?.payLines.find((l) => l.name === name)?.amount ?? null;
    });
    deductionNames.forEach((name, i) => {
      row[`deduction.${i}`] = r.slip?.deductionLines.find((l) => l.name === name)?.amount ?? null;
    });
    row.grossPay = r.slip?.grossPay ?? null;
    row.totalDeductions = r.slip?.totalDeductions ?? null;
    row.netPay = r.slip?.netPay ?? null;
    row.issue = ISSUE_LABELS[r.issue ?? 'none'];
    return row;
  });
  const totals: Record<string, number> = {};
  for (const column of columns) {
    if (column.unit !== 'won') continue;
    totals[column.key] = rows.reduce(
      (sum, row) => sum + (typeof row[column.key] === 'number' ? (row[column.key] as number) : 0),
      0,
    );
  }
  return { columns, rows, totals };
}
