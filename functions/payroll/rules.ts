import { isMonth } from '#kernel/korea-time';
// Payroll arithmetic for one work assistant and one month (SPEC D2, issue 9 §3): pay lines from the
// month's claim figures and the agency's own items, the employee's social-insurance deductions from the
// rate table, manual tax items, adjustments with a reason, and net pay. Pure: no clock, no I/O, no AWS.
//
// Money is whole won in BigInt; rates are exact decimals (at most six places) scaled by 10^6, as in the
// claim engine, so 2,476,800 × 4.75% is exactly 117,648 and never 117,647.99999999999.
//
// Rounding, in one place (README "Payroll"):
// - Time pay: wage × minutes ÷ 60 summed exactly over all time items and truncated to whole won once,
//   so the time items add up to the claim's pay A; the won lost to each item's truncation are handed
//   back by largest remainder (ties to the earlier item).
// - National pension: the base (기준소득월액) is truncated to 1,000 won (국민연금법 시행령 §5) and held
//   within the rate table's floor and ceiling when it has them; the contribution is truncated to 10 won.
// - Health, long-term care (a share of the health contribution, 국민건강보험법 시행령 §44) and
//   employment insurance: truncated to 10 won, as the insurers' notices are (원 단위 절사: 10원 미만 버림).
// - Income tax follows the simplified tax table (간이세액표), which is not built: the agency enters it.
//   Local income tax is 10% of income tax truncated to 10 won (지방세법 §103-13), unless entered.

import type { FieldProblem } from '#commons/errors';
import { ValidationFailed } from '#commons/errors';
import { DEFAULT_EMPLOYEE_INSURANCE_2026 } from '#functions/rates/rules';
import type { PaidNonServiceType } from '#kernel/attendance-kinds';
import { hasAtMostSixDecimals, mulFloor, RATE_SCALE, toSafeNumber, toScaled } from '#kernel/decimal';

export const MAX_PAY_ITEMS = 10;
export const MAX_DEDUCTION_ITEMS = 10;
export const MAX_ITEM_NAME_LENGTH = 20;
export const MAX_REASON_LENGTH = 200;
/** 100 billion won: far above any month's pay, well inside exact JSON numbers. */
const MAX_AMOUNT = 100_000_000_000;

import { paidOtherMinutes, TIME_SOURCE_LABELS, TIME_SOURCES, type TimeSource } from './time-sources.ts';

export { TIME_SOURCE_LABELS, TIME_SOURCES, type TimeSource };

export type InsuranceKind = 'pension' | 'health' | 'longTermCare' | 'employment';
export type DeductionKind = InsuranceKind | 'incomeTax' | 'localIncomeTax' | 'other';

export const DEDUCTION_KIND_LABELS: Record<DeductionKind, string> = {
  pension: '국민연금',
  health: '건강보험',
  longTermCare: '장기요양보험',
  employment: '고용보험',
  incomeTax: '소득세',
  localIncomeTax: '지방소득세',
  other: '기타 공제',
};

/**
 * The employee's shares, 2026 (SPEC §4.5), as the rate table defines them (one place for each figure):
 * the payroll of a month reads the year's table, this is only its default.
 */
export const EMPLOYEE_INSURANCE_2026: EmployeeInsuranceRates = DEFAULT_EMPLOYEE_INSURANCE_2026;

export interface EmployeeInsuranceRates {
  /** national pension, employee share of the base */
  pension: number;
  /** health insurance, employee share of the base */
  health: number;
  /** long-term care, as a share of the health contribution */
  longTermCare: number;
  /** employment insurance (unemployment benefit), employee share */
  employment: number;
  /** national pension base floor and ceiling in won (기준소득월액 하한·상한), when the rate table has them */
  pensionBaseFloor?: number | null;
  pensionBaseCeiling?: number | null;
}

/** Minutes of each paid time; the paid attendance kinds come from functions/kernel/attendance-kinds.ts. */
export interface PayrollMinutes extends Record<PaidNonServiceType, number> {
  /** service minutes by concurrent-support ratio: "1" 단독, "2" 1:2, "3" 1:3 */
  byRatio: Record<string, number>;
  weeklyHoliday: number;
}

