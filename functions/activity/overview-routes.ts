import { recordPersonalDataRead } from '#commons/audit-trail';
import { defineRoute } from '#commons/http/route';
import { agenciesInScope } from '#functions/agencies/agency-scope';
import { agencyMonthLogs } from './agency-month.ts';
import { LOGS_OVERVIEW_LABELS, logsOverviewQuery, logsOverviewResponse } from './overview-contract.ts';

// The internal system's 활동일지 관리: the agencies' own tables, every agency in the caller's scope.

export const overviewRoutes = [
  defineRoute({
    method: 'GET',
    path: '/activity-log-overview',
    summary: '활동일지 관리(지사·본부): 범위 안 수행기관들의 활동일지를 관할지사·수행기관·월로 조회 (읽기 전용)',
    response: logsOverviewResponse,
    access: { action: 'list', resource: 'activityLog', roles: ['branch', 'hq'] },
    query: logsOverviewQuery,
    labels: LOGS_OVERVIEW_LABELS,
    handle: async ({ query, caller, allow }) => {
      const agencies = await agenciesInScope(caller!, query, allow);
      const months = await Promise.all(agencies.map((agency) => agencyMonthLogs(agency.organisationId, query)));
      await recordPersonalDataRead(caller!, {
        action: 'activityLog.overview',
        targetType: 'organisations',
        targetId: `${query.agencyId ?? query.branchId ?? 'scope'}#${query.month}`,
        branchId: query.branchId ?? agencies[0]?.branchId,
        subjects: months.flatMap((m) => m.subjects),
      });
      const logs = agencies.flatMap((agency, i) =>
        months[i]!.logs.map((log) => ({ agencyId: agency.organisationId, agencyName: agency.name, ...log })),
      );
      return { body: { month: query.month, logs } };
    },
  }),
];
