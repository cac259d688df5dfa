import { BRANCHES, branchName } from '#commons/branches';
import { Forbidden, NotFound, RuleViolation } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { organisationDirectory } from '#commons/organisation-directory';
import {
  postBody,
  startThreadBody,
  threadDetail,
  threadIdParams,
  threadListQuery,
  threadListResponse,
} from './board-contract.ts';
import { addPost, getThread, listPosts, listThreads, startThread } from './board-repository.ts';
import { canUseBoard, sideOf } from './board-rules.ts';
import type { BoardThreadItem } from './entities.ts';
import { readerOf } from './readers.ts';

// 담당자 업무 소통 공간 (SPEC F2): each branch's space with its agencies and institutions. A thread is
// a question and its answers; only that branch, its organisations and hq see it.

const LABELS = { branchId: '지사', status: '답변 상태', title: '제목', body: '내용', organisationId: '대상 기관' };
const roles = ['hq', 'branch', 'agency', 'trainer'] as const;

const summary = (t: BoardThreadItem) => ({
  threadId: t.threadId,
  branchId: t.branchId,
  branchName: branchName(t.branchId) ?? t.branchId,
  organisationId: t.organisationId,
  organisationName: t.organisationName,
  title: t.title,
  askedBy: t.askedBy,
  status: t.status,
  postCount: t.postCount,
  createdAt: t.createdAt,
  lastPostAt: t.lastPostAt,
});

/** The thread with its posts, as the contract names them. */
async function withPosts(t: BoardThreadItem) {
  const posts = await listPosts(t.threadId);
  return {
    ...summary(t),
    posts: posts.map((p) => ({
      postId: p.postId,
      body: p.body,
      side: p.side,
      authorOffice: p.authorOffice,
      authorId: p.authorId,
      createdAt: p.createdAt,
    })),
  };
}

const NOT_YOURS = '다른 지사의 소통 공간은 볼 수 없습니다. 이 글은 해당 지사와 관할 기관, 본부만 봅니다.';

export const boardRoutes = [
  defineRoute({
    method: 'GET',
    path: '/board-threads',
    summary: '담당자 업무 소통 공간: 내 지사 공간의 글 목록(본부는 지사를 골라 봅니다)',
    response: threadListResponse,
    access: { action: 'list', resource: 'boardThread', roles },
    query: threadListQuery,
    labels: LABELS,
    handle: async ({ query, caller }) => {
      const reader = await readerOf(caller!);
      const branches =
        reader.kind === 'hq'
          ? query.branchId
            ? [query.branchId]
            : BRANCHES.map((b) => b.branchId)
          : 'branchId' in reader
            ? [reader.branchId]
            : [];
      if (query.branchId && !canUseBoard(reader, query.branchId)) throw new Forbidden(NOT_YOURS);
      const threads = (await Promise.all(branches.map(listThreads)))
        .flat()
        .filter((t) => !query.status || t.status === query.status)
        .sort((a, b) => b.lastPostAt.localeCompare(a.lastPostAt));
      return { body: { threads: threads.map(summary) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/board-threads',
    summary: '소통 공간에 질문 올리기(기관은 관할 지사에, 지사는 관할 기관 한 곳에)',
    response: threadDetail,
    access: { action: 'create', resource: 'boardThread', roles: ['branch', 'agency', 'trainer'] },
    body: startThreadBody,
    labels: LABELS,
    handle: async ({ body, caller }) => {
      const reader = await readerOf(caller!);
      let organisation: { organisationId: string; name: string; branchId: string };
      if (reader.kind === 'agency' || reader.kind === 'institution') {
        organisation = {
          organisationId: reader.organisationId,
          name: reader.organisationName ?? '',
          branchId: reader.branchId,
        };
      } else {
        if (!body.organisationId) throw new RuleViolation('질문을 보낼 관할 기관을 골라 주세요.');
        const found = await organisationDirectory().get(body.organisationId);
        if (!found) throw new NotFound('기관');
        if (reader.kind !== 'branch' || found.branchId !== reader.branchId)
          throw new Forbidden('관할 기관에만 질문을 보낼 수 있습니다.');
        organisation = found;
      }
      const side = sideOf(reader)!;
      const thread = await startThread(
        caller!,
        {
          branchId: organisation.branchId,
          organisationId: organisation.organisationId,
          organisationName: organisation.name,
          title: body.title,
          askedBy: side,
        },
        {
          body: body.body,
          authorOffice: side === 'kead' ? (branchName(organisation.branchId) ?? '') : organisation.name,
        },
      );
      return { status: 201, body: await withPosts(thread) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/board-threads/{threadId}',
    summary: '소통 공간의 글 한 건: 질문과 답변',
    response: threadDetail,
    access: { action: 'read', resource: 'boardThread', roles },
    params: threadIdParams,
    labels: LABELS,
    handle: async ({ params, caller }) => {
      const reader = await readerOf(caller!);
      const thread = await getThread(params.threadId);
      if (!thread) throw new NotFound('글');
      if (!canUseBoard(reader, thread.branchId)) throw new Forbidden(NOT_YOURS);
      return { body: await withPosts(thread) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/board-threads/{threadId}/posts',
    summary: '소통 공간의 글에 답변이나 추가 질문 남기기',
    response: threadDetail,
    access: { action: 'create', resource: 'boardPost', roles },
    params: threadIdParams,
    body: postBody,
    labels: LABELS,
    handle: async ({ params, body, caller }) => {
      const reader = await readerOf(caller!);
      const thread = await getThread(params.threadId);
      if (!thread) throw new NotFound('글');
      if (!canUseBoard(reader, thread.branchId)) throw new Forbidden(NOT_YOURS);
      const side = sideOf(reader)!;
      const office =
        reader.kind === 'hq'
          ? '본부'
          : reader.kind === 'branch'
            ? (branchName(reader.branchId) ?? reader.branchId)
            : (reader.organisationName ?? '');
      const saved = await addPost(caller!, thread, { body: body.body, side, authorOffice: office });
      return { body: await withPosts(saved) };
    },
  }),
];