export interface Adjustment {
  /** won added to the computed amount; negative to reduce it */
  amount: number;
  reason: string;
}

interface ItemBase {
  name: string;
  adjustment?: Adjustment | null;
}

/** Paid by the hour: the listed times of the month × the hourly wage. */
export interface TimePayItem extends ItemBase {
  kind: 'time';
  sources: readonly TimeSource[];
  /** counts toward the social-insurance base; default true */
  insurable?: boolean;
}

/** A fixed amount the agency enters (식대, 교통비 …). */
export interface FixedPayItem extends ItemBase {
  kind: 'fixed';
  amount: number;
  /** counts toward the social-insurance base; default true (set false for 비과세 식대 and the like) */
  insurable?: boolean;
}

export type PayItem = TimePayItem | FixedPayItem;

export interface InsuranceDeduction extends ItemBase {
  kind: InsuranceKind;
}

export interface ManualDeduction extends ItemBase {
  kind: 'incomeTax' | 'other';
  amount: number;
}

export interface LocalIncomeTaxDeduction extends ItemBase {
  kind: 'localIncomeTax';
  /** entered by the agency; when absent, 10% of the income tax item */
  amount?: number | null;
}

export type DeductionItem = InsuranceDeduction | ManualDeduction | LocalIncomeTaxDeduction;

export interface PayrollInput {
  /** YYYY-MM */
  month: string;
  /** won per hour, at most six decimal places */
  hourlyWage: number;
  /** when given, an hourly wage below it is refused (최저임금법 §6) */
  minimumWage?: number | null;
  /** per-ratio premium factors, as the claim uses them; default 1 for every ratio */
  premiumByRatio?: Record<string, number> | null;
  minutes: PayrollMinutes;
  payItems: readonly PayItem[];
  deductionItems: readonly DeductionItem[];
  rates: EmployeeInsuranceRates;
}

export interface PayLine {
  name: string;
  kind: PayItem['kind'];
  sources?: TimeSource[];
  /** time items: the minutes paid (service minutes of every ratio plus the other listed times) */
  minutes?: number;
  computed: number;
  adjustment: Adjustment | null;
  amount: number;
  insurable: boolean;
}

export interface DeductionLine {
  name: string;
  kind: DeductionKind;
  /** what the rate applied to: the insurance base (pension: after truncation and limits), or the health contribution, or the income tax */
  base?: number;
  rate?: number;
  computed: number;
  adjustment: Adjustment | null;
  amount: number;
}

export interface PaySlip {
  month: string;
  hourlyWage: number;
  minutes: Record<TimeSource, number> & { byRatio: Record<string, number> };
  payLines: PayLine[];
  deductionLines: DeductionLine[];
  grossPay: number;
  /** the pay the social-insurance deductions are computed on (insurable pay lines) */
  insuranceBase: number;
  totalDeductions: number;
  netPay: number;
}

/** Six time items, one per kind of paid time; agencies rename or merge them and add fixed items. */
export function defaultPayItems(): PayItem[] {
  return [
    { name: '기본급(서비스)', kind: 'time', sources: ['service'] },
    { name: '주휴수당', kind: 'time', sources: ['weeklyHoliday'] },
    { name: '유급휴가수당', kind: 'time', sources: ['paidLeave'] },
    { name: '유급휴일수당', kind: 'time', sources: ['holiday'] },
    { name: '공가수당', kind: 'time', sources: ['officialLeave'] },
    { name: '교육수당', kind: 'time', sources: ['training'] },
  ];
}

/** The four insurances, then income tax as entered and local income tax at 10% of it. */
export function defaultDeductionItems(incomeTax = 0): DeductionItem[] {
  return [
    { name: '국민연금', kind: 'pension' },
    { name: '건강보험', kind: 'health' },
    { name: '장기요양보험', kind: 'longTermCare' },
    { name: '고용보험', kind: 'employment' },
    { name: '소득세', kind: 'incomeTax', amount: incomeTax },
    { name: '지방소득세', kind: 'localIncomeTax' },
  ];
}

