import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITIES } from '#functions/capabilities';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD } from '#local/demo-data';
import { personalDataIn, startStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

// biome-ignore lint/suspicious/noExplicitAny: response bodies of many shapes, checked by the assertions
async function getJson(path: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const response = await fetch(`${stack.baseUrl}${path}`, init);
  return { status: response.status, body: await response.json() };
}

describe('the local stack', () => {
  it('answers /health with every capability of the route table', async () => {
    const { status, body } = await getJson('/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', capabilities: CAPABILITIES.map((c) => c.name) });
  });

  it('publishes an OpenAPI 3.1 document that lists every RouteSpec with its security', async () => {
    const { status, body } = await getJson('/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const routes = CAPABILITIES.flatMap((c) => c.routes);
    for (const route of routes) {
      const operation = body.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation.security).toEqual(route.access === 'public' ? [] : [{ cognito: [] }]);
    }
    const documented = Object.values(body.paths as Record<string, object>).flatMap((p) => Object.keys(p));
    expect(documented).toHaveLength(routes.length);
    const directory = body.paths['/public/organisations'].get;
    expect(directory.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['kind', 'sido', 'sigungu', 'name']),
    );
  });

  it('serves the web app with an SPA fallback for unknown pages, but a 404 for unknown files', async () => {
    const page = await fetch(`${stack.baseUrl}/directory/somewhere`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<html lang="ko"');
    expect((await fetch(`${stack.baseUrl}/missing.js`)).status).toBe(404);
  });
});

describe('the public directory of organisations (SPEC A1) through the local API', () => {
  it('lists the seeded agencies of one 시/도, and of one 시/군/구', async () => {
    const gyeonggi = DEMO_ORGANISATIONS.filter((o) => o.kind === 'agency' && o.sidoCode === '41');
    const bySido = await getJson('/api/public/organisations?sido=41');
    expect(bySido.status).toBe(200);
    expect(bySido.body.items.map((i: { organisationId: string }) => i.organisationId).sort()).toEqual(
      gyeonggi.map((o) => o.organisationId).sort(),
    );

    const suwon = gyeonggi.find((o) => o.sigunguCode === '41115')!;
    const bySigungu = await getJson('/api/public/organisations?sido=41&sigungu=41115');
    expect(bySigungu.body).toMatchObject({
      count: 1,
      items: [{ organisationId: suwon.organisationId, name: suwon.name }],
    });

    const institutions = await getJson('/api/public/organisations?kind=institution');
    // the filter gives institutions only (the training demo adds a second one in 경기)
    const kinds = institutions.body.items.map((i: { kind: string }) => i.kind);
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['institution']));
  });

  it('refuses a 시/군/구 outside its 시/도 with a Korean 422 that names the field', async () => {
    const { status, body } = await getJson('/api/public/organisations?sido=11&sigungu=41115');
    expect(status).toBe(422);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields).toEqual([
      expect.objectContaining({ field: 'query.sigungu', label: '시/군/구', message: expect.stringMatching(/시\/도/) }),
    ]);
  });

  it('answers an unknown API path with a Korean 404 and a wrong method with 405', async () => {
    expect(await getJson('/api/public/nothing-here')).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND' } },
    });
    const wrongMethod = await fetch(`${stack.apiUrl}/public/organisations`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
  });
});

/** A route that needs a token, with its path parameters filled in. */
function protectedRoute(): { method: string; path: string } {
  const route = CAPABILITIES.flatMap((c) => c.routes).find((r) => r.access !== 'public');
  if (!route) throw new Error('no route needs a token yet');
  return { method: route.method, path: route.path.replace(/\{(\w+)\+?\}/g, 'demo') };
}

