import { PublishCommand } from '@aws-sdk/client-sns';
import { snsClient } from './clients.ts';
import type { NotificationSink } from './outbox.ts';

/**
 * On AWS, product SMS (decisions, reminders) go out through SNS as transactional messages, the
 * same channel Cognito uses for its codes. Other channels are not sent yet.
 */
export const snsSmsSink: NotificationSink = {
  async send(message) {
    if (message.channel !== 'sms') return;
    await snsClient().send(
      new PublishCommand({
        PhoneNumber: message.to,
        Message: message.text,
        MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
      }),
    );
  },
};
