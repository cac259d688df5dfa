import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { Duplex } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { createRemoteJWKSet, type JWTPayload, errors as joseErrors, jwtVerify } from 'jose';
import { buildOpenApi } from '#commons/http/openapi';
import type { Capability, RouteSpec } from '#commons/http/route';
import * as clock from '#kernel/clock';
import { LOCAL_RESOURCES } from './env.ts';
import { type LocalOutbox, renderOutboxPage } from './outbox.ts';
import { REPO_ROOT } from './paths.ts';
import type { LogSink } from './processes.ts';

/** API Gateway's hard limits, kept locally so that nothing works here that fails on AWS. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const INTEGRATION_TIMEOUT_MS = 29_000;
/** The web app calls the API on its own origin under this prefix (CloudFront routes it the same way). */
export const API_PREFIX = '/api';

export type LambdaHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

export interface ApiServerOptions {
  capabilities: readonly Capability[];
  /** the local user pool: tokens are verified against its JWKS like the API Gateway Cognito authorizer does */
  auth: { issuer: string; audience: string; jwksUrl: string };
  sink: LogSink;
  /** the built web app (web/dist); absent: only the API and the local pages are served */
  webDist?: string;
  outbox?: LocalOutbox;
  /** how a capability's Lambda handler is obtained; by default its entry module is imported */
  loadHandler?: (capability: Capability) => Promise<LambdaHandler>;
}

interface CompiledRoute {
  capability: Capability;
  route: RouteSpec;
  pattern: RegExp;
  paramNames: string[];
  /** API Gateway prefers the most specific resource: more literal segments win */
  literalSegments: number;
}

