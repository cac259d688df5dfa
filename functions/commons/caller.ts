import type { APIGatewayProxyEvent } from 'aws-lambda';
import { isRole, type Role } from './roles.ts';

/** Who is asking. Built once per request from the claims the API Gateway Cognito authorizer verified. */
export interface Caller {
  userId: string;
  username: string;
  roles: Role[];
}

export function callerFromEvent(event: APIGatewayProxyEvent): Caller | undefined {
  const claims = event.requestContext?.authorizer?.claims as Record<string, unknown> | undefined;
  if (!claims || typeof claims.sub !== 'string') return undefined;
  return {
    userId: claims.sub,
    username: String(claims['cognito:username'] ?? claims.sub),
    roles: parseGroups(claims['cognito:groups']).filter(isRole),
  };
}

// API Gateway passes groups as a string ("[a, b]" or "a,b"); tokens decoded locally give an array.
function parseGroups(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw !== 'string' || raw === '') return [];
  return raw
    .replace(/^\[|\]$/g, '')
    .split(/[,\s]+/)
    .filter(Boolean);
}