// ─── Validation ───────────────────────────────────────────────────────────────────────────────────

const RATIO_KEY = /^[1-9][0-9]*$/;

/** 1234567 → "1,234,567" without depending on the runtime's locale data. */
export function formatWon(value: number | bigint): string {
  const text = String(value);
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  return (negative ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function itemName(list: 'pay' | 'deduction', index: number, name: unknown): string {
  const title = `${list === 'pay' ? '지급항목' : '공제항목'} ${index + 1}`;
  return typeof name === 'string' && name.trim() !== '' ? `${title}(${name.trim()})` : title;
}

const isWholeWon = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_AMOUNT;

function isRate(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value < 1 && hasAtMostSixDecimals(value);
}

function totalServiceMinutes(minutes: PayrollMinutes): number {
  let total = 0;
  for (const value of Object.values(minutes.byRatio ?? {})) total += value;
  return total;
}

function sourceMinutes(minutes: PayrollMinutes, source: TimeSource): number {
  return source === 'service' ? totalServiceMinutes(minutes) : minutes[source];
}

function checkAdjustment(
  adjustment: Adjustment | null | undefined,
  field: string,
  name: string,
  problems: FieldProblem[],
): void {
  if (adjustment == null) return;
  if (!isWholeWon(adjustment.amount)) {
    problems.push({
      field: `${field}.adjustment.amount`,
      label: `${name} 조정 금액`,
      message: `${name}의 조정 금액은 원 단위 정수로 넣어 주세요. 줄일 때는 앞에 -를 붙입니다.`,
    });
  }
  const reason = typeof adjustment.reason === 'string' ? adjustment.reason.trim() : '';
  if (reason === '') {
    problems.push({
      field: `${field}.adjustment.reason`,
      label: `${name} 조정 사유`,
      message: `${name}을(를) 조정하려면 조정 사유를 적어 주세요.`,
    });
  } else if (reason.length > MAX_REASON_LENGTH) {
    problems.push({
      field: `${field}.adjustment.reason`,
      label: `${name} 조정 사유`,
      message: `${name}의 조정 사유는 ${MAX_REASON_LENGTH}자까지 쓸 수 있습니다. 줄여 주세요.`,
    });
  }
}

function checkNames(items: readonly ItemBase[], list: 'pay' | 'deduction', problems: FieldProblem[]): void {
  const field = list === 'pay' ? 'payItems' : 'deductionItems';
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const name = itemName(list, index, item.name);
    const trimmed = typeof item.name === 'string' ? item.name.trim() : '';
    if (trimmed === '') {
      problems.push({
        field: `${field}.${index}.name`,
        label: `${name} 이름`,
        message: `${name}의 이름을 적어 주세요.`,
      });
    } else if (trimmed.length > MAX_ITEM_NAME_LENGTH) {
      problems.push({
        field: `${field}.${index}.name`,
        label: `${name} 이름`,
        message: `${name}의 이름은 ${MAX_ITEM_NAME_LENGTH}자까지 쓸 수 있습니다. 줄여 주세요.`,
      });
    } else if (seen.has(trimmed)) {
      problems.push({
        field: `${field}.${index}.name`,
        label: `${name} 이름`,
        message: `이름 "${trimmed}"이(가) ${list === 'pay' ? '지급항목' : '공제항목'} ${seen.get(trimmed)! + 1}에도 있습니다. 서로 다른 이름을 써 주세요.`,
      });
    } else {
      seen.set(trimmed, index);
    }
  });
}

function checkCount(items: readonly unknown[], list: 'pay' | 'deduction', problems: FieldProblem[]): void {
  const max = list === 'pay' ? MAX_PAY_ITEMS : MAX_DEDUCTION_ITEMS;
  const title = list === 'pay' ? '지급항목' : '공제항목';
  if (items.length > max) {
    problems.push({
      field: list === 'pay' ? 'payItems' : 'deductionItems',
      label: title,
      message: `${title}은 ${max}개까지 넣을 수 있습니다. 지금 ${items.length}개이니 ${items.length - max}개를 지우거나 합쳐 주세요.`,
    });
  }
}

