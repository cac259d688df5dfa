import { z } from 'zod';
import { hoursMeterView } from '#functions/applications/hours-meter-contract';
import { idField, monthField } from '#kernel/fields';
import { PRECHECK_CODES, PRECHECK_PLACES, PRECHECK_SEVERITIES } from './precheck-rules.ts';

// The contract of the month-end pre-check (SPEC C5, issue 15 §5): what its route takes and answers.

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const precheckQuery = z.object({
  agencyId: idField('수행기관', 40).optional(),
  month: monthField('수행년월'),
});

export const precheckLine = z.object({
  code: z.enum(keys(PRECHECK_CODES)),
  codeLabel: z.string(),
  severity: z.enum(keys(PRECHECK_SEVERITIES)),
  severityLabel: z.string(),
  subject: z.string().optional(),
  detail: z.string(),
  fix: z.string(),
  place: z.enum(keys(PRECHECK_PLACES)),
  placeLabel: z.string(),
});

export const precheckResponse = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  month: z.string(),
  /** no blocking line is left: the claim of the month may be submitted */
  ready: z.boolean(),
  blocking: z.number(),
  advisory: z.number(),
  lines: z.array(precheckLine),
  /** each worker's decided monthly hours against the hours used (the remaining-hours meter) */
  meters: z.array(hoursMeterView),
  claimId: z.string(),
});

export type Precheck = z.output<typeof precheckResponse>;
export type PrecheckLineView = z.output<typeof precheckLine>;
