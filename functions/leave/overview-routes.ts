import { recordPersonalDataRead } from '#commons/audit-trail';
import { defineRoute } from '#commons/http/route';
import { agenciesInScope } from '#functions/agencies/agency-scope';
import * as clock from '#kernel/clock';
import { agencyLeaveRows } from './agency-list.ts';
import { LEAVE_OVERVIEW_LABELS, leaveOverviewQuery, leaveOverviewResponse } from './overview-contract.ts';

// The internal system's 연차 관리: the agencies' own 연차관리 목록, every agency in the caller's scope.

export const overviewRoutes = [
  defineRoute({
    method: 'GET',
    path: '/leave-overview',
    summary: '연차 관리(지사·본부): 범위 안 수행기관들의 근로지원인별 연차 발생·사용·이월 (읽기 전용)',
    response: leaveOverviewResponse,
    access: { action: 'read', resource: 'leave', roles: ['branch', 'hq'] },
    query: leaveOverviewQuery,
    labels: LEAVE_OVERVIEW_LABELS,
    handle: async ({ query, caller, allow }) => {
      const agencies = await agenciesInScope(caller!, query, allow);
      const day = clock.today();
      const year = query.year ?? Number(day.slice(0, 4));
      // one agency after another: each reads its assistants' logs a few at a time
      const rows = [];
      const subjects = [];
      for (const agency of agencies) {
        const list = await agencyLeaveRows(agency.organisationId, year, day);
        rows.push(...list.rows.map((row) => ({ agencyId: agency.organisationId, agencyName: agency.name, ...row })));
        subjects.push(...list.subjects);
      }
      await recordPersonalDataRead(caller!, {
        action: 'leave.overview',
        targetType: 'organisations',
        targetId: `${query.agencyId ?? query.branchId ?? 'scope'}#${year}`,
        branchId: query.branchId ?? agencies[0]?.branchId,
        subjects,
      });
      return { body: { year, asOf: day, rows } };
    },
  }),
];