function checkPayItems(input: PayrollInput, problems: FieldProblem[]): void {
  const items = input.payItems;
  checkCount(items, 'pay', problems);
  checkNames(items, 'pay', problems);
  const paidBy = new Map<TimeSource, number>();
  items.forEach((item, index) => {
    const field = `payItems.${index}`;
    const name = itemName('pay', index, item.name);
    if (item.kind === 'time') {
      const sources: readonly TimeSource[] = Array.isArray(item.sources) ? item.sources : [];
      if (sources.length === 0) {
        problems.push({
          field: `${field}.sources`,
          label: `${name} 시간 종류`,
          message: `${name}에 지급할 시간 종류(${TIME_SOURCES.map((s) => TIME_SOURCE_LABELS[s]).join(', ')})를 하나 이상 골라 주세요.`,
        });
      }
      sources.forEach((source, s) => {
        if (!(TIME_SOURCES as readonly string[]).includes(source)) {
          problems.push({
            field: `${field}.sources.${s}`,
            label: `${name} 시간 종류`,
            message: `${name}의 시간 종류 "${String(source)}"은(는) 없는 값입니다. ${TIME_SOURCES.map((t) => TIME_SOURCE_LABELS[t]).join(', ')} 중에서 골라 주세요.`,
          });
          return;
        }
        const earlier = paidBy.get(source);
        if (earlier !== undefined) {
          problems.push({
            field: `${field}.sources.${s}`,
            label: `${name} 시간 종류`,
            message:
              earlier === index
                ? `${name}에 ${TIME_SOURCE_LABELS[source]} 시간이 두 번 들어 있습니다. 한 번만 넣어 주세요.`
                : `${TIME_SOURCE_LABELS[source]} 시간이 ${itemName('pay', earlier, items[earlier]!.name)}에도 들어 있어 두 번 지급됩니다. 한 항목에만 넣어 주세요.`,
          });
          return;
        }
        paidBy.set(source, index);
      });
    } else if (item.kind === 'fixed') {
      if (!isWholeWon(item.amount) || item.amount < 0) {
        problems.push({
          field: `${field}.amount`,
          label: `${name} 금액`,
          message: `${name}의 금액은 0원 이상의 원 단위 정수로 넣어 주세요.`,
        });
      }
    } else {
      problems.push({
        field: `${field}.kind`,
        label: `${name} 계산 방식`,
        message: `${name}의 계산 방식을 시간 × 시급(time) 또는 정액(fixed) 중에서 골라 주세요.`,
      });
    }
    if (item.insurable !== undefined && typeof item.insurable !== 'boolean') {
      problems.push({
        field: `${field}.insurable`,
        label: `${name} 보험료 포함 여부`,
        message: `${name}을(를) 사회보험료 계산에 넣을지 예(true) 또는 아니오(false)로 골라 주세요.`,
      });
    }
    checkAdjustment(item.adjustment, field, name, problems);
  });
  // Paid time that no item pays would silently vanish from the slip.
  for (const source of TIME_SOURCES) {
    const minutes = sourceMinutes(input.minutes, source);
    if (minutes > 0 && !paidBy.has(source)) {
      problems.push({
        field: 'payItems',
        label: '지급항목',
        message: `${TIME_SOURCE_LABELS[source]} 시간(${formatWon(minutes)}분)을 지급할 항목이 없습니다. 시간 지급항목의 시간 종류에 ${TIME_SOURCE_LABELS[source]}을(를) 넣어 주세요.`,
      });
    }
  }
}

const SINGLE_KINDS: readonly DeductionKind[] = [
  'pension',
  'health',
  'longTermCare',
  'employment',
  'incomeTax',
  'localIncomeTax',
];

