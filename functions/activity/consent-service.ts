import type { Caller } from '#commons/caller';
import { keepUpload, writeDocument } from '#commons/documents';
import { Conflict, RuleViolation } from '#commons/errors';
import { readyUpload } from '#functions/files/repository';
import { getProfile } from '#functions/identity/repository';
import { type AttendanceCode, attendanceOf } from '#kernel/attendance-kinds';
import * as clock from '#kernel/clock';
import { contentLabel, ROUND_KIND_LABELS, type SigningMethod } from './codes.ts';
import { paperProblems, signatureProblems } from './consent-rules.ts';
import type { ActivityLogEntryItem, ConsentRoundItem } from './entities.ts';
import { type Change, commitChange, getEntry, listPairMonth } from './entry-repository.ts';
import { type SignedContent, sortEntries } from './entry-rules.ts';
import {
  type AssistantScope,
  digestOf,
  fail,
  newRound,
  openRound,
  pairMatchings,
  signedContent,
  tell,
} from './entry-service.ts';
import { scanKey, snapshotKey } from './storage.ts';

// The flows of consent rounds (SPEC C2): asking the worker, signing, the paper signature and
// withdrawing. Each reads what the rules need, checks them (rules.ts), and writes the change with
// its audit record in one conditional transaction (repository.ts); then tells the other person.

// ── consent rounds ──────────────────────────────────────────────────────────────────────────────

/** Entries of the month not yet signed, per registration (almost always one). */
async function pendingOfMonth(scope: AssistantScope, workerId: string, month: string) {
  const assistantIds = [...new Set(pairMatchings(scope, workerId).map((m) => m.assistantId))];
  const groups = await Promise.all(
    assistantIds.map(async (assistantId) => ({
      assistantId,
      entries: await listPairMonth(assistantId, workerId, month),
    })),
  );
  return groups.map((g) => ({ ...g, pending: g.entries.filter((e) => e.consent !== 'signed') }));
}

/**
 * 전자서명 동의 요청: the month's entries not yet asked about join the open round of the month (or a
 * new one); the worker is told by SMS. `entryIds` narrows the request to the entries ticked on screen.
 */
export async function requestConsent(
  caller: Caller,
  scope: AssistantScope,
  workerId: string,
  month: string,
  entryIds?: string[],
): Promise<ConsentRoundItem[]> {
  const groups = await pendingOfMonth(scope, workerId, month);
  const chosen = entryIds ? new Set(entryIds) : undefined;
  if (chosen) {
    const known = new Map(groups.flatMap((g) => g.entries).map((e) => [e.entryId, e]));
    const bad = [...chosen].filter((id) => known.get(id)?.consent !== 'unsigned');
    if (bad.length) {
      fail([
        {
          field: 'entryIds',
          message: `고른 기록 중 ${bad.length}건은 이미 동의를 요청했거나 서명을 받았거나 이 달의 기록이 아닙니다. 목록을 새로 고친 뒤 다시 골라 주세요.`,
        },
      ]);
    }
  }
  const at = clock.nowIso();
  const rounds: ConsentRoundItem[] = [];
  for (const group of groups) {
    const fresh = group.entries.filter((e) => e.consent === 'unsigned' && (!chosen || chosen.has(e.entryId)));
    if (!fresh.length) continue;
    const open = await openRound(group.assistantId, workerId, month);
    const ids = sortEntries(fresh).map((e) => e.entryId);
    const round = open
      ? { ...open, entryIds: [...open.entryIds, ...ids], revision: open.revision + 1, updatedAt: at }
      : newRound(caller, fresh[0]!, 'initial', ids, at);
    await commitChange(
      caller,
      {
        action: 'consent.request',
        targetType: 'consentRound',
        targetId: round.roundId,
        subjectId: workerId,
        branchId: round.branchId,
      },
      {
        entries: fresh.map((e) => ({
          before: e,
          after: {
            ...e,
            consent: 'requested' as const,
            roundId: round.roundId,
            revision: e.revision + 1,
            updatedAt: at,
          },
        })),
        rounds: [{ before: open, after: round }],
      },
    );
    rounds.push(round);
    await tell(
      workerId,
      'sms',
      `[근로지원인 활동일지] ${round.assistantName} 근로지원인이 ${monthText(month)} 활동일지 ${ids.length}건에 대해 전자서명 동의를 요청했습니다. 포털의 ‘전자서명 동의’에서 내용을 확인하고 서명해 주세요.`,
      'activity-consent-request',
    );
  }
  if (!rounds.length) {
    const waiting = groups.some((g) => g.pending.some((e) => e.consent === 'requested'));
    if (waiting) {
      throw new Conflict(
        '이 달의 기록은 모두 이미 동의를 요청했습니다. 근로자가 서명하기를 기다리거나, 근로자가 전자서명을 할 수 없으면 수기 서명본을 올려 주세요.',
        'NOTHING_TO_REQUEST',
      );
    }
    throw new RuleViolation(
      '동의를 요청할 새 활동 내역이 없습니다. 먼저 활동내역을 등록해 주세요.',
      'NOTHING_TO_REQUEST',
    );
  }
  return rounds;
}

