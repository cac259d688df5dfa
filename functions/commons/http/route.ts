import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { z } from 'zod';
import type { Caller } from '../caller.ts';
import type { Access, Target } from '../policy.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteInput<Q, B, P> {
  query: Q;
  body: B;
  params: P;
  /** present on every route but public ones */
  caller: Caller | undefined;
  /** the scope check of the policy module for the data this route touches; throws 403 when not covered */
  allow: (target: Target) => void;
  event: APIGatewayProxyEvent;
}

/**
 * A success answer that is not JSON: a file (PDF, Excel, image) streamed as the body, or a redirect.
 * Declared with fileResponse / redirectResponse so that every route still says what it answers.
 * (Today's PDFs and exports travel as presigned URLs inside JSON, so no route needs these yet.)
 */
export interface NonJsonResponse {
  kind: 'file' | 'redirect';
  /** the media type of the file, e.g. application/pdf; for a redirect, none */
  mediaType?: string;
  /** one line for the OpenAPI document */
  description: string;
}

export type ResponseSchema = z.ZodType | NonJsonResponse;

/** A route answering a file (not JSON): `response: fileResponse('application/pdf', '약정서 PDF')`. */
export function fileResponse(mediaType: string, description: string): NonJsonResponse {
  return { kind: 'file', mediaType, description };
}

/** A route answering a redirect (302 with Location). */
export function redirectResponse(description: string): NonJsonResponse {
  return { kind: 'redirect', description };
}

/** The zod schema of a JSON response, or undefined for a file or redirect. */
export function jsonResponseSchema(response: ResponseSchema | undefined): z.ZodType | undefined {
  return response && !isNonJsonResponse(response) ? response : undefined;
}

export function isNonJsonResponse(response: ResponseSchema): response is NonJsonResponse {
  return 'kind' in response && (response.kind === 'file' || response.kind === 'redirect') && !('_zod' in response);
}

export interface RouteResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * One HTTP route, declared as data. The same declaration drives the Lambda router, the API Gateway
 * resources in the CDK, the local HTTP API, the OpenAPI document and the authorisation-matrix test.
 */
export interface RouteSpec<Q = unknown, B = unknown, P = unknown> {
  method: HttpMethod;
  /** API Gateway style path: /public/agencies, /agencies/{agencyId} */
  path: string;
  /** One line for the OpenAPI document. */
  summary: string;
  /** Who may call it. 'public' routes must live under /public or /auth. */
  access: Access;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  params?: z.ZodType<P>;
  /**
   * What a success answers (issue 14 point 3): a zod schema of the JSON body, taken from the
   * capability's contract, or `fileResponse(...)` / `redirectResponse(...)` for an answer that is not
   * JSON. Carried into /openapi.json, checked by test/unit/http/route-declarations.test.ts (every route
   * declares one) and by the authorisation-matrix run (every 2xx JSON answer matches it).
   * Optional in the type only while the capabilities listed in that unit test's allow-list are being
   * given their contracts; the unit test is strict for every other capability.
   */
  response: ResponseSchema;
  /** Korean names of the request fields, used in validation messages ("시/도 코드: …"). */
  labels?: Record<string, string>;
  handle: (input: RouteInput<Q, B, P>) => Promise<RouteResult>;
}

export function defineRoute<Q = undefined, B = undefined, P = undefined>(spec: RouteSpec<Q, B, P>): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** The router function of one capability: its name (also the Lambda's), its entry file and its routes. */
export interface Capability {
  name: string;
  /** handler file relative to the repository root, bundled by esbuild for Lambda */
  entry: string;
  routes: RouteSpec[];
  /** files (relative to the repository root) the handler reads at run time, shipped beside its bundle */
  files?: readonly string[];
  /**
   * Objects landing in the uploads bucket under `keyPrefix` invoke `entry` (an S3 Object Created
   * notification on AWS; s3rver's object events on the local stack).
   */
  uploadEvents?: { entry: string; keyPrefix: string };
}
