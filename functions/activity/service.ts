import { randomBytes } from 'node:crypto';
import type { Caller } from '#commons/caller';
import { Conflict, type FieldProblem, Forbidden, RuleViolation, ValidationFailed } from '#commons/errors';
import { smsToPerson } from '#commons/notify';
import { notificationSink } from '#commons/outbox';
import { logger } from '#commons/powertools';
import type { AssistantItem } from '#functions/assistants/entities';
import { listAssistantsByUser } from '#functions/assistants/repository';
import { readyUpload } from '#functions/files/repository';
import { getProfile } from '#functions/identity/repository';
import type { MatchingItem } from '#functions/matching/entities';
import { inForce, listByAssistant } from '#functions/matching/repository';
import * as clock from '#kernel/clock';
import { koreaDay } from '#kernel/korea-time';
import { type AttendanceCode, attendanceOf, contentLabel, ROUND_KIND_LABELS, type SigningMethod } from './codes.ts';
import type { ActivityLogEntryItem, ConsentRoundItem } from './entities.ts';
import {
  type Change,
  commitChange,
  type DayGuard,
  dayGuard,
  getEntry,
  getRound,
  listAssistantDay,
  listPairMonth,
  listPairRounds,
} from './repository.ts';
import {
  type Actor,
  changeRefusal,
  consentDigest,
  correctionReasonProblem,
  ENTRY_LABELS,
  type EntryInput,
  entryProblems,
  type ListedEntry,
  matchingOn,
  monthOf,
  type Problem,
  paperProblems,
  type SignedContent,
  signatureProblems,
  sortEntries,
} from './rules.ts';
import { keepUpload, scanKey, snapshotKey, writeDocument } from './storage.ts';

// The flows of activity logs and consent (SPEC C1, C2). Each reads what the rules need, checks them
// (rules.ts), and writes the change with its audit record in one conditional transaction
// (repository.ts); then tells the other person through the outbox.

export function fail(problems: Problem[]): never {
  const fields: FieldProblem[] = problems.map((p) => ({
    field: `body.${p.field}`,
    label: ENTRY_LABELS[p.field] ?? LABELS_EXTRA[p.field] ?? p.field,
    message: p.message,
  }));
  throw new ValidationFailed(fields, fields.map((f) => f.message).join(' '));
}

const LABELS_EXTRA: Record<string, string> = {
  agree: '동의 확인',
  typedName: '서명(이름)',
  digest: '확인한 활동 내역',
  uploadId: '서명 스캔본',
  identityConfirmed: '본인 확인',
  entryIds: '활동 내역 선택',
};