export function monthText(month: string): string {
  return `${Number(month.slice(0, 4))}년 ${Number(month.slice(5, 7))}월`;
}

/** The entries of an open round as they are now; a lost or moved entry means the round changed. */
export async function roundEntries(round: ConsentRoundItem): Promise<ActivityLogEntryItem[]> {
  const items = await Promise.all(round.entryIds.map((id) => getEntry(id)));
  return items.filter((e): e is ActivityLogEntryItem => !!e && e.roundId === round.roundId && e.consent !== 'unsigned');
}

export interface Snapshot {
  roundId: string;
  month: string;
  assistantId: string;
  assistantName: string;
  workerId: string;
  workerName: string;
  agencyName: string;
  method: SigningMethod;
  signedAt: string;
  digest: string;
  entries: (SignedContent & { attendanceLabel: string; contentLabel: string })[];
}

/** What a signature covers, as kept in the documents bucket: the entries with their labels as the worker read them. */
export function buildSnapshot(
  round: ConsentRoundItem,
  entries: readonly ActivityLogEntryItem[],
  method: SigningMethod,
  at: string,
  digest: string,
): Snapshot {
  return {
    roundId: round.roundId,
    month: round.month,
    assistantId: round.assistantId,
    assistantName: round.assistantName,
    workerId: round.workerId,
    workerName: round.workerName,
    agencyName: round.agencyName,
    method,
    signedAt: at,
    digest,
    entries: sortEntries(entries).map((e) => ({
      ...signedContent(e),
      attendanceLabel: attendanceOf(e.attendance as AttendanceCode).label,
      contentLabel: contentLabel(e.contentCode),
    })),
  };
}

export async function storeSnapshot(
  round: ConsentRoundItem,
  entries: readonly ActivityLogEntryItem[],
  method: SigningMethod,
  at: string,
  digest: string,
): Promise<string> {
  const key = snapshotKey(round.roundId, digest);
  const snapshot = buildSnapshot(round, entries, method, at, digest);
  await writeDocument(key, new TextEncoder().encode(JSON.stringify(snapshot)), 'application/json');
  return key;
}

function signedChange(
  round: { before?: ConsentRoundItem; after: ConsentRoundItem },
  entries: readonly ActivityLogEntryItem[],
  method: SigningMethod,
  at: string,
): Change {
  return {
    rounds: [round],
    entries: entries.map((e) => ({
      before: e,
      after: {
        ...e,
        consent: 'signed' as const,
        roundId: round.after.roundId,
        signedBy: method,
        revision: e.revision + 1,
        updatedAt: at,
      },
    })),
  };
}

