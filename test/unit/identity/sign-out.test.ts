import {
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { issuedAtOf } from '#commons/caller';
import { tokenCounts } from '#commons/caller-profile';
import { handler } from '#functions/identity/handler';
import { apiEvent, lambdaContext } from '../../support/events.ts';

// Issue 22 §7: sign-out ends the session at Cognito and in the product; a withdrawn person's tokens
// and tokens issued before a sign-out are refused at once.
const ddb = mockClient(DynamoDBDocumentClient);
const cognito = mockClient(CognitoIdentityProviderClient);

const profile = (fields: Record<string, unknown> = {}) => ({
  Item: {
    __edb_e__: 'userProfile',
    __edb_v__: '1',
    userId: 'agency1',
    name: '윤서진',
    phone: '+821000000104',
    status: 'active',
    grants: [{ role: 'agency', agencyId: 'AG-1' }],
    ...fields,
  },
});
const claims = (iat: number) => ({ 'cognito:username': 'agency1', 'cognito:groups': 'agency', iat: String(iat) });
const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

beforeEach(() => {
  ddb.reset();
  cognito.reset();
  process.env.TABLE_NAME = 'test-table';
  process.env.USER_POOL_ID = 'pool-1';
  process.env.USER_POOL_CLIENT_ID = 'client-1';
});

describe('POST /auth/sign-out', () => {
  it('signs the person out everywhere, revokes this browser’s refresh token, stamps the time and clears the cookie', async () => {
    ddb.on(GetCommand).resolves(profile());
    ddb.on(TransactWriteCommand).resolves({});
    cognito.on(AdminUserGlobalSignOutCommand).resolves({});
    cognito.on(RevokeTokenCommand).resolves({});
    const event = apiEvent('POST', '/auth/sign-out', { body: {}, claims: claims(at('2026-12-07T01:00:00Z')) });
    const res = await handler(
      { ...event, headers: { ...event.headers, cookie: `kead_refresh=${'r'.repeat(40)}` } },
      lambdaContext,
    );
    expect(res.statusCode).toBe(200);
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)[0]!.args[0].input).toEqual({
      UserPoolId: 'pool-1',
      Username: 'agency1',
    });
    expect(cognito.commandCalls(RevokeTokenCommand)[0]!.args[0].input).toEqual({
      ClientId: 'client-1',
      Token: 'r'.repeat(40),
    });
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(JSON.stringify(items.find((item) => item.Update))).toContain('signedOutAt');
    expect(items.find((item) => item.Put)!.Put!.Item).toMatchObject({ action: 'auth.logout', subjectId: 'agency1' });
    expect(res.headers!['set-cookie']).toBe(
      'kead_refresh=; Path=/api/auth; Max-Age=0; HttpOnly; Secure; SameSite=Strict',
    );
  });
});

describe('tokens after a sign-out or a withdrawal', () => {
  it('refuses an ID token issued before the sign-out (401) and accepts one issued after it', async () => {
    ddb.on(GetCommand).resolves(profile({ signedOutAt: '2026-12-07T01:00:00.400Z' }));
    const before = await handler(apiEvent('GET', '/me', { claims: claims(at('2026-12-07T00:59:59Z')) }), lambdaContext);
    expect(before.statusCode).toBe(401);
    expect(JSON.parse(before.body).error.message).toContain('다시 로그인');
    const after = await handler(apiEvent('GET', '/me', { claims: claims(at('2026-12-07T01:00:01Z')) }), lambdaContext);
    expect(after.statusCode).toBe(200);
  });

  it('refuses every token of a withdrawn person, even on routes any signed-in person may call', async () => {
    ddb.on(GetCommand).resolves(profile({ status: 'withdrawn' }));
    const res = await handler(apiEvent('GET', '/me', { claims: claims(at('2026-12-07T01:00:00Z')) }), lambdaContext);
    expect(res.statusCode).toBe(401);
  });

  it('counts a token of the very second of the sign-out, so signing in again at once works', () => {
    const signedOut = { status: 'active', signedOutAt: '2026-12-07T01:00:00.900Z' };
    expect(tokenCounts(signedOut, at('2026-12-07T01:00:00Z'))).toBe(true);
    expect(tokenCounts(signedOut, at('2026-12-07T00:59:59Z'))).toBe(false);
    expect(tokenCounts({ status: 'active' }, undefined)).toBe(true);
    expect(tokenCounts({ status: 'withdrawn' }, at('2026-12-07T02:00:00Z'))).toBe(false);
  });
});

describe('the token’s issue time as API Gateway hands it over', () => {
  it('reads Java’s UTC date text, plain seconds and numbers; nothing else', () => {
    expect(issuedAtOf('Mon Dec 07 01:00:00 UTC 2026')).toEqual({ issuedAt: at('2026-12-07T01:00:00Z') });
    expect(issuedAtOf('1796605200')).toEqual({ issuedAt: 1796605200 });
    expect(issuedAtOf(1796605200)).toEqual({ issuedAt: 1796605200 });
    expect(issuedAtOf('Mon Foo 07 01:00:00 UTC 2026')).toEqual({});
    expect(issuedAtOf(undefined)).toEqual({});
  });
});