function newId(prefix: string, day: string): string {
  return `${prefix}-${day.replace(/-/g, '')}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

// ── who is asking ────────────────────────────────────────────────────────────────────────────────

/** The assistant behind a portal login: their registrations and every matching of those (in force or past). */
export interface AssistantScope {
  userId: string;
  registrations: AssistantItem[];
  matchings: MatchingItem[];
}

export async function assistantScope(userId: string): Promise<AssistantScope> {
  const registrations = await listAssistantsByUser(userId);
  const matchings = inForce((await Promise.all(registrations.map((r) => listByAssistant(r.assistantId)))).flat());
  return { userId, registrations, matchings };
}

/** The assistant's matchings with one worker; refused when there is none (another assistant's worker). */
export function pairMatchings(scope: AssistantScope, workerId: string): MatchingItem[] {
  const pairs = scope.matchings.filter((m) => m.workerId === workerId);
  if (!pairs.length) {
    throw new Forbidden(
      '이 근로자와 매칭된 적이 없어 활동일지를 보거나 쓸 수 없습니다. 근로자를 목록에서 골라 주세요.',
    );
  }
  return pairs;
}

export interface WorkerOption {
  workerId: string;
  workerName: string;
  matchings: {
    matchingId: string;
    assistantId: string;
    agencyName: string;
    startDate: string;
    endDate: string;
    status: string;
    supportType: string;
    workplaceName: string;
  }[];
}

export function workerOptions(matchings: readonly MatchingItem[]): WorkerOption[] {
  const byWorker = new Map<string, WorkerOption>();
  for (const m of [...matchings].sort((a, b) => b.startDate.localeCompare(a.startDate))) {
    const option = byWorker.get(m.workerId) ?? { workerId: m.workerId, workerName: m.workerName, matchings: [] };
    option.matchings.push({
      matchingId: m.matchingId,
      assistantId: m.assistantId,
      agencyName: m.agencyName,
      startDate: m.startDate,
      endDate: m.endDate,
      status: m.status,
      supportType: m.supportType,
      workplaceName: m.workplaceName,
    });
    byWorker.set(m.workerId, option);
  }
  return [...byWorker.values()].sort((a, b) => a.workerName.localeCompare(b.workerName, 'ko'));
}

// ── entries ──────────────────────────────────────────────────────────────────────────────────────

export interface EntryBody extends EntryInput {
  workerId: string;
}

/** An entry as stored: blank text is no text, and absent values are absent (never null). */
export interface CleanEntry {
  date: string;
  attendance: AttendanceCode;
  leaveMinutes?: number;
  start: string;
  end: string;
  contentCode?: string;
  otherContent?: string;
  specialNotes?: string;
}

export function normalise(input: EntryInput): CleanEntry {
  const text = (value: string | null | undefined) => {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
  };
  return {
    date: input.date,
    attendance: input.attendance,
    leaveMinutes: input.leaveMinutes ?? undefined,
    start: input.start,
    end: input.end,
    contentCode: input.contentCode || undefined,
    otherContent: text(input.otherContent),
    specialNotes: text(input.specialNotes),
  };
}

export function listed(item: ActivityLogEntryItem): ListedEntry {
  return {
    entryId: item.entryId,
    assistantId: item.assistantId,
    workerId: item.workerId,
    date: item.date,
    attendance: item.attendance,
    leaveMinutes: item.leaveMinutes,
    start: item.start,
    end: item.end,
    contentCode: item.contentCode,
    otherContent: item.otherContent,
    specialNotes: item.specialNotes,
    consent: item.consent,
    signedBy: item.signedBy,
    corrected: (item.corrections ?? []).length > 0,
  };
}

function signedContent(item: ActivityLogEntryItem): SignedContent {
  return {
    entryId: item.entryId,
    assistantId: item.assistantId,
    workerId: item.workerId,
    date: item.date,
    attendance: item.attendance,
    leaveMinutes: item.leaveMinutes,
    start: item.start,
    end: item.end,
    contentCode: item.contentCode,
    otherContent: item.otherContent,
    specialNotes: item.specialNotes,
  };
}

export function digestOf(items: readonly ActivityLogEntryItem[]): string {
  return consentDigest(items.map(signedContent));
}

async function checkEntry(
  input: EntryInput,
  context: {
    assistantId: string;
    workerId: string;
    workerName: string;
    matchings: readonly MatchingItem[];
    excluding?: string;
  },
): Promise<DayGuard> {
  // the guard is read before the entries it protects: a write in between changes its revision
  const guard = await dayGuard(context.assistantId, input.date);
  const sameDay = Number.isNaN(Date.parse(input.date))
    ? []
    : (await listAssistantDay(context.assistantId, input.date)).filter((e) => e.entryId !== context.excluding);
  const problems = entryProblems(input, {
    workerId: context.workerId,
    workerName: context.workerName,
    matchings: context.matchings,
    sameDay,
    today: clock.today(),
  });
  if (problems.length) fail(problems);
  return guard;
}

function audit(item: { entryId: string; workerId: string; branchId: string }, action: string, reason?: string) {
  return {
    action,
    targetType: 'activityLog',
    targetId: item.entryId,
    subjectId: item.workerId,
    branchId: item.branchId,
    reason,
  };
}

/** The assistant registers one entry for a worker they are matched with on that date. */
export async function createEntry(caller: Caller, scope: AssistantScope, body: EntryBody) {
  const pairs = pairMatchings(scope, body.workerId);
  const input = normalise(body);
  const matching = matchingOn(pairs, input.date) ?? pairs[0]!;
  const guard = await checkEntry(input, {
    assistantId: matching.assistantId,
    workerId: body.workerId,
    workerName: matching.workerName,
    matchings: pairs.filter((m) => m.assistantId === matching.assistantId),
  });
  const now = clock.now();
  const at = now.toISOString();
  const item: ActivityLogEntryItem = {
    ...input,
    entryId: newId('AL', koreaDay(now)),
    assistantId: matching.assistantId,
    assistantUserId: caller.userId,
    assistantName: matching.assistantName,
    workerId: matching.workerId,
    workerName: matching.workerName,
    matchingId: matching.matchingId,
    agencyId: matching.agencyId,
    agencyName: matching.agencyName,
    branchId: matching.branchId,
    month: monthOf(input.date),
    consent: 'unsigned',
    corrections: [],
    createdBy: caller.userId,
    createdAt: at,
    updatedBy: caller.userId,
    updatedAt: at,
    revision: 1,
  };
  await commitChange(caller, audit(item, 'activityLog.create'), { days: [guard], entries: [{ after: item }] });
  return item;
}

/** The open round of a pair's month, if any (one at a time). */
async function openRound(assistantId: string, workerId: string, month: string): Promise<ConsentRoundItem | undefined> {
  return (await listPairRounds(assistantId, workerId, month)).find((r) => r.status === 'requested');
}

function newRound(
  caller: Caller,
  from: Pick<
    ActivityLogEntryItem,
    | 'assistantId'
    | 'assistantUserId'
    | 'assistantName'
    | 'workerId'
    | 'workerName'
    | 'agencyId'
    | 'agencyName'
    | 'branchId'
    | 'month'
  >,
  kind: ConsentRoundItem['kind'],
  entryIds: string[],
  at: string,
  reason?: string,
): ConsentRoundItem {
  return {
    roundId: newId('CR', koreaDay(new Date(at))),
    assistantId: from.assistantId,
    assistantUserId: from.assistantUserId,
    assistantName: from.assistantName,
    workerId: from.workerId,
    workerName: from.workerName,
    agencyId: from.agencyId,
    agencyName: from.agencyName,
    branchId: from.branchId,
    month: from.month,
    kind,
    status: 'requested',
    entryIds,
    requestedBy: caller.userId,
    requestedAt: at,
    reason,
    revision: 1,
    updatedAt: at,
  };
}

/**
 * A change to one entry by its assistant or by the agency. The assistant may not touch a signed entry;
 * the agency may, with a reason, and the corrected entry goes back to the worker in a (new or the
 * open) consent round. An entry waiting in a round cannot move to another month: the round is a month's.
 */
export async function editEntry(
  caller: Caller,
  entry: ActivityLogEntryItem,
  body: EntryInput,
  actor: Actor,
  reason: string | undefined,
  revision: number,
) {
  if (entry.revision !== revision) throw new Conflict(STALE_EDIT, 'STALE');
  const refusal = changeRefusal(entry, actor, 'edit');
  if (refusal) throw new RuleViolation(refusal, 'ENTRY_LOCKED');
  const reasonProblem = correctionReasonProblem(entry, actor, reason);
  if (reasonProblem) fail([reasonProblem]);
  const input = normalise(body);
  if (entry.consent !== 'unsigned' && monthOf(input.date) !== entry.month) {
    fail([
      {
        field: 'date',
        message: `동의를 요청했거나 받은 기록은 다른 달(${monthOf(input.date)})로 옮길 수 없습니다. ${entry.month} 안의 날짜를 고르거나, 이 기록을 그대로 두고 새 달에 새로 등록해 주세요.`,
      },
    ]);
  }
  const pairs = inForce(await listByAssistant(entry.assistantId)).filter((m) => m.workerId === entry.workerId);
  const guard = await checkEntry(input, {
    assistantId: entry.assistantId,
    workerId: entry.workerId,
    workerName: entry.workerName,
    matchings: pairs,
    excluding: entry.entryId,
  });
  const guards = [guard];
  if (input.date !== entry.date) guards.push(await dayGuard(entry.assistantId, entry.date));
  const matching = matchingOn(pairs, input.date)!;
  const at = clock.nowIso();
  const after: ActivityLogEntryItem = {
    ...entry,
    date: input.date,
    attendance: input.attendance,
    leaveMinutes: input.leaveMinutes ?? undefined,
    start: input.start,
    end: input.end,
    contentCode: input.contentCode ?? undefined,
    otherContent: input.otherContent ?? undefined,
    specialNotes: input.specialNotes ?? undefined,
    month: monthOf(input.date),
    matchingId: matching.matchingId,
    updatedBy: caller.userId,
    updatedAt: at,
    revision: entry.revision + 1,
  };
  const change: Change = { days: guards, entries: [{ before: entry, after }] };
  let reopened: ConsentRoundItem | undefined;
  if (entry.consent === 'signed') {
    // the correction needs the worker's consent again; the signed round keeps what was signed
    const open = await openRound(entry.assistantId, entry.workerId, after.month);
    reopened = open
      ? { ...open, entryIds: [...open.entryIds, entry.entryId], revision: open.revision + 1, updatedAt: at }
      : newRound(caller, after, 'correction', [entry.entryId], at, reason?.trim());
    after.consent = 'requested';
    after.roundId = reopened.roundId;
    after.signedBy = undefined;
    after.corrections = [
      ...(entry.corrections ?? []),
      { at, by: caller.userId, reason: reason!.trim(), signedRoundId: entry.roundId ?? '' },
    ];
    change.rounds = [{ before: open, after: reopened }];
  }
  await commitChange(
    caller,
    audit(after, actor === 'agency' ? 'activityLog.correct' : 'activityLog.edit', reason),
    change,
  );
  if (reopened) {
    await tell(
      entry.workerId,
      'sms',
      `[근로지원인 활동일지] 수행기관(${entry.agencyName})이 서명하신 ${entry.date} 활동일지를 정정했습니다. 사유: ${reason!.trim()}. 포털의 ‘전자서명 동의’에서 정정된 내용을 확인하고 다시 서명해 주세요.`,
      'activity-correction',
    );
  }
  return after;
}

const STALE_EDIT = '다른 곳에서 이 기록을 먼저 바꿨습니다. 화면을 새로 고쳐 지금 내용을 확인한 뒤 다시 고쳐 주세요.';

/** Deleting an entry not yet signed; one waiting in a round leaves it (an emptied round is withdrawn). */
export async function deleteEntry(caller: Caller, entry: ActivityLogEntryItem, actor: Actor, revision: number) {
  if (entry.revision !== revision) throw new Conflict(STALE_EDIT, 'STALE');
  const refusal = changeRefusal(entry, actor, 'delete');
  if (refusal) throw new RuleViolation(refusal, 'ENTRY_LOCKED');
  const change: Change = { days: [await dayGuard(entry.assistantId, entry.date)], entries: [{ before: entry }] };
  if (entry.consent === 'requested' && entry.roundId) {
    const round = await getRound(entry.roundId);
    if (round && round.status === 'requested') {
      const at = clock.nowIso();
      const entryIds = round.entryIds.filter((id) => id !== entry.entryId);
      change.rounds = [
        {
          before: round,
          after: {
            ...round,
            entryIds,
            ...(entryIds.length === 0
              ? {
                  status: 'withdrawn' as const,
                  withdrawnAt: at,
                  withdrawnBy: caller.userId,
                  withdrawnReason: '요청한 기록이 모두 지워졌습니다.',
                }
              : {}),
            revision: round.revision + 1,
            updatedAt: at,
          },
        },
      ];
    }
  }
  await commitChange(caller, audit(entry, 'activityLog.delete'), change);
}

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

// ── notifications ────────────────────────────────────────────────────────────────────────────────

/** Tells a person by login ID; a failed message never undoes the change it reports. */
async function tell(userId: string, channel: 'sms' | 'notification', text: string, source: string): Promise<void> {
  if (channel === 'sms') {
    await smsToPerson(userId, text, source);
    return;
  }
  try {
    await notificationSink().send({ channel, to: userId, username: userId, text, source });
  } catch (error) {
    logger.warn('activity notification failed', { source, error });
  }
}
