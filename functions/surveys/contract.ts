import { z } from 'zod';
import { INVISIBLE_CHARACTERS } from '#kernel/fields';

// The surveys capability's contract: what its route takes and answers.

export const feedbackBody = z.object({
  path: z
    .string({ error: '페이지 주소가 없습니다.' })
    .max(200, { error: '페이지 주소가 올바르지 않습니다.' })
    .regex(new RegExp(`^/[^\\s${INVISIBLE_CHARACTERS}]*$`), { error: '페이지 주소가 올바르지 않습니다.' }),
  rating: z
    .number({ error: '만족도를 골라 주세요.' })
    .int({ error: '만족도를 골라 주세요.' })
    .min(1, { error: '만족도는 1~5 중에서 골라 주세요.' })
    .max(5, { error: '만족도는 1~5 중에서 골라 주세요.' }),
});

/** The feedback was stored (nothing else is told back: it is anonymous). */
export const feedbackReceived = z.object({ received: z.literal(true) });
