// Child process of the local stack: cognito-local, assembled from its own parts (as its
// createDefaultServer does) with local adaptations, each closing a measured gap to Cognito:
//  1. Codes are not drawn in a console box but printed as one `OUTBOX {json}` line that the parent
//     captures into the local outbox (the only place an SMS "arrives" locally).
//  2. In a pool whose MFA is required (ON), a user with a phone number gets the SMS MFA option, as
//     on Cognito. cognito-local follows SMS MFA only for users whose record carries an SMS MFAOption,
//     which no API of it sets (self sign-up, AdminCreateUser and SetUserMFAPreference do not).
//  3. Like Cognito, responses show only the last four digits of the number a code went to.
//  4. ID tokens carry the user's standard attributes (name, phone_number, …) like Cognito's do;
//     cognito-local only copies custom attributes into them.
//  5. AdminSetUserMFAPreference, which cognito-local lacks (the product calls it when an account is
//     activated), records the preference the way its SetUserMFAPreference does, plus the SMS option
//     of adaptation 2 so the next sign-in asks for the code.
//  6. A wrong password at sign-in is NotAuthorizedException, as on Cognito, and a wrong temporary
//     password is refused too (cognito-local asks for the new password without checking the old one).
//  7. After a new password replaces a temporary one, Cognito (MFA required) asks for the SMS code;
//     cognito-local hands out tokens at once. The stack answers with the SMS step instead.
//  8. ForgotPassword sends the code by SMS to the user's phone, as the pool's account recovery
//     (verified_phone_number) says; cognito-local only knows e-mail and refuses users without one.
//  9. The refresh token issued after the SMS step is stored, so REFRESH_TOKEN_AUTH works.
// 10. A challenge is answered only with a session this server issued for that user and challenge,
//     within 3 minutes and once (cognito-local hands out a random Session and never checks it).
//     Kept in memory: a restart ends open sign-ins, as their 3 minutes would.
// 11. AdminUserGlobalSignOut, which cognito-local lacks (the product calls it at sign-out), revokes
//     every refresh token of the user, as on Cognito.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AWS from 'aws-sdk';
import { InvalidPasswordError, NotAuthorizedError, UserNotFoundError } from 'cognito-local/lib/errors.js';
import { type Config, DefaultConfig } from 'cognito-local/lib/server/config.js';
import { Router } from 'cognito-local/lib/server/Router.js';
import { createServer } from 'cognito-local/lib/server/server.js';
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import { CryptoService } from 'cognito-local/lib/services/crypto.js';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb.js';
import { DateClock, LambdaService, MessagesService, TriggersService } from 'cognito-local/lib/services/index.js';
import type { DeliveryDetails } from 'cognito-local/lib/services/messageDelivery/messageDelivery.js';
import { MessageDeliveryService } from 'cognito-local/lib/services/messageDelivery/messageDelivery.js';
import { otp } from 'cognito-local/lib/services/otp.js';
import { JwtTokenGenerator } from 'cognito-local/lib/services/tokenGenerator.js';
import { type User, UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService.js';
import pino from 'pino';

interface CognitoServerConfig {
  port: number;
  directory: string;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as CognitoServerConfig;
const dataDirectory = join(settings.directory, 'db');
mkdirSync(dataDirectory, { recursive: true });

const logger = pino({ level: process.env.DEBUG ? 'debug' : 'info', base: undefined });
const ctx: Context = { logger } as unknown as Context;

const config: Config = {
  ...DefaultConfig,
  UserPoolDefaults: { UsernameAttributes: [], MfaConfiguration: 'ON' },
  TokenConfig: { IssuerDomain: `http://127.0.0.1:${settings.port}` },
  ServerConfig: { port: settings.port, hostname: '127.0.0.1', development: false, https: false },
};

/** The attributes Cognito puts into an ID token besides sub and cognito:* (readable standard ones). */
const ID_TOKEN_STANDARD_ATTRIBUTES = [
  'name',
  'phone_number',
  'phone_number_verified',
  'email',
  'email_verified',
  'preferred_username',
  'locale',
];

class LocalTriggers extends TriggersService {
  override enabled(trigger: Parameters<TriggersService['enabled']>[0]): boolean {
    return trigger === 'PreTokenGeneration' || super.enabled(trigger);
  }
}

const clock = new DateClock();
const dataStoreFactory = new StormDBDataStoreFactory(dataDirectory);
const cognito = await new CognitoServiceFactoryImpl(
  dataDirectory,
  dataStoreFactory,
  new UserPoolServiceFactoryImpl(clock, dataStoreFactory),
).create(ctx, config.UserPoolDefaults);
const triggers = new LocalTriggers(
  clock,
  cognito,
  new LambdaService(config.TriggerFunctions, new AWS.Lambda(config.LambdaClient)),
  new CryptoService(config.KMSConfig ?? {}),
);
type PreTokenResult = Awaited<ReturnType<TriggersService['preTokenGeneration']>>;
// biome-ignore lint/suspicious/noExplicitAny: the trigger's request type is internal to cognito-local
(triggers as any).preTokenGeneration = async (_context: Context, request: any) => {
  const attributes = (request.userAttributes ?? []) as { Name: string; Value?: string }[];
  const claims = Object.fromEntries(
    attributes
      .filter((a) => ID_TOKEN_STANDARD_ATTRIBUTES.includes(a.Name) && a.Value !== undefined)
      // Cognito's tokens carry the *_verified attributes as booleans
      .map((a) => [a.Name, a.Name.endsWith('_verified') ? a.Value === 'true' : a.Value]),
  );
  return { claimsOverrideDetails: { claimsToAddOrOverride: claims } } as PreTokenResult;
};

type MessageSource = Parameters<MessagesService['deliver']>[1];

/** Prints every code Cognito would send as one machine-readable line for the parent's outbox. */
class OutboxMessages extends MessagesService {
  override async deliver(
    _ctx: Context,
    source: MessageSource,
    _clientId: string | null,
    userPoolId: string,
    user: User,
    code: string,
    _clientMetadata: Record<string, string> | undefined,
    delivery: DeliveryDetails,
  ): Promise<void> {
    const line = {
      source,
      userPoolId,
      username: user.Username,
      channel: delivery.DeliveryMedium === 'SMS' ? 'sms' : 'email',
      to: delivery.Destination,
      code,
    };
    process.stdout.write(`OUTBOX ${JSON.stringify(line)}\n`);
  }
}

const services = {
  clock,
  cognito,
  config,
  messages: new OutboxMessages(triggers, new MessageDeliveryService({} as never)),
  otp,
  tokenGenerator: new JwtTokenGenerator(clock, triggers, config.TokenConfig),
  triggers,
};

const cognitoRouter = Router(services);

/** Gap 2: SMS MFA for every user with a phone number in a pool where MFA is required. */
async function ensureSmsMfaOption(clientId: unknown, username: unknown): Promise<void> {
  if (typeof clientId !== 'string' || typeof username !== 'string') return;
  const pool = await cognito.getUserPoolForClientId(ctx, clientId).catch(() => undefined);
  if (pool?.options.MfaConfiguration !== 'ON') return;
  const user = await pool.getUserByUsername(ctx, username);
  if (!user || (user.MFAOptions ?? []).length > 0) return;
  if (!user.Attributes.some((a) => a.Name === 'phone_number' && a.Value)) return;
  await pool.saveUser(ctx, { ...user, MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }] });
}

