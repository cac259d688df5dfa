import {
  AdminAddUserToGroupCommand,
  AdminDeleteUserCommand,
  AdminSetUserMFAPreferenceCommand,
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  SignUpCommand,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { toE164 } from '#functions/identity/account-rules';
import { handler } from '#functions/identity/handler';
import { apiEvent, lambdaContext } from '../../support/events.ts';

const ddb = mockClient(DynamoDBDocumentClient);
/** Every item written, alone or in a transaction (a change and its audit record go together). */
const written = () => [
  ...ddb.commandCalls(PutCommand).map((c) => c.args[0].input.Item!),
  ...ddb.commandCalls(TransactWriteCommand).flatMap((c) => c.args[0].input.TransactItems!.map((t) => t.Put!.Item!)),
];
const cognito = mockClient(CognitoIdentityProviderClient);

const post = (path: string, body: unknown, claims?: Record<string, unknown>) =>
  handler(apiEvent('POST', path, { body, claims }), lambdaContext);

const goodSignUp = {
  username: 'kim_worker',
  password: 'safe-pass-123',
  name: '김근로',
  phone: '010-1234-5678',
  role: 'worker',
  consents: { terms: true, privacy: true, marketing: false },
};

const stored = (item: Record<string, unknown>) => ({ Item: { __edb_e__: 'userProfile', __edb_v__: '1', ...item } });

describe('accounts', () => {
  beforeEach(() => {
    ddb.reset();
    cognito.reset();
    process.env.TABLE_NAME = 'test-table';
    process.env.USER_POOL_CLIENT_ID = 'client-1';
    process.env.USER_POOL_ID = 'pool-1';
    ddb.on(PutCommand).resolves({});
    ddb.on(TransactWriteCommand).resolves({});
  });

  it('normalises Korean mobile numbers to E.164', () => {
    expect(toE164('010-1234-5678')).toBe('+821012345678');
    expect(toE164('01012345678')).toBe('+821012345678');
    expect(toE164('02-123-4567')).toBeUndefined();
  });

  it('signs up with separated consents and keeps the profile pending until the phone is confirmed', async () => {
    ddb.on(GetCommand).resolves({});
    cognito
      .on(SignUpCommand)
      .resolves({ CodeDeliveryDetails: { Destination: '+*******5678' }, UserConfirmed: false, UserSub: 'x' });
    const res = await post('/auth/signup', goodSignUp);
    expect(res.statusCode).toBe(201);
    expect(cognito.commandCalls(SignUpCommand)[0]!.args[0].input.UserAttributes).toContainEqual({
      Name: 'phone_number',
      Value: '+821012345678',
    });
    const profile = ddb.commandCalls(PutCommand)[0]!.args[0].input.Item!;
    expect(profile.status).toBe('pending');
    expect(profile.grants).toEqual([]);
    expect(profile.consents).toEqual({ terms: true, privacy: true, marketing: false });
  });

  it('refuses without the required consents, naming each', async () => {
    const res = await post('/auth/signup', { ...goodSignUp, consents: { terms: false, privacy: false } });
    expect(res.statusCode).toBe(422);
    const messages = JSON.parse(res.body).error.fields.map((f: { message: string }) => f.message);
    expect(messages).toEqual([
      '[필수] 이용약관에 동의해야 가입할 수 있습니다.',
      '[필수] 개인정보 수집·이용에 동의해야 가입할 수 있습니다.',
    ]);
  });

  it('refuses a staff role and a weak password', async () => {
    const res = await post('/auth/signup', { ...goodSignUp, role: 'agency', password: 'short' });
    expect(res.statusCode).toBe(422);
    const fields = JSON.parse(res.body).error.fields.map((f: { field: string }) => f.field);
    expect(fields).toContain('body.role');
    expect(fields).toContain('body.password');
  });

  it('says a taken ID is taken, at the ID field', async () => {
    ddb.on(GetCommand).resolves({});
    cognito.on(SignUpCommand).rejects(new UsernameExistsException({ message: 'x', $metadata: {} }));
    const res = await post('/auth/signup', goodSignUp);
    expect(res.statusCode).toBe(422);
    expect(JSON.parse(res.body).error.fields[0]).toMatchObject({ field: 'body.username', label: '아이디' });
  });

  it('on confirmation grants the requested role, joins its group and turns SMS MFA on', async () => {
    ddb.on(GetCommand).resolves(
      stored({
        userId: 'kim_worker',
        name: '김근로',
        phone: '+821012345678',
        status: 'pending',
        requestedRole: 'worker',
        grants: [],
      }),
    );
    cognito.on(ConfirmSignUpCommand).resolves({});
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    cognito.on(AdminSetUserMFAPreferenceCommand).resolves({});
    const res = await post('/auth/signup/confirm', { username: 'kim_worker', code: '123456' });
    expect(res.statusCode).toBe(200);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]!.args[0].input.GroupName).toBe('worker');
    expect(cognito.commandCalls(AdminSetUserMFAPreferenceCommand)[0]!.args[0].input.SMSMfaSettings).toEqual({
      Enabled: true,
      PreferredMfa: true,
    });
    const items = written();
    expect(items.find((i) => i.status === 'active')?.grants).toEqual([{ role: 'worker' }]);
    expect(items.some((i) => i.action === 'account.create')).toBe(true);
  });

  it('answers a password reset for an unknown ID the same way as for a known one', async () => {
    cognito.on(ForgotPasswordCommand).rejects(new UserNotFoundException({ message: 'x', $metadata: {} }));
    const res = await post('/auth/password-reset', { username: 'nobody_here' });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).step).toBe('confirm');
  });

  it('withdrawal removes the login and keeps the profile, marked withdrawn', async () => {
    const profile = stored({
      userId: 'kim_worker',
      name: '김근로',
      phone: '+821012345678',
      status: 'active',
      grants: [{ role: 'worker' }],
    });
    ddb.on(GetCommand).resolves(profile);
    cognito.on(AdminDeleteUserCommand).resolves({});
    const claims = { sub: 's', 'cognito:username': 'kim_worker', 'cognito:groups': 'worker' };
    const refused = await post('/me/withdraw', { confirm: false }, claims);
    expect(refused.statusCode).toBe(422);
    const res = await post('/me/withdraw', { confirm: true }, claims);
    expect(res.statusCode).toBe(200);
    expect(cognito.commandCalls(AdminDeleteUserCommand)).toHaveLength(1);
    const saved = written();
    expect(saved.find((i) => i.status === 'withdrawn')?.name).toBe('김근로');
  });
});
