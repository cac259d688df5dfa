import { z } from 'zod';
import type { Caller } from '#commons/caller';
import { Forbidden, NotFound, RuleViolation } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { actsAs, actsAsActivityStaff, actsForAgency, type Target } from '#commons/policy';
import { getOrganisation } from '#functions/agencies/repository';
import { DISABILITY_TYPES, label, SUPPORT_TYPES } from '#functions/applications/codes';
import { getApplication } from '#functions/applications/repository';
import { recordAudit } from '#functions/audit/repository';
import { inForce, listByAgency, listByAssistant, listByWorker } from '#functions/matching/repository';
import * as clock from '#kernel/clock';
import { dayField, idField, monthField, textField, timeOfDayField } from '#kernel/fields';
import { ATTENDANCE_CODES } from './codes.ts';
import { activityLogPdf, type LogDocumentRound } from './document.ts';
import type { ActivityLogEntryItem, ConsentRoundItem } from './entities.ts';
import {
  getEntry,
  getRound,
  listAgencyMonth,
  listAgencyRounds,
  listPairMonth,
  listPairRounds,
  listWorkerRounds,
} from './repository.ts';
import { ENTRY_LABELS, monthRows, monthTotals, sortEntries } from './rules.ts';
import {
  assistantScope,
  createEntry,
  deleteEntry,
  digestOf,
  editEntry,
  listed,
  monthText,
  pairMatchings,
  paperConsent,
  requestConsent,
  roundEntries,
  roundView,
  type Snapshot,
  signRound,
  withdrawRound,
  workerOptions,
} from './service.ts';
import { documentExists, logDocumentKey, presignDocument, readDocument, sha256Hex, writeDocument } from './storage.ts';

// 활동일지 (SPEC C1) and 전자서명 동의 (SPEC C2). The assistant writes entries for the workers they
// are matched with and asks for consent; the worker reviews and signs in the portal; the agency sees
// and filters all its assistants' logs and may correct them (the worker then consents again). Every
// route names whose data it touches: the assistant's own login, the worker's own login, or the agency.

const day = dayField('활동일자');
const timeOfDay = (name: string) => timeOfDayField(`${name} 시각`, { endOfDay: true });
const month = monthField('활동년월');
const loginId = (name: string) => idField(name, 64);

// Text limits here are generous: the rules (rules.ts) refuse past 200/2000 characters with a message
// that counts; these only keep absurd requests out.
const entryFields = {
  date: day,
  attendance: z.enum(ATTENDANCE_CODES, { error: '근태를 목록에서 골라 주세요.' }),
  leaveMinutes: z.number({ error: '휴가시간을 목록에서 골라 주세요.' }).int().nullable().optional(),
  start: timeOfDay('활동시간의 시작'),
  end: timeOfDay('활동시간의 끝'),
  contentCode: idField('활동내용', 10).nullable().optional(),
  otherContent: textField('기타 활동내용', { max: 2000, multiline: true, trim: false }).nullable().optional(),
  specialNotes: textField('특이사항', { max: 20000, multiline: true, trim: false }).nullable().optional(),
};

const entryParams = z.object({
  entryId: idField('활동일지 번호', 43, /^AL-[0-9A-Z-]{4,40}$/),
});
const roundParams = z.object({
  roundId: idField('동의 요청 번호', 43, /^CR-[0-9A-Z-]{4,40}$/),
});
const revision = z.number({ error: '화면을 새로 고친 뒤 다시 시도해 주세요.' }).int();

const LABELS = {
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
function partyOf(
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
    if (party === 'assistant' && actsAs(caller, 'assistant') && caller.userId === item.assistantUserId) {
      allow({ userId: item.assistantUserId });
      return party;
    }
    if (party === 'worker' && actsAs(caller, 'worker') && caller.userId === item.workerId) {
      allow({ userId: item.workerId });
      return party;
    }
  }
  throw new Forbidden('다른 기관 또는 다른 사람의 활동일지에는 접근할 수 없습니다.');
}

