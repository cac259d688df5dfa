import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type ExplicitAuthFlowsType,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { USER_POOL } from '#commons/user-pool';
import { REPO_ROOT } from './paths.ts';
import { CHILD_TYPESCRIPT, type LogSink, type ServiceProcess, startService, untilReady } from './processes.ts';

/** One code cognito-local would have sent (SMS MFA, sign-up, password reset), captured from its stdout. */
export interface CapturedCode {
  source: string;
  userPoolId: string;
  username: string;
  channel: 'sms' | 'email';
  to: string;
  code: string;
}

export interface LocalCognito {
  endpoint: string;
  process: ServiceProcess;
}

export interface LocalUserPool {
  userPoolId: string;
  clientId: string;
  issuer: string;
  jwksUrl: string;
}

/** cognito-local in a child process (see local/cognito-server.ts for what it adapts). */
export async function startCognito(options: {
  port: number;
  dataDir: string;
  sink: LogSink;
  onCode: (code: CapturedCode) => void;
}): Promise<LocalCognito> {
  mkdirSync(options.dataDir, { recursive: true });
  let ready: (() => void) | undefined;
  const started = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const proc = startService(
    'cognito',
    process.execPath,
    [
      ...CHILD_TYPESCRIPT,
      join(REPO_ROOT, 'local', 'cognito-server.ts'),
      JSON.stringify({ port: options.port, directory: options.dataDir }),
    ],
    options.sink,
    {
      cwd: REPO_ROOT,
      // aws-sdk v2 (inside cognito-local) announces its maintenance mode on every start
      env: { ...process.env, AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1' },
      onLine: (line) => {
        if (line.startsWith('READY ')) {
          ready?.();
          return true;
        }
        if (line.startsWith('OUTBOX ')) {
          // never logged: it carries a phone number and a code
          options.onCode(JSON.parse(line.slice('OUTBOX '.length)) as CapturedCode);
          return true;
        }
        return false;
      },
    },
  );
  await untilReady(proc, started);
  return { endpoint: `http://127.0.0.1:${options.port}`, process: proc };
}

export function localCognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: 'ap-northeast-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/**
 * The user pool, its web client and the role groups, from USER_POOL (the object the CDK pool is
 * built from). Found by name when it already exists, so data persists between runs.
 */
export async function ensureUserPool(endpoint: string): Promise<LocalUserPool> {
  const client = localCognitoClient(endpoint);
  try {
    const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    let userPoolId = pools.UserPools?.find((pool) => pool.Name === USER_POOL.name)?.Id;
    if (!userPoolId) {
      const policy = USER_POOL.passwordPolicy;
      const created = await client.send(
        new CreateUserPoolCommand({
          PoolName: USER_POOL.name,
          MfaConfiguration: USER_POOL.mfa === 'REQUIRED_SMS' ? 'ON' : 'OFF',
          Policies: {
            PasswordPolicy: {
              MinimumLength: policy.minLength,
              RequireLowercase: policy.requireLowercase,
              RequireUppercase: policy.requireUppercase,
              RequireNumbers: policy.requireDigits,
              RequireSymbols: policy.requireSymbols,
              TemporaryPasswordValidityDays: policy.temporaryPasswordValidityDays,
            },
          },
          AutoVerifiedAttributes: ['phone_number'],
          AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_phone_number', Priority: 1 }] },
          Schema: USER_POOL.customAttributes.map((name) => ({
            Name: name,
            AttributeDataType: 'String',
            Mutable: true,
          })),
        }),
      );
      userPoolId = created.UserPool!.Id!;
    }

    const clients = await client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
    let clientId = clients.UserPoolClients?.find((c) => c.ClientName === USER_POOL.clientName)?.ClientId;
    if (!clientId) {
      const created = await client.send(
        new CreateUserPoolClientCommand({
          UserPoolId: userPoolId,
          ClientName: USER_POOL.clientName,
          GenerateSecret: false,
          ExplicitAuthFlows: USER_POOL.authFlows.map((flow) => `ALLOW_${flow}` as ExplicitAuthFlowsType),
          AccessTokenValidity: USER_POOL.accessTokenMinutes,
          IdTokenValidity: USER_POOL.idTokenMinutes,
          RefreshTokenValidity: USER_POOL.refreshTokenDays,
          TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
        }),
      );
      clientId = created.UserPoolClient!.ClientId!;
    }

    const groups = await client.send(new ListGroupsCommand({ UserPoolId: userPoolId }));
    const existing = new Set(groups.Groups?.map((g) => g.GroupName));
    for (const group of USER_POOL.groups) {
      if (!existing.has(group.groupName)) {
        await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group.groupName }));
      }
    }

    const issuer = `${endpoint}/${userPoolId}`;
    return { userPoolId, clientId, issuer, jwksUrl: `${issuer}/.well-known/jwks.json` };
  } finally {
    client.destroy();
  }
}

export interface PoolUser {
  username: string;
  password: string;
  /** E.164, e.g. +821055550101: SMS MFA codes are sent here */
  phone: string;
  name: string;
  groups: readonly string[];
  userId: string;
}

/**
 * Creates a confirmed user with a permanent password and its groups. Idempotent: an existing user
 * is left as it is (its password may have been changed on purpose), only missing groups are added.
 */
export async function ensurePoolUser(endpoint: string, userPoolId: string, user: PoolUser): Promise<void> {
  const client = localCognitoClient(endpoint);
  try {
    let exists = true;
    try {
      await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: user.username }));
    } catch (error) {
      if (!(error instanceof UserNotFoundException)) throw error;
      exists = false;
    }
    if (!exists) {
      await client.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: user.username,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'phone_number', Value: user.phone },
            { Name: 'phone_number_verified', Value: 'true' },
            { Name: 'name', Value: user.name },
            { Name: 'custom:userId', Value: user.userId },
          ],
        }),
      );
      await client.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: userPoolId,
          Username: user.username,
          Password: user.password,
          Permanent: true,
        }),
      );
    }
    for (const group of user.groups) {
      await client.send(
        new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: user.username, GroupName: group }),
      );
    }
  } finally {
    client.destroy();
  }
}
