import * as clock from '#kernel/clock';
import { UserProfile } from './caller-profile.ts';
import { bindEntity } from './entities.ts';
import { notificationSink } from './outbox.ts';
import { logger } from './powertools.ts';
import { newMessageId, StaffMessage } from './staff-inbox.ts';

// Telling people (SMS to a person, notices to an organisation's staff), below every capability: agencies,
// applications, matching, activity, leave and payroll tell people, and identity reads organisations, so
// these helpers cannot live in identity without a cycle. They read the person's profile (UserProfile),
// which lives in commons/caller-profile for the same reason.

/**
 * Tells a person by SMS at the phone of their profile (SNS on AWS, the outbox on the local stack).
 * A message that cannot go out never undoes the change it reports: it is logged and dropped, and
 * false says so (a person without a login or a phone is not told).
 */
export async function smsToPerson(userId: string | undefined, text: string, source: string): Promise<boolean> {
  if (!userId) return false;
  try {
    const phone = (await bindEntity(UserProfile).get({ userId }).go()).data?.phone;
    if (!phone) return false;
    await notificationSink().send({ channel: 'sms', to: phone, username: userId, text, source });
    return true;
  } catch (error) {
    logger.warn('sms not sent', { source, error });
    return false;
  }
}

/**
 * An in-app notice to every active staff member of an organisation or office: one message in each
 * one's inbox (the table, on AWS and locally; issue 15 §7), with a copy to the local outbox on the
 * local stack. `link` is the page where they act on it. A notice that cannot be sent never undoes the
 * step it reports.
 */
export async function notifyStaff(organisationId: string, text: string, source: string, link?: string): Promise<void> {
  try {
    const { data } = await bindEntity(UserProfile).query.byOrganisation({ organisationId }).go({ pages: 'all' });
    const staff = data.filter((p) => p.status === 'active');
    if (staff.length === 0) return;
    const sentAt = clock.nowIso();
    await bindEntity(StaffMessage)
      .put(
        staff.map((person) => ({
          recipientId: person.userId,
          messageId: newMessageId(sentAt),
          organisationId,
          text,
          source,
          ...(link ? { link } : {}),
          sentAt,
        })),
      )
      .go();
    for (const person of staff) {
      await notificationSink().send({
        channel: 'notification',
        to: person.userId,
        username: person.userId,
        text,
        source,
      });
    }
  } catch (error) {
    logger.warn('staff notice not sent', { source, organisationId, error });
  }
}
