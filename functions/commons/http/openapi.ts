import { z } from 'zod';
import { type Capability, isNonJsonResponse, type RouteSpec } from './route.ts';

// The OpenAPI 3.1 document, generated from the same RouteSpecs that drive the Lambda routers, the
// API Gateway resources and the local API. OpenAPI 3.1 schemas are JSON Schema 2020-12, which is
// what zod 4's z.toJSONSchema emits, so schemas are embedded as they come.

type JsonSchema = Record<string, unknown>;

export interface OpenApiOptions {
  title?: string;
  version?: string;
  /** where the API is reachable, e.g. [{ url: 'http://127.0.0.1:3000/api' }] */
  servers?: { url: string; description?: string }[];
}

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string', description: '사용자에게 보여 줄 한국어 안내' },
        fields: {
          type: 'array',
          items: {
            type: 'object',
            required: ['field', 'label', 'message'],
            properties: { field: { type: 'string' }, label: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // 'any' keeps routes documentable when a schema holds something JSON Schema cannot express (a transform)
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parametersOf(schema: z.ZodType | undefined, location: 'query' | 'path', labels: Record<string, string>) {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    ...(labels[name] ? { description: labels[name] } : {}),
    schema: property,
  }));
}

/** The path parameters named in an API Gateway path template, for routes without a params schema. */
function templateParameters(path: string, declared: Set<string>) {
  return [...path.matchAll(/\{(\w+)\+?\}/g)]
    .map((match) => match[1]!)
    .filter((name) => !declared.has(name))
    .map((name) => ({ name, in: 'path' as const, required: true, schema: { type: 'string' } as JsonSchema }));
}

/** The success answer: the route's response schema (output io: what the handler sends), a file or a redirect. */
function successOf(route: RouteSpec): Record<string, unknown> {
  const response = route.response;
  if (!response) return { '200': { description: '성공' } };
  if (isNonJsonResponse(response)) {
    if (response.kind === 'redirect') {
      return { '302': { description: response.description, headers: { location: { schema: { type: 'string' } } } } };
    }
    const mediaType = response.mediaType ?? 'application/octet-stream';
    return {
      '200': {
        description: response.description,
        content: { [mediaType]: { schema: { type: 'string', contentMediaType: mediaType } } },
      },
    };
  }
  return { '200': { description: '성공', content: { 'application/json': { schema: toSchema(response, 'output') } } } };
}

function operationOf(capability: Capability, route: RouteSpec) {
  const labels = route.labels ?? {};
  const parameters = [...parametersOf(route.params, 'path', labels), ...parametersOf(route.query, 'query', labels)];
  parameters.push(
    ...templateParameters(route.path, new Set(parameters.filter((p) => p.in === 'path').map((p) => p.name))),
  );
  const isPublic = route.access === 'public';
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  const responses: Record<string, unknown> = {
    ...successOf(route),
    '422': errorResponse('입력값 오류: 어느 항목을 어떻게 고칠지 안내합니다'),
  };
  if (!isPublic) {
    responses['401'] = errorResponse('로그인 필요');
    responses['403'] = errorResponse('권한 없음');
  }
  return {
    operationId: `${capability.name}.${route.method.toLowerCase()}${route.path
      .replace(/\{(\w+)\+?\}/g, 'By-$1')
      .split(/[/-]/)
      .filter(Boolean)
      .map((part) => part[0]!.toUpperCase() + part.slice(1))
      .join('')}`,
    summary: route.summary,
    tags: [capability.name],
    security: isPublic ? [] : [{ cognito: [] }],
    // who may call it, for readers and for the authorisation-matrix test
    'x-access': route.access,
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } } }
      : {}),
    responses,
  };
}

export function buildOpenApi(capabilities: readonly Capability[], options: OpenApiOptions = {}) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const capability of capabilities) {
    for (const route of capability.routes) {
      paths[route.path] ??= {};
      paths[route.path]![route.method.toLowerCase()] = operationOf(capability, route);
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? '근로지원인 플랫폼 API',
      version: options.version ?? '0.1.0',
      description: '공개 경로(/public, /auth)를 뺀 모든 경로는 Cognito ID 토큰(Authorization: Bearer …)이 필요합니다.',
    },
    ...(options.servers ? { servers: options.servers } : {}),
    paths,
    components: {
      securitySchemes: {
        cognito: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Cognito 사용자 풀이 발급한 ID 토큰',
        },
      },
      schemas: { Error: ERROR_SCHEMA },
    },
  };
}
