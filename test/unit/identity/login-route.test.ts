import {
  CodeMismatchException,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
  UserNotConfirmedException,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '#functions/identity/handler';
import { challengeKey, MAX_CHALLENGE_TRIES } from '#functions/identity/sign-in-rules';
import * as clock from '#kernel/clock';
import { apiEvent, lambdaContext } from '../../support/events.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const cognito = mockClient(CognitoIdentityProviderClient);

const login = (body: unknown) => handler(apiEvent('POST', '/auth/login', { body }), lambdaContext);
const mfa = (code: string, session = 'session-1', username = 'agency1') =>
  handler(apiEvent('POST', '/auth/mfa', { body: { username, session, code } }), lambdaContext);
const newPassword = (session: string, username = 'agency1') =>
  handler(
    apiEvent('POST', '/auth/new-password', { body: { username, session, password: 'new-Passw0rd!' } }),
    lambdaContext,
  );

/** The request as the browser sends it after sign-in: the refresh cookie beside whatever else it holds. */
function withCookie<E extends { headers: Record<string, string | undefined> }>(event: E, token: string): E {
  return { ...event, headers: { ...event.headers, cookie: `theme=dark; kead_refresh=${token}` } };
}

const conditionFailed = () =>
  Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
const notAuthorized = () => new NotAuthorizedException({ message: 'x', $metadata: {} });

const guardItem = (fields: Record<string, unknown>) => ({
  __edb_e__: 'signInGuard',
  __edb_v__: '1',
  userId: 'agency1',
  ...fields,
});
const challengeItem = (fields: Record<string, unknown> = {}) => ({
  __edb_e__: 'signInChallenge',
  __edb_v__: '1',
  sessionKey: challengeKey('session-1'),
  userId: 'agency1',
  step: 'mfa',
  tries: 0,
  expiresAt: clock.nowEpochSeconds() + 180,
  ...fields,
});

type Table = 'guard' | 'challenge';
const tableOf = (key: Record<string, unknown> | undefined): Table =>
  String(key?.sk).startsWith('$signinguard') ? 'guard' : 'challenge';

/** What the table holds for the two sign-in records (undefined: nothing), and how updates answer. */
function table(state: {
  guard?: Record<string, unknown>;
  challenge?: Record<string, unknown>;
  update?: (table: Table, input: UpdateCommandInput) => Record<string, unknown>;
}) {
  ddb.on(GetCommand).callsFake((input) => ({ Item: state[tableOf(input.Key)] }));
  ddb.on(UpdateCommand).callsFake(async (input: UpdateCommandInput) => {
    const which = tableOf(input.Key);
    return { Attributes: state.update ? state.update(which, input) : state[which] };
  });
}

const audits = () =>
  ddb
    .commandCalls(PutCommand)
    .map((call) => call.args[0].input.Item!)
    .filter((item) => item.__edb_e__ === 'auditRecord');

/** Fresh mocks for a sign-in step: the table takes puts and deletes, Cognito answers as each test says. */
function freshMocks(): void {
  ddb.reset();
  cognito.reset();
  process.env.TABLE_NAME = 'test-table';
  process.env.USER_POOL_CLIENT_ID = 'client-1';
  ddb.on(PutCommand).resolves({});
  ddb.on(DeleteCommand).resolves({});
}

describe('POST /auth/login', () => {
  beforeEach(() => {
    freshMocks();
  });

  it('counts the check atomically, sends the SMS step, clears the count and records the challenge by hash', async () => {
    table({ update: () => guardItem({ failures: 1 }) });
    cognito.on(InitiateAuthCommand).resolves({
      ChallengeName: 'SMS_MFA',
      Session: 'session-1',
      ChallengeParameters: { CODE_DELIVERY_DESTINATION: '+*******5678' },
    });
    const res = await login({ username: 'Agency1', password: 'right-Passw0rd!' });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ step: 'mfa', session: 'session-1', destination: '+*******5678' });

    const update = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.UpdateExpression).toMatch(/ADD #failures/);
    expect(update.ConditionExpression).toContain('#failures <');
    expect(update.Key!.pk).toContain('agency1'); // the lower-case ID: case does not make another account
    expect(ddb.commandCalls(DeleteCommand)).toHaveLength(1);
    const challenge = ddb.commandCalls(PutCommand).map((call) => call.args[0].input.Item!)[0]!;
    expect(challenge).toMatchObject({
      sessionKey: challengeKey('session-1'),
      userId: 'agency1',
      step: 'mfa',
      tries: 0,
    });
    expect(JSON.stringify(challenge)).not.toContain('session-1');
    expect(challenge.expiresAt).toBe(clock.nowEpochSeconds() + 180);
  });

  it('counts a wrong password, warns how many tries are left, and audits the refusal without the password', async () => {
    table({ update: () => guardItem({ failures: 1 }) });
    cognito.on(InitiateAuthCommand).rejects(notAuthorized());
    const res = await login({ username: 'agency1', password: 'wrong-guess-1' });
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body).error.message).toContain('4회 더 틀리면');
    const [audit] = audits();
    expect(audit).toMatchObject({
      action: 'auth.login',
      outcome: 'denied',
      subjectId: 'agency1',
      reason: '비밀번호 불일치',
    });
    expect(JSON.stringify(audit)).not.toContain('wrong-guess-1');
  });

  it('locks as it counts the fifth check (423) and refuses without asking Cognito while locked', async () => {
    table({
      guard: guardItem({ failures: 4 }),
      update: (_table, input) => {
        if (input.UpdateExpression!.includes('ADD')) throw conditionFailed();
        return guardItem({ failures: 5 });
      },
    });
    cognito.on(InitiateAuthCommand).rejects(notAuthorized());
    const res = await login({ username: 'agency1', password: 'wrong' });
    expect(res.statusCode).toBe(423);
    expect(JSON.parse(res.body).error.message).toMatch(/잠겼습니다.*이후에 다시 시도/);
    const lock = ddb.commandCalls(UpdateCommand)[1]!.args[0].input;
    expect(lock.ConditionExpression).toMatch(/#failures = :failures\d+ AND attribute_not_exists\(#lockedUntil\)/);
    expect(lock.ExpressionAttributeValues).toMatchObject({ ':failures0': 4 });

    cognito.reset();
    ddb.resetHistory();
    table({
      guard: guardItem({ failures: 5, lockedUntil: '2999-01-01T00:00:00.000Z' }),
      update: () => {
        throw conditionFailed();
      },
    });
    const again = await login({ username: 'agency1', password: 'right-Passw0rd!' });
    expect(again.statusCode).toBe(423);
    expect(cognito.commandCalls(InitiateAuthCommand)).toHaveLength(0);
    expect(audits()[0]).toMatchObject({ action: 'auth.login', outcome: 'denied', reason: '잠긴 계정' });
  });

  it('gives the check back when Cognito did not judge the password', async () => {
    table({ update: () => guardItem({ failures: 2 }) });
    cognito.on(InitiateAuthCommand).rejects(new UserNotConfirmedException({ message: 'x', $metadata: {} }));
    const res = await login({ username: 'agency1', password: 'right-Passw0rd!' });
    expect(res.statusCode).toBe(400);
    const release = ddb.commandCalls(UpdateCommand)[1]!.args[0].input;
    expect(release.ExpressionAttributeValues).toMatchObject({ ':failures_u0': -1 });
  });

  it('names the empty fields in Korean', async () => {
    const res = await login({ username: '', password: '' });
    expect(res.statusCode).toBe(422);
    const fields = JSON.parse(res.body).error.fields.map((f: { label: string; message: string }) => f.message);
    expect(fields).toEqual(['아이디를 입력해 주세요.', '비밀번호를 입력해 주세요.']);
  });
});

