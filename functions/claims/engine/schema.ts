// The engine's contract as zod schemas: the command validates its input with ClaimInputSchema, and
// input.schema.json / output.schema.json are generated from these (see write-schemas.ts).
// Only the *shape* is checked here. A well-shaped date that does not exist (2026-02-30) or a time such
// as 25:00 is not a shape error: the engine reports it as an INVALID_TIME problem and leaves the entry out.

import { z } from 'zod';
import { hasAtMostSixDecimals } from '#kernel/decimal';
import { MONTH_PATTERN } from '#kernel/korea-time';
import { ENTRY_TYPES, NON_SERVICE_TYPES } from './entry-types.ts';
import { PROBLEM_CODES } from './problems.ts';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_SHAPE = /^\d{2}:\d{2}$/;
const RATIO_KEY_SHAPE = /^[1-9][0-9]*$/;

const id = z.string().min(1, { error: '아이디는 비어 있을 수 없습니다 (id must not be empty).' });

const rate = z
  .number()
  .nonnegative({ error: '0 이상이어야 합니다 (must be ≥ 0).' })
  .refine(hasAtMostSixDecimals, { error: '소수점 아래 6자리까지만 쓸 수 있습니다 (at most 6 decimal places).' });

const byRatio = z
  .record(z.string().regex(RATIO_KEY_SHAPE, { error: '비율 키는 "1"부터 maxConcurrency까지의 숫자여야 합니다.' }), rate)
  .meta({ description: 'One value per ratio: keys "1" to String(maxConcurrency), every one present.' });

const date = z
  .string()
  .regex(DATE_SHAPE, {
    error: '날짜는 YYYY-MM-DD 형식이어야 합니다 (date must be shaped YYYY-MM-DD, e.g. 2026-03-03).',
  })
  .meta({ description: 'YYYY-MM-DD. A well-shaped date that does not exist is reported as INVALID_TIME.' });

const time = z
  .string()
  .regex(TIME_SHAPE, { error: '시각은 HH:MM 형식이어야 합니다 (time must be shaped HH:MM, e.g. 09:00).' })
  .meta({ description: 'HH:MM, 00:00–23:59; 24:00 allowed as an end. Other well-shaped values: INVALID_TIME.' });

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

const entryFields = {
  assistantId: id,
  date,
  start: time,
  end: time,
};

export const ServiceEntrySchema = z.object({
  ...entryFields,
  type: z.literal('service'),
  workerId: id,
});

export const NonServiceEntrySchema = z.object({
  ...entryFields,
  type: z.enum(NON_SERVICE_TYPES),
  workerId: id.nullable().optional().meta({ description: 'ignored for non-service entries' }),
});

export const EntrySchema = z.discriminatedUnion('type', [ServiceEntrySchema, NonServiceEntrySchema]);

function uniqueIds(value: unknown, field: 'assistants' | 'workers', ctx: z.RefinementCtx): void {
  const list = (value as Record<string, unknown> | null)?.[field];
  if (!Array.isArray(list)) return;
  const seen = new Set<string>();
  list.forEach((item: unknown, index) => {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    if (seen.has(id)) {
      ctx.addIssue({
        code: 'custom',
        path: [field, index, 'id'],
        input: id,
        message: `아이디 "${id}"이(가) 두 번 이상 나옵니다. 한 번만 넣어 주세요 (duplicate id).`,
      });
    }
    seen.add(id);
  });
}

export const ClaimInputSchema = z
  .object({
    month: z.string().regex(MONTH_PATTERN, {
      error: '청구 월은 YYYY-MM 형식이어야 합니다 (month must be shaped YYYY-MM, e.g. 2026-03).',
    }),
    rates: RatesSchema,
    assistants: z.array(z.object({ id })),
    workers: z.array(z.object({ id, copayExempt: z.boolean() })),
    entries: z.array(EntrySchema),
  })
  // Runs even when other fields are wrong; a duplicate id would make "every one listed" ambiguous.
  .superRefine(
    (input, ctx) => {
      uniqueIds(input, 'assistants', ctx);
      uniqueIds(input, 'workers', ctx);
    },
    { when: (payload) => payload.value !== null && typeof payload.value === 'object' },
  )
  .meta({ title: 'Monthly claim engine input', description: `Entry types: ${ENTRY_TYPES.join(', ')}.` });

export type ClaimInput = z.infer<typeof ClaimInputSchema>;
export type ClaimRates = z.infer<typeof RatesSchema>;
export type ClaimEntry = z.infer<typeof EntrySchema>;

const minutes = z.number().int().nonnegative();
const won = z.number().int();

const AmountsSchema = z.object({
  pay: won,
  copay: won,
  net: won,
  socialInsurance: won,
  operatingCost: won,
  severance: won,
  total: won,
});

export const ClaimOutputSchema = z
  .object({
    month: z.string(),
    assistants: z.array(
      z.object({
        id: z.string(),
        minutes: z.object({
          service: minutes,
          byRatio: z.record(z.string(), minutes),
          overConcurrency: minutes,
          weeklyHoliday: minutes,
          paidLeave: minutes,
          holiday: minutes,
          officialLeave: minutes,
          training: minutes,
          unpaidLeave: minutes,
          absence: minutes,
        }),
        amounts: AmountsSchema,
      }),
    ),
    workers: z.array(z.object({ id: z.string(), supportedMinutes: minutes, copay: won })),
    totals: AmountsSchema,
    problems: z.array(
      z.object({
        code: z.enum(PROBLEM_CODES),
        assistantId: z.string(),
        date: z.string(),
        workerId: z.string().optional(),
        message: z.string(),
      }),
    ),
  })
  .meta({ title: 'Monthly claim engine output' });

export type ClaimOutput = z.infer<typeof ClaimOutputSchema>;
export type AssistantLine = ClaimOutput['assistants'][number];
export type WorkerLine = ClaimOutput['workers'][number];
export type Amounts = z.infer<typeof AmountsSchema>;

/** The JSON Schema documents as written to input.schema.json and output.schema.json. */
export function claimJsonSchemas(): { input: unknown; output: unknown } {
  return {
    // io 'input': unknown keys are accepted (and ignored) on input, so no additionalProperties: false.
    input: z.toJSONSchema(ClaimInputSchema, { io: 'input' }),
    output: z.toJSONSchema(ClaimOutputSchema),
  };
}

/** The committed JSON Schema files' exact text, shared by write-schemas.ts and the freshness test. */
export function schemaFileText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
