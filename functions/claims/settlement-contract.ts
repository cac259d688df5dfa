import { z } from 'zod';
import { idField, monthField } from '#kernel/fields';
import { claimDecisionBody } from './claim-contract.ts';
import { PERIOD_SHAPE, SETTLEMENT_STATUS_LABELS, type SettlementStatus } from './settlement-rules.ts';

// The contract of 사업비 정산 (SPEC C6): what the settlement routes take and answer.

const PERIOD_MESSAGE = '정산 기간은 2026-H1(상반기), 2026-H2(하반기) 또는 2026(연간)으로 골라 주세요.';

// ── requests ─────────────────────────────────────────────────────────────────────────────────────

export const advancesSchema = z
  .array(
    z.object({
      month: monthField('선지급 월'),
      amount: z
        .number({ error: '선지급액을 숫자로 입력해 주세요.' })
        .int({ error: '선지급액은 원 단위 정수로 입력해 주세요.' })
        .min(0, { error: '선지급액은 0원 이상이어야 합니다.' }),
    }),
    { error: '선지급액을 입력해 주세요.' },
  )
  .max(12);

export const settlementParams = z.object({
  settlementId: idField('정산 번호', 60, /^[A-Za-z0-9-]+_\d{4}(-H[12])?$/),
});

export const fileSettlementBody = z.object({
  agencyId: idField('수행기관', 40),
  period: z.string({ error: '정산 기간을 골라 주세요.' }).max(7, { error: PERIOD_MESSAGE }).regex(PERIOD_SHAPE, {
    error: '정산 기간은 2026-H1(상반기), 2026-H2(하반기) 또는 2026(연간)으로 골라 주세요.',
  }),
  advances: advancesSchema,
});

/** An agency names itself, a branch its own office; hq may leave both out to see every branch. */
export const settlementListQuery = z.object({
  agencyId: idField('수행기관', 40).optional(),
  branchId: idField('관할지사', 40).optional(),
});

/** The branch approves or returns a settlement exactly as it does a claim (a reason when returning). */
export const settlementDecisionBody = claimDecisionBody;

export const refileBody = z.object({ advances: advancesSchema });

// ── responses ────────────────────────────────────────────────────────────────────────────────────

const statuses = Object.keys(SETTLEMENT_STATUS_LABELS) as [SettlementStatus, ...SettlementStatus[]];

/** One month of a settlement (settlement-rules.ts settlementRows). */
export const settlementRow = z.object({
  month: z.string(),
  advance: z.number(),
  decided: z.number(),
  difference: z.number(),
  claimStatus: z.string(),
});

/** One settlement as every screen shows it (settlement-routes.ts view). */
export const settlementView = z.object({
  settlementId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  branchId: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  status: z.enum(statuses),
  statusLabel: z.string(),
  advances: z.array(z.object({ month: z.string(), amount: z.number() })),
  rows: z.array(settlementRow),
  totals: z
    .object({
      advance: z.number(),
      decided: z.number(),
      difference: z.number(),
      // the rate-correction differences carried into it (issue 15 §6), counted in `difference`
      correction: z.number().optional(),
      carried: z
        .array(
          z.object({
            correctionId: z.string(),
            claimId: z.string(),
            month: z.string(),
            correctedVersion: z.number(),
            difference: z.number(),
          }),
        )
        .optional(),
    })
    .nullable(),
  returnReason: z.string().optional(),
  failure: z.object({ error: z.string(), cause: z.string() }).nullable(),
  waitingFor: z.enum(['agency', 'branch']).optional(),
  history: z.array(z.object({ at: z.string(), by: z.string(), action: z.string(), reason: z.string().optional() })),
  revision: z.number(),
});

export const settlementListResponse = z.object({ settlements: z.array(settlementView) });

export type Settlement = z.output<typeof settlementView>;
export type SettlementRow = z.output<typeof settlementRow>;
