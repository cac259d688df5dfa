import { recordAudit, recordPersonalDataRead } from '#commons/audit-trail';
import { presignDocument, readDocument } from '#commons/documents';
import { NotFound } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import {
  myRoundsResponse,
  paperConsentBody,
  requestConsentBody,
  roundDetailResponse,
  roundParams,
  roundsResponse,
  roundView as roundViewSchema,
  scanLinkResponse,
  signBody,
  withdrawBody,
} from './consent-contract.ts';
import { listWorkerRounds } from './consent-repository.ts';
import {
  paperConsent,
  requestConsent,
  roundEntries,
  roundView,
  type Snapshot,
  signRound,
  withdrawRound,
} from './consent-service.ts';
import { entryView, partyOf, roundOrNotFound } from './entry-routes.ts';
import { monthRows, sortEntries } from './entry-rules.ts';
import { assistantScope, digestOf, listed } from './entry-service.ts';

// 전자서명 동의 (SPEC C2): the assistant asks the worker to consent to a month's entries (or attaches a
// hand-signed printout); the worker reviews and signs in the portal; the assistant or the agency may
// withdraw a request not yet signed.

export const consentRoutes = [
  defineRoute({
    method: 'POST',
    path: '/consent-rounds',
    summary: '전자서명 동의 요청(근로지원인): 한 달의 아직 요청하지 않은 활동내역(또는 고른 것)을 근로자에게 보냄',
    response: roundsResponse,
    access: { action: 'request', resource: 'consentRound', roles: ['assistant'] },
    body: requestConsentBody,
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
    response: roundViewSchema,
    access: { action: 'recordPaper', resource: 'consentRound', roles: ['assistant'] },
    body: paperConsentBody,
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
    response: myRoundsResponse,
    access: { action: 'list', resource: 'ownConsentRound', roles: ['worker'] },
    handle: async ({ caller, allow }) => {
      allow({ userId: caller!.userId });
      const rounds = await listWorkerRounds(caller!.userId);
      const order = { requested: 0, signed: 1, withdrawn: 2 } as const;
      const items = rounds
        .sort((a, b) => order[a.status] - order[b.status] || b.requestedAt.localeCompare(a.requestedAt))
        .map(roundView);
      await recordPersonalDataRead(caller!, {
        action: 'consentRound.ownList',
        targetType: 'worker',
        targetId: caller!.userId,
        subjects: rounds.map((round) => round.assistantUserId),
      });
      return { body: { items, waiting: items.filter((r) => r.status === 'requested').length } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/consent-rounds/{roundId}',
    summary: '동의 요청 한 건: 확인할 활동내역과 그 SHA-256 (서명한 요청은 서명한 그대로)',
    response: roundDetailResponse,
    access: { action: 'read', resource: 'consentRound', roles: ['worker', 'assistant', 'agency'] },
    params: roundParams,
    handle: async ({ params, caller, allow }) => {
      const round = await roundOrNotFound(params.roundId);
      partyOf(caller!, allow, round, ['worker', 'assistant', 'agency']);
      await recordPersonalDataRead(caller!, {
        action: 'consentRound.read',
        targetType: 'consentRound',
        targetId: round.roundId,
        branchId: round.branchId,
        subjects: [round.workerId, round.assistantUserId],
      });
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
    response: roundViewSchema,
    access: { action: 'sign', resource: 'consentRound', roles: ['worker'] },
    params: roundParams,
    body: signBody,
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
    response: roundViewSchema,
    access: { action: 'withdraw', resource: 'consentRound', roles: ['assistant', 'agency'] },
    params: roundParams,
    body: withdrawBody,
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
    response: scanLinkResponse,
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
];
