import { bindEntity, isConditionFailure } from '#commons/entities';
import * as clock from '#kernel/clock';
import type { InboxMessage } from './contract.ts';
import { StaffMessage, type StaffMessageItem } from './entities.ts';

function view(item: StaffMessageItem): InboxMessage {
  return {
    messageId: item.messageId,
    text: item.text,
    source: item.source,
    ...(item.link ? { link: item.link } : {}),
    sentAt: item.sentAt,
    read: item.state === 'read',
    ...(item.readAt ? { readAt: item.readAt } : {}),
  };
}

/**
 * One page of a staff member's messages, newest first, after the message `cursor` (the last one
 * shown). One more than asked for is read, to know whether a page follows.
 */
export async function listMessages(
  recipientId: string,
  page: { limit: number; cursor?: string },
): Promise<{ messages: InboxMessage[]; next?: string }> {
  const query = bindEntity(StaffMessage).query.byRecipient({ recipientId });
  const { data } = await (page.cursor ? query.lt({ messageId: page.cursor }) : query).go({
    order: 'desc',
    limit: page.limit + 1,
  });
  const shown = data.slice(0, page.limit);
  return {
    messages: shown.map(view),
    ...(data.length > page.limit ? { next: shown[shown.length - 1]!.messageId } : {}),
  };
}

async function unreadIds(recipientId: string): Promise<string[]> {
  const { data } = await bindEntity(StaffMessage)
    .query.byState({ recipientId, state: 'unread' })
    .go({ pages: 'all', attributes: ['messageId'] });
  return data.map((m) => m.messageId);
}

export async function countUnread(recipientId: string): Promise<number> {
  return (await unreadIds(recipientId)).length;
}

/**
 * Marks one message read; false when it was read already. Only a message that exists is marked
 * (a condition on the key), so an unknown id never creates one.
 */
export async function markRead(recipientId: string, messageId: string): Promise<boolean | undefined> {
  const messages = bindEntity(StaffMessage);
  try {
    await messages
      .patch({ recipientId, messageId })
      .set({ state: 'read', readAt: clock.nowIso() })
      .where((attr, op) => op.eq(attr.state, 'unread'))
      .go();
    return true;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const { data } = await messages.get({ recipientId, messageId }).go();
    return data ? false : undefined;
  }
}

/** Marks every unread message read; the number it marked. */
export async function markAllRead(recipientId: string): Promise<number> {
  let marked = 0;
  for (const messageId of await unreadIds(recipientId)) if (await markRead(recipientId, messageId)) marked += 1;
  return marked;
}
