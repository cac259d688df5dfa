// The engine's contract as zod schemas: the command validates its input with ClaimInputSchema, and
// input.schema.json / output.schema.json are generated from these (see write-schemas.ts).
// Only the *shape* is checked here. A well-shaped date that does not exist (2026-02-30) or a time such
// as 25:00 is not a shape error: the engine reports it as an INVALID_TIME problem and leaves the entry out.

import { z } from 'zod';
import { RatesSchema } from '#functions/rates/rules';
import { ENTRY_TYPES, NON_SERVICE_TYPES } from '#kernel/attendance-kinds';
import { MONTH_PATTERN } from '#kernel/korea-time';
import { PROBLEM_CODES } from './problems.ts';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_SHAPE = /^\d{2}:\d{2}$/;

const id = z.string().min(1, { error: '아이디는 비어 있을 수 없습니다 (id must not be empty).' });

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
/** the rates of the engine's input: their shape is the rate table's (functions/rates/rules.ts) */
export type { ClaimRates } from '#functions/rates/rules';
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
    workers: z.array(
      z.object({
        id: z.string(),
        supportedMinutes: minutes,
        /** the supported minutes by support ratio ('1' alone, '2' for 1:2, …); they add up to supportedMinutes */
        byRatio: z.record(z.string(), minutes),
        copay: won,
      }),
    ),
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
