import { recordPersonalDataRead } from '#commons/audit-trail';
import { defineRoute } from '#commons/http/route';
import { agenciesInScope } from '#functions/agencies/agency-scope';
import { monthTable } from './month-table.ts';
import { PAYROLL_OVERVIEW_LABELS, payrollOverviewQuery, payrollOverviewResponse } from './overview-contract.ts';

// The internal system's 급여 관리: the agencies' own 급여 목록, every agency in the caller's scope.

export const overviewRoutes = [
  defineRoute({
    method: 'GET',
    path: '/payroll-overview',
    summary: '급여 관리(지사·본부): 범위 안 수행기관들의 급여 목록 (급여연월별, 읽기 전용)',
    response: payrollOverviewResponse,
    access: { action: 'read', resource: 'payroll', roles: ['branch', 'hq'] },
    query: payrollOverviewQuery,
    labels: PAYROLL_OVERVIEW_LABELS,
    handle: async ({ query, caller, allow }) => {
      const agencies = await agenciesInScope(caller!, query, allow);
      const tables = await Promise.all(agencies.map((agency) => monthTable(agency.organisationId, query.month)));
      await recordPersonalDataRead(caller!, {
        action: 'payroll.overview',
        targetType: 'organisations',
        targetId: `${query.agencyId ?? query.branchId ?? 'scope'}#${query.month}`,
        branchId: query.branchId ?? agencies[0]?.branchId,
        subjects: tables.flatMap((t) => t.records.map((record) => record.userId ?? record.assistantId)),
      });
      return {
        body: {
          month: query.month,
          // agencies with no payroll that month are left out: nothing to show for them
          agencies: agencies
            .map((agency, i) => ({ agency, ...tables[i]! }))
            .filter(({ records }) => records.length > 0)
            .map(({ agency, records, table }) => ({
              agencyId: agency.organisationId,
              agencyName: agency.name,
              count: records.length,
              problems: records.filter((r) => r.status === 'problem').length,
              table,
            })),
        },
      };
    },
  }),
];
