import { recordPersonalDataRead } from '#commons/audit-trail';
import { NotFound, RuleViolation } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { agencyOf } from '#commons/policy';
import { getOrganisation } from '#functions/agencies/repository';
import { claimIdOf } from './claim-rules.ts';
import { precheckQuery, precheckResponse } from './precheck-contract.ts';
import { PRECHECK_CODES, PRECHECK_PLACES, PRECHECK_SEVERITIES } from './precheck-rules.ts';
import { precheckOf } from './precheck-service.ts';

// 월말 사전점검 (SPEC C5, issue 15 §5): before the agency submits a month, everything that would make
// the branch return it, blocking and advisory lines apart, each with its fix and the screen to fix it
// on; and every worker's remaining-hours meter. The agency reads its own; the branch its agencies'.

export const precheckRoutes = [
  defineRoute({
    method: 'GET',
    path: '/claim-precheck',
    summary: '월말 사전점검: 지사가 반려할 항목(제출 불가/확인 필요)과 근로자별 월 결정 시간 대비 사용 시간',
    response: precheckResponse,
    access: { action: 'read', resource: 'claim', roles: ['agency', 'branch', 'hq'] },
    query: precheckQuery,
    labels: { agencyId: '수행기관', month: '수행년월' },
    handle: async ({ query, caller, allow }) => {
      const agencyId = query.agencyId ?? agencyOf(caller!);
      if (!agencyId) throw new RuleViolation('수행기관을 골라 주세요.', 'CHOOSE_AGENCY');
      const agency = await getOrganisation(agencyId);
      if (agency?.kind !== 'agency') throw new NotFound('수행기관');
      allow({ agencyId: agency.organisationId, branchId: agency.branchId });
      const { lines, meters, workerIds, assistantIds } = await precheckOf(agency.organisationId, query.month);
      const blocking = lines.filter((l) => l.severity === 'blocking').length;
      await recordPersonalDataRead(caller!, {
        action: 'claim.precheck',
        targetType: 'agency',
        targetId: agency.organisationId,
        branchId: agency.branchId,
        subjects: [...assistantIds, ...workerIds],
      });
      return {
        body: {
          agencyId: agency.organisationId,
          agencyName: agency.name,
          month: query.month,
          ready: blocking === 0,
          blocking,
          advisory: lines.length - blocking,
          lines: lines.map((l) => ({
            ...l,
            codeLabel: PRECHECK_CODES[l.code],
            severityLabel: PRECHECK_SEVERITIES[l.severity],
            placeLabel: PRECHECK_PLACES[l.place],
          })),
          meters,
          claimId: claimIdOf(agency.organisationId, query.month),
        },
      };
    },
  }),
];
