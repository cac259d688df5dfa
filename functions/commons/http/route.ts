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
  response?: z.ZodType;
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