/** Gap 6: cognito-local skips the password check for a user who must replace a temporary one. */
async function checkTemporaryPassword(clientId: unknown, username: unknown, password: unknown): Promise<void> {
  if (typeof clientId !== 'string' || typeof username !== 'string') return;
  const pool = await cognito.getUserPoolForClientId(ctx, clientId).catch(() => undefined);
  const user = await pool?.getUserByUsername(ctx, username);
  if (user?.UserStatus === 'FORCE_CHANGE_PASSWORD' && user.Password !== password) {
    throw new NotAuthorizedError('Incorrect username or password.');
  }
}

/**
 * Gap 9: cognito-local stores a refresh token only when a password alone signs in, so after the SMS
 * step REFRESH_TOKEN_AUTH failed. Store it, as Cognito does, so a person active for more than an
 * hour keeps their session.
 */
async function rememberRefreshToken(clientId: unknown, username: unknown, answered: unknown): Promise<void> {
  const refreshToken = (answered as { AuthenticationResult?: { RefreshToken?: string } })?.AuthenticationResult
    ?.RefreshToken;
  if (typeof clientId !== 'string' || typeof username !== 'string' || !refreshToken) return;
  const pool = await cognito.getUserPoolForClientId(ctx, clientId);
  const user = await pool.getUserByUsername(ctx, username);
  if (user) await pool.storeRefreshToken(ctx, refreshToken, user);
}

