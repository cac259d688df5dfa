import { z } from 'zod';
import { fileContentResponse } from '#commons/http/file-response';
import { dayField, idField, monthField } from '#kernel/fields';
import { PAYMENT_METHODS } from './copay-rules.ts';

// The contract of 본인부담금 (SPEC C7): what the co-payment routes take and answer.

// ── requests ─────────────────────────────────────────────────────────────────────────────────────

export const copayListQuery = z.object({
  agencyId: idField('수행기관', 40),
  month: monthField('월').optional(),
});

export const copayParams = z.object({ copayId: idField('본인부담금 번호', 120) });

export const paymentBody = z.object({
  date: dayField('받은 날'),
  amount: z
    .number({ error: '받은 금액을 숫자로 입력해 주세요.' })
    .int({ error: '받은 금액은 원 단위 정수로 입력해 주세요.' })
    .min(1, { error: '받은 금액은 1원 이상이어야 합니다.' }),
  method: z.enum(PAYMENT_METHODS, { error: '받은 방법을 골라 주세요.' }),
  revision: z.number({ error: '화면을 새로 고친 뒤 다시 입력해 주세요.' }).int(),
});

export const statementQuery = z.object({
  agencyId: idField('수행기관', 40),
});

// ── responses ────────────────────────────────────────────────────────────────────────────────────

/** One worker's co-payment of one month with the payments recorded against it (copay-routes.ts view). */
export const copayView = z.object({
  copayId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  month: z.string(),
  workerId: z.string(),
  workerName: z.string(),
  supportedMinutes: z.number(),
  amount: z.number(),
  /** why the amount is 0: the worker's exemption (C7) */
  exemptReason: z.string().optional(),
  paid: z.number(),
  balance: z.number(),
  payments: z.array(
    z.object({
      paymentId: z.string(),
      date: z.string(),
      amount: z.number(),
      method: z.string(),
      methodLabel: z.string(),
      recordedBy: z.string(),
      recordedAt: z.string(),
    }),
  ),
  revision: z.number(),
});

export const copayListResponse = z.object({ copayments: z.array(copayView) });

/** 본인부담금 납부 확인서 (PDF) inside the JSON. */
export const statementResponse = fileContentResponse;

export type Copayment = z.output<typeof copayView>;
