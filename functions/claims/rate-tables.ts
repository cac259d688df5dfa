import { z } from 'zod';
import { idField, textField } from '#kernel/fields';
import { type ClaimRates, RatesSchema } from './engine/schema.ts';

/**
 * Yearly rate tables (SPEC §4.5, issue 8 §2), pure. hq edits them; every edit is a new version, and a
 * claim stores the version and the rates it used. Agencies may carry their own industrial-accident
 * and operating-cost rates, which override the table's defaults.
 */

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
    agencyOverrides: c.agencyOverrides,
  });
  const a = flat(pick(before));
  const b = flat(pick(after));
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return fields.filter((f) => a[f] !== b[f]).map((field) => ({ field, from: a[field], to: b[field] }));
}