describe('POST /auth/mfa', () => {
  beforeEach(() => {
    freshMocks();
  });

  it('explains a wrong SMS code, audits it without the code, and returns tokens for the right one', async () => {
    let tries = 0;
    table({
      update: () => {
        tries += 1;
        return challengeItem({ tries });
      },
    });
    cognito
      .on(RespondToAuthChallengeCommand)
      .rejectsOnce(new CodeMismatchException({ message: 'x', $metadata: {} }))
      .resolves({
        AuthenticationResult: { IdToken: 'id', AccessToken: 'access', RefreshToken: 'refresh', ExpiresIn: 3600 },
      });
    const bad = await mfa('123456');
    expect(bad.statusCode).toBe(401);
    expect(JSON.parse(bad.body).error.message).toContain('인증번호가 올바르지 않습니다');
    expect(JSON.parse(bad.body).error.message).toContain('4회 더 틀리면');
    const [audit] = audits();
    expect(audit).toMatchObject({
      action: 'auth.mfa',
      outcome: 'denied',
      subjectId: 'agency1',
      reason: '인증번호 불일치',
    });
    expect(JSON.stringify(audit)).not.toContain('123456');

    const claim = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(claim.Key!.pk).toContain(challengeKey('session-1'));
    expect(claim.UpdateExpression).toMatch(/ADD #tries/);
    expect(claim.ConditionExpression).toMatch(/#userId = .*#step = .*#expiresAt > .*#tries </);

    const shape = await mfa('12ab');
    expect(shape.statusCode).toBe(422);
    const ok = await mfa('654321');
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body).tokens.idToken).toBe('id');
    // the refresh token only in an HttpOnly cookie for the sign-in routes, never in the body
    expect(ok.body).not.toContain('refresh');
    expect(ok.headers!['set-cookie']).toMatch(
      /^kead_refresh=refresh; Path=\/api\/auth; Max-Age=\d+; HttpOnly; Secure; SameSite=Strict$/,
    );
    // the challenge is used up (deleted on the condition that it is still there)
    const consumed = ddb.commandCalls(DeleteCommand).at(-1)!.args[0].input;
    expect(consumed.Key!.pk).toContain(challengeKey('session-1'));
    expect(consumed.ConditionExpression).toContain('attribute_exists');
  });

  it('closes the challenge on the fifth wrong code and refuses the next one, even the right code, without Cognito', async () => {
    table({ update: () => challengeItem({ tries: MAX_CHALLENGE_TRIES }) });
    cognito.on(RespondToAuthChallengeCommand).rejects(new CodeMismatchException({ message: 'x', $metadata: {} }));
    const fifth = await mfa('111111');
    expect(fifth.statusCode).toBe(401);
    expect(JSON.parse(fifth.body).error.message).toMatch(/5회 잘못 입력.*처음부터 다시 로그인/);

    cognito.reset();
    table({
      challenge: challengeItem({ tries: MAX_CHALLENGE_TRIES }),
      update: () => {
        throw conditionFailed();
      },
    });
    const sixth = await mfa('654321');
    expect(sixth.statusCode).toBe(401);
    expect(JSON.parse(sixth.body).error.message).toMatch(/5회 잘못 입력.*처음부터 다시 로그인/);
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
    expect(audits().at(-1)).toMatchObject({
      action: 'auth.mfa',
      outcome: 'denied',
      reason: '시도 횟수 초과로 닫힌 로그인 단계',
    });
  });

  it('refuses a session the product did not issue, and one issued to someone else', async () => {
    table({
      update: () => {
        throw conditionFailed();
      },
    });
    const forged = await mfa('654321', 'abc');
    expect(forged.statusCode).toBe(401);
    expect(JSON.parse(forged.body).error.message).toContain('확인할 수 없는 로그인 단계입니다');

    table({
      challenge: challengeItem({ userId: 'worker01' }),
      update: () => {
        throw conditionFailed();
      },
    });
    const other = await mfa('654321');
    expect(other.statusCode).toBe(401);
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it('refuses the SMS step of a locked account', async () => {
    table({
      guard: guardItem({ failures: 5, lockedUntil: '2999-01-01T00:00:00.000Z' }),
      update: () => challengeItem({ tries: 1 }),
    });
    const res = await mfa('654321');
    expect(res.statusCode).toBe(423);
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });
});

describe('POST /auth/new-password', () => {
  beforeEach(() => {
    freshMocks();
    cognito.on(RespondToAuthChallengeCommand).resolves({
      ChallengeName: 'SMS_MFA',
      Session: 'session-2',
      ChallengeParameters: { CODE_DELIVERY_DESTINATION: '+*******5678' },
    });
  });

  it('refuses a session nobody issued: Cognito is never asked, so the password stays', async () => {
    table({
      update: () => {
        throw conditionFailed();
      },
    });
    const res = await newPassword('abc', 'assistant01');
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body).error.message).toContain('임시 비밀번호로 처음부터 다시 로그인');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
    expect(audits()[0]).toMatchObject({
      action: 'auth.new-password',
      outcome: 'denied',
      subjectId: 'assistant01',
      reason: '발급되지 않은 로그인 단계',
    });
  });

  it('refuses the SMS session of another account and the SMS session of the same account', async () => {
    for (const challenge of [
      challengeItem({ userId: 'worker01', step: 'newPassword' }),
      challengeItem({ step: 'mfa' }),
    ]) {
      table({
        challenge,
        update: () => {
          throw conditionFailed();
        },
      });
      const res = await newPassword('session-1');
      expect(res.statusCode).toBe(401);
    }
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it('sets the password from an issued challenge, uses it up and opens the SMS step', async () => {
    table({ update: () => challengeItem({ step: 'newPassword', tries: 1 }) });
    const res = await newPassword('session-1');
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ step: 'mfa', session: 'session-2' });
    expect(ddb.commandCalls(DeleteCommand)[0]!.args[0].input.Key!.pk).toContain(challengeKey('session-1'));
    const puts = ddb.commandCalls(PutCommand).map((call) => call.args[0].input.Item!);
    expect(puts.find((item) => item.__edb_e__ === 'signInChallenge')).toMatchObject({
      sessionKey: challengeKey('session-2'),
      step: 'mfa',
    });
    expect(audits()[0]).toMatchObject({ action: 'auth.new-password', outcome: 'success' });
  });
});

