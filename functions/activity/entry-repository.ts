import type { AuditEvent } from '#commons/audit-trail';
import { type WriteEntities, writeAudited } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { bindEntity } from '#commons/entities';
import { Conflict } from '#commons/errors';
import {
  ActivityDay,
  type ActivityDayItem,
  ActivityLogEntry,
  type ActivityLogEntryItem,
  ConsentRound,
  type ConsentRoundItem,
} from './entities.ts';

// Reads are Queries on the entities' indexes (never a Scan); every change is one transaction of the
// changed items, each conditioned on the revision that was read, the day guards of the days it
// touches, and the audit record.

export const STALE_MESSAGE =
  '방금 다른 곳에서 이 활동일지를 먼저 바꿨습니다. 화면을 새로 고쳐 지금 내용을 확인한 뒤 다시 시도해 주세요.';

export async function getEntry(entryId: string): Promise<ActivityLogEntryItem | undefined> {
  const { data } = await bindEntity(ActivityLogEntry).get({ entryId }).go();
  return data ?? undefined;
}

/** One assistant registration's month for one worker. */
export async function listPairMonth(
  assistantId: string,
  workerId: string,
  month: string,
): Promise<ActivityLogEntryItem[]> {
  const { data } = await bindEntity(ActivityLogEntry)
    .query.byPair({ assistantId, workerId, month })
    .go({ pages: 'all' });
  return data;
}

/** Every entry of one assistant registration on one day, whichever worker. */
export async function listAssistantDay(assistantId: string, date: string): Promise<ActivityLogEntryItem[]> {
  const { data } = await bindEntity(ActivityLogEntry).query.byAssistantDay({ assistantId, date }).go({ pages: 'all' });
  return data;
}

/** An agency's month, narrowed by assistant (and then worker) through the sort key when given. */
export async function listAgencyMonth(
  agencyId: string,
  month: string,
  assistantId?: string,
  workerId?: string,
): Promise<ActivityLogEntryItem[]> {
  const key = assistantId
    ? workerId
      ? { agencyId, month, assistantId, workerId }
      : { agencyId, month, assistantId }
    : { agencyId, month };
  const { data } = await bindEntity(ActivityLogEntry).query.byAgency(key).go({ pages: 'all' });
  return workerId ? data.filter((e) => e.workerId === workerId) : data;
}

export async function getDay(assistantId: string, date: string): Promise<ActivityDayItem | undefined> {
  const { data } = await bindEntity(ActivityDay).get({ assistantId, date }).go();
  return data ?? undefined;
}

/** A day guard as read: its revision, or none yet. */
export interface DayGuard {
  assistantId: string;
  date: string;
  revision: number | undefined;
}

export async function dayGuard(assistantId: string, date: string): Promise<DayGuard> {
  return { assistantId, date, revision: (await getDay(assistantId, date))?.revision };
}

/** What one change writes: each item with the version it was read at (none: new; no after: delete). */
export interface Change {
  days?: DayGuard[];
  entries?: { before?: ActivityLogEntryItem; after?: ActivityLogEntryItem }[];
  rounds?: { before?: ConsentRoundItem; after: ConsentRoundItem }[];
}

type Writers = WriteEntities<{
  entries: typeof ActivityLogEntry;
  days: typeof ActivityDay;
  rounds: typeof ConsentRound;
}>;

/** Writes `change` and its audit record in one transaction; a lost race is a Conflict in Korean. */
export async function commitChange(caller: Caller, event: AuditEvent, change: Change): Promise<void> {
  const { canceled } = await writeAudited(
    caller,
    event,
    { entries: ActivityLogEntry, days: ActivityDay, rounds: ConsentRound },
    ({ entries, days, rounds }: Writers) => [
      ...(change.days ?? []).map((day) =>
        day.revision === undefined
          ? days.create({ assistantId: day.assistantId, date: day.date, revision: 1 }).commit()
          : days
              .put({ assistantId: day.assistantId, date: day.date, revision: day.revision + 1 })
              .where((attr, op) => op.eq(attr.revision, day.revision!))
              .commit(),
      ),
      ...(change.entries ?? []).map(({ before, after }) => {
        if (after && !before) return entries.create(after).commit();
        if (after && before) {
          return entries
            .put(after)
            .where((attr, op) => op.eq(attr.revision, before.revision))
            .commit();
        }
        return entries
          .delete({ entryId: before!.entryId })
          .where((attr, op) => op.eq(attr.revision, before!.revision))
          .commit();
      }),
      ...(change.rounds ?? []).map(({ before, after }) =>
        before
          ? rounds
              .put(after)
              .where((attr, op) => op.eq(attr.revision, before.revision))
              .commit()
          : rounds.create(after).commit(),
      ),
    ],
  );
  if (canceled) throw new Conflict(STALE_MESSAGE);
}
