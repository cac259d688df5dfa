import { NotFound } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { STAFF_ROLES } from '#commons/roles';
import {
  inboxListQuery,
  inboxListResponse,
  inboxMessageParams,
  markReadResponse,
  unreadCountResponse,
} from './contract.ts';
import { countUnread, listMessages, markAllRead, markRead } from './repository.ts';

// 알림함 (issue 15 §7): each staff member reads and marks only their own messages; the key is the
// caller's login ID, so no other person's inbox can be named.

const LABELS = { cursor: '다음 쪽 위치', limit: '한 쪽에 보일 알림 수', messageId: '알림' };

const access = { action: 'read', resource: 'ownInbox', roles: STAFF_ROLES } as const;

export const inboxRoutes = [
  defineRoute({
    method: 'GET',
    path: '/me/inbox',
    summary: '직원: 나의 알림함 (최근 알림부터, 쪽 나눔)',
    response: inboxListResponse,
    access,
    query: inboxListQuery,
    labels: LABELS,
    handle: async ({ query, caller }) => {
      const page = await listMessages(caller!.userId, { limit: query.limit, cursor: query.cursor });
      return { body: { ...page, unread: await countUnread(caller!.userId) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/inbox/unread-count',
    summary: '직원: 읽지 않은 알림 수 (머리글 표시)',
    response: unreadCountResponse,
    access,
    handle: async ({ caller }) => ({ body: { unread: await countUnread(caller!.userId) } }),
  }),
  defineRoute({
    method: 'POST',
    path: '/me/inbox/{messageId}/read',
    summary: '직원: 알림 하나를 읽음으로 표시',
    response: markReadResponse,
    access: { ...access, action: 'mark' },
    params: inboxMessageParams,
    labels: LABELS,
    handle: async ({ params, caller }) => {
      const marked = await markRead(caller!.userId, params.messageId);
      if (marked === undefined) throw new NotFound('알림');
      return { body: { marked: marked ? 1 : 0, unread: await countUnread(caller!.userId) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/me/inbox/read-all',
    summary: '직원: 알림을 모두 읽음으로 표시',
    response: markReadResponse,
    access: { ...access, action: 'mark' },
    handle: async ({ caller }) => {
      const marked = await markAllRead(caller!.userId);
      return { body: { marked, unread: await countUnread(caller!.userId) } };
    },
  }),
];