function checkDeductionItems(input: PayrollInput, problems: FieldProblem[]): void {
  const items = input.deductionItems;
  checkCount(items, 'deduction', problems);
  checkNames(items, 'deduction', problems);
  const seenKinds = new Map<DeductionKind, number>();
  items.forEach((item, index) => {
    const field = `deductionItems.${index}`;
    const name = itemName('deduction', index, item.name);
    const kind = item.kind;
    if (!Object.hasOwn(DEDUCTION_KIND_LABELS, kind)) {
      problems.push({
        field: `${field}.kind`,
        label: `${name} 종류`,
        message: `${name}의 종류를 ${Object.values(DEDUCTION_KIND_LABELS).join(', ')} 중에서 골라 주세요.`,
      });
      return;
    }
    if (SINGLE_KINDS.includes(kind)) {
      const earlier = seenKinds.get(kind);
      if (earlier !== undefined) {
        problems.push({
          field: `${field}.kind`,
          label: `${name} 종류`,
          message: `${DEDUCTION_KIND_LABELS[kind]} 공제가 ${itemName('deduction', earlier, items[earlier]!.name)}에도 있습니다. 하나만 남겨 주세요.`,
        });
      } else {
        seenKinds.set(kind, index);
      }
    }
    if (kind === 'incomeTax' || kind === 'other') {
      if (!isWholeWon(item.amount) || item.amount < 0) {
        problems.push({
          field: `${field}.amount`,
          label: `${name} 금액`,
          message: `${name}의 금액은 0원 이상의 원 단위 정수로 넣어 주세요.`,
        });
      }
    } else if (kind === 'localIncomeTax' && item.amount != null && (!isWholeWon(item.amount) || item.amount < 0)) {
      problems.push({
        field: `${field}.amount`,
        label: `${name} 금액`,
        message: `${name}의 금액은 0원 이상의 원 단위 정수로 넣거나, 소득세의 10%로 계산하려면 비워 두세요.`,
      });
    }
    checkAdjustment(item.adjustment, field, name, problems);
  });
  const local = items.findIndex((item) => item.kind === 'localIncomeTax' && item.amount == null);
  if (local >= 0 && !seenKinds.has('incomeTax')) {
    problems.push({
      field: `deductionItems.${local}.amount`,
      label: `${itemName('deduction', local, items[local]!.name)} 금액`,
      message:
        '지방소득세를 소득세의 10%로 계산하려면 소득세 공제항목이 필요합니다. 소득세 항목을 넣거나 지방소득세 금액을 직접 적어 주세요.',
    });
  }
}

const RATE_LABELS: Record<InsuranceKind, { label: string; example: string }> = {
  pension: { label: '국민연금 근로자 부담률', example: '0.0475' },
  health: { label: '건강보험 근로자 부담률', example: '0.03595' },
  longTermCare: { label: '장기요양보험료율(건강보험료 대비)', example: '0.1314' },
  employment: { label: '고용보험 근로자 부담률', example: '0.009' },
};

function checkRates(rates: EmployeeInsuranceRates, problems: FieldProblem[]): void {
  for (const kind of Object.keys(RATE_LABELS) as InsuranceKind[]) {
    if (!isRate(rates[kind])) {
      const { label, example } = RATE_LABELS[kind];
      problems.push({
        field: `rates.${kind}`,
        label,
        message: `${label}은 0 이상 1 미만의 소수로, 소수점 아래 6자리까지 넣어 주세요. 예: ${example}`,
      });
    }
  }
  const floor = rates.pensionBaseFloor;
  const ceiling = rates.pensionBaseCeiling;
  for (const [key, value, label] of [
    ['pensionBaseFloor', floor, '국민연금 기준소득월액 하한'],
    ['pensionBaseCeiling', ceiling, '국민연금 기준소득월액 상한'],
  ] as const) {
    if (value != null && (!isWholeWon(value) || value <= 0)) {
      problems.push({
        field: `rates.${key}`,
        label,
        message: `${label}은 0원보다 큰 원 단위 정수로 넣거나 비워 두세요.`,
      });
    }
  }
  if (isWholeWon(floor) && isWholeWon(ceiling) && floor > ceiling) {
    problems.push({
      field: 'rates.pensionBaseCeiling',
      label: '국민연금 기준소득월액 상한',
      message: `국민연금 기준소득월액 상한(${formatWon(ceiling)}원)이 하한(${formatWon(floor)}원)보다 작습니다. 두 값을 확인해 주세요.`,
    });
  }
}