/** Cognito never tells a client the full number a code went to: "+*******5678". */
function maskDestination(destination: unknown): unknown {
  if (typeof destination !== 'string') return destination;
  return destination.replace(/\d(?=\d{4})/g, '*');
}

// biome-ignore lint/suspicious/noExplicitAny: responses of several targets, each touched in one known field
function maskResponse(response: any): any {
  if (response?.ChallengeParameters?.CODE_DELIVERY_DESTINATION) {
    response.ChallengeParameters.CODE_DELIVERY_DESTINATION = maskDestination(
      response.ChallengeParameters.CODE_DELIVERY_DESTINATION,
    );
  }
  if (response?.CodeDeliveryDetails?.Destination) {
    response.CodeDeliveryDetails.Destination = maskDestination(response.CodeDeliveryDetails.Destination);
  }
  return response;
}

interface MfaPreferenceRequest {
  UserPoolId?: string;
  Username?: string;
  SMSMfaSettings?: { Enabled?: boolean; PreferredMfa?: boolean };
}

/** Gap 5: AdminSetUserMFAPreference for SMS (the only MFA this product uses). */
async function adminSetUserMfaPreference(request: MfaPreferenceRequest): Promise<Record<string, never>> {
  const pool = await cognito.getUserPool(ctx, request.UserPoolId ?? '');
  const user = await pool.getUserByUsername(ctx, request.Username ?? '');
  if (!user) throw new UserNotFoundError('User does not exist.');
  const sms = request.SMSMfaSettings;
  const methods = new Set(user.UserMFASettingList ?? []);
  if (sms?.Enabled) methods.add('SMS_MFA');
  else if (sms) methods.delete('SMS_MFA');
  await pool.saveUser(ctx, {
    ...user,
    MFAOptions: methods.has('SMS_MFA') ? [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }] : user.MFAOptions,
    UserMFASettingList: [...methods],
    PreferredMfaSetting: sms?.PreferredMfa && methods.has('SMS_MFA') ? 'SMS_MFA' : user.PreferredMfaSetting,
  });
  return {};
}

/** Gap 11: sign-out everywhere: the user's refresh tokens stop working (REFRESH_TOKEN_AUTH refuses them). */
async function adminUserGlobalSignOut(request: {
  UserPoolId?: string;
  Username?: string;
}): Promise<Record<string, never>> {
  const pool = await cognito.getUserPool(ctx, request.UserPoolId ?? '');
  const user = await pool.getUserByUsername(ctx, request.Username ?? '');
  if (!user) throw new UserNotFoundError('User does not exist.');
  await pool.saveUser(ctx, { ...user, RefreshTokens: [] });
  return {};
}

interface ForgotPasswordRequest {
  ClientId?: string;
  Username?: string;
  ClientMetadata?: Record<string, string>;
}

/** Gap 8: the password-reset code goes to the phone number, like every other code of this pool. */
async function forgotPasswordBySms(request: ForgotPasswordRequest): Promise<unknown> {
  const pool = await cognito.getUserPoolForClientId(ctx, request.ClientId ?? '');
  const user = await pool.getUserByUsername(ctx, request.Username ?? '');
  if (!user) throw new UserNotFoundError('User does not exist.');
  const phone = user.Attributes.find((a) => a.Name === 'phone_number')?.Value;
  if (!phone) return undefined;
  const delivery = { AttributeName: 'phone_number', DeliveryMedium: 'SMS', Destination: phone } as const;
  const code = otp();
  await services.messages.deliver(
    ctx,
    'ForgotPassword',
    request.ClientId ?? null,
    pool.options.Id,
    user,
    code,
    request.ClientMetadata,
    delivery,
  );
  await pool.saveUser(ctx, { ...user, UserLastModifiedDate: clock.get(), ConfirmationCode: code });
  return maskResponse({ CodeDeliveryDetails: delivery });
}

