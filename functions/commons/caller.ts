import type { APIGatewayProxyEvent } from 'aws-lambda';
import { isRole, type Role } from './roles.ts';

/** One role held with its scope (SPEC §1): branchId for branch staff, agencyId for agency staff, … */
export interface Grant {
  role: Role;
  branchId?: string;
  agencyId?: string;
  institutionId?: string;
}

/** Who is asking: built once per request from the verified token and the person's stored grants. */
export interface Caller {
  userId: string;
  roles: Role[];
  grants: Grant[];
  sourceIp: string;
}

/** The identity the API Gateway Cognito authorizer verified (claims of the ID token). */
export interface TokenIdentity {
  userId: string;
  roles: Role[];
  sourceIp: string;
}

export function identityFromEvent(event: APIGatewayProxyEvent): TokenIdentity | undefined {
  const claims = event.requestContext?.authorizer?.claims as Record<string, unknown> | undefined;
  if (!claims) return undefined;
  const username = claims['cognito:username'];
  if (typeof username !== 'string' || username === '') return undefined;
  return {
    userId: username,
    roles: parseGroups(claims['cognito:groups']).filter(isRole),
    sourceIp: event.requestContext?.identity?.sourceIp ?? 'unknown',
  };
}

/**
 * Grants come from the table; a grant only counts when the token also carries its role (Cognito
 * groups mirror the roles), so removing a person from a group takes effect at once.
 */
export function buildCaller(identity: TokenIdentity, storedGrants: Grant[]): Caller {
  const grants = storedGrants.filter((grant) => identity.roles.includes(grant.role));
  return { userId: identity.userId, roles: identity.roles, grants, sourceIp: identity.sourceIp };
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
