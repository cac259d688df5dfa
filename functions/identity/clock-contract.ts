import { z } from 'zod';

// The server clock's contract: what GET /public/clock answers.

export const clockResponse = z.object({
  /** today in Korea, YYYY-MM-DD */
  today: z.string(),
  /** the server's instant, milliseconds since the epoch */
  nowMs: z.number(),
});
export type ClockResponse = z.output<typeof clockResponse>;
