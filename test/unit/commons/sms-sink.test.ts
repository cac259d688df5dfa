import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_OUTBOX_FILE_ENV, notificationSink } from '#commons/outbox';

const sns = mockClient(SNSClient);

describe('notifications on AWS', () => {
  afterEach(() => sns.reset());

  it('send SMS through SNS as transactional messages when no local outbox is set', async () => {
    const saved = process.env[LOCAL_OUTBOX_FILE_ENV];
    delete process.env[LOCAL_OUTBOX_FILE_ENV];
    sns.on(PublishCommand).resolves({ MessageId: 'm1' });
    await notificationSink().send({ channel: 'sms', to: '+821012345678', text: '안내', source: 'test' });
    const input = sns.commandCalls(PublishCommand)[0]!.args[0].input;
    expect(input.PhoneNumber).toBe('+821012345678');
    expect(input.MessageAttributes?.['AWS.SNS.SMS.SMSType']?.StringValue).toBe('Transactional');
    if (saved !== undefined) process.env[LOCAL_OUTBOX_FILE_ENV] = saved;
  });
});
