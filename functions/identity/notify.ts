import { notificationSink } from '#commons/outbox';
import { logger } from '#commons/powertools';
import { getProfile } from './repository.ts';

/**
 * Tells a person by SMS at the phone of their profile (SNS on AWS, the outbox on the local stack).
 * A message that cannot go out never undoes the change it reports: it is logged and dropped, and
 * false says so (a person without a login or a phone is not told).
 */
export async function smsToPerson(userId: string | undefined, text: string, source: string): Promise<boolean> {
  if (!userId) return false;
  try {
    const phone = (await getProfile(userId))?.phone;
    if (!phone) return false;
    await notificationSink().send({ channel: 'sms', to: phone, username: userId, text, source });
    return true;
  } catch (error) {
    logger.warn('sms not sent', { source, error });
    return false;
  }
}
