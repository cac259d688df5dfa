import { isPerson, recordPersonalDataRead } from '#commons/audit-trail';
import { RuleViolation } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { isHq, ownBranchOf } from '#commons/policy';
import { daysBetween } from '#kernel/korea-time';
import { auditSearchQuery, auditSearchResponse } from './contract.ts';
import { searchAudit } from './repository.ts';

/** A search by day range alone reads one partition per day: keep it to a quarter. */
const MAX_DAYS_WITHOUT_PERSON = 92;

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    path: '/audit',
    summary: '개인정보 열람·변경 기록(감사 기록) 검색: 사람, 처리자, 기간',
    response: auditSearchResponse,
    access: { action: 'search', resource: 'audit', roles: ['hq', 'branch'] },
    query: auditSearchQuery,
    labels: { subject: '정보 주체(아이디)', actor: '처리자(아이디)', from: '시작일', to: '종료일' },
    handle: async ({ query, caller }) => {
      const span = daysBetween(query.from, query.to) + 1;
      if (!query.subject && !query.actor && span > MAX_DAYS_WITHOUT_PERSON) {
        throw new RuleViolation(
          `사람이나 처리자 없이 기간만으로는 ${MAX_DAYS_WITHOUT_PERSON}일까지 검색할 수 있습니다. 기간을 줄이거나 아이디를 입력해 주세요.`,
        );
      }
      // hq sees every record; branch staff see the records that fall in their branch
      const hq = isHq(caller!);
      const branchId = hq ? undefined : ownBranchOf(caller!);
      const items = await searchAudit({
        subjectId: query.subject || undefined,
        actorId: query.actor || undefined,
        fromDay: query.from,
        toDay: query.to,
        branchId: hq ? undefined : (branchId ?? 'NONE'),
      });
      // the trail names people too: a search is itself a read of their data
      await recordPersonalDataRead(caller!, {
        action: 'audit.search',
        targetType: 'auditTrail',
        targetId: `${query.from}..${query.to}`,
        subjects: items.flatMap((item) => [item.subjectId, ...(item.subjectIds ?? []), item.actorId]).filter(isPerson),
      });
      return { body: { items, count: items.length } };
    },
  }),
];
