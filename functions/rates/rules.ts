import { z } from 'zod';
import { hasAtMostSixDecimals } from '#kernel/decimal';
import { idField, textField } from '#kernel/fields';

/**
 * Yearly rate tables (SPEC §4.5, issue 8 §2), pure. hq edits them; every edit is a new version, and a
 * claim stores the version and the rates it used. Agencies may carry their own industrial-accident
 * and operating-cost rates, which override the table's defaults.
 */

const RATIO_KEY_SHAPE = /^[1-9][0-9]*$/;

const rate = z
  .number()
  .nonnegative({ error: '0 이상이어야 합니다 (must be ≥ 0).' })
  .refine(hasAtMostSixDecimals, { error: '소수점 아래 6자리까지만 쓸 수 있습니다 (at most 6 decimal places).' });

const byRatio = z
  .record(z.string().regex(RATIO_KEY_SHAPE, { error: '비율 키는 "1"부터 maxConcurrency까지의 숫자여야 합니다.' }), rate)
  .meta({ description: 'One value per ratio: keys "1" to String(maxConcurrency), every one present.' });

/**
 * The rates as the claim engine reads them (its input's `rates`): one table version's figures for one
 * agency. Their shape lives here, with the rate table, and the engine's schema uses it.
 */
export const RatesSchema = z
  .object({
    hourlyWage: rate.meta({ description: 'won per hour' }),
    maxConcurrency: z
      .number()
      .int({ error: '정수여야 합니다 (must be an integer).' })
      .min(1, { error: '1 이상이어야 합니다 (must be ≥ 1).' }),
    premiumByRatio: byRatio,
    copayPerHourByRatio: byRatio,
    copayMonthlyCap: rate.nullable().meta({ description: 'won per worker and month; null for no cap' }),
    socialInsurance: z.object({
      pension: rate,
      health: rate,
      longTermCare: rate.meta({ description: 'share of the health contribution' }),
      employment: rate,
      industrialAccident: rate,
    }),
    operatingCostRate: rate,
    severanceRate: rate,
  })
  // Runs even when other rate fields are wrong, so one pass lists every problem with the ratio keys.
  .superRefine(checkRatioKeys, { when: (payload) => maxConcurrencyOf(payload.value) !== undefined });

function maxConcurrencyOf(rates: unknown): number | undefined {
  const max = (rates as { maxConcurrency?: unknown } | null)?.maxConcurrency;
  return typeof max === 'number' && Number.isInteger(max) && max >= 1 ? max : undefined;
}

function checkRatioKeys(rates: unknown, ctx: z.RefinementCtx): void {
  const max = maxConcurrencyOf(rates)!;
  for (const field of ['premiumByRatio', 'copayPerHourByRatio'] as const) {
    const table = (rates as Record<string, unknown>)[field];
    if (table === null || typeof table !== 'object' || Array.isArray(table)) continue;
    const keys = new Set(Object.keys(table));
    for (const key of keys) {
      if (RATIO_KEY_SHAPE.test(key) && Number(key) > max) {
        ctx.addIssue({
          code: 'custom',
          path: [field, key],
          input: (table as Record<string, unknown>)[key],
          message: `비율 "${key}"은(는) maxConcurrency(${max})보다 큽니다. 키는 "1"부터 "${max}"까지만 쓸 수 있습니다 (ratio key above maxConcurrency).`,
        });
      }
    }
    for (let k = 1; k <= max; k++) {
      if (!keys.has(String(k))) {
        ctx.addIssue({
          code: 'custom',
          path: [field, String(k)],
          input: undefined,
          message: `비율 "${k}"의 값이 없습니다. "1"부터 "${max}"까지 모두 넣어 주세요 (missing ratio key).`,
        });
      }
    }
  }
}

export type ClaimRates = z.infer<typeof RatesSchema>;

export const AgencyOverrideSchema = z.object({
  industrialAccident: RatesSchema.shape.socialInsurance.shape.industrialAccident.optional(),
  operatingCostRate: RatesSchema.shape.operatingCostRate.optional(),
});

const employeeShare = RatesSchema.shape.socialInsurance.shape.pension;
const pensionBaseLimit = z.number().int().positive().nullable();

/**
 * The employee's social-insurance shares (근로자 부담분) that payroll deducts (SPEC D2); the employer's
 * shares for the claim are `rates.socialInsurance`. Long-term care is a share of the health contribution.
 */
export const EmployeeInsuranceSchema = z.object({
  pension: employeeShare,
  health: employeeShare,
  longTermCare: employeeShare,
  employment: employeeShare,
  /** national pension base floor and ceiling in won (기준소득월액 하한·상한) */
  pensionBaseFloor: pensionBaseLimit,
  pensionBaseCeiling: pensionBaseLimit,
});

export type EmployeeInsurance = z.infer<typeof EmployeeInsuranceSchema>;

/** The 2026 employee shares; also the default of stored versions written before payroll existed. */
export const DEFAULT_EMPLOYEE_INSURANCE_2026: EmployeeInsurance = {
  pension: 0.0475,
  health: 0.03595,
  longTermCare: 0.1314,
  employment: 0.009,
  pensionBaseFloor: 400_000,
  pensionBaseCeiling: 6_370_000,
};

