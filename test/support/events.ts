import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import * as clock from '#kernel/clock';

/** A REST API (v1) proxy event as API Gateway sends it; claims present when the caller is signed in. */
export function apiEvent(
  method: string,
  path: string,
  options: {
    query?: Record<string, string>;
    body?: unknown;
    claims?: Record<string, unknown>;
    resource?: string;
    pathParameters?: Record<string, string>;
  } = {},
): APIGatewayProxyEvent {
  return {
    httpMethod: method,
    path,
    resource: options.resource ?? path,
    headers: { 'content-type': 'application/json' },
    multiValueHeaders: {},
    queryStringParameters: options.query ?? null,
    multiValueQueryStringParameters: options.query
      ? Object.fromEntries(Object.entries(options.query).map(([k, v]) => [k, [v]]))
      : null,
    pathParameters: options.pathParameters ?? null,
    stageVariables: null,
    body: options.body === undefined ? null : JSON.stringify(options.body),
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: options.claims ? { claims: options.claims } : null,
      protocol: 'HTTP/1.1',
      httpMethod: method,
      identity: { sourceIp: '127.0.0.1' } as APIGatewayProxyEvent['requestContext']['identity'],
      path,
      stage: 'local',
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      requestTimeEpoch: clock.nowMs(),
      resourceId: 'local',
      resourcePath: options.resource ?? path,
    },
  };
}

export const lambdaContext = {
  functionName: 'test',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:ap-northeast-2:000000000000:function:test',
  memoryLimitInMB: '256',
  awsRequestId: 'test-request',
  logGroupName: '/aws/lambda/test',
  logStreamName: 'test',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
} as Context;
