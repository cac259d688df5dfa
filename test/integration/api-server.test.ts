import { createServer, request, type Server } from 'node:http';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Capability } from '#commons/http/route';
import { defineRoute } from '#commons/http/route';
import { closeServer, createApiServer, listen } from '#local/api-server';

// The local API in this process with a test-only capability whose handler echoes the event it got,
// and a test-only key pair behind a JWKS URL: what the handler sees must be what API Gateway's REST
// API with a Cognito authorizer would hand it.

const ISSUER = 'http://127.0.0.1/local_test';
const AUDIENCE = 'test-client';
let privateKey: CryptoKey;
let jwksServer: Server;
let api: Server;
let base: string;
const seen: { event: APIGatewayProxyEvent; context: Context }[] = [];

const route = (method: 'GET' | 'POST', path: string, access: 'public' | 'signedIn') =>
  defineRoute({
    method,
    path,
    summary: `${method} ${path}`,
    response: z.object({}),
    access,
    handle: async () => ({ body: {} }),
  });

const echo: Capability = {
  name: 'echo',
  entry: 'not-imported.ts',
  routes: [
    route('GET', '/public/echo/{id}', 'public'),
    route('POST', '/things/{thingId}', 'signedIn'),
    route('POST', '/things/special', 'signedIn'),
    route('GET', '/files/{path+}', 'signedIn'),
    route('GET', '/public/explode', 'public'),
  ],
};

async function token(claims: Record<string, unknown>, expiresIn = '5m'): Promise<string> {
  return new SignJWT({ token_use: 'id', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'test' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(privateKey);
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'test', alg: 'RS256', use: 'sig' };
  jwksServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  const jwksPort = await listen(jwksServer, 0);
  api = createApiServer({
    capabilities: [echo],
    auth: { issuer: ISSUER, audience: AUDIENCE, jwksUrl: `http://127.0.0.1:${jwksPort}/jwks.json` },
    sink: { line: () => undefined },
    loadHandler: async () => async (event, context) => {
      if (event.resource === '/public/explode') throw new Error('boom');
      seen.push({ event, context });
      return {
        statusCode: 201,
        headers: { 'x-echo': 'yes' },
        multiValueHeaders: { 'set-cookie': ['a=1', 'b=2'] },
        body: JSON.stringify({ resource: event.resource }),
      };
    },
  });
  base = `http://127.0.0.1:${await listen(api, 0)}/api`;
});

afterAll(async () => {
  await closeServer(api);
  await closeServer(jwksServer);
});

const last = () => seen.at(-1)!;

