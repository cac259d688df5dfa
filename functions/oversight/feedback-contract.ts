import { z } from 'zod';
import { INVISIBLE_CHARACTERS, monthField } from '#kernel/fields';

// hq's page-satisfaction report (SPEC F3): one page's answers per month.

export const feedbackReportQuery = z.object({
  path: z
    .string({ error: '페이지 주소를 골라 주세요.' })
    .max(200, { error: '페이지 주소가 올바르지 않습니다.' })
    .regex(new RegExp(`^/[^\\s?${INVISIBLE_CHARACTERS}]*$`), { error: '페이지 주소가 올바르지 않습니다.' }),
  from: monthField('시작 월'),
  to: monthField('끝 월'),
});

const counts = z.object({ '1': z.number(), '2': z.number(), '3': z.number(), '4': z.number(), '5': z.number() });

export const feedbackReportResponse = z.object({
  path: z.string(),
  months: z.array(z.object({ month: z.string(), counts, total: z.number(), average: z.number().nullable() })),
  total: z.object({ counts, total: z.number(), average: z.number().nullable() }),
});

export type FeedbackReport = z.output<typeof feedbackReportResponse>;
