import type { AuditEvent } from '#commons/audit-trail';
import { writeAudited } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { bindEntity } from '#commons/entities';
import { Conflict } from '#commons/errors';
import { ActivityLogEntry, type ActivityLogEntryItem } from '#functions/activity/entities';
import {
  LeaveExcessReason,
  type LeaveExcessReasonItem,
  LeaveNotice,
  type LeaveNoticeItem,
  LeaveProfileSetting,
  type LeaveProfileSettingItem,
} from './entities.ts';

// Reads are GetItems and Queries on the entities' indexes (never a Scan). Every change is one
// transaction of the item, conditioned on the revision that was read (or on its absence), and its
// audit record: two people saving at once cannot both win.

export const STALE_MESSAGE =
  '방금 다른 곳에서 이 연차 정보를 먼저 바꿨습니다. 화면을 새로 고쳐 지금 내용을 확인한 뒤 다시 시도해 주세요.';

/** Every activity-log entry of one assistant registration up to `through` (inclusive), any worker. */
export async function listAssistantActivity(assistantId: string, through: string): Promise<ActivityLogEntryItem[]> {
  const { data } = await bindEntity(ActivityLogEntry)
    .query.byAssistantDay({ assistantId })
    .lte({ date: through })
    .go({ pages: 'all' });
  return data;
}

export async function getSetting(assistantId: string): Promise<LeaveProfileSettingItem | undefined> {
  const { data } = await bindEntity(LeaveProfileSetting).get({ assistantId }).go({ consistent: true });
  return data ?? undefined;
}

export async function listAgencySettings(agencyId: string): Promise<LeaveProfileSettingItem[]> {
  const { data } = await bindEntity(LeaveProfileSetting).query.byAgency({ agencyId }).go({ pages: 'all' });
  return data;
}

export async function getNotice(noticeId: string): Promise<LeaveNoticeItem | undefined> {
  const { data } = await bindEntity(LeaveNotice).get({ noticeId }).go({ consistent: true });
  return data ?? undefined;
}

export async function listAssistantNotices(assistantId: string): Promise<LeaveNoticeItem[]> {
  const { data } = await bindEntity(LeaveNotice).query.byAssistant({ assistantId }).go({ pages: 'all' });
  return data;
}

export async function listAgencyNotices(agencyId: string): Promise<LeaveNoticeItem[]> {
  const { data } = await bindEntity(LeaveNotice).query.byAgency({ agencyId }).go({ pages: 'all' });
  return data;
}

export async function listAssistantReasons(assistantId: string): Promise<LeaveExcessReasonItem[]> {
  const { data } = await bindEntity(LeaveExcessReason).query.byAssistant({ assistantId }).go({ pages: 'all' });
  return data;
}

export async function listAgencyReasons(agencyId: string): Promise<LeaveExcessReasonItem[]> {
  const { data } = await bindEntity(LeaveExcessReason).query.byAgency({ agencyId }).go({ pages: 'all' });
  return data;
}

/** Creates the setting (no `before`) or replaces it under the revision that was read. */
export async function saveSetting(
  caller: Caller,
  event: AuditEvent,
  before: LeaveProfileSettingItem | undefined,
  after: LeaveProfileSettingItem,
): Promise<void> {
  const { canceled } = await writeAudited(caller, event, { LeaveProfileSetting }, ({ LeaveProfileSetting: e }) => [
    before
      ? e
          .put(after)
          // biome-ignore lint/suspicious/noExplicitAny: ElectroDB's where-callback attribute proxies
          .where(({ revision }: any, { eq }: any) => eq(revision, before.revision))
          .commit()
      : e.create(after).commit(),
  ]);
  if (canceled) throw new Conflict(STALE_MESSAGE);
}

/** Creates a notice only if none with its id exists: one notice per period, round and batch. */
export async function createNotice(caller: Caller, event: AuditEvent, item: LeaveNoticeItem): Promise<void> {
  const { canceled } = await writeAudited(caller, event, { LeaveNotice }, ({ LeaveNotice: e }) => [
    e.create(item).commit(),
  ]);
  if (canceled)
    throw new Conflict('이 사용촉진 통지는 방금 다른 담당자가 먼저 발행했습니다. 화면을 새로 고쳐 확인해 주세요.');
}

/** Records the assistant's answer once, under the revision that was read and only while unanswered. */
export async function answerNotice(
  caller: Caller,
  event: AuditEvent,
  before: LeaveNoticeItem,
  answer: { answerDates: string[]; answerNote?: string; answeredAt: string },
): Promise<void> {
  const { canceled } = await writeAudited(caller, event, { LeaveNotice }, ({ LeaveNotice: e }) => [
    e
      .patch({ noticeId: before.noticeId })
      .set({
        status: 'answered',
        answerDates: answer.answerDates,
        answeredAt: answer.answeredAt,
        revision: before.revision + 1,
        ...(answer.answerNote ? { answerNote: answer.answerNote } : {}),
      })
      // biome-ignore lint/suspicious/noExplicitAny: ElectroDB's where-callback attribute proxies
      .where(({ revision, status }: any, { eq }: any) => `${eq(revision, before.revision)} AND ${eq(status, 'issued')}`)
      .commit(),
  ]);
  if (canceled) throw new Conflict('이 통지에는 이미 답했습니다. 화면을 새로 고쳐 확인해 주세요.');
}

/** Creates or replaces the reason of one day under the revision that was read. */
export async function saveReason(
  caller: Caller,
  event: AuditEvent,
  before: LeaveExcessReasonItem | undefined,
  after: LeaveExcessReasonItem,
): Promise<void> {
  const { canceled } = await writeAudited(caller, event, { LeaveExcessReason }, ({ LeaveExcessReason: e }) => [
    before
      ? e
          .put(after)
          // biome-ignore lint/suspicious/noExplicitAny: ElectroDB's where-callback attribute proxies
          .where(({ revision }: any, { eq }: any) => eq(revision, before.revision))
          .commit()
      : e.create(after).commit(),
  ]);
  if (canceled) throw new Conflict(STALE_MESSAGE);
}
