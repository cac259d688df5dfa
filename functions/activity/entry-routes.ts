import { recordAudit, recordPersonalDataRead } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { documentExists, presignDocument, sha256Hex, writeDocument } from '#commons/documents';
import { Forbidden, NotFound, RuleViolation } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { actsAsActivityStaff, actsForAgency, holds, type Target } from '#commons/policy';
import { getOrganisation } from '#functions/agencies/repository';
import { DISABILITY_TYPES, label, SUPPORT_TYPES } from '#functions/applications/codes';
import { getApplication } from '#functions/applications/repository';
import { inForce, listByAssistant, listByWorker } from '#functions/matching/repository';
import * as clock from '#kernel/clock';
import { agencyMonthLogs } from './agency-month.ts';
import { getRound, listPairRounds } from './consent-repository.ts';
import { monthText, roundView } from './consent-service.ts';
import { activityLogPdf, type LogDocumentRound } from './document.ts';
import type { ActivityLogEntryItem, ConsentRoundItem } from './entities.ts';
import {
  agencyLogsParams,
  agencyLogsQuery,
  agencyLogsResponse,
  assistantMonthResponse,
  createEntryBody,
  deletedResponse,
  deleteEntryBody,
  documentQuery,
  type Entry,
  editEntryBody,
  entryParams,
  entryView as entryViewSchema,
  logDocumentResponse,
  monthQuery,
  workersResponse,
} from './entry-contract.ts';
import { getEntry, listPairMonth } from './entry-repository.ts';
import { ENTRY_LABELS, monthRows, monthTotals } from './entry-rules.ts';
import {
  assistantScope,
  createEntry,
  deleteEntry,
  digestOf,
  editEntry,
  listed,
  pairMatchings,
  workerOptions,
} from './entry-service.ts';
import { logDocumentKey } from './storage.ts';

// 활동일지 (SPEC C1) and 전자서명 동의 (SPEC C2). The assistant writes entries for the workers they
// are matched with and asks for consent; the worker reviews and signs in the portal; the agency sees
// and filters all its assistants' logs and may correct them (the worker then consents again). Every
// route names whose data it touches: the assistant's own login, the worker's own login, or the agency.

export const LABELS = {
  ...ENTRY_LABELS,
  month: '활동년월',
  revision: '기록 버전',
  assistantId: '근로지원인',
  agencyId: '수행기관',
  organisationId: '수행기관',
};

type Party = 'assistant' | 'worker' | 'agency';

/**
 * Which party of an entry or round the caller is, among `parties`, checked through the policy module
 * (the agency by its agencyId, the assistant and the worker by their own login).
 */
export function partyOf(
  caller: Caller,
  allow: (target: Target) => void,
  item: { assistantUserId: string; workerId: string; agencyId: string },
  parties: readonly Party[],
): Party {
  for (const party of parties) {
    if (party === 'agency' && actsForAgency(caller, item.agencyId)) {
      allow({ agencyId: item.agencyId });
      return party;
    }
    if (party === 'assistant' && holds(caller, 'assistant') && caller.userId === item.assistantUserId) {
      allow({ userId: item.assistantUserId });
      return party;
    }
    if (party === 'worker' && holds(caller, 'worker') && caller.userId === item.workerId) {
      allow({ userId: item.workerId });
      return party;
    }
  }
  throw new Forbidden('다른 기관 또는 다른 사람의 활동일지에는 접근할 수 없습니다.');
}

export function entryView(item: ActivityLogEntryItem): Entry {
  return {
    entryId: item.entryId,
    assistantId: item.assistantId,
    assistantName: item.assistantName,
    workerId: item.workerId,
    workerName: item.workerName,
    agencyId: item.agencyId,
    agencyName: item.agencyName,
    matchingId: item.matchingId,
    month: item.month,
    date: item.date,
    attendance: item.attendance,
    leaveMinutes: item.leaveMinutes ?? null,
    start: item.start,
    end: item.end,
    contentCode: item.contentCode ?? null,
    otherContent: item.otherContent ?? '',
    specialNotes: item.specialNotes ?? '',
    consent: item.consent,
    roundId: item.roundId,
    signedBy: item.signedBy,
    corrections: item.corrections ?? [],
    updatedAt: item.updatedAt,
    revision: item.revision,
  };
}