function entryView(item: ActivityLogEntryItem) {
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

async function roundOrNotFound(roundId: string): Promise<ConsentRoundItem> {
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

export const activityRoutes = [
  defineRoute({
    method: 'GET',
    path: '/me/activity-workers',
    summary: '활동일지를 쓸 수 있는 근로자(내 매칭) 목록 — 근로지원인',
    access: { action: 'list', resource: 'ownActivityWorkers', roles: ['assistant'] },
    handle: async ({ caller, allow }) => {
      allow({ userId: caller!.userId });
      const scope = await assistantScope(caller!.userId);
      return { body: { workers: workerOptions(scope.matchings) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/activity-logs',
    summary:
      '근로지원인 활동일지 등록: 한 근로자의 한 달 활동내역(순번, 활동일자, 활동시간, 근태, 활동내용 …)과 동의 기록',
    access: { action: 'list', resource: 'activityLog', roles: ['assistant'] },
    query: z.object({ workerId: loginId('근로자'), month }),
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
    access: { action: 'create', resource: 'activityLog', roles: ['assistant'] },
    body: z.object({ workerId: loginId('근로자'), ...entryFields }),
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
    access: { action: 'read', resource: 'activityLog', roles: ['assistant', 'worker', 'agency'] },
    params: entryParams,
    handle: async ({ params, caller, allow }) => {
      const item = await entryOrNotFound(params.entryId);
      const party = partyOf(caller!, allow, item, ['assistant', 'worker', 'agency']);
      if (party === 'agency') {
        await recordAudit(caller!, {
          action: 'activityLog.read',
          targetType: 'activityLog',
          targetId: item.entryId,
          subjectId: item.workerId,
          branchId: item.branchId,
        });
      }
      return { body: entryView(item) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/activity-logs/{entryId}',
    summary: '활동일지 고치기: 근로지원인(서명 전만) 또는 수행기관(서명 후 정정은 사유와 근로자 재동의)',
    access: { action: 'update', resource: 'activityLog', roles: ['assistant', 'agency'] },
    params: entryParams,
    body: z.object({
      ...entryFields,
      revision,
      reason: textField('정정 사유', { max: 1000, multiline: true, trim: false }).optional(),
    }),
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
    access: { action: 'delete', resource: 'activityLog', roles: ['assistant', 'agency'] },
    params: entryParams,
    body: z.object({ revision }),
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const item = await entryOrNotFound(params.entryId);
      const party = partyOf(caller!, allow, item, ['agency', 'assistant']) as 'agency' | 'assistant';
      await deleteEntry(caller!, item, party, body.revision);
      return { body: { deleted: item.entryId } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/consent-rounds',
    summary: '전자서명 동의 요청(근로지원인): 한 달의 아직 요청하지 않은 활동내역(또는 고른 것)을 근로자에게 보냄',
    access: { action: 'request', resource: 'consentRound', roles: ['assistant'] },
    body: z.object({
      workerId: loginId('근로자'),
      month,
      entryIds: z
        .array(idField('활동 내역', 43, /^AL-[0-9A-Z-]{4,40}$/))
        .min(1, { error: '동의를 요청할 활동 내역을 하나 이상 골라 주세요.' })
        .max(100)
        .optional(),
    }),
    labels: { workerId: '근로자', month: '활동년월', entryIds: '활동 내역 선택' },
    handle: async ({ body, caller, allow }) => {
      allow({ userId: caller!.userId });
      const scope = await assistantScope(caller!.userId);
      const rounds = await requestConsent(caller!, scope, body.workerId, body.month, body.entryIds);
      return { status: 201, body: { rounds: rounds.map(roundView) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/paper-consents',
    summary: '수기 서명 첨부(근로지원인): 출력해 손으로 서명받은 활동일지 스캔본과 본인 확인',
    access: { action: 'recordPaper', resource: 'consentRound', roles: ['assistant'] },
    body: z.object({
      workerId: loginId('근로자'),
      month,
      uploadId: z.string().uuid({ error: '서명 스캔본을 먼저 올려 주세요.' }).optional(),
      identityConfirmed: z.boolean({ error: '‘본인 확인’에 체크해 주세요.' }),
      digest: z
        .string({ error: '화면을 새로 고친 뒤 다시 시도해 주세요.' })
        .max(64, { error: '화면을 새로 고친 뒤 다시 시도해 주세요.' })
        .regex(/^[0-9a-f]{64}$/, { error: '화면을 새로 고친 뒤 다시 시도해 주세요.' }),
    }),
    labels: { workerId: '근로자', month: '활동년월', uploadId: '서명 스캔본', identityConfirmed: '본인 확인' },
    handle: async ({ body, caller, allow }) => {
      allow({ userId: caller!.userId });
      const scope = await assistantScope(caller!.userId);
      const round = await paperConsent(caller!, scope, body);
      return { status: 201, body: roundView(round) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/consent-rounds',
    summary: '전자서명 동의(근로자): 내게 온 동의 요청과 서명 기록',
    access: { action: 'list', resource: 'ownConsentRound', roles: ['worker'] },
    handle: async ({ caller, allow }) => {
      allow({ userId: caller!.userId });
      const rounds = await listWorkerRounds(caller!.userId);
      const order = { requested: 0, signed: 1, withdrawn: 2 } as const;
      const items = rounds
        .sort((a, b) => order[a.status] - order[b.status] || b.requestedAt.localeCompare(a.requestedAt))
        .map(roundView);
      return { body: { items, waiting: items.filter((r) => r.status === 'requested').length } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/consent-rounds/{roundId}',
    summary: '동의 요청 한 건: 확인할 활동내역과 그 SHA-256 (서명한 요청은 서명한 그대로)',
    access: { action: 'read', resource: 'consentRound', roles: ['worker', 'assistant', 'agency'] },
    params: roundParams,
    handle: async ({ params, caller, allow }) => {
      const round = await roundOrNotFound(params.roundId);
      partyOf(caller!, allow, round, ['worker', 'assistant', 'agency']);
      if (round.status === 'signed' && round.snapshotKey) {
        // what the worker agreed to, even if an entry was corrected since
        const snapshot = JSON.parse(new TextDecoder().decode(await readDocument(round.snapshotKey))) as Snapshot;
        const entries = snapshot.entries.map((e) => ({ ...e, consent: 'signed' as const, signedBy: round.method }));
        return {
          body: { round: roundView(round), rows: monthRows(entries), entries, digest: round.digest },
        };
      }
      const items = round.status === 'requested' ? sortEntries(await roundEntries(round)) : [];
      return {
        body: {
          round: roundView(round),
          rows: monthRows(items.map(listed)),
          entries: items.map(entryView),
          digest: items.length ? digestOf(items) : undefined,
        },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/consent-rounds/{roundId}/sign',
    summary: '전자서명(근로자): 활동내역을 확인하고 이름을 입력해 동의',
    access: { action: 'sign', resource: 'consentRound', roles: ['worker'] },
    params: roundParams,
    body: z.object({
      typedName: textField('서명(이름)', {
        min: 1,
        max: 50,
        messages: { required: '서명란에 이름을 적어 주세요.', max: '서명란에는 이름만 적어 주세요.' },
      }),
      agree: z.boolean({ error: '동의 항목에 체크해 주세요.' }),
      digest: z
        .string({ error: '화면을 새로 고친 뒤 다시 서명해 주세요.' })
        .max(64, { error: '화면을 새로 고친 뒤 다시 서명해 주세요.' })
        .regex(/^[0-9a-f]{64}$/, { error: '화면을 새로 고친 뒤 다시 서명해 주세요.' }),
    }),
    labels: { typedName: '서명(이름)', agree: '동의 확인', digest: '확인한 활동 내역' },
    handle: async ({ params, body, caller, allow }) => {
      const round = await roundOrNotFound(params.roundId);
      partyOf(caller!, allow, round, ['worker']);
      return { body: roundView(await signRound(caller!, round, body)) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/consent-rounds/{roundId}/withdraw',
    summary: '동의 요청 취소(근로지원인·수행기관): 서명 전 요청만',
    access: { action: 'withdraw', resource: 'consentRound', roles: ['assistant', 'agency'] },
    params: roundParams,
    body: z.object({
      reason: textField('취소 사유', {
        max: 200,
        multiline: true,
        trim: false,
        messages: { max: '취소 사유는 200자까지 쓸 수 있습니다.' },
      }).optional(),
    }),
    labels: { reason: '취소 사유' },
    handle: async ({ params, body, caller, allow }) => {
      const round = await roundOrNotFound(params.roundId);
      partyOf(caller!, allow, round, ['agency', 'assistant']);
      return { body: roundView(await withdrawRound(caller!, round, body.reason)) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/consent-rounds/{roundId}/scan',
    summary: '수기 서명 스캔본 내려받기 주소(5분 동안 유효)',
    access: { action: 'download', resource: 'consentScan', roles: ['worker', 'assistant', 'agency'] },
    params: roundParams,
    handle: async ({ params, caller, allow }) => {
      const round = await roundOrNotFound(params.roundId);
      partyOf(caller!, allow, round, ['worker', 'assistant', 'agency']);
      if (!round.scan) throw new NotFound('수기 서명 스캔본');
      await recordAudit(caller!, {
        action: 'consent.scan.download',
        targetType: 'consentRound',
        targetId: round.roundId,
        subjectId: round.workerId,
        branchId: round.branchId,
      });
      // no names in file names: they travel in the presigned URL's query, which access logs keep
      const fileName = `활동일지_수기서명_${round.month}_${round.roundId}.${round.scan.key.split('.').pop()}`;
      const url = await presignDocument(round.scan.key, {
        fileName,
        contentType: round.scan.contentType,
        attachment: true,
      });
      return { body: { url, fileName, sha256: round.scan.sha256 } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/activity-log-documents',
    summary: '활동일지 출력(PDF): 한 근로지원인·근로자·달의 활동내역과 동의 기록, 내려받기 주소(5분)',
    access: {
      action: 'print',
      resource: 'activityLog',
      roles: ['assistant', 'worker', 'agency', 'branch', 'hq'],
    },
    query: z.object({
      workerId: loginId('근로자').optional(),
      assistantId: idField('근로지원인', 43).optional(),
      month,
    }),
    labels: { workerId: '근로자', assistantId: '근로지원인', month: '활동년월' },
    handle: async ({ query, caller, allow }) => {
      const staff = actsAsActivityStaff(caller!);
      let matchings: Awaited<ReturnType<typeof listByAssistant>>;
      if (staff && query.assistantId && query.workerId) {
        matchings = inForce(await listByAssistant(query.assistantId)).filter((m) => m.workerId === query.workerId);
        const first = matchings[0];
        if (!first) throw new NotFound('매칭');
        allow({ agencyId: first.agencyId, branchId: first.branchId });
      } else if (actsAs(caller!, 'assistant') && query.workerId) {
        allow({ userId: caller!.userId });
        matchings = pairMatchings(await assistantScope(caller!.userId), query.workerId);
      } else if (actsAs(caller!, 'worker')) {
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
    access: { action: 'list', resource: 'activityLog', roles: ['agency', 'branch', 'hq'] },
    params: z.object({ organisationId: idField('기관 번호', 40) }),
    query: z.object({
      month,
      assistantId: idField('근로지원인', 43).optional(),
      workerId: loginId('근로자').optional(),
    }),
    labels: LABELS,
    handle: async ({ params, query, caller, allow }) => {
      const agency = await getOrganisation(params.organisationId);
      if (agency?.kind !== 'agency') throw new NotFound('수행기관');
      allow({ agencyId: agency.organisationId, branchId: agency.branchId });
      const [entries, rounds, matchings] = await Promise.all([
        listAgencyMonth(agency.organisationId, query.month, query.assistantId, query.workerId),
        listAgencyRounds(agency.organisationId, query.month),
        listByAgency(agency.organisationId),
      ]);
      await recordAudit(caller!, {
        action: 'activityLog.agencyList',
        targetType: 'organisation',
        targetId: `${agency.organisationId}#${query.month}`,
        branchId: agency.branchId,
      });
      const groups = new Map<string, ActivityLogEntryItem[]>();
      for (const entry of entries) {
        const key = `${entry.assistantId}|${entry.workerId}`;
        groups.set(key, [...(groups.get(key) ?? []), entry]);
      }
      const logs = [...groups.values()]
        .map((items) => {
          const first = items[0]!;
          const pairRounds = rounds
            .filter((r) => r.assistantId === first.assistantId && r.workerId === first.workerId)
            .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
          return {
            assistantId: first.assistantId,
            assistantName: first.assistantName,
            workerId: first.workerId,
            workerName: first.workerName,
            rows: monthRows(items.map(listed)),
            totals: monthTotals(items.map(listed)),
            rounds: pairRounds.map(roundView),
          };
        })
        .sort(
          (a, b) =>
            a.assistantName.localeCompare(b.assistantName, 'ko') || a.workerName.localeCompare(b.workerName, 'ko'),
        );
      const unique = <T extends { id: string }>(list: T[]) => [...new Map(list.map((x) => [x.id, x])).values()];
      return {
        body: {
          agencyId: agency.organisationId,
          agencyName: agency.name,
          month: query.month,
          logs,
          filters: {
            assistants: unique(matchings.map((m) => ({ id: m.assistantId, name: m.assistantName }))).sort((a, b) =>
              a.name.localeCompare(b.name, 'ko'),
            ),
            workers: unique(matchings.map((m) => ({ id: m.workerId, name: m.workerName }))).sort((a, b) =>
              a.name.localeCompare(b.name, 'ko'),
            ),
          },
        },
      };
    },
  }),
];
