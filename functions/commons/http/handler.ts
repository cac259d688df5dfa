import { Router } from '@aws-lambda-powertools/event-handler/http';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { buildCaller, type Caller, identityFromEvent } from '../caller.ts';
import { loadGrants } from '../caller-profile.ts';
import { DomainError, ValidationFailed } from '../errors.ts';
import { authorize, authorizeTarget, type Target } from '../policy.ts';
import { logger } from '../powertools.ts';
import type { RouteSpec } from './route.ts';
import { parseOrThrow } from './validation.ts';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** API Gateway path template (/a/{id}) → Powertools router path (/a/:id). */
export function toRouterPath(path: string): `/${string}` {
  return path.replace(/\{(\w+)\}/g, ':$1') as `/${string}`;
}

/**
 * The Lambda handler of one capability: parse (zod) → authorise (policy) → the route's domain call →
 * typed errors mapped to HTTP with a Korean message. Thin by construction.
 */
export function createHandler(routes: RouteSpec[]) {
  const app = new Router({ logger });

  for (const route of routes) {
    const register = app[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'].bind(app);
    register(toRouterPath(route.path), async (reqCtx) => {
      const event = reqCtx.event as APIGatewayProxyEvent;
      const caller = route.access === 'public' ? undefined : await callerOf(event);
      authorize(caller, route.access);
      const query = route.query
        ? parseOrThrow(route.query, event.queryStringParameters ?? {}, 'query', route.labels)
        : undefined;
      const params = route.params ? parseOrThrow(route.params, reqCtx.params, 'params', route.labels) : undefined;
      const body = route.body ? parseOrThrow(route.body, parseBody(event), 'body', route.labels) : undefined;
      const allow = (target: Target) => authorizeTarget(caller, route.access, target);
      const result = await route.handle({ query, body, params, caller, allow, event });
      return json(result.status ?? 200, result.body, result.headers);
    });
  }

  app.errorHandler(DomainError, async (error) => {
    const body: Record<string, unknown> = { code: error.code, message: error.message };
    if (error instanceof ValidationFailed) body.fields = error.fields;
    logger.info('request refused', { code: error.code, status: error.status });
    return json(error.status, { error: body });
  });

  app.notFound(async () => json(404, { error: { code: 'NOT_FOUND', message: '요청한 주소를 찾을 수 없습니다.' } }));

  app.errorHandler(Error, async (error) => {
    logger.error('unhandled error', { error });
    return json(500, {
      error: { code: 'INTERNAL', message: '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.' },
    });
  });

  return middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler((event: APIGatewayProxyEvent, context: Context) => app.resolve(event, context));
}

// The caller context is built once per request: token identity (verified by the authorizer) plus the
// grants stored for that person (commons/caller-profile: identity writes them, the edge only reads).
async function callerOf(event: APIGatewayProxyEvent): Promise<Caller | undefined> {
  const identity = identityFromEvent(event);
  if (!identity) return undefined;
  return buildCaller(identity, await loadGrants(identity.userId, identity.issuedAt));
}

function parseBody(event: APIGatewayProxyEvent): unknown {
  if (!event.body) return {};
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationFailed(
      [{ field: 'body', label: '요청 내용', message: '요청 내용이 JSON 형식이 아닙니다.' }],
      '요청 내용을 읽을 수 없습니다. 입력한 내용을 다시 보내 주세요.',
    );
  }
}
