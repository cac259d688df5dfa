import { RuleViolation } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { shiftMonth } from '#kernel/korea-time';
import { feedbackReportQuery, feedbackReportResponse } from './feedback-contract.ts';
import { summariseRatings } from './feedback-rules.ts';
import { pageRatings } from './page-feedback.ts';

// The page question's answers for hq (SPEC F3): per page and month, the count of each answer. The
// answers are anonymous; the question collects no comment.

const MAX_MONTHS = 12;

export const feedbackRoutes = [
  defineRoute({
    method: 'GET',
    path: '/page-feedback',
    summary: '페이지 만족도 현황(본부): 한 페이지의 달마다 답별 건수와 평균',
    response: feedbackReportResponse,
    access: { action: 'read', resource: 'pageFeedback', roles: ['hq'] },
    query: feedbackReportQuery,
    labels: { path: '페이지', from: '시작 월', to: '끝 월' },
    handle: async ({ query }) => {
      if (query.from > query.to) throw new RuleViolation('시작 월이 끝 월보다 늦습니다. 기간을 다시 골라 주세요.');
      const months: string[] = [];
      for (let m = query.from; m <= query.to; m = shiftMonth(m, 1)) {
        months.push(m);
        if (months.length > MAX_MONTHS) throw new RuleViolation(`한 번에 ${MAX_MONTHS}개월까지 볼 수 있습니다.`);
      }
      const ratings = await Promise.all(months.map((m) => pageRatings()(query.path, m)));
      const { counts, total, average } = summariseRatings('', ratings.flat());
      return {
        body: {
          path: query.path,
          months: months.map((m, i) => summariseRatings(m, ratings[i]!)),
          total: { counts, total, average },
        },
      };
    },
  }),
];
