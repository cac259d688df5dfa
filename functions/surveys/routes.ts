import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { bindEntity } from '#commons/entities';
import { defineRoute } from '#commons/http/route';
import * as clock from '#kernel/clock';
import { INVISIBLE_CHARACTERS } from '#kernel/fields';
import { koreaMonth } from '#kernel/korea-time';
import { PageFeedback } from './entities.ts';

const feedbackBody = z.object({
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

export const surveyRoutes = [
  defineRoute({
    method: 'POST',
    path: '/public/page-feedback',
    summary: '현재 페이지 만족도 보내기(익명, SPEC F3)',
    access: 'public',
    body: feedbackBody,
    labels: { path: '페이지', rating: '만족도' },
    handle: async ({ body }) => {
      const at = clock.now();
      const month = koreaMonth(at);
      // the query string may carry search terms: keep only the path
      const path = body.path.split('?')[0]!;
      await bindEntity(PageFeedback)
        .put({ feedbackId: randomUUID(), path, month, rating: body.rating, at: at.toISOString() })
        .go();
      return { status: 201, body: { received: true } };
    },
  }),
];
