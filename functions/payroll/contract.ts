import { z } from 'zod';
import { fileContentResponse } from '#commons/http/file-response';
import { idField, monthField, textField } from '#kernel/fields';
import { MONTH_SOURCE } from '#kernel/korea-time';
import {
  DEDUCTION_KIND_LABELS,
  MAX_DEDUCTION_ITEMS,
  MAX_ITEM_NAME_LENGTH,
  MAX_PAY_ITEMS,
  MAX_REASON_LENGTH,
  TIME_SOURCES,
} from './rules.ts';

// The contract of 급여 (SPEC D2): what the payroll routes take and answer. The web infers its types
// from here.

// ── requests ─────────────────────────────────────────────────────────────────────────────────────

const MONTH = monthField('급여연월');

export const organisationParams = z.object({ organisationId: idField('수행기관', 40) });
export const payrollParams = z.object({
  // AG-HANBIT_2026-11_AS-DEMO-01: the agency, the month and the assistant (payrollIdOf)
  payrollId: idField('급여', 100, new RegExp(`^[A-Za-z0-9-]+_${MONTH_SOURCE}_[A-Za-z0-9-]+$`)),
});

const name = textField('항목 이름', {
  max: MAX_ITEM_NAME_LENGTH,
  trim: false,
  messages: {
    required: '항목 이름을 입력해 주세요.',
    max: `항목 이름은 ${MAX_ITEM_NAME_LENGTH}자까지 쓸 수 있습니다.`,
  },
});
const won = z.number({ error: '금액을 원 단위 숫자로 입력해 주세요.' });
const insurable = z.boolean({ error: '사회보험료 계산에 넣을지 골라 주세요.' }).optional();

const payItem = z.discriminatedUnion(
  'kind',
  [
    z.object({
      name,
      kind: z.literal('time'),
      sources: z
        .array(z.enum(TIME_SOURCES, { error: '시간 종류를 목록에서 골라 주세요.' }))
        .max(TIME_SOURCES.length * 2),
      insurable,
    }),
    z.object({ name, kind: z.literal('fixed'), amount: won, insurable }),
  ],
  { error: '지급항목의 계산 방식을 시간 × 시급 또는 정액 중에서 골라 주세요.' },
);
const deductionItem = z.discriminatedUnion(
  'kind',
  [
    z.object({ name, kind: z.enum(['pension', 'health', 'longTermCare', 'employment']) }),
    z.object({ name, kind: z.enum(['incomeTax', 'other']), amount: won }),
    z.object({ name, kind: z.literal('localIncomeTax'), amount: won.nullable().optional() }),
  ],
  { error: `공제항목의 종류를 ${Object.values(DEDUCTION_KIND_LABELS).join(', ')} 중에서 골라 주세요.` },
);

export const settingsBody = z.object({
  payItems: z
    .array(payItem, { error: '지급항목 목록을 보내 주세요.' })
    .max(MAX_PAY_ITEMS, { error: `지급항목은 ${MAX_PAY_ITEMS}개까지 넣을 수 있습니다.` }),
  deductionItems: z
    .array(deductionItem, { error: '공제항목 목록을 보내 주세요.' })
    .max(MAX_DEDUCTION_ITEMS, { error: `공제항목은 ${MAX_DEDUCTION_ITEMS}개까지 넣을 수 있습니다.` }),
  revision: z.number({ error: '화면을 새로 고친 뒤 다시 저장해 주세요.' }).int().min(0),
});

export const itemBody = z.object({
  list: z.enum(['pay', 'deduction'], { error: '지급항목인지 공제항목인지 골라 주세요.' }),
  index: z.number({ error: '바꿀 항목을 골라 주세요.' }).int().min(0).max(9),
  amount: won.nullable().optional(),
  adjustment: z
    .object({
      amount: won,
      reason: textField('조정 사유', {
        min: 2,
        max: MAX_REASON_LENGTH,
        multiline: true,
        messages: {
          required: '조정 사유를 적어 주세요.',
          min: '조정 사유를 2자 이상 적어 주세요. 예: 10월 교통비 소급 지급',
          max: `조정 사유는 ${MAX_REASON_LENGTH}자까지 쓸 수 있습니다.`,
        },
      }),
    })
    .nullable()
    .optional(),
  revision: z.number({ error: '화면을 새로 고친 뒤 다시 해 주세요.' }).int().min(1),
});

export const monthQuery = z.object({ month: MONTH });

/** The rows of the month's list picked on the screen (선택), as their own workbook. */
export const pickedExportBody = z.object({
  month: MONTH,
  payrollIds: z
    .array(idField('급여', 80), { error: '내려받을 급여를 골라 주세요.' })
    .min(1, { error: '내려받을 급여를 하나 이상 골라 주세요.' })
    .max(200, { error: '한 번에 200건까지 고를 수 있습니다. 나눠서 내려받아 주세요.' }),
});
export const monthBody = z.object({ month: MONTH });

// ── responses ────────────────────────────────────────────────────────────────────────────────────

const deductionKinds = z.enum(
  Object.keys(DEDUCTION_KIND_LABELS) as [keyof typeof DEDUCTION_KIND_LABELS, ...(keyof typeof DEDUCTION_KIND_LABELS)[]],
);
export const adjustment = z.object({ amount: z.number(), reason: z.string() });

/** A pay item as stored: time × hourly wage over some kinds of time, or a fixed amount. */
export const storedPayItem = z.discriminatedUnion('kind', [
  z.object({
    name: z.string(),
    kind: z.literal('time'),
    sources: z.array(z.enum(TIME_SOURCES)),
    insurable: z.boolean().optional(),
    adjustment: adjustment.nullable().optional(),
  }),
  z.object({
    name: z.string(),
    kind: z.literal('fixed'),
    amount: z.number(),
    insurable: z.boolean().optional(),
    adjustment: adjustment.nullable().optional(),
  }),
]);

