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
  /** the token's iat (seconds): a token issued before the person signed out no longer counts */
  issuedAt?: number;
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
    ...issuedAtOf(claims.iat),
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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The token's iat in seconds. The REST API's Cognito authorizer hands it to the Lambda as Java's
 * Date.toString() in UTC ("Mon Dec 07 01:00:00 UTC 2026"); tokens decoded locally give a number.
 */
export function issuedAtOf(raw: unknown): { issuedAt?: number } {
  if (typeof raw === 'number' && Number.isFinite(raw)) return { issuedAt: raw };
  if (typeof raw !== 'string') return {};
  if (/^\d+$/.test(raw)) return { issuedAt: Number(raw) };
  const java = /^\w{3} (\w{3}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) UTC (\d{4})$/.exec(raw);
  const month = java ? MONTHS.indexOf(java[1]!) : -1;
  if (!java || month < 0) return {};
  const [, , day, hours, minutes, seconds, year] = java.map(Number) as number[];
  return { issuedAt: Date.UTC(year!, month, day!, hours!, minutes!, seconds!) / 1000 };
}