function checkMinutes(input: PayrollInput, problems: FieldProblem[]): void {
  const minutes = input.minutes;
  const bad = (value: unknown) => typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 1e7;
  const byRatio = minutes.byRatio ?? {};
  for (const [key, value] of Object.entries(byRatio)) {
    const ratioLabel = key === '1' ? '단독' : `1:${key}`;
    if (!RATIO_KEY.test(key)) {
      problems.push({
        field: `minutes.byRatio.${key}`,
        label: '서비스 시간',
        message: `서비스 시간의 비율 "${key}"은(는) 1, 2, 3 같은 숫자여야 합니다.`,
      });
    } else if (bad(value)) {
      problems.push({
        field: `minutes.byRatio.${key}`,
        label: `서비스 시간(${ratioLabel})`,
        message: `서비스 시간(${ratioLabel})은 0 이상의 정수(분)로 넣어 주세요.`,
      });
    } else if (value > 0 && input.premiumByRatio != null && input.premiumByRatio[key] === undefined) {
      problems.push({
        field: `premiumByRatio.${key}`,
        label: `${ratioLabel} 가산율`,
        message: `${ratioLabel} 서비스 시간이 있는데 ${ratioLabel} 가산율이 없습니다. 요율표에 가산율을 넣어 주세요 (가산이 없으면 1).`,
      });
    }
  }
  for (const source of TIME_SOURCES) {
    if (source !== 'service' && bad(minutes[source])) {
      problems.push({
        field: `minutes.${source}`,
        label: `${TIME_SOURCE_LABELS[source]} 시간`,
        message: `${TIME_SOURCE_LABELS[source]} 시간은 0 이상의 정수(분)로 넣어 주세요.`,
      });
    }
  }
  for (const [key, value] of Object.entries(input.premiumByRatio ?? {})) {
    if (typeof value !== 'number' || value < 0 || value > 10 || !hasAtMostSixDecimals(value)) {
      problems.push({
        field: `premiumByRatio.${key}`,
        label: '동시지원 가산율',
        message: `동시지원 가산율 "${key}"은(는) 0부터 10 사이의 수로, 소수점 아래 6자리까지 넣어 주세요. 예: 1 또는 1.2`,
      });
    }
  }
}

/** Every problem with the input, each naming the field and saying how to fix it. Empty when valid. */
export function checkPayrollInput(input: PayrollInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (typeof input.month !== 'string' || !isMonth(input.month)) {
    problems.push({
      field: 'month',
      label: '급여연월',
      message: '급여연월을 YYYY-MM 형식으로 넣어 주세요. 예: 2026-03',
    });
  }
  const wage = input.hourlyWage;
  if (typeof wage !== 'number' || !(wage > 0) || wage > 1_000_000 || !hasAtMostSixDecimals(wage)) {
    problems.push({
      field: 'hourlyWage',
      label: '시급',
      message: '시급은 0원보다 큰 금액으로, 소수점 아래 6자리까지 넣어 주세요. 예: 10320',
    });
  } else if (input.minimumWage != null && wage < input.minimumWage) {
    problems.push({
      field: 'hourlyWage',
      label: '시급',
      message: `시급 ${formatWon(wage)}원이 최저임금 ${formatWon(input.minimumWage)}원보다 낮습니다. 최저임금 이상으로 고쳐 주세요 (최저임금법 제6조).`,
    });
  }
  checkMinutes(input, problems);
  checkRates(input.rates, problems);
  checkPayItems(input, problems);
  checkDeductionItems(input, problems);
  return problems;
}

// ─── Arithmetic ───────────────────────────────────────────────────────────────────────────────────

const floorTo = (value: bigint, unit: bigint) => (value / unit) * unit;

function adjusted(computed: bigint, adjustment: Adjustment | null | undefined): bigint {
  return computed + BigInt(adjustment?.amount ?? 0);
}

function cleanAdjustment(adjustment: Adjustment | null | undefined): Adjustment | null {
  return adjustment == null ? null : { amount: adjustment.amount, reason: adjustment.reason.trim() };
}

/**
 * Time pay for each time item: exact sums over minutes, truncated once in total, the truncated won
 * handed back by largest remainder. Returns whole won per item index (undefined for fixed items).
 */