describe('POST /auth/refresh', () => {
  beforeEach(() => {
    cognito.reset();
    process.env.USER_POOL_CLIENT_ID = 'client-1';
  });

  it('swaps the refresh token of the cookie for new tokens; the body never carries it', async () => {
    cognito
      .on(InitiateAuthCommand)
      .resolves({ AuthenticationResult: { IdToken: 'id2', AccessToken: 'a2', ExpiresIn: 3600 } });
    const res = await handler(
      withCookie(apiEvent('POST', '/auth/refresh', { body: {} }), 'r'.repeat(40)),
      lambdaContext,
    );
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).tokens).toMatchObject({ idToken: 'id2' });
    expect(res.body).not.toContain('r'.repeat(40));
    const asked = cognito.commandCalls(InitiateAuthCommand)[0]!.args[0].input;
    expect(asked.AuthFlow).toBe('REFRESH_TOKEN_AUTH');
    expect(asked.AuthParameters!.REFRESH_TOKEN).toBe('r'.repeat(40));
  });

  it('asks for a new sign-in when the refresh token is no longer accepted, or there is no cookie', async () => {
    cognito.on(InitiateAuthCommand).rejects(notAuthorized());
    const res = await handler(
      withCookie(apiEvent('POST', '/auth/refresh', { body: {} }), 'r'.repeat(40)),
      lambdaContext,
    );
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body).error.message).toContain('다시 로그인');
    // a token in the body is not read: without the cookie, nothing to refresh
    const bodyOnly = await handler(
      apiEvent('POST', '/auth/refresh', { body: { refreshToken: 'r'.repeat(40) } }),
      lambdaContext,
    );
    expect(bodyOnly.statusCode).toBe(401);
    expect(cognito.commandCalls(InitiateAuthCommand)).toHaveLength(1);
  });
});
