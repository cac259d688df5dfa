import { randomUUID } from 'node:crypto';
import type { Entity, TransactWriteEntity } from 'electrodb';
import { writeAudited } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { bindEntity } from '#commons/entities';
import { Conflict } from '#commons/errors';
import * as clock from '#kernel/clock';
import { Notice, NoticeAcknowledgement, type NoticeAcknowledgementItem, type NoticeItem } from './entities.ts';

/** An entity as a write transaction's callback sees it: its operations end in `.commit()`. */
type Tx<E> = E extends Entity<infer A, infer F, infer C, infer S> ? TransactWriteEntity<A, F, C, S> : never;
const tx = <E>(entity: unknown) => entity as Tx<E>;

// Notices and their acknowledgements in the single table: one partition lists every notice (there
// are few), acknowledgements hang off their notice.

export async function listNotices(): Promise<NoticeItem[]> {
  const { data } = await bindEntity(Notice).query.byBoard({ board: 'notices' }).go({ pages: 'all', order: 'desc' });
  return data;
}

export async function getNotice(noticeId: string): Promise<NoticeItem | undefined> {
  const { data } = await bindEntity(Notice).get({ noticeId }).go();
  return data ?? undefined;
}

export function newNoticeId(): string {
  return `NT-${clock.today().replace(/-/g, '')}-${randomUUID().slice(0, 8).toUpperCase()}`;
}

export async function createNotice(caller: Caller, item: Omit<NoticeItem, 'board' | 'updatedAt'>): Promise<NoticeItem> {
  await writeAudited(
    caller,
    {
      action: 'notice.publish',
      targetType: 'notice',
      targetId: item.noticeId,
      branchId: officeBranch(item.publisherOffice),
    },
    { Notice },
    (e) => [tx<typeof Notice>(e.Notice).create(item).commit()],
  );
  return (await getNotice(item.noticeId))!;
}

/** Saves an edit of the notice as read at `expectedUpdatedAt`; refused when someone changed the notice in between. */
export async function saveNotice(
  caller: Caller,
  before: NoticeItem,
  after: Pick<NoticeItem, 'title' | 'body' | 'pinned' | 'requiresAck' | 'revision'>,
  expectedUpdatedAt: string,
): Promise<NoticeItem> {
  const result = await writeAudited(
    caller,
    {
      action: 'notice.edit',
      targetType: 'notice',
      targetId: before.noticeId,
      branchId: officeBranch(before.publisherOffice),
    },
    { Notice },
    (e) => [
      tx<typeof Notice>(e.Notice)
        .patch({ noticeId: before.noticeId })
        .set({ ...after, updatedBy: caller.userId })
        .where((attr, op) => op.eq(attr.updatedAt, expectedUpdatedAt))
        .commit(),
    ],
  );
  if (result.canceled)
    throw new Conflict('다른 담당자가 먼저 이 공지를 고쳤습니다. 화면을 새로 고친 뒤 다시 고쳐 주세요.');
  return (await getNotice(before.noticeId))!;
}

export async function listAcknowledgements(noticeId: string): Promise<NoticeAcknowledgementItem[]> {
  const { data } = await bindEntity(NoticeAcknowledgement).query.byNotice({ noticeId }).go({ pages: 'all' });
  return data;
}

export async function getAcknowledgement(
  noticeId: string,
  organisationId: string,
): Promise<NoticeAcknowledgementItem | undefined> {
  const { data } = await bindEntity(NoticeAcknowledgement).get({ noticeId, organisationId }).go();
  return data ?? undefined;
}

/** Records that `organisationId` read `revision` (a later revision replaces an earlier one). */
export async function acknowledge(
  caller: Caller,
  notice: NoticeItem,
  organisationId: string,
  branchId: string,
): Promise<NoticeAcknowledgementItem> {
  const item = {
    noticeId: notice.noticeId,
    organisationId,
    revision: notice.revision,
    userId: caller.userId,
    at: clock.nowIso(),
  };
  await writeAudited(
    caller,
    { action: 'notice.acknowledge', targetType: 'notice', targetId: `${notice.noticeId}#${organisationId}`, branchId },
    { NoticeAcknowledgement },
    (e) => [tx<typeof NoticeAcknowledgement>(e.NoticeAcknowledgement).put(item).commit()],
  );
  return item;
}

const officeBranch = (office: string) => (office === 'HQ' ? undefined : office);