function timePay(input: PayrollInput): { pay: Map<number, bigint>; minutes: Map<number, number> } {
  const wage = toScaled(input.hourlyWage);
  const premium = (key: string) => toScaled(input.premiumByRatio?.[key] ?? 1);
  // each item's pay × (60 × 10^12): wage (×10^6) × payable minutes (×10^6)
  const denominator = 60n * RATE_SCALE * RATE_SCALE;
  const numerators = new Map<number, bigint>();
  const minutes = new Map<number, number>();
  input.payItems.forEach((item, index) => {
    if (item.kind !== 'time') return;
    let payable = 0n;
    let paidMinutes = 0;
    for (const source of item.sources) {
      if (source === 'service') {
        for (const [key, value] of Object.entries(input.minutes.byRatio)) payable += BigInt(value) * premium(key);
      } else {
        payable += BigInt(input.minutes[source]) * RATE_SCALE;
      }
      paidMinutes += sourceMinutes(input.minutes, source);
    }
    numerators.set(index, wage * payable);
    minutes.set(index, paidMinutes);
  });
  let exactTotal = 0n;
  for (const value of numerators.values()) exactTotal += value;
  const total = exactTotal / denominator;
  const pay = new Map<number, bigint>();
  let given = 0n;
  for (const [index, value] of numerators) {
    pay.set(index, value / denominator);
    given += value / denominator;
  }
  const order = [...numerators.keys()].sort((a, b) => {
    const ra = numerators.get(a)! % denominator;
    const rb = numerators.get(b)! % denominator;
    return ra > rb ? -1 : ra < rb ? 1 : a - b;
  });
  for (let i = 0n; i < total - given; i++) {
    const index = order[Number(i)]!;
    pay.set(index, pay.get(index)! + 1n);
  }
  return { pay, minutes };
}

/**
 * The pay slip of one assistant and month. Throws ValidationFailed listing every problem: the input's
 * (checkPayrollInput), then any line that an adjustment makes negative, then deductions above pay.
 */
