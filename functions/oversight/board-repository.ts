import { randomUUID } from 'node:crypto';
import type { Entity, TransactWriteEntity } from 'electrodb';
import { writeAudited } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { bindEntity } from '#commons/entities';
import { Conflict } from '#commons/errors';
import * as clock from '#kernel/clock';
import { threadStatus } from './board-rules.ts';
import { BoardPost, type BoardPostItem, BoardThread, type BoardThreadItem } from './entities.ts';

type Tx<E> = E extends Entity<infer A, infer F, infer C, infer S> ? TransactWriteEntity<A, F, C, S> : never;
const tx = <E>(entity: unknown) => entity as Tx<E>;

export async function listThreads(branchId: string): Promise<BoardThreadItem[]> {
  const { data } = await bindEntity(BoardThread).query.byBranch({ branchId }).go({ pages: 'all', order: 'desc' });
  return data;
}

export async function getThread(threadId: string): Promise<BoardThreadItem | undefined> {
  const { data } = await bindEntity(BoardThread).get({ threadId }).go();
  return data ?? undefined;
}

export async function listPosts(threadId: string): Promise<BoardPostItem[]> {
  const { data } = await bindEntity(BoardPost).query.byThread({ threadId }).go({ pages: 'all' });
  return data;
}

/** A post id that sorts by time within the thread. */
const postId = (at: string, n: number) => `${String(n).padStart(4, '0')}-${at}`;

export async function startThread(
  caller: Caller,
  thread: Pick<BoardThreadItem, 'branchId' | 'organisationId' | 'organisationName' | 'title' | 'askedBy'>,
  post: Pick<BoardPostItem, 'body' | 'authorOffice'>,
): Promise<BoardThreadItem> {
  const at = clock.nowIso();
  const threadId = `BT-${at.slice(0, 10).replace(/-/g, '')}-${randomUUID().slice(0, 8).toUpperCase()}`;
  const item: BoardThreadItem = {
    ...thread,
    threadId,
    status: 'open',
    postCount: 1,
    createdBy: caller.userId,
    createdAt: at,
    lastPostAt: at,
  };
  await writeAudited(
    caller,
    { action: 'board.ask', targetType: 'boardThread', targetId: threadId, branchId: thread.branchId },
    { BoardThread, BoardPost },
    (e) => [
      tx<typeof BoardThread>(e.BoardThread).create(item).commit(),
      tx<typeof BoardPost>(e.BoardPost)
        .create({
          threadId,
          postId: postId(at, 1),
          side: thread.askedBy,
          authorId: caller.userId,
          createdAt: at,
          ...post,
        })
        .commit(),
    ],
  );
  return item;
}

/** Adds a post; the count read guards against two posts racing for the same number. */
export async function addPost(
  caller: Caller,
  thread: BoardThreadItem,
  post: Pick<BoardPostItem, 'body' | 'authorOffice' | 'side'>,
): Promise<BoardThreadItem> {
  const at = clock.nowIso();
  const next = {
    postCount: thread.postCount + 1,
    lastPostAt: at,
    status: threadStatus(thread.askedBy, post.side),
  };
  const result = await writeAudited(
    caller,
    { action: 'board.post', targetType: 'boardThread', targetId: thread.threadId, branchId: thread.branchId },
    { BoardThread, BoardPost },
    (e) => [
      tx<typeof BoardThread>(e.BoardThread)
        .patch({ threadId: thread.threadId })
        .set(next)
        .where((attr, op) => op.eq(attr.postCount, thread.postCount))
        .commit(),
      tx<typeof BoardPost>(e.BoardPost)
        .create({
          threadId: thread.threadId,
          postId: postId(at, next.postCount),
          authorId: caller.userId,
          createdAt: at,
          ...post,
        })
        .commit(),
    ],
  );
  if (result.canceled) throw new Conflict('다른 사람이 먼저 글을 남겼습니다. 화면을 새로 고친 뒤 다시 써 주세요.');
  return { ...thread, ...next };
}
