import {
  CodeMismatchException,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '#functions/identity/handler';
import { apiEvent, lambdaContext } from '../../support/events.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const cognito = mockClient(CognitoIdentityProviderClient);

const login = (body: unknown) => handler(apiEvent('POST', '/auth/login', { body }), lambdaContext);

describe('POST /auth/login and /auth/mfa', () => {
  beforeEach(() => {
    ddb.reset();
    cognito.reset();
    process.env.TABLE_NAME = 'test-table';
    process.env.USER_POOL_CLIENT_ID = 'client-1';
    ddb.on(PutCommand).resolves({});
    ddb.on(DeleteCommand).resolves({});
  });

  it('sends the SMS step after a right password and clears earlier failures', async () => {
    ddb.on(GetCommand).resolves({});
    cognito.on(InitiateAuthCommand).resolves({
      ChallengeName: 'SMS_MFA',
      Session: 'session-1',
      ChallengeParameters: { CODE_DELIVERY_DESTINATION: '+*******5678' },
    });
    const res = await login({ username: 'agency1', password: 'right-Passw0rd!' });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ step: 'mfa', session: 'session-1', destination: '+*******5678' });
    expect(ddb.commandCalls(DeleteCommand)).toHaveLength(1);
  });

  it('counts a wrong password, warns how many tries are left, and audits the refusal', async () => {
    ddb.on(GetCommand).resolves({});
    cognito.on(InitiateAuthCommand).rejects(new NotAuthorizedException({ message: 'x', $metadata: {} }));
    const res = await login({ username: 'agency1', password: 'wrong' });
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body).error.message).toContain('4회 더 틀리면');
    const puts = ddb.commandCalls(PutCommand).map((c) => c.args[0].input.Item!);
    expect(puts.some((item) => item.failures === 1)).toBe(true);
    expect(puts.some((item) => item.action === 'auth.login' && item.outcome === 'denied')).toBe(true);
  });

  it('locks on the fifth failure (423) and refuses without asking Cognito while locked', async () => {
    ddb.on(GetCommand).resolves({ Item: { __edb_e__: 'signInGuard', __edb_v__: '1', userId: 'agency1', failures: 4 } });
    cognito.on(InitiateAuthCommand).rejects(new NotAuthorizedException({ message: 'x', $metadata: {} }));
    const res = await login({ username: 'agency1', password: 'wrong' });
    expect(res.statusCode).toBe(423);
    expect(JSON.parse(res.body).error.message).toMatch(/잠겼습니다.*이후에 다시 시도/);

    cognito.reset();
    ddb.on(GetCommand).resolves({
      Item: {
        __edb_e__: 'signInGuard',
        __edb_v__: '1',
        userId: 'agency1',
        failures: 5,
        lockedUntil: '2999-01-01T00:00:00.000Z',
      },
    });
    const again = await login({ username: 'agency1', password: 'right-Passw0rd!' });
    expect(again.statusCode).toBe(423);
    expect(cognito.commandCalls(InitiateAuthCommand)).toHaveLength(0);
  });

  it('names the empty fields in Korean', async () => {
    const res = await login({ username: '', password: '' });
    expect(res.statusCode).toBe(422);
    const fields = JSON.parse(res.body).error.fields.map((f: { label: string; message: string }) => f.message);
    expect(fields).toEqual(['아이디를 입력해 주세요.', '비밀번호를 입력해 주세요.']);
  });

  it('explains a wrong SMS code and returns tokens for the right one', async () => {
    cognito
      .on(RespondToAuthChallengeCommand)
      .rejectsOnce(new CodeMismatchException({ message: 'x', $metadata: {} }))
      .resolves({
        AuthenticationResult: { IdToken: 'id', AccessToken: 'access', RefreshToken: 'refresh', ExpiresIn: 3600 },
      });
    const mfa = (code: string) =>
      handler(apiEvent('POST', '/auth/mfa', { body: { username: 'agency1', session: 's', code } }), lambdaContext);
    const bad = await mfa('123456');
    expect(bad.statusCode).toBe(401);
    expect(JSON.parse(bad.body).error.message).toContain('인증번호가 올바르지 않습니다');
    const shape = await mfa('12ab');
    expect(shape.statusCode).toBe(422);
    const ok = await mfa('654321');
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body).tokens.idToken).toBe('id');
  });
});

describe('POST /auth/refresh', () => {
  beforeEach(() => {
    cognito.reset();
    process.env.USER_POOL_CLIENT_ID = 'client-1';
  });

  it('swaps a refresh token for new tokens and keeps the refresh token', async () => {
    cognito
      .on(InitiateAuthCommand)
      .resolves({ AuthenticationResult: { IdToken: 'id2', AccessToken: 'a2', ExpiresIn: 3600 } });
    const res = await handler(
      apiEvent('POST', '/auth/refresh', { body: { refreshToken: 'r'.repeat(40) } }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).tokens).toMatchObject({ idToken: 'id2', refreshToken: 'r'.repeat(40) });
    expect(cognito.commandCalls(InitiateAuthCommand)[0]!.args[0].input.AuthFlow).toBe('REFRESH_TOKEN_AUTH');
  });

  it('asks for a new sign-in when the refresh token is no longer accepted', async () => {
    cognito.on(InitiateAuthCommand).rejects(new NotAuthorizedException({ message: 'x', $metadata: {} }));
    const res = await handler(
      apiEvent('POST', '/auth/refresh', { body: { refreshToken: 'r'.repeat(40) } }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body).error.message).toContain('다시 로그인');
  });
});
