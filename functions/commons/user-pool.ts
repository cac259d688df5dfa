import { ROLES, type Role } from './roles.ts';

/**
 * The user pool, defined once: the CDK pool (lib/identity) and the local stack's cognito-local pool
 * are both built from this object.
 */
export const USER_POOL = {
  name: 'kead-users',
  clientName: 'kead-web',
  /** SPEC §1: every staff login is ID + password, then a 6-digit SMS code. */
  mfa: 'REQUIRED_SMS',
  passwordPolicy: {
    minLength: 10,
    requireLowercase: true,
    requireUppercase: false,
    requireDigits: true,
    requireSymbols: true,
    temporaryPasswordValidityDays: 3,
  },
  /** USER_PASSWORD_AUTH because the sign-in steps run through our /auth routes (and cognito-local lacks SRP). */
  authFlows: ['USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH'] as const,
  accessTokenMinutes: 60,
  idTokenMinutes: 60,
  refreshTokenDays: 1,
  groups: ROLES.map((role: Role) => ({ groupName: role })),
  /** custom attributes carried on the user; role grants and scopes live in the table (issue 3). */
  customAttributes: ['userId'] as const,
} as const;