async function entryOrNotFound(entryId: string): Promise<ActivityLogEntryItem> {
  const item = await getEntry(entryId);
  if (!item) throw new NotFound('활동일지');
  return item;
}

export async function roundOrNotFound(roundId: string): Promise<ConsentRoundItem> {
  const round = await getRound(roundId);
  if (!round) throw new NotFound('동의 요청');
  return round;
}

function roundForDocument(round: ConsentRoundItem): LogDocumentRound {
  return {
    roundId: round.roundId,
    kind: round.kind,
    status: round.status,
    requestedAt: round.requestedAt,
    entryCount: round.entryCount ?? round.entryIds.length,
    method: round.method,
    signedAt: round.signedAt,
    typedName: round.typedName,
    digest: round.digest,
    reason: round.reason,
    identityConfirmed: round.scan?.identityConfirmed,
  };
}

/** One assistant–worker month as the list page, the agency and the PDF show it. */
async function pairMonth(assistantId: string, workerId: string, monthValue: string) {
  const [entries, rounds] = await Promise.all([
    listPairMonth(assistantId, workerId, monthValue),
    listPairRounds(assistantId, workerId, monthValue),
  ]);
  const pending = entries.filter((e) => e.consent !== 'signed');
  return {
    entries,
    rounds: rounds.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt)),
    rows: monthRows(entries.map(listed)),
    totals: monthTotals(entries.map(listed)),
    pendingDigest: pending.length ? digestOf(pending) : undefined,
  };
}