function compileRoute(capability: Capability, route: RouteSpec): CompiledRoute {
  const paramNames: string[] = [];
  let literalSegments = 0;
  const source = route.path
    .split('/')
    .map((segment) => {
      const greedy = /^\{(\w+)\+\}$/.exec(segment);
      if (greedy) {
        paramNames.push(greedy[1]!);
        return '(.+)';
      }
      const param = /^\{(\w+)\}$/.exec(segment);
      if (param) {
        paramNames.push(param[1]!);
        return '([^/]+)';
      }
      literalSegments += 1;
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { capability, route, pattern: new RegExp(`^${source}/?$`), paramNames, literalSegments };
}

export function matchRoute(
  routes: readonly CompiledRoute[],
  method: string,
  path: string,
): { match?: { compiled: CompiledRoute; pathParameters: Record<string, string> }; allowed: string[] } {
  const candidates = routes
    .map((compiled) => ({ compiled, result: compiled.pattern.exec(path) }))
    .filter((c): c is { compiled: CompiledRoute; result: RegExpExecArray } => c.result !== null);
  const allowed = [...new Set(candidates.map((c) => c.compiled.route.method))];
  const best = candidates
    .filter((c) => c.compiled.route.method === method)
    .sort((a, b) => b.compiled.literalSegments - a.compiled.literalSegments)[0];
  if (!best) return { allowed };
  const pathParameters = Object.fromEntries(
    best.compiled.paramNames.map((name, i) => [name, decodeURIComponent(best.result[i + 1]!)]),
  );
  return { match: { compiled: best.compiled, pathParameters }, allowed };
}

/** Java's Date.toString() in UTC, which is how API Gateway hands exp and iat to the Lambda. */
function apiGatewayDate(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const day = d.toLocaleString('en-US', { weekday: 'short', timeZone: 'UTC' });
  const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day} ${month} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** The verified token's claims as the REST API's Cognito authorizer passes them: every value a string. */
export function toAuthorizerClaims(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    if ((name === 'exp' || name === 'iat') && typeof value === 'number') claims[name] = apiGatewayDate(value);
    else if (Array.isArray(value)) claims[name] = value.map(String).join(',');
    else if (typeof value === 'object') claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}

const TEXT_TYPES = /^(text\/|application\/(json|x-www-form-urlencoded|xml|[\w.+-]+\+json))/i;

interface RequestParts {
  method: string;
  /** the path as the API sees it (without /api) */
  path: string;
  resource: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** name/value pairs as sent: API Gateway keeps the header names' case */
  rawHeaders: string[];
  body: Buffer;
  sourceIp: string;
  pathParameters: Record<string, string>;
  claims?: Record<string, string>;
  requestId: string;
}

/** The REST API (v1) proxy event API Gateway would send for this request. */
export function toApiGatewayEvent(parts: RequestParts): APIGatewayProxyEvent {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (let i = 0; i + 1 < parts.rawHeaders.length; i += 2) {
    const name = parts.rawHeaders[i]!;
    const value = parts.rawHeaders[i + 1]!;
    multiValueHeaders[name] = [...(multiValueHeaders[name] ?? []), value];
    // like API Gateway, the single-value map keeps the last value of a repeated header
    headers[name] = value;
  }
  const keys = [...new Set(parts.query.keys())];
  // API Gateway keeps the last value of a repeated query parameter in queryStringParameters
  const query = keys.length ? Object.fromEntries(keys.map((k) => [k, parts.query.getAll(k).at(-1)!])) : null;
  const multiQuery = keys.length ? Object.fromEntries(keys.map((k) => [k, parts.query.getAll(k)])) : null;
  const isText =
    parts.body.length === 0 || TEXT_TYPES.test(String(parts.headers['content-type'] ?? 'application/json'));
  const now = clock.nowMs();
  return {
    resource: parts.resource,
    path: parts.path,
    httpMethod: parts.method,
    headers,
    multiValueHeaders,
    queryStringParameters: query,
    multiValueQueryStringParameters: multiQuery,
    pathParameters: Object.keys(parts.pathParameters).length ? parts.pathParameters : null,
    stageVariables: null,
    body: parts.body.length === 0 ? null : parts.body.toString(isText ? 'utf8' : 'base64'),
    isBase64Encoded: !isText,
    requestContext: {
      accountId: LOCAL_RESOURCES.accountId,
      apiId: 'local',
      authorizer: parts.claims ? { claims: parts.claims } : null,
      protocol: 'HTTP/1.1',
      httpMethod: parts.method,
      identity: {
        sourceIp: parts.sourceIp,
        userAgent: String(parts.headers['user-agent'] ?? ''),
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        user: null,
        userArn: null,
      },
      path: `/local${parts.path}`,
      stage: 'local',
      requestId: parts.requestId,
      requestTimeEpoch: now,
      resourceId: 'local',
      resourcePath: parts.resource,
    },
  };
}

export function lambdaContext(functionName: string, requestId: string, deadline: number): Context {
  return {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${LOCAL_RESOURCES.region}:${LOCAL_RESOURCES.accountId}:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => Math.max(0, deadline - clock.nowMs()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Imports a capability's entry module (the file esbuild bundles for its Lambda) and takes `handler`. */
export async function importHandler(entry: string): Promise<LambdaHandler> {
  const module = (await import(pathToFileURL(join(REPO_ROOT, entry)).href)) as { handler?: LambdaHandler };
  if (typeof module.handler !== 'function') throw new Error(`${entry} does not export a handler function`);
  return module.handler;
}

const ERROR_JSON = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...ERROR_JSON, ...SECURITY_HEADERS, ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, code: string, message: string, headers = {}): void {
  sendJson(res, status, { error: { code, message } }, headers);
}

const BAD_PATH_MESSAGE = '주소를 읽을 수 없습니다. 주소에 잘못된 % 표기가 있습니다. 주소를 확인해 주세요.';

/** Can the path be percent-decoded (no %ZZ, no lone %, no broken UTF-8)? */
export function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

interface ClientErrorAnswer {
  status: number;
  reason: string;
  code: string;
  message: string;
}

/** What the server answers to a request Node's HTTP parser refused, by the parser's error code. */
export function clientErrorAnswer(parserCode: string | undefined): ClientErrorAnswer {
  switch (parserCode) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        reason: 'Request Header Fields Too Large',
        code: 'REQUEST_TOO_LARGE',
        message: '주소나 요청 머리글이 너무 깁니다. 주소를 줄여 다시 시도해 주세요.',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        reason: 'Request Timeout',
        code: 'REQUEST_TIMEOUT',
        message: '요청이 제시간에 도착하지 않았습니다. 다시 시도해 주세요.',
      };
    default:
      return {
        status: 400,
        reason: 'Bad Request',
        code: 'BAD_REQUEST',
        message: '요청을 읽을 수 없습니다. 주소와 보낸 내용을 확인해 다시 시도해 주세요.',
      };
  }
}

/** A whole HTTP/1.1 response, for a socket the server answers before any request object exists. */
function rawErrorResponse(answer: ClientErrorAnswer): string {
  const body = JSON.stringify({ error: { code: answer.code, message: answer.message } });
  const headers = {
    ...ERROR_JSON,
    ...SECURITY_HEADERS,
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${answer.status} ${answer.reason}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const token = header.replace(/^Bearer\s+/i, '').trim();
  return token || undefined;
}

/**
 * The local API and web server: the same route table as the CDK (functions/capabilities.ts), each
 * request verified like API Gateway's Cognito authorizer, turned into the same REST (v1) proxy
 * event, and handed to the same Lambda handler, in this process. Also serves the web app (SPA
 * fallback), /health, /openapi.json and the local outbox.
 */
export function createApiServer(options: ApiServerOptions): Server {
  const routes = options.capabilities.flatMap((capability) =>
    capability.routes.map((route) => compileRoute(capability, route)),
  );
  const jwks = createRemoteJWKSet(new URL(options.auth.jwksUrl));
  const handlers = new Map<string, Promise<LambdaHandler>>();
  const loadHandler = options.loadHandler ?? ((capability: Capability) => importHandler(capability.entry));
  const handlerOf = (capability: Capability) => {
    let handler = handlers.get(capability.name);
    if (!handler) {
      handler = loadHandler(capability);
      handlers.set(capability.name, handler);
      handler.catch(() => handlers.delete(capability.name));
    }
    return handler;
  };

  async function verifyToken(token: string): Promise<Record<string, string> | 'invalid' | 'expired'> {
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: options.auth.issuer,
        audience: options.auth.audience,
      });
      // the authorizer takes ID tokens; an access token has no audience and no user attributes
      if (payload.token_use !== 'id') return 'invalid';
      return toAuthorizerClaims(payload);
    } catch (error) {
      return error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid';
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> {
    const started = clock.nowMs();
    const method = (req.method ?? 'GET').toUpperCase();
    const { match, allowed } = matchRoute(routes, method, path);
    if (!match) {
      if (allowed.length) {
        sendError(res, 405, 'METHOD_NOT_ALLOWED', '이 주소에서는 그 방식의 요청을 받지 않습니다.', {
          allow: allowed.join(', '),
        });
      } else {
        sendError(res, 404, 'NOT_FOUND', '요청한 주소를 찾을 수 없습니다.');
      }
      options.sink.line('api', `${method} (no route) ${res.statusCode}`);
      return;
    }
    const { compiled, pathParameters } = match;
    let claims: Record<string, string> | undefined;
    if (compiled.route.access !== 'public') {
      const token = bearerToken(req.headers.authorization);
      const verified = token ? await verifyToken(token) : 'invalid';
      if (typeof verified === 'string') {
        sendError(
          res,
          401,
          'UNAUTHENTICATED',
          verified === 'expired'
            ? '로그인 시간이 지났습니다. 다시 로그인해 주세요.'
            : '로그인이 필요합니다. 다시 로그인해 주세요.',
        );
        options.sink.line('api', `${method} ${compiled.route.path} 401 ${clock.nowMs() - started}ms`);
        return;
      }
      claims = verified;
    }
    const body = await readBody(req);
    if (body === 'too-large') {
      sendError(res, 413, 'PAYLOAD_TOO_LARGE', '보낸 내용이 너무 큽니다. 10MB 이하로 줄여 다시 보내 주세요.');
      return;
    }
    const requestId = randomUUID();
    const event = toApiGatewayEvent({
      method,
      path,
      resource: compiled.route.path,
      query: url.searchParams,
      headers: req.headers,
      rawHeaders: req.rawHeaders,
      body,
      sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      pathParameters,
      claims,
      requestId,
    });
    const deadline = clock.nowMs() + INTEGRATION_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    try {
      const handler = await handlerOf(compiled.capability);
      const result = await Promise.race([
        handler(event, lambdaContext(`kead-local-${compiled.capability.name}`, requestId, deadline)),
        new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), INTEGRATION_TIMEOUT_MS);
        }),
      ]);
      if (result === 'timeout') {
        sendError(res, 504, 'TIMEOUT', '처리 시간이 너무 오래 걸렸습니다. 잠시 후 다시 시도해 주세요.');
      } else {
        writeLambdaResult(res, result, requestId);
      }
    } catch (error) {
      // an exception escaping the handler is what API Gateway reports as a 502
      options.sink.line('api', `handler of ${compiled.capability.name} threw: ${(error as Error).stack ?? error}`);
      sendError(res, 502, 'BAD_GATEWAY', '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.');
    } finally {
      clearTimeout(timer);
    }
    options.sink.line('api', `${method} ${compiled.route.path} ${res.statusCode} ${clock.nowMs() - started}ms`);
  }

  function writeLambdaResult(res: ServerResponse, result: APIGatewayProxyResult, requestId: string): void {
    const headers: Record<string, string | string[]> = { 'x-amzn-requestid': requestId };
    for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);
    for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) {
      headers[name.toLowerCase()] = values.map(String);
    }
    res.writeHead(result.statusCode, headers);
    res.end(result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : undefined);
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): void {
    const dist = options.webDist;
    if (!dist) {
      sendError(res, 404, 'NOT_FOUND', '요청한 주소를 찾을 수 없습니다.');
      return;
    }
    // the request handler refused paths that cannot be decoded
    const decoded = decodeURIComponent(path);
    const file = normalize(join(dist, decoded));
    if (file !== dist && !file.startsWith(dist + sep)) {
      sendError(res, 404, 'NOT_FOUND', '요청한 주소를 찾을 수 없습니다.');
      return;
    }
    let target = existsSync(file) && statSync(file).isFile() ? file : undefined;
    if (!target && existsSync(join(file, 'index.html'))) target = join(file, 'index.html');
    // SPA fallback, as CloudFront does: an unknown path without a file extension is a page of the app
    if (!target && !extname(decoded)) target = join(dist, 'index.html');
    if (!target || !existsSync(target)) {
      sendError(res, 404, 'NOT_FOUND', '요청한 주소를 찾을 수 없습니다.');
      return;
    }
    const type = CONTENT_TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream';
    if (type.startsWith('text/html') && process.env[clock.PINNED_DAY_VARIABLE]) {
      // a pinned day: the page carries the server's instant, so the app starts on that day without
      // waiting for GET /public/clock or drawing the page twice (see web/src/core/clock.ts)
      const page = readFileSync(target, 'utf8').replace(
        '<head>',
        `<head>\n<meta name="${clock.PAGE_CLOCK_META}" content="${clock.nowMs()}">`,
      );
      res.writeHead(200, {
        'content-type': type,
        'content-length': Buffer.byteLength(page),
        'cache-control': 'no-cache',
        ...SECURITY_HEADERS,
      });
      res.end(req.method === 'HEAD' ? undefined : page);
      return;
    }
    res.writeHead(200, {
      'content-type': type,
      'content-length': statSync(target).size,
      'cache-control': type.startsWith('text/html') ? 'no-cache' : 'public, max-age=60',
      ...SECURITY_HEADERS,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(target).pipe(res);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    const run = async () => {
      // a path that cannot be percent-decoded (%ZZ, a lone %) is the client's mistake, not a fault of
      // ours: 400 with a Korean message, as for any other bad request, before any route or file
      if (!decodable(path)) {
        sendError(res, 400, 'BAD_PATH', BAD_PATH_MESSAGE);
        options.sink.line('api', `${method} (bad path) 400`);
        return;
      }
      if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)) {
        await handleApi(req, res, url, path.slice(API_PREFIX.length) || '/');
        return;
      }
      if (method !== 'GET' && method !== 'HEAD') {
        sendError(res, 405, 'METHOD_NOT_ALLOWED', '이 주소에서는 그 방식의 요청을 받지 않습니다.', {
          allow: 'GET, HEAD',
        });
        return;
      }
      if (path === '/health') {
        sendJson(res, 200, { status: 'ok', capabilities: options.capabilities.map((c) => c.name) });
        return;
      }
      if (path === '/openapi.json') {
        const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
        sendJson(res, 200, buildOpenApi(options.capabilities, { servers: [{ url: `${origin}${API_PREFIX}` }] }));
        return;
      }
      if (options.outbox && (path === '/local/outbox' || path === '/local/outbox.json')) {
        const to = url.searchParams.get('to') ?? undefined;
        const entries = options.outbox.list({ to });
        if (path.endsWith('.json')) sendJson(res, 200, { items: entries, count: entries.length });
        else {
          res.writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-store',
            ...SECURITY_HEADERS,
          });
          res.end(renderOutboxPage(entries, { to }));
        }
        return;
      }
      serveStatic(req, res, path);
    };
    run().catch((error) => {
      options.sink.line('api', `request failed: ${(error as Error).stack ?? error}`);
      if (!res.headersSent)
        sendError(res, 500, 'INTERNAL', '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.');
      else res.end();
    });
  });
  // Requests Node refuses before any handler sees them (a request line and headers over its 16 KB,
  // a malformed request): the same Korean JSON error as every other refusal, not an empty body.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(rawErrorResponse(clientErrorAnswer(error.code)));
  });
  // the stack stops quickly on Ctrl-C even with a browser's keep-alive connections open
  server.keepAliveTimeout = 5_000;
  return server;
}

export async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}

export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
