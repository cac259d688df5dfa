import { z } from 'zod';
import { monthField } from '#kernel/fields';

// The remaining-hours meter's contract (issue 15 §5): one worker's decided monthly hours against the
// support minutes used (hours-meter-rules.ts). The pre-check (claims) and the assistant's and worker's
// own meters (activity) answer with it.

export const hoursMeterView = z.object({
  workerId: z.string(),
  workerName: z.string(),
  decidedMinutes: z.number().optional(),
  usedMinutes: z.number(),
  remainingMinutes: z.number().optional(),
  over: z.boolean(),
});

export type HoursMeterView = z.output<typeof hoursMeterView>;

export const ownMetersQuery = z.object({ month: monthField('월').optional() });

export const ownMetersResponse = z.object({ month: z.string(), meters: z.array(hoursMeterView) });