/** The worker signs an open round: their name typed, the agreement ticked, the same entries they reviewed. */
export async function signRound(
  caller: Caller,
  round: ConsentRoundItem,
  input: { typedName: string; agree: boolean; digest: string },
) {
  if (round.status !== 'requested') {
    throw new Conflict(
      round.status === 'signed'
        ? '이미 서명한 요청입니다.'
        : '근로지원인이 취소한 요청입니다. 새 요청을 기다려 주세요.',
      'ROUND_CLOSED',
    );
  }
  const entries = await roundEntries(round);
  if (!entries.length) throw new RuleViolation('서명할 활동 내역이 없습니다. 화면을 새로 고쳐 주세요.', 'ROUND_EMPTY');
  const profile = await getProfile(caller.userId);
  const digest = digestOf(entries);
  const problems = signatureProblems(input, profile?.name ?? round.workerName, digest);
  // the entries changed while the worker read them: a concurrent change, not a mistake in the form
  if (problems.length === 1 && problems[0]!.field === 'digest') throw new Conflict(problems[0]!.message, 'STALE');
  if (problems.length) fail(problems);
  const at = clock.nowIso();
  const key = await storeSnapshot(round, entries, 'electronic', at, digest);
  const after: ConsentRoundItem = {
    ...round,
    entryIds: sortEntries(entries).map((e) => e.entryId),
    status: 'signed',
    method: 'electronic',
    signedAt: at,
    signedBy: caller.userId,
    typedName: input.typedName.trim(),
    digest,
    entryCount: entries.length,
    snapshotKey: key,
    sourceIp: caller.sourceIp,
    revision: round.revision + 1,
    updatedAt: at,
  };
  await commitChange(
    caller,
    {
      action: 'consent.sign',
      targetType: 'consentRound',
      targetId: round.roundId,
      subjectId: round.workerId,
      branchId: round.branchId,
    },
    signedChange({ before: round, after }, entries, 'electronic', at),
  );
  await tell(
    round.assistantUserId,
    'notification',
    `[근로지원인 활동일지] ${round.workerName} 님이 ${monthText(round.month)} 활동일지 ${entries.length}건에 전자서명으로 동의했습니다.`,
    'activity-consent-signed',
  );
  return after;
}

/**
 * The paper path: the worker signed the printed month by hand; the assistant uploads the scan and
 * confirms it was the worker (본인 확인). It closes every entry of the month still waiting, in the
 * open round (or a new one), and the worker is told so that a signature in their name never goes
 * unnoticed.
 */
export async function paperConsent(
  caller: Caller,
  scope: AssistantScope,
  input: { workerId: string; month: string; uploadId?: string; identityConfirmed: boolean; digest: string },
) {
  pairMatchings(scope, input.workerId);
  const problems = paperProblems(input);
  if (problems.length) fail(problems);
  const groups = (await pendingOfMonth(scope, input.workerId, input.month)).filter((g) => g.pending.length);
  if (!groups.length) {
    throw new RuleViolation(
      '이 달에 서명을 받을 활동 내역이 없습니다. 모두 동의를 받았거나 등록된 기록이 없습니다.',
      'NOTHING_TO_SIGN',
    );
  }
  if (groups.length > 1) {
    throw new RuleViolation(
      '이 달의 활동일지가 두 수행기관의 매칭에 나뉘어 있습니다. 수행기관 담당자에게 문의해 주세요.',
      'SPLIT_MONTH',
    );
  }
  const group = groups[0]!;
  const digest = digestOf(group.pending);
  if (digest !== input.digest) {
    throw new Conflict(
      '출력한 뒤 활동 내역이 바뀌었습니다. 지금 내용으로 다시 출력해 근로자의 서명을 받은 뒤 올려 주세요.',
      'STALE',
    );
  }
  const upload = await readyUpload(input.uploadId!, caller.userId, 'consentScan');
  const at = clock.nowIso();
  const open = await openRound(group.assistantId, input.workerId, input.month);
  const base =
    open ??
    newRound(
      caller,
      group.pending[0]!,
      'initial',
      sortEntries(group.pending).map((e) => e.entryId),
      at,
    );
  const key = scanKey(base.roundId, upload.sha256 ?? digest, upload.contentType);
  await keepUpload(upload.bucketKey, key, upload.contentType);
  const snapshot = await storeSnapshot(base, group.pending, 'paper', at, digest);
  const after: ConsentRoundItem = {
    ...base,
    entryIds: sortEntries(group.pending).map((e) => e.entryId),
    status: 'signed',
    method: 'paper',
    signedAt: at,
    signedBy: caller.userId,
    digest,
    entryCount: group.pending.length,
    snapshotKey: snapshot,
    scan: {
      key,
      fileName: upload.fileName,
      contentType: upload.contentType,
      sha256: upload.sha256 ?? '',
      identityConfirmed: true,
    },
    sourceIp: caller.sourceIp,
    revision: base.revision + (open ? 1 : 0),
    updatedAt: at,
  };
  await commitChange(
    caller,
    {
      action: 'consent.paper',
      targetType: 'consentRound',
      targetId: base.roundId,
      subjectId: input.workerId,
      branchId: base.branchId,
    },
    signedChange({ before: open, after }, group.pending, 'paper', at),
  );
  await tell(
    input.workerId,
    'sms',
    `[근로지원인 활동일지] ${base.assistantName} 근로지원인이 ${monthText(input.month)} 활동일지 ${group.pending.length}건에 대해 근로자님이 손으로 서명한 확인서를 올렸습니다. 서명한 적이 없다면 수행기관(${base.agencyName})에 알려 주세요.`,
    'activity-consent-paper',
  );
  return after;
}

