import { recordPersonalDataRead } from '#commons/audit-trail';
import { defineRoute } from '#commons/http/route';
import { agenciesInScope } from '#functions/agencies/agency-scope';
import { comparisonView } from './comparison-view.ts';
import {
  COMPARISON_OVERVIEW_LABELS,
  comparisonOverviewQuery,
  comparisonOverviewResponse,
} from './overview-contract.ts';

// The internal system's 근무이력 비교: the agencies' own comparison, every agency in the caller's scope.

export const overviewRoutes = [
  defineRoute({
    method: 'GET',
    path: '/attendance-comparison-overview',
    summary: '근무이력 비교(지사·본부): 범위 안 수행기관들의 출퇴근 기록과 활동일지 비교 (읽기 전용)',
    response: comparisonOverviewResponse,
    access: { action: 'compare', resource: 'attendance', roles: ['branch', 'hq'] },
    query: comparisonOverviewQuery,
    labels: COMPARISON_OVERVIEW_LABELS,
    handle: async ({ query, caller, allow }) => {
      const agencies = await agenciesInScope(caller!, query, allow);
      const views = await Promise.all(agencies.map((agency) => comparisonView(agency, { month: query.month })));
      await recordPersonalDataRead(caller!, {
        action: 'attendance.compareOverview',
        targetType: 'organisations',
        targetId: `${query.agencyId ?? query.branchId ?? 'scope'}#${query.month}`,
        branchId: query.branchId ?? agencies[0]?.branchId,
        subjects: views.flatMap((v) => v.subjects),
      });
      return {
        body: {
          month: query.month,
          agencies: views.map(({ view }) => ({
            agencyId: view.agencyId,
            agencyName: view.agencyName,
            summary: view.summary,
            ...(view.submission ? { submission: view.submission } : {}),
            ...(view.currentImportId ? { currentImportId: view.currentImportId } : {}),
          })),
          rows: views.flatMap(({ view }) =>
            view.rows.map((row) => ({ agencyId: view.agencyId, agencyName: view.agencyName, ...row })),
          ),
        },
      };
    },
  }),
];
