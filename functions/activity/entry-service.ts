import { randomBytes } from 'node:crypto';
import type { Caller } from '#commons/caller';
import { Conflict, type FieldProblem, Forbidden, RuleViolation, ValidationFailed } from '#commons/errors';
import { smsToPerson } from '#commons/notify';
import { notificationSink } from '#commons/outbox';
import { logger } from '#commons/powertools';
import type { AssistantItem } from '#functions/assistants/entities';
import { listAssistantsByUser } from '#functions/assistants/repository';
import type { MatchingItem } from '#functions/matching/entities';
import { inForce, listByAssistant } from '#functions/matching/repository';
import type { AttendanceCode } from '#kernel/attendance-kinds';
import * as clock from '#kernel/clock';
import { koreaDay } from '#kernel/korea-time';
import { getRound, listPairRounds } from './consent-repository.ts';
import { consentDigest } from './consent-rules.ts';
import type { ActivityLogEntryItem, ConsentRoundItem } from './entities.ts';
import { type Change, commitChange, type DayGuard, dayGuard, listAssistantDay } from './entry-repository.ts';
import {
  type Actor,
  changeRefusal,
  correctionReasonProblem,
  ENTRY_LABELS,
  type EntryInput,
  entryProblems,
  type ListedEntry,
  matchingOn,
  monthOf,
  type Problem,
  type SignedContent,
} from './entry-rules.ts';

// The flows of activity log entries (SPEC C1): who is asking, writing, correcting and deleting an
// entry. Each reads what the rules need, checks them (rules.ts), and writes the change with its audit
// record in one conditional transaction (repository.ts); then tells the other person through the
// outbox. An agency's correction of a signed entry reopens consent: the round it opens is made here
// (newRound, openRound) and consent-service.ts uses the same.

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

export function newId(prefix: string, day: string): string {
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
  // the signed fields (same keys, same order) and what the month's table adds to them
  return {
    ...signedContent(item),
    consent: item.consent,
    signedBy: item.signedBy,
    corrected: (item.corrections ?? []).length > 0,
  };
}

export function signedContent(item: ActivityLogEntryItem): SignedContent {
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
export async function openRound(
  assistantId: string,
  workerId: string,
  month: string,
): Promise<ConsentRoundItem | undefined> {
  return (await listPairRounds(assistantId, workerId, month)).find((r) => r.status === 'requested');
}

export function newRound(
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

// ── notifications ────────────────────────────────────────────────────────────────────────────────

/** Tells a person by login ID; a failed message never undoes the change it reports. */
export async function tell(
  userId: string,
  channel: 'sms' | 'notification',
  text: string,
  source: string,
): Promise<void> {
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