/** The assistant (or agency) takes back an open request; its entries wait to be asked again. */
export async function withdrawRound(caller: Caller, round: ConsentRoundItem, reason: string | undefined) {
  if (round.status !== 'requested') {
    throw new Conflict('서명을 기다리는 요청만 취소할 수 있습니다.', 'ROUND_CLOSED');
  }
  const entries = await roundEntries(round);
  const at = clock.nowIso();
  const after: ConsentRoundItem = {
    ...round,
    status: 'withdrawn',
    withdrawnAt: at,
    withdrawnBy: caller.userId,
    withdrawnReason: reason?.trim() || undefined,
    revision: round.revision + 1,
    updatedAt: at,
  };
  await commitChange(
    caller,
    {
      action: 'consent.withdraw',
      targetType: 'consentRound',
      targetId: round.roundId,
      subjectId: round.workerId,
      branchId: round.branchId,
      reason,
    },
    {
      rounds: [{ before: round, after }],
      entries: entries.map((e) => ({
        before: e,
        after: { ...e, consent: 'unsigned' as const, roundId: undefined, revision: e.revision + 1, updatedAt: at },
      })),
    },
  );
  await tell(
    round.workerId,
    'sms',
    `[근로지원인 활동일지] ${round.assistantName} 근로지원인이 ${monthText(round.month)} 활동일지 동의 요청을 취소했습니다. 새 요청이 오면 다시 알려 드립니다.`,
    'activity-consent-withdrawn',
  );
  return after;
}

export function roundView(round: ConsentRoundItem) {
  return {
    roundId: round.roundId,
    assistantId: round.assistantId,
    assistantName: round.assistantName,
    workerId: round.workerId,
    workerName: round.workerName,
    agencyId: round.agencyId,
    agencyName: round.agencyName,
    month: round.month,
    kind: round.kind,
    kindLabel: ROUND_KIND_LABELS[round.kind],
    status: round.status,
    entryCount: round.entryCount ?? round.entryIds.length,
    requestedAt: round.requestedAt,
    reason: round.reason,
    method: round.method,
    signedAt: round.signedAt,
    typedName: round.typedName,
    digest: round.digest,
    hasScan: !!round.scan,
    identityConfirmed: round.scan?.identityConfirmed,
    withdrawnAt: round.withdrawnAt,
    withdrawnReason: round.withdrawnReason,
    revision: round.revision,
  };
}