const adapted: typeof cognitoRouter = (target) => {
  if (target === 'AdminUserGlobalSignOut') {
    return async (_context, request) => adminUserGlobalSignOut(request as { UserPoolId?: string; Username?: string });
  }
  if (target === 'AdminSetUserMFAPreference') {
    return async (_context, request) => adminSetUserMfaPreference(request as MfaPreferenceRequest);
  }
  if (target === 'ForgotPassword') {
    const byEmail = cognitoRouter(target);
    return async (context, request) =>
      ((await forgotPasswordBySms(request as ForgotPasswordRequest)) ??
        maskResponse(await byEmail(context, request))) as never;
  }
  const route = cognitoRouter(target);
  return async (context, request) => {
    // biome-ignore lint/suspicious/noExplicitAny: the request shape is the RespondToAuthChallenge input
    const challenge = request as any;
    if (target === 'RespondToAuthChallenge' && challenge?.ChallengeName === 'NEW_PASSWORD_REQUIRED') {
      const answered = await route(context, request);
      if (!answered?.AuthenticationResult) return maskResponse(answered);
      // Gap 7: the next step is the SMS code, signed in with the password just set.
      return router('InitiateAuth')(context, {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: challenge.ClientId,
        AuthParameters: {
          USERNAME: challenge.ChallengeResponses?.USERNAME,
          PASSWORD: challenge.ChallengeResponses?.NEW_PASSWORD,
        },
      } as never);
    }
    if (target === 'RespondToAuthChallenge' && challenge?.ChallengeName === 'SMS_MFA') {
      const answered = await route(context, request);
      await rememberRefreshToken(challenge.ClientId, challenge.ChallengeResponses?.USERNAME, answered);
      return maskResponse(answered);
    }
    // biome-ignore lint/suspicious/noExplicitAny: the request shape is the InitiateAuth input
    const input = request as any;
    if (target === 'InitiateAuth' && input?.AuthFlow === 'USER_PASSWORD_AUTH') {
      await ensureSmsMfaOption(input.ClientId, input.AuthParameters?.USERNAME);
      await checkTemporaryPassword(input.ClientId, input.AuthParameters?.USERNAME, input.AuthParameters?.PASSWORD);
      try {
        return maskResponse(await route(context, request));
      } catch (error) {
        // Gap 6: a wrong password is NotAuthorizedException on Cognito ("Incorrect username or
        // password."); cognito-local says InvalidPasswordException, which Cognito keeps for a new
        // password that breaks the policy.
        if (error instanceof InvalidPasswordError) throw new NotAuthorizedError('Incorrect username or password.');
        throw error;
      }
    }
    return maskResponse(await route(context, request));
  };
};

/** Cognito's challenge sessions live 3 minutes. */
const SESSION_MS = 3 * 60_000;
const openSessions = new Map<string, { username: string; challenge: string; until: number }>();

/** Gap 10: keeps each challenge session handed out, with its user, challenge and expiry. */
function rememberSession(answer: unknown, username: unknown): void {
  const { Session, ChallengeName } = (answer ?? {}) as { Session?: string; ChallengeName?: string };
  const now = clock.get().getTime();
  for (const [session, open] of openSessions) if (open.until <= now) openSessions.delete(session);
  if (Session && ChallengeName && typeof username === 'string') {
    openSessions.set(Session, { username, challenge: ChallengeName, until: now + SESSION_MS });
  }
}

/** Gap 10: Cognito answers a challenge only with a session it issued for that user and challenge. */
function checkSession(request: {
  Session?: string;
  ChallengeName?: string;
  ChallengeResponses?: { USERNAME?: string };
}) {
  const open = openSessions.get(request.Session ?? '');
  if (
    !open ||
    open.username !== request.ChallengeResponses?.USERNAME ||
    open.challenge !== request.ChallengeName ||
    open.until <= clock.get().getTime()
  ) {
    throw new NotAuthorizedError('Invalid session for the user.');
  }
}

const router: typeof cognitoRouter = (target) => {
  const route = adapted(target);
  if (target === 'InitiateAuth') {
    return async (context, request) => {
      const answer = await route(context, request);
      // biome-ignore lint/suspicious/noExplicitAny: the request shape is the InitiateAuth input
      rememberSession(answer, (request as any)?.AuthParameters?.USERNAME);
      return answer;
    };
  }
  if (target === 'RespondToAuthChallenge') {
    return async (context, request) => {
      // biome-ignore lint/suspicious/noExplicitAny: the request shape is the RespondToAuthChallenge input
      const challenge = request as any;
      checkSession(challenge);
      const answer = await route(context, request); // a wrong code throws: the session stays open
      openSessions.delete(challenge.Session);
      rememberSession(answer, challenge.ChallengeResponses?.USERNAME);
      return answer;
    };
  }
  return route;
};

const server = await createServer(router, logger, config.ServerConfig, services).start();
process.stdout.write(`READY ${JSON.stringify({ port: settings.port })}\n`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