describe('the local API turns a request into the REST API proxy event', () => {
  it('passes path parameters, the resource template, query strings (last value wins) and the source address', async () => {
    const response = await fetch(`${base}/public/echo/%EA%B8%B0%EA%B4%80-1?sido=11&tag=a&tag=b`);
    expect(response.status).toBe(201);
    expect(response.headers.get('x-echo')).toBe('yes');
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
    const { event, context } = last();
    expect(event).toMatchObject({
      httpMethod: 'GET',
      resource: '/public/echo/{id}',
      path: '/public/echo/%EA%B8%B0%EA%B4%80-1',
      pathParameters: { id: '기관-1' },
      queryStringParameters: { sido: '11', tag: 'b' },
      multiValueQueryStringParameters: { sido: ['11'], tag: ['a', 'b'] },
      body: null,
      isBase64Encoded: false,
      requestContext: { authorizer: null, identity: { sourceIp: '127.0.0.1' }, resourcePath: '/public/echo/{id}' },
    });
    expect(context.functionName).toBe('kead-local-echo');
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(28_000);
  });

  it('verifies the ID token and passes its claims as the Cognito authorizer does: every value a string', async () => {
    const idToken = await token({ sub: 'u-1', 'cognito:username': 'hq_admin', 'cognito:groups': ['hq', 'branch'] });
    const response = await fetch(`${base}/things/t-9`, {
      method: 'POST',
      headers: { authorization: `Bearer ${idToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ 이름: '값' }),
    });
    expect(response.status).toBe(201);
    const claims = last().event.requestContext.authorizer!.claims as Record<string, string>;
    expect(claims).toMatchObject({
      sub: 'u-1',
      'cognito:username': 'hq_admin',
      'cognito:groups': 'hq,branch',
      token_use: 'id',
      aud: AUDIENCE,
      iss: ISSUER,
    });
    expect(claims.exp).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/);
    expect(last().event.body).toBe(JSON.stringify({ 이름: '값' }));
    // header names keep their case, as API Gateway passes them
    expect(last().event.headers['Content-Type'] ?? last().event.headers['content-type']).toBe('application/json');
    expect(last().event.multiValueHeaders.authorization ?? last().event.multiValueHeaders.Authorization).toHaveLength(
      1,
    );
    expect(last().event.pathParameters).toEqual({ thingId: 't-9' });
  });

  it('keeps header names as sent and every value of a repeated header, as API Gateway does', async () => {
    const url = new URL(`${base}/public/echo/1`);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        url,
        {
          // a flat list in the format of rawHeaders (Node then adds no Host itself): the same header twice
          headers: ['Host', url.host, 'X-Request-Source', 'a', 'X-Request-Source', 'b'],
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(201);
    expect(last().event.headers['X-Request-Source']).toBe('b');
    expect(last().event.multiValueHeaders['X-Request-Source']).toEqual(['a', 'b']);
  });

  it('prefers the more specific resource, and a greedy parameter takes the rest of the path', async () => {
    const idToken = await token({ sub: 'u-1', 'cognito:username': 'x' });
    const headers = { authorization: idToken };
    await fetch(`${base}/things/special`, { method: 'POST', headers });
    expect(last().event.resource).toBe('/things/special');
    await fetch(`${base}/files/a/b/c.pdf`, { headers });
    expect(last().event).toMatchObject({ resource: '/files/{path+}', pathParameters: { path: 'a/b/c.pdf' } });
  });

  it('hands a binary body on base64-encoded', async () => {
    const idToken = await token({ sub: 'u-1', 'cognito:username': 'x' });
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10]);
    await fetch(`${base}/things/t-1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${idToken}`, 'content-type': 'image/jpeg' },
      body: bytes,
    });
    expect(last().event).toMatchObject({ isBase64Encoded: true, body: bytes.toString('base64') });
  });
});

describe('the local API refuses like API Gateway, in Korean', () => {
  const post = (headers: Record<string, string> = {}) => fetch(`${base}/things/t-1`, { method: 'POST', headers });

  it('answers 401 without a token, with a token of another issuer or audience, and with an access token', async () => {
    const count = seen.length;
    for (const response of [
      await post(),
      await post({ authorization: 'Bearer not-a-jwt' }),
      await post({ authorization: `Bearer ${await token({ token_use: 'access', sub: 'u' })}` }),
    ]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'UNAUTHENTICATED', message: '로그인이 필요합니다. 다시 로그인해 주세요.' },
      });
    }
    const other = await new SignJWT({ token_use: 'id' })
      .setProtectedHeader({ alg: 'RS256', kid: 'test' })
      .setIssuer('http://elsewhere')
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await post({ authorization: `Bearer ${other}` })).status).toBe(401);
    expect(seen.length).toBe(count);
  });

  it('says when the sign-in has expired', async () => {
    const expired = await token({ sub: 'u-1' }, '-1m');
    const response = await post({ authorization: `Bearer ${expired}` });
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toBe('로그인 시간이 지났습니다. 다시 로그인해 주세요.');
  });

  it('answers 413 for a body over 10 MB, and 502 when the handler throws', async () => {
    const idToken = await token({ sub: 'u-1' });
    const big = await fetch(`${base}/things/t-1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${idToken}`, 'content-type': 'application/octet-stream' },
      body: Buffer.alloc(10 * 1024 * 1024 + 1),
    });
    expect(big.status).toBe(413);
    const explode = await fetch(`${base}/public/explode`);
    expect(explode.status).toBe(502);
    expect((await explode.json()).error.message).toMatch(/잠시 후 다시 시도/);
  });

  it('answers 404 for an unknown path and 405 with Allow for a known path with another method', async () => {
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
    const wrong = await fetch(`${base}/public/echo/1`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });

  it('answers a path with bad percent-encoding with 400 and a Korean message, before any handler', async () => {
    const count = seen.length;
    for (const path of ['/public/echo/%ZZ', '/public/echo/%', '/public/echo/%E0%A4%A', '/nowhere%ZZ', '/things/%ZZ']) {
      const response = await fetch(`${base}${path}`, { method: path.startsWith('/things') ? 'POST' : 'GET' });
      expect(response.status, path).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe('BAD_PATH');
      expect(body.error.message).toMatch(/[가-힣]/);
    }
    // the web app's pages too
    const page = await fetch(`${base.replace(/\/api$/, '')}/page%ZZ`);
    expect(page.status).toBe(400);
    expect((await page.json()).error.message).toMatch(/[가-힣]/);
    expect(seen.length).toBe(count);
  });

  it('answers an over-long path or header with a Korean JSON body, not an empty one', async () => {
    const longPath = await fetch(`${base}/public/echo/${'A'.repeat(20_000)}`);
    expect(longPath.status).toBe(431);
    expect(longPath.headers.get('content-type')).toMatch(/application\/json/);
    expect(await longPath.json()).toEqual({
      error: {
        code: 'REQUEST_TOO_LARGE',
        message: '주소나 요청 머리글이 너무 깁니다. 주소를 줄여 다시 시도해 주세요.',
      },
    });
    const longHeader = await fetch(`${base}/public/echo/1`, { headers: { 'x-padding': 'A'.repeat(20_000) } });
    expect(longHeader.status).toBe(431);
    expect((await longHeader.json()).error.message).toMatch(/[가-힣]/);
    // and the server goes on serving
    expect((await fetch(`${base}/public/echo/1`)).status).toBe(201);
  });

  it('keeps the schemas of a route in the OpenAPI document', async () => {
    const withSchemas: Capability = {
      name: 'typed',
      entry: 'x.ts',
      routes: [
        defineRoute({
          method: 'GET',
          path: '/public/typed/{id}',
          summary: 'typed',
          response: z.object({}),
          access: 'public',
          params: z.object({ id: z.string().regex(/^\d+$/) }),
          query: z.object({ page: z.coerce.number().int().min(1).default(1) }),
          handle: async () => ({ body: {} }),
        }),
      ],
    };
    const server = createApiServer({
      capabilities: [withSchemas],
      auth: { issuer: ISSUER, audience: AUDIENCE, jwksUrl: 'http://127.0.0.1:1/jwks.json' },
      sink: { line: () => undefined },
    });
    const port = await listen(server, 0);
    const doc = await (await fetch(`http://127.0.0.1:${port}/openapi.json`)).json();
    await closeServer(server);
    const operation = doc.paths['/public/typed/{id}'].get;
    expect(operation.parameters).toEqual([
      expect.objectContaining({
        name: 'id',
        in: 'path',
        required: true,
        schema: expect.objectContaining({ pattern: '^\\d+$' }),
      }),
      expect.objectContaining({
        name: 'page',
        in: 'query',
        required: false,
        schema: expect.objectContaining({ minimum: 1 }),
      }),
    ]);
    expect(operation.security).toEqual([]);
  });
});