export const RateTableContentSchema = z.object({
  rates: RatesSchema,
  employeeInsurance: EmployeeInsuranceSchema.default(DEFAULT_EMPLOYEE_INSURANCE_2026),
  /** service limits (SPEC §4.5): the evaluation and matching rules read these */
  limits: z.object({
    dailyServiceHours: z.number().int().min(1).max(24),
    weeklyServiceHours: z.number().int().min(1).max(168),
  }),
  /** 근로지원인 교육 (issue 16): a trainee completes with at least this share of the sessions attended */
  training: z.object({ completionAttendance: z.number().min(0.5).max(1) }).default({ completionAttendance: 0.8 }),
  agencyOverrides: z.record(idField('수행기관', 40), AgencyOverrideSchema).default({}),
  /** where each figure comes from; figures not confirmed by a public source say so */
  notes: z
    .record(
      z
        .string()
        .max(100)
        .regex(/^[\w.[\]-]+$/),
      textField('출처 메모', { max: 500, multiline: true, trim: false }),
    )
    .default({}),
});

export type RateTableContent = z.infer<typeof RateTableContentSchema>;

/** The product's defaults for 2026. Sources in `notes`; unconfirmed figures are marked 미확인. */
export const DEFAULT_RATE_TABLE_2026: RateTableContent = {
  rates: {
    hourlyWage: 10320,
    maxConcurrency: 3,
    premiumByRatio: { '1': 1, '2': 1, '3': 1 },
    copayPerHourByRatio: { '1': 300, '2': 150, '3': 100 },
    copayMonthlyCap: null,
    socialInsurance: {
      pension: 0.0475,
      health: 0.03595,
      longTermCare: 0.1314,
      employment: 0.0115,
      industrialAccident: 0.0147,
    },
    operatingCostRate: 0.1049,
    severanceRate: 0.0833,
  },
  employeeInsurance: DEFAULT_EMPLOYEE_INSURANCE_2026,
  limits: { dailyServiceHours: 8, weeklyServiceHours: 40 },
  training: { completionAttendance: 0.8 },
  agencyOverrides: {},
  notes: {
    hourlyWage: '2026년 최저임금 시간급 10,320원 (최저임금위원회 고시)',
    pension: '국민연금 사업주 부담 4.75% (2026년, 보험료율 9.5%의 절반)',
    health: '건강보험 사업주 부담 3.595% (2026년)',
    longTermCare: '장기요양보험 건강보험료의 13.14% (2026년)',
    employment: '고용보험 실업급여 0.9% + 고용안정·직업능력개발 0.25% (150인 미만)',
    industrialAccident: '산재보험은 업종별 요율: 1.47%는 예시 값(미확인). 기관별 요율로 덮어쓰세요.',
    copayPerHourByRatio: '1:1 시간당 300원. 동시 지원(1:2, 1:3) 단가는 제품 기본값(미확인).',
    operatingCostRate: '운영비 비율 10.49%는 제품 기본값(미확인)',
    severanceRate: '퇴직적립금 1/12 ≈ 8.33%',
    employeeInsurance:
      '근로자 부담: 국민연금 4.75%, 건강보험 3.595%, 장기요양 건강보험료의 13.14%, 고용보험(실업급여) 0.9% (2026년). 국민연금 기준소득월액 하한 40만 원·상한 637만 원은 2025년 7월~2026년 6월 고시 값이며 7월에 바뀝니다.',
  },
};

/** The rates the engine uses for one agency: the table's, with that agency's overrides applied. */
export function ratesForAgency(content: RateTableContent, agencyId: string): ClaimRates {
  const override = content.agencyOverrides[agencyId];
  if (!override) return content.rates;
  return {
    ...content.rates,
    socialInsurance: {
      ...content.rates.socialInsurance,
      industrialAccident: override.industrialAccident ?? content.rates.socialInsurance.industrialAccident,
    },
    operatingCostRate: override.operatingCostRate ?? content.rates.operatingCostRate,
  };
}

/** What changed between two versions, for the history screen ("시간급: 10,030 → 10,320"). */
export function diffRates(
  before: RateTableContent,
  after: RateTableContent,
): { field: string; from: unknown; to: unknown }[] {
  const flat = (value: unknown, prefix = ''): Record<string, unknown> => {
    if (value === null || typeof value !== 'object') return { [prefix]: value };
    return Object.assign(
      {},
      ...Object.entries(value as Record<string, unknown>).map(([k, v]) => flat(v, prefix ? `${prefix}.${k}` : k)),
    );
  };
  const pick = (c: RateTableContent) => ({
    rates: c.rates,
    employeeInsurance: c.employeeInsurance,
    limits: c.limits,
    training: c.training,
    agencyOverrides: c.agencyOverrides,
  });
  const a = flat(pick(before));
  const b = flat(pick(after));
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return fields.filter((f) => a[f] !== b[f]).map((field) => ({ field, from: a[field], to: b[field] }));
}
