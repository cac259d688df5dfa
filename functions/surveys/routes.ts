import { randomUUID } from 'node:crypto';
import { bindEntity } from '#commons/entities';
import { defineRoute } from '#commons/http/route';
import * as clock from '#kernel/clock';
import { koreaMonth } from '#kernel/korea-time';
import { feedbackBody, feedbackReceived } from './contract.ts';
import { PageFeedback } from './entities.ts';

export const surveyRoutes = [
  defineRoute({
    method: 'POST',
    path: '/public/page-feedback',
    summary: '현재 페이지 만족도 보내기(익명, SPEC F3)',
    response: feedbackReceived,
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
