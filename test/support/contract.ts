import type { RouteSpec } from '#commons/http/route';
import { CAPABILITIES } from '#functions/capabilities';
import { type ApiReply, callApi } from './api.ts';
import type { TestStack } from './stack.ts';

// The answers tests receive, checked against the response schema their route declares (issue 14
// point 3): a success body must parse, and must carry no field the schema does not name, so that the
// contract the web infers its types from is what the handler really sends.

const ROUTES: RouteSpec[] = CAPABILITIES.flatMap((capability) => capability.routes);

function pattern(template: string): RegExp {
  const segments = template
    .split('/')
    .map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${segments.join('/')}$`);
}

/** The route serving `method path` (a concrete path or the route's own template; the query is ignored). */
export function routeOf(method: string, path: string): RouteSpec | undefined {
  const bare = path.split('?')[0]!;
  const candidates = ROUTES.filter((route) => route.method === method.toUpperCase());
  const exact = candidates.find((route) => route.path === bare);
  if (exact) return exact;
  // the most literal template wins: /consent-rounds/{roundId}/sign before /{a}/{b}/{c}
  const params = (route: RouteSpec) => (route.path.match(/\{/g) ?? []).length;
  return candidates.filter((route) => pattern(route.path).test(bare)).sort((a, b) => params(a) - params(b))[0];
}

function keyPaths(value: unknown, prefix: string, into: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) keyPaths(item, `${prefix}[]`, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      into.add(`${prefix}.${key}`);
      keyPaths(child, `${prefix}.${key}`, into);
    }
  }
  return into;
}

/**
 * Throws when a success answer does not match the declared response schema of its route, or holds a
 * field the schema leaves out. Answers of routes without a declared schema, and failures, pass.
 */
export function checkResponse(method: string, path: string, status: number, body: unknown): void {
  if (status < 200 || status >= 300) return;
  const route = routeOf(method, path);
  if (!route) throw new Error(`No route serves ${method} ${path}`);
  const schema = route.response as {
    safeParse?: (value: unknown) => { success: boolean; data?: unknown; error?: unknown };
  };
  if (!schema?.safeParse) return;
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new Error(`${method} ${route.path} answered a body its response schema refuses: ${String(result.error)}`);
  }
  const declared = keyPaths(result.data, '', new Set());
  const undeclared = [...keyPaths(body, '', new Set())].filter((key) => !declared.has(key));
  if (undeclared.length) {
    throw new Error(
      `${method} ${route.path} answered fields its response schema does not name: ${undeclared.join(', ')}`,
    );
  }
}

/** callApi, then the answer checked against its route's response schema (see checkResponse). */
export async function checkedCallApi(
  stack: TestStack,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiReply> {
  const reply = await callApi(stack, token, method, path, body);
  checkResponse(method, path, reply.status, reply.body);
  return reply;
}