export function computePayroll(input: PayrollInput): PaySlip {
  const problems = checkPayrollInput(input);
  if (problems.length > 0) throw new ValidationFailed(problems, '급여 계산에 필요한 내용을 확인해 주세요.');

  const time = timePay(input);
  const payLines: PayLine[] = input.payItems.map((item, index) => {
    const computed = item.kind === 'time' ? time.pay.get(index)! : BigInt(item.amount);
    const amount = adjusted(computed, item.adjustment);
    const line: PayLine = {
      name: item.name.trim(),
      kind: item.kind,
      computed: toSafeNumber(computed, 'computed pay'),
      adjustment: cleanAdjustment(item.adjustment),
      amount: toSafeNumber(amount, 'pay'),
      insurable: item.insurable ?? true,
    };
    if (item.kind === 'time') {
      line.sources = [...item.sources];
      line.minutes = time.minutes.get(index)!;
    }
    return line;
  });
  let gross = 0n;
  let base = 0n;
  for (const line of payLines) {
    gross += BigInt(line.amount);
    if (line.insurable) base += BigInt(line.amount);
  }
  if (base < 0n) base = 0n;

  const rates = input.rates;
  const pensionBase = pensionBaseOf(base, rates);
  const healthComputed = floorTo(mulFloor(base, toScaled(rates.health)), 10n);
  const incomeTaxItem = input.deductionItems.find((item) => item.kind === 'incomeTax') as ManualDeduction | undefined;
  const incomeTax = incomeTaxItem === undefined ? 0n : adjusted(BigInt(incomeTaxItem.amount), incomeTaxItem.adjustment);

  const deductionLines: DeductionLine[] = input.deductionItems.map((item) => {
    let computed: bigint;
    let lineBase: bigint | undefined;
    let rate: number | undefined;
    switch (item.kind) {
      case 'pension':
        lineBase = pensionBase;
        rate = rates.pension;
        computed = floorTo(mulFloor(pensionBase, toScaled(rate)), 10n);
        break;
      case 'health':
        lineBase = base;
        rate = rates.health;
        computed = healthComputed;
        break;
      case 'longTermCare':
        // a share of the health contribution as computed, before any adjustment of the health line
        lineBase = healthComputed;
        rate = rates.longTermCare;
        computed = floorTo(mulFloor(healthComputed, toScaled(rate)), 10n);
        break;
      case 'employment':
        lineBase = base;
        rate = rates.employment;
        computed = floorTo(mulFloor(base, toScaled(rate)), 10n);
        break;
      case 'localIncomeTax':
        if (item.amount != null) {
          computed = BigInt(item.amount);
        } else {
          lineBase = incomeTax < 0n ? 0n : incomeTax;
          rate = 0.1;
          computed = floorTo(lineBase / 10n, 10n);
        }
        break;
      default:
        computed = BigInt(item.amount);
    }
    const line: DeductionLine = {
      name: item.name.trim(),
      kind: item.kind,
      computed: toSafeNumber(computed, 'computed deduction'),
      adjustment: cleanAdjustment(item.adjustment),
      amount: toSafeNumber(adjusted(computed, item.adjustment), 'deduction'),
    };
    if (lineBase !== undefined) line.base = toSafeNumber(lineBase, 'deduction base');
    if (rate !== undefined) line.rate = rate;
    return line;
  });
  let totalDeductions = 0n;
  for (const line of deductionLines) totalDeductions += BigInt(line.amount);
  const net = gross - totalDeductions;

  const after: FieldProblem[] = [];
  const negativeLine = (list: 'pay' | 'deduction', index: number, line: PayLine | DeductionLine) => {
    if (line.amount >= 0) return;
    const name = itemName(list, index, line.name);
    after.push({
      field: `${list === 'pay' ? 'payItems' : 'deductionItems'}.${index}.adjustment.amount`,
      label: `${name} 조정 금액`,
      message: `${name}의 조정 후 금액이 ${formatWon(line.amount)}원입니다. 0원 이상이 되도록 조정 금액을 고쳐 주세요.`,
    });
  };
  payLines.forEach((line, index) => {
    negativeLine('pay', index, line);
  });
  deductionLines.forEach((line, index) => {
    negativeLine('deduction', index, line);
  });
  if (after.length === 0 && net < 0n) {
    after.push({
      field: 'deductionItems',
      label: '공제항목',
      message: `공제 합계(${formatWon(totalDeductions)}원)가 지급 합계(${formatWon(gross)}원)보다 많습니다. 공제항목 금액이나 조정을 확인해 주세요.`,
    });
  }
  if (after.length > 0) throw new ValidationFailed(after, '급여 계산 결과를 확인해 주세요.');

  const minutes = {
    byRatio: { ...input.minutes.byRatio },
    service: totalServiceMinutes(input.minutes),
    weeklyHoliday: input.minutes.weeklyHoliday,
    ...paidOtherMinutes(input.minutes),
  };
  return {
    month: input.month,
    hourlyWage: input.hourlyWage,
    minutes,
    payLines,
    deductionLines,
    grossPay: toSafeNumber(gross, 'gross pay'),
    insuranceBase: toSafeNumber(base, 'insurance base'),
    totalDeductions: toSafeNumber(totalDeductions, 'total deductions'),
    netPay: toSafeNumber(net, 'net pay'),
  };
}

/** 기준소득월액: the base truncated to 1,000 won, held within the floor and ceiling; no pay, no base. */
export function pensionBaseOf(
  base: bigint,
  rates: Pick<EmployeeInsuranceRates, 'pensionBaseFloor' | 'pensionBaseCeiling'>,
): bigint {
  if (base <= 0n) return 0n;
  let pensionBase = floorTo(base, 1000n);
  if (rates.pensionBaseFloor != null && pensionBase < BigInt(rates.pensionBaseFloor)) {
    pensionBase = BigInt(rates.pensionBaseFloor);
  }
  if (rates.pensionBaseCeiling != null && pensionBase > BigInt(rates.pensionBaseCeiling)) {
    pensionBase = BigInt(rates.pensionBaseCeiling);
  }
  return pensionBase;
}