export const entryRoutes = [
  defineRoute({
    method: 'GET',
    path: '/me/activity-workers',
    summary: '활동일지를 쓸 수 있는 근로자(내 매칭) 목록 — 근로지원인',
    response: workersResponse,
    access: { action: 'list', resource: 'ownActivityWorkers', roles: ['assistant'] },
    handle: async ({ caller, allow }) => {
      allow({ userId: caller!.userId });
      const scope = await assistantScope(caller!.userId);
      const workers = workerOptions(scope.matchings);
      await recordPersonalDataRead(caller!, {
        action: 'activityLog.workers',
        targetType: 'assistant',
        targetId: caller!.userId,
        subjects: workers.map((worker) => worker.workerId),
      });
      return { body: { workers } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/activity-logs',
    summary:
      '근로지원인 활동일지 등록: 한 근로자의 한 달 활동내역(순번, 활동일자, 활동시간, 근태, 활동내용 …)과 동의 기록',
    response: assistantMonthResponse,
    access: { action: 'list', resource: 'activityLog', roles: ['assistant'] },
    query: monthQuery,
    labels: { workerId: '근로자', month: '활동년월' },
    handle: async ({ query, caller, allow }) => {
      allow({ userId: caller!.userId });
      const scope = await assistantScope(caller!.userId);
      const pairs = pairMatchings(scope, query.workerId);
      const assistantIds = [...new Set(pairs.map((m) => m.assistantId))];
      const months = await Promise.all(assistantIds.map((id) => pairMonth(id, query.workerId, query.month)));
      const entries = months.flatMap((m) => m.entries);
      const latest = [...pairs].sort((a, b) => b.startDate.localeCompare(a.startDate))[0]!;
      const application = await getApplication(latest.applicationId);
      await recordAudit(caller!, {
        action: 'activityLog.month',
        targetType: 'activityLog',
        targetId: `${query.workerId}#${query.month}`,
        subjectId: query.workerId,
        branchId: latest.branchId,
      });
      const pending = entries.filter((e) => e.consent !== 'signed');
      return {
        body: {
          month: query.month,
          worker: {
            workerId: latest.workerId,
            workerName: latest.workerName,
            disabilityType: label(DISABILITY_TYPES, application?.disability.type) || '-',
            periods: pairs.map((m) => ({ startDate: m.startDate, endDate: m.endDate, status: m.status })),
            supportType: label(SUPPORT_TYPES, latest.supportType),
            workplaceName: latest.workplaceName,
            agencyName: latest.agencyName,
            active: pairs.some((m) => m.status === 'active'),
          },
          rows: monthRows(entries.map(listed)),
          totals: monthTotals(entries.map(listed)),
          rounds: months.flatMap((m) => m.rounds).map(roundView),
          pendingCount: pending.length,
          unsignedCount: entries.filter((e) => e.consent === 'unsigned').length,
          pendingDigest: pending.length ? digestOf(pending) : undefined,
        },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/activity-logs',
    summary: '활동내역 등록(근로지원인): 활동일자, 근태, 휴가시간, 활동시간, 활동내용, 기타 활동내용, 특이사항',
    response: entryViewSchema,
    access: { action: 'create', resource: 'activityLog', roles: ['assistant'] },
    body: createEntryBody,
    labels: LABELS,
    handle: async ({ body, caller, allow }) => {
      allow({ userId: caller!.userId });
      const scope = await assistantScope(caller!.userId);
      const item = await createEntry(caller!, scope, body);
      return { status: 201, body: entryView(item) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/activity-logs/{entryId}',
    summary: '활동일지 한 건(고치기 화면): 근로지원인, 근로자, 수행기관',
    response: entryViewSchema,
    access: { action: 'read', resource: 'activityLog', roles: ['assistant', 'worker', 'agency'] },
    params: entryParams,
    handle: async ({ params, caller, allow }) => {
      const item = await entryOrNotFound(params.entryId);
      partyOf(caller!, allow, item, ['assistant', 'worker', 'agency']);
      // each party sees the other people of the entry (the agency both)
      await recordPersonalDataRead(caller!, {
        action: 'activityLog.read',
        targetType: 'activityLog',
        targetId: item.entryId,
        branchId: item.branchId,
        subjects: [item.workerId, item.assistantUserId],
      });
      return { body: entryView(item) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/activity-logs/{entryId}',
    summary: '활동일지 고치기: 근로지원인(서명 전만) 또는 수행기관(서명 후 정정은 사유와 근로자 재동의)',
    response: entryViewSchema,
    access: { action: 'update', resource: 'activityLog', roles: ['assistant', 'agency'] },
    params: entryParams,
    body: editEntryBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const item = await entryOrNotFound(params.entryId);
      const party = partyOf(caller!, allow, item, ['agency', 'assistant']) as 'agency' | 'assistant';
      const after = await editEntry(caller!, item, body, party, body.reason, body.revision);
      return { body: entryView(after) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/activity-logs/{entryId}/delete',
    summary: '활동일지 지우기(서명 전 기록만)',
    response: deletedResponse,
    access: { action: 'delete', resource: 'activityLog', roles: ['assistant', 'agency'] },
    params: entryParams,
    body: deleteEntryBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const item = await entryOrNotFound(params.entryId);
      const party = partyOf(caller!, allow, item, ['agency', 'assistant']) as 'agency' | 'assistant';
      await deleteEntry(caller!, item, party, body.revision);
      return { body: { deleted: item.entryId } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/activity-log-documents',
    summary: '활동일지 출력(PDF): 한 근로지원인·근로자·달의 활동내역과 동의 기록, 내려받기 주소(5분)',
    response: logDocumentResponse,
    access: {
      action: 'print',
      resource: 'activityLog',
      roles: ['assistant', 'worker', 'agency', 'branch', 'hq'],
    },
    query: documentQuery,
    labels: { workerId: '근로자', assistantId: '근로지원인', month: '활동년월' },
    handle: async ({ query, caller, allow }) => {
      const staff = actsAsActivityStaff(caller!);
      let matchings: Awaited<ReturnType<typeof listByAssistant>>;
      if (staff && query.assistantId && query.workerId) {
        matchings = inForce(await listByAssistant(query.assistantId)).filter((m) => m.workerId === query.workerId);
        const first = matchings[0];
        if (!first) throw new NotFound('매칭');
        allow({ agencyId: first.agencyId, branchId: first.branchId });
      } else if (holds(caller!, 'assistant') && query.workerId) {
        allow({ userId: caller!.userId });
        matchings = pairMatchings(await assistantScope(caller!.userId), query.workerId);
      } else if (holds(caller!, 'worker')) {
        // a worker prints only their own log
        allow({ userId: query.workerId ?? caller!.userId });
        matchings = inForce(await listByWorker(caller!.userId));
      } else {
        throw new RuleViolation('출력할 근로지원인과 근로자를 골라 주세요.', 'CHOOSE_PAIR');
      }
      const inMonth = matchings.filter(
        (m) =>
          (!query.assistantId || m.assistantId === query.assistantId) &&
          m.startDate <= `${query.month}-31` &&
          m.endDate >= `${query.month}-01`,
      );
      const assistantIds = [...new Set(inMonth.map((m) => m.assistantId))];
      if (assistantIds.length === 0) {
        throw new RuleViolation(
          `${monthText(query.month)}에 매칭된 기간이 없어 출력할 활동일지가 없습니다.`,
          'NO_MATCHING',
        );
      }
      if (assistantIds.length > 1) {
        throw new RuleViolation(
          '이 달에는 근로지원인이 여러 명입니다. 출력할 근로지원인을 골라 주세요.',
          'CHOOSE_ASSISTANT',
        );
      }
      const matching = inMonth.find((m) => m.assistantId === assistantIds[0])!;
      const data = await pairMonth(matching.assistantId, matching.workerId, query.month);
      const periods = inMonth.map((m) => `${m.startDate}~${m.endDate}`).join(', ');
      // the same content prints to the same stored file: the key is a hash of everything on the page
      const fingerprint = sha256Hex(
        new TextEncoder().encode(
          JSON.stringify({
            entries: data.entries.map((e) => [e.entryId, e.revision]),
            rounds: data.rounds.map((r) => [r.roundId, r.revision]),
            periods,
          }),
        ),
      );
      const key = logDocumentKey(matching.assistantId, matching.workerId, query.month, fingerprint);
      if (!(await documentExists(key))) {
        const bytes = await activityLogPdf({
          month: query.month,
          workerName: matching.workerName,
          assistantName: matching.assistantName,
          agencyName: matching.agencyName,
          matchingPeriod: periods,
          supportType: label(SUPPORT_TYPES, matching.supportType),
          entries: data.entries.map(listed),
          rounds: data.rounds.map(roundForDocument),
          generatedAt: clock.nowIso(),
        });
        await writeDocument(key, bytes, 'application/pdf');
      }
      await recordAudit(caller!, {
        action: 'activityLog.print',
        targetType: 'activityLog',
        targetId: `${matching.assistantId}#${matching.workerId}#${query.month}`,
        subjectId: matching.workerId,
        branchId: matching.branchId,
      });
      // no names in file names: they travel in the presigned URL's query, which access logs keep
      const fileName = `활동일지_${query.month}_${matching.matchingId}.pdf`;
      const url = await presignDocument(key, { fileName, contentType: 'application/pdf', attachment: true });
      return {
        body: {
          url,
          fileName,
          month: query.month,
          assistantId: matching.assistantId,
          workerId: matching.workerId,
          pendingDigest: data.pendingDigest,
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/organisations/{organisationId}/activity-logs',
    summary: '활동일지 관리(수행기관·지사·본부): 소속 근로지원인의 활동일지를 근로지원인·근로자·월로 조회',
    response: agencyLogsResponse,
    access: { action: 'list', resource: 'activityLog', roles: ['agency', 'branch', 'hq'] },
    params: agencyLogsParams,
    query: agencyLogsQuery,
    labels: LABELS,
    handle: async ({ params, query, caller, allow }) => {
      const agency = await getOrganisation(params.organisationId);
      if (agency?.kind !== 'agency') throw new NotFound('수행기관');
      allow({ agencyId: agency.organisationId, branchId: agency.branchId });
      const { logs, filters, subjects } = await agencyMonthLogs(agency.organisationId, query);
      await recordPersonalDataRead(caller!, {
        action: 'activityLog.agencyList',
        targetType: 'organisation',
        targetId: `${agency.organisationId}#${query.month}`,
        branchId: agency.branchId,
        subjects,
      });
      return {
        body: {
          agencyId: agency.organisationId,
          agencyName: agency.name,
          month: query.month,
          logs,
          filters,
        },
      };
    },
  }),
];