describe('sign-in and the API authorizer', () => {
  const account = DEMO_ACCOUNTS.find((a) => a.roles.includes('hq'))!;

  async function signIn(): Promise<{ idToken: string; accessToken: string; code: string }> {
    const cognito = new CognitoIdentityProviderClient({
      endpoint: stack.endpoints.cognito,
      region: 'ap-northeast-2',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const first = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: stack.userPool.clientId,
        AuthParameters: { USERNAME: account.username, PASSWORD: DEMO_PASSWORD },
      }),
    );
    expect(first.ChallengeName).toBe('SMS_MFA');
    // like Cognito, the client only learns the last four digits of the number
    expect(first.ChallengeParameters?.CODE_DELIVERY_DESTINATION).toBe(`+********${account.phone.slice(-4)}`);

    const outbox = await getJson(`/local/outbox.json?to=${encodeURIComponent(account.phone)}`);
    const sms = outbox.body.items[0];
    expect(sms).toMatchObject({ channel: 'sms', username: account.username, source: 'Authentication' });
    expect(sms.code).toMatch(/^\d{6}$/);
    expect(sms.text).toContain(sms.code);

    const second = await cognito.send(
      new RespondToAuthChallengeCommand({
        ChallengeName: 'SMS_MFA',
        ClientId: stack.userPool.clientId,
        Session: first.Session,
        ChallengeResponses: { USERNAME: account.username, SMS_MFA_CODE: sms.code },
      }),
    );
    cognito.destroy();
    return {
      idToken: second.AuthenticationResult!.IdToken!,
      accessToken: second.AuthenticationResult!.AccessToken!,
      code: sms.code,
    };
  }

  it('signs in with USER_PASSWORD_AUTH and the SMS code from the outbox; the ID token verifies against the JWKS', async () => {
    const { idToken, code } = await signIn();

    // the outbox page shows the same SMS, for people trying the product in a browser
    const page = await fetch(`${stack.outboxUrl}?to=${account.username}`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain(`<strong class="code">${code}</strong>`);

    const jwks = createRemoteJWKSet(new URL(stack.userPool.jwksUrl));
    const { payload } = await jwtVerify(idToken, jwks, {
      issuer: stack.userPool.issuer,
      audience: stack.userPool.clientId,
    });
    expect(payload).toMatchObject({
      token_use: 'id',
      'cognito:username': account.username,
      'cognito:groups': account.roles,
      phone_number: account.phone,
      phone_number_verified: true,
    });
  });

  it('refuses a route that needs a token with a Korean 401 when the token is missing or forged, and passes a valid one on', async () => {
    const { method, path } = protectedRoute();
    const missing = await getJson(`/api${path}`, { method });
    expect(missing.status).toBe(401);
    expect(missing.body.error).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/로그인/) });

    const { idToken, accessToken } = await signIn();
    const [header, payload] = idToken.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    const withForged = await getJson(`/api${path}`, { method, headers: { authorization: `Bearer ${forged}` } });
    expect(withForged.status).toBe(401);
    // the authorizer takes ID tokens, as API Gateway's Cognito authorizer without scopes does
    const withAccess = await getJson(`/api${path}`, { method, headers: { authorization: `Bearer ${accessToken}` } });
    expect(withAccess.status).toBe(401);

    const withValid = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${idToken}` },
    });
    expect(withValid.status).not.toBe(401);
  });
});

describe('S3 (s3rver) with presigned URLs', () => {
  // WHEN_REQUIRED: otherwise the SDK puts the CRC32 of an empty body into a presigned PUT URL,
  // which S3 (and the local S3) then refuses for any real file
  function s3(checksums: 'WHEN_REQUIRED' | 'WHEN_SUPPORTED' = 'WHEN_REQUIRED'): S3Client {
    return new S3Client({
      endpoint: stack.endpoints.s3,
      region: 'ap-northeast-2',
      forcePathStyle: true,
      requestChecksumCalculation: checksums,
      credentials: { accessKeyId: stack.env.AWS_ACCESS_KEY_ID!, secretAccessKey: stack.env.AWS_SECRET_ACCESS_KEY! },
    });
  }

  it('takes a presigned PUT from the web origin and gives the object back through a presigned GET', async () => {
    const client = s3();
    const bucket = stack.env.UPLOADS_BUCKET!;
    const key = `test/${randomUUID()}/seal.png`;
    const content = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const putUrl = await getSignedUrl(
      client,
      new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: 'image/png' }),
      {
        expiresIn: 300,
      },
    );
    const preflight = (origin: string) =>
      fetch(putUrl, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
      });
    // CORS as the CDK buckets have it: PUT from the web origin only
    expect((await preflight(stack.baseUrl)).status).toBe(200);
    expect((await preflight('http://elsewhere.example')).status).toBe(403);

    const put = await fetch(putUrl, {
      method: 'PUT',
      body: content,
      headers: { 'content-type': 'image/png', origin: stack.baseUrl },
    });
    expect(put.status).toBe(200);
    expect(put.headers.get('access-control-allow-origin')).toBe(stack.baseUrl);

    const getUrl = await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 300 });
    const got = await fetch(getUrl);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer())).toEqual(content);
    client.destroy();
  });

  it('refuses a PUT whose declared CRC32 does not match the body, as S3 does', async () => {
    const client = s3('WHEN_SUPPORTED');
    const url = await getSignedUrl(
      client,
      new PutObjectCommand({
        Bucket: stack.env.UPLOADS_BUCKET!,
        Key: `test/${randomUUID()}/x.png`,
        ContentType: 'image/png',
      }),
      { expiresIn: 300 },
    );
    expect(new URL(url).searchParams.get('x-amz-checksum-crc32')).toBe('AAAAAA==');
    const put = await fetch(url, {
      method: 'PUT',
      body: Buffer.from('not empty'),
      headers: { 'content-type': 'image/png' },
    });
    expect(put.status).toBe(400);
    expect(await put.text()).toContain('<Code>BadDigest</Code>');
    client.destroy();
  });

  it('pages through a listing (s3rver needs the OpenSSL legacy provider for continuation tokens)', async () => {
    const client = s3();
    const bucket = stack.env.DOCUMENTS_BUCKET!;
    const prefix = `paging/${randomUUID()}/`;
    for (let i = 0; i < 3; i++) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: `${prefix}${i}.txt`, Body: `file ${i}` }));
    }
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: 2, ContinuationToken: token }),
      );
      keys.push(...(page.Contents ?? []).map((o) => o.Key!));
      token = page.NextContinuationToken;
    } while (token);
    expect(keys).toEqual([0, 1, 2].map((i) => `${prefix}${i}.txt`));
    client.destroy();
  });
});

describe('logs', () => {
  // runs last in this file: by now people have signed in (codes sent to their phones), called the API and uploaded files
  it('carry no name or phone number of the demo people, whatever the stack and its services wrote', async () => {
    // the sign-in flow of the product itself, through the API, so that its handlers have logged too
    const account = DEMO_ACCOUNTS.find((a) => a.roles.includes('worker'))!;
    const login = await fetch(`${stack.apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: account.username, password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    const logs = readFileSync(stack.logs, 'utf8');
    expect(logs.length).toBeGreaterThan(0);
    const leaked = personalDataIn(logs);
    expect(leaked).toEqual([]);
  });
});
