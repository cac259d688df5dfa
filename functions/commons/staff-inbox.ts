import { randomUUID } from 'node:crypto';
import { Entity, type EntityItem } from 'electrodb';
import * as clock from '#kernel/clock';
import { SERVICE_NAME } from './table.ts';

// The staff inbox (issue 15 §7): every in-app notice to staff is one StaffMessage per recipient in
// the table, so the inbox works the same on AWS and on the local stack. It lives in commons because
// notify.ts (below every capability) writes it; the inbox capability (functions/inbox) reads it and
// marks messages read.

/**
 * One notice to one staff member. Keyed by `recipientId` (the login ID) under a key name of its own,
 * so that a grant to write messages does not reach the profiles keyed by userId. `messageId` starts
 * with the time it was sent, so the newest sort last and a list reads them backwards.
 */
export const StaffMessage = /* @__PURE__ */ new Entity({
  model: { entity: 'staffMessage', version: '1', service: SERVICE_NAME },
  attributes: {
    recipientId: { type: 'string', required: true },
    messageId: { type: 'string', required: true },
    /** the organisation or office the notice went to (an agency, an institution, a branch) */
    organisationId: { type: 'string', required: true },
    /** what the staff member reads, in Korean */
    text: { type: 'string', required: true },
    /** what produced it ('claim-returned', 'seal-requested', …) */
    source: { type: 'string', required: true },
    /** the page of the product where the staff member acts on it, when there is one */
    link: { type: 'string' },
    state: { type: ['unread', 'read'] as const, required: true, default: 'unread' },
    sentAt: { type: 'string', required: true, readOnly: true },
    readAt: { type: 'string' },
  },
  indexes: {
    byRecipient: {
      pk: { field: 'pk', composite: ['recipientId'] },
      sk: { field: 'sk', composite: ['messageId'] },
    },
    // the unread ones apart, so that the header's count reads only those
    byState: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['recipientId'] },
      sk: { field: 'gsi1sk', composite: ['state', 'messageId'] },
    },
  },
});

export type StaffMessageItem = EntityItem<typeof StaffMessage>;

/**
 * A new message's id: the time it was sent, compact (20261207T235817123Z: sorts in time order and
 * fits a path), then a random part.
 */
export function newMessageId(sentAt: string = clock.nowIso()): string {
  return `${sentAt.replace(/[-:.]/g, '')}_${randomUUID().slice(0, 8)}`;
}