export const storedDeductionItem = z.object({
  name: z.string(),
  kind: deductionKinds,
  amount: z.number().nullable().optional(),
  adjustment: adjustment.nullable().optional(),
});

/** On a payroll record an item also says whether the agency entered its amount for this assistant (month.ts). */
const entered = { entered: z.boolean().optional() };
export const recordPayItem = z.discriminatedUnion('kind', [
  storedPayItem.options[0].extend(entered),
  storedPayItem.options[1].extend(entered),
]);
export const recordDeductionItem = storedDeductionItem.extend(entered);

export const settingsResponse = z.object({
  payItems: z.array(storedPayItem),
  deductionItems: z.array(storedDeductionItem),
  /** 0 while the agency has not saved its own items (the defaults are shown) */
  revision: z.number(),
  updatedAt: z.string().optional(),
});

const timeMinutes = z.object({ ...Object.fromEntries(TIME_SOURCES.map((source) => [source, z.number()])) } as Record<
  (typeof TIME_SOURCES)[number],
  z.ZodNumber
>);
export const slipMinutes = timeMinutes.extend({ byRatio: z.record(z.string(), z.number()) });

export const payLine = z.object({
  name: z.string(),
  kind: z.enum(['time', 'fixed']),
  sources: z.array(z.enum(TIME_SOURCES)).optional(),
  minutes: z.number().optional(),
  computed: z.number(),
  adjustment: adjustment.nullable(),
  amount: z.number(),
  insurable: z.boolean(),
});

export const deductionLine = z.object({
  name: z.string(),
  kind: deductionKinds,
  base: z.number().optional(),
  rate: z.number().optional(),
  computed: z.number(),
  adjustment: adjustment.nullable(),
  amount: z.number(),
});

/** 급여명세서 (rules.ts PaySlip). */
export const paySlip = z.object({
  month: z.string(),
  hourlyWage: z.number(),
  minutes: slipMinutes,
  payLines: z.array(payLine),
  deductionLines: z.array(deductionLine),
  grossPay: z.number(),
  insuranceBase: z.number(),
  totalDeductions: z.number(),
  netPay: z.number(),
});

const issueStates = z.enum(['none', 'issued', 'changed']);

/** One assistant's payroll of a month (routes.ts recordView). */
export const payrollRecord = z.object({
  payrollId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  month: z.string(),
  assistantId: z.string(),
  assistantName: z.string(),
  status: z.enum(['computed', 'problem']),
  source: z.enum(['claim', 'activityLogs']),
  sourceLabel: z.string(),
  rateYear: z.number(),
  rateVersion: z.number(),
  /** what the month was computed from (the claim's or the logs' figures and rates) */
  basis: z.unknown(),
  minutes: z.unknown(),
  items: z.object({ payItems: z.array(recordPayItem), deductionItems: z.array(recordDeductionItem) }),
  slip: paySlip.nullable(),
  problems: z.array(z.object({ field: z.string(), label: z.string().optional(), message: z.string() })),
  netPay: z.number().nullable(),
  issue: issueStates,
  issuedAt: z.string().nullable(),
  revision: z.number(),
  history: z.array(
    z.object({
      at: z.string(),
      by: z.string(),
      action: z.string(),
      item: z.string().optional(),
      amount: z.number().optional(),
      reason: z.string().optional(),
    }),
  ),
  computedAt: z.string(),
  updatedAt: z.string(),
});

export const listColumn = z.object({ key: z.string(), header: z.string(), unit: z.enum(['text', 'hours', 'won']) });

/** 급여 목록 (month.ts listTable). */
export const monthListResponse = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  month: z.string(),
  count: z.number(),
  problems: z.number(),
  table: z.object({
    columns: z.array(listColumn),
    rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
    totals: z.record(z.string(), z.number()),
  }),
});

export const computeResponse = z.object({
  month: z.string(),
  computed: z.number(),
  problems: z.number(),
  source: z.enum(['claim', 'activityLogs']),
});

export const issueResponse = z.object({ month: z.string(), issued: z.number(), problems: z.number() });

export const mySlipsResponse = z.object({
  slips: z.array(
    z.object({
      payrollId: z.string(),
      month: z.string(),
      agencyName: z.string(),
      minutes: slipMinutes,
      grossPay: z.number(),
      totalDeductions: z.number(),
      netPay: z.number(),
      issuedAt: z.string().optional(),
    }),
  ),
});

/** 급여 목록 엑셀 and 급여명세서 PDF, inside the JSON. */
export const payrollFileResponse = fileContentResponse;

export type Adjustment = z.output<typeof adjustment>;
export type PayItem = z.output<typeof storedPayItem>;
export type DeductionItem = z.output<typeof storedDeductionItem>;
export type Settings = z.output<typeof settingsResponse>;
export type ListColumn = z.output<typeof listColumn>;
export type MonthList = z.output<typeof monthListResponse>;
/** A line of either list as a slip shows it: the fields of both kinds, each optional where the other lacks it. */
export type Line = Partial<Omit<z.output<typeof payLine>, 'kind'> & Omit<z.output<typeof deductionLine>, 'kind'>> &
  Pick<z.output<typeof payLine>, 'name' | 'computed' | 'adjustment' | 'amount'> & {
    kind: z.output<typeof payLine>['kind'] | z.output<typeof deductionLine>['kind'];
  };
export type Slip = z.output<typeof paySlip>;
export type PayrollRecord = z.output<typeof payrollRecord>;
export type MySlip = z.output<typeof mySlipsResponse>['slips'][number];
