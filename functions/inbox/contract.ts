import { z } from 'zod';
import { idField } from '#kernel/fields';

// The staff inbox's HTTP contract (issue 15 §7): the signed-in staff member's own messages, their
// unread count for the header, and marking read. The web reads its types from here.

/** A message id: the compact send time and a random part (20261207T235817123Z_1a2b3c4d). */
export const INBOX_MESSAGE_ID = /^\d{8}T\d{9}Z_[0-9a-f]{8}$/;

export const inboxListQuery = z.object({
  /** where the page before ended: the `next` of the answer before (the last message it showed) */
  cursor: idField('다음 쪽 위치', 40, INBOX_MESSAGE_ID).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const inboxMessageParams = z.object({ messageId: idField('알림', 40, INBOX_MESSAGE_ID) });

export const inboxMessage = z.object({
  messageId: z.string(),
  text: z.string(),
  source: z.string(),
  /** the page where the staff member acts on it */
  link: z.string().optional(),
  sentAt: z.string(),
  read: z.boolean(),
  readAt: z.string().optional(),
});

export type InboxMessage = z.infer<typeof inboxMessage>;

export const unreadCountResponse = z.object({ unread: z.number().int().min(0) });

export type UnreadCount = z.infer<typeof unreadCountResponse>;

export const inboxListResponse = z.object({
  messages: z.array(inboxMessage),
  /** the cursor of the next page; absent on the last */
  next: z.string().optional(),
  unread: z.number().int().min(0),
});

export type InboxList = z.infer<typeof inboxListResponse>;

export const markReadResponse = z.object({
  /** how many messages this request marked read (0 when they were read already) */
  marked: z.number().int().min(0),
  unread: z.number().int().min(0),
});

export type MarkRead = z.infer<typeof markReadResponse>;
