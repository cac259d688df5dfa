import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  type AuthenticationResultType,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '#commons/clients';
import { ENV, requireEnv } from '#commons/config';

/** What Cognito answered to a password: the SMS step, or (never in this product's pool) tokens. */
export type PasswordOutcome =
  | { step: 'mfa'; session: string; destination: string }
  | { step: 'newPassword'; session: string }
  | { step: 'done'; tokens: Tokens };

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
}

export async function startPasswordSignIn(username: string, password: string): Promise<PasswordOutcome> {
  const out = await cognitoClient().send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: requireEnv(ENV.userPoolClientId),
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
  return outcomeOf(out);
}

function outcomeOf(out: {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: AuthenticationResultType;
}): PasswordOutcome {
  if (out.ChallengeName === 'SMS_MFA' && out.Session) {
    return {
      step: 'mfa',
      session: out.Session,
      destination: out.ChallengeParameters?.CODE_DELIVERY_DESTINATION ?? '',
    };
  }
  // staff created by hq sign in first with the temporary password sent by SMS, then set their own
  if (out.ChallengeName === 'NEW_PASSWORD_REQUIRED' && out.Session)
    return { step: 'newPassword', session: out.Session };
  if (out.AuthenticationResult) return { step: 'done', tokens: toTokens(out.AuthenticationResult) };
  throw new Error(`Unsupported sign-in challenge ${out.ChallengeName ?? 'none'}`);
}

export async function answerNewPassword(username: string, session: string, password: string): Promise<PasswordOutcome> {
  const out = await cognitoClient().send(
    new RespondToAuthChallengeCommand({
      ClientId: requireEnv(ENV.userPoolClientId),
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: session,
      ChallengeResponses: { USERNAME: username, NEW_PASSWORD: password },
    }),
  );
  return outcomeOf(out);
}

/** hq creates branch staff: Cognito texts a temporary password; the first sign-in sets a new one. */
export async function createStaffLogin(username: string, name: string, phone: string): Promise<void> {
  await cognitoClient().send(
    new AdminCreateUserCommand({
      UserPoolId: requireEnv(ENV.userPoolId),
      Username: username,
      DesiredDeliveryMediums: ['SMS'],
      UserAttributes: [
        { Name: 'name', Value: name },
        { Name: 'phone_number', Value: phone },
        { Name: 'phone_number_verified', Value: 'true' },
      ],
    }),
  );
}

/** A new ID and access token for a signed-in person whose hour is nearly up (the refresh token stays). */
export async function refreshTokens(refreshToken: string): Promise<Tokens> {
  const out = await cognitoClient().send(
    new InitiateAuthCommand({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: requireEnv(ENV.userPoolClientId),
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    }),
  );
  if (!out.AuthenticationResult) throw new Error('Cognito returned no tokens for the refresh token');
  return { ...toTokens(out.AuthenticationResult), refreshToken };
}

export async function answerSmsCode(username: string, session: string, code: string): Promise<Tokens> {
  const out = await cognitoClient().send(
    new RespondToAuthChallengeCommand({
      ClientId: requireEnv(ENV.userPoolClientId),
      ChallengeName: 'SMS_MFA',
      Session: session,
      ChallengeResponses: { USERNAME: username, SMS_MFA_CODE: code },
    }),
  );
  if (!out.AuthenticationResult) throw new Error('Cognito returned no tokens after the SMS code');
  return toTokens(out.AuthenticationResult);
}

function toTokens(result: AuthenticationResultType): Tokens {
  return {
    idToken: result.IdToken!,
    accessToken: result.AccessToken!,
    refreshToken: result.RefreshToken,
    expiresIn: result.ExpiresIn ?? 3600,
  };
}

/** Cognito reports failures by exception name; these are the ones a person can cause. */
export function cognitoErrorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

/** Self sign-up: Cognito sends a 6-digit code by SMS to verify the phone. */
export async function signUp(input: { username: string; password: string; name: string; phone: string }) {
  const out = await cognitoClient().send(
    new SignUpCommand({
      ClientId: requireEnv(ENV.userPoolClientId),
      Username: input.username,
      Password: input.password,
      UserAttributes: [
        { Name: 'phone_number', Value: input.phone },
        { Name: 'name', Value: input.name },
      ],
    }),
  );
  return { destination: out.CodeDeliveryDetails?.Destination ?? '' };
}

/** Confirms the phone number with the code Cognito sent at sign-up. */
export async function confirmPhone(username: string, code: string): Promise<void> {
  await cognitoClient().send(
    new ConfirmSignUpCommand({
      ClientId: requireEnv(ENV.userPoolClientId),
      Username: username,
      ConfirmationCode: code,
    }),
  );
}

/** Grants the role's Cognito group and turns SMS MFA on: from now on every sign-in is two-step. */
export async function activateLogin(username: string, role: string): Promise<void> {
  await addToGroup(username, role);
  await cognitoClient().send(
    new AdminSetUserMFAPreferenceCommand({
      UserPoolId: requireEnv(ENV.userPoolId),
      Username: username,
      SMSMfaSettings: { Enabled: true, PreferredMfa: true },
    }),
  );
}

export async function addToGroup(username: string, role: string): Promise<void> {
  await cognitoClient().send(
    new AdminAddUserToGroupCommand({ UserPoolId: requireEnv(ENV.userPoolId), Username: username, GroupName: role }),
  );
}

export async function startPasswordReset(username: string) {
  const out = await cognitoClient().send(
    new ForgotPasswordCommand({ ClientId: requireEnv(ENV.userPoolClientId), Username: username }),
  );
  return { destination: out.CodeDeliveryDetails?.Destination ?? '' };
}

export async function finishPasswordReset(username: string, code: string, password: string): Promise<void> {
  await cognitoClient().send(
    new ConfirmForgotPasswordCommand({
      ClientId: requireEnv(ENV.userPoolClientId),
      Username: username,
      ConfirmationCode: code,
      Password: password,
    }),
  );
}

/** Withdrawal removes the login; the records the law requires stay in the table. */
export async function deleteLogin(username: string): Promise<void> {
  await cognitoClient().send(
    new AdminDeleteUserCommand({ UserPoolId: requireEnv(ENV.userPoolId), Username: username }),
  );
}

/** Sign-out: every refresh token of the person stops working (in every browser they used). */
export async function signOutEverywhere(username: string): Promise<void> {
  await cognitoClient().send(
    new AdminUserGlobalSignOutCommand({ UserPoolId: requireEnv(ENV.userPoolId), Username: username }),
  );
}

/** One refresh token (and the access tokens issued with it) stops working. */
export async function revokeRefreshToken(token: string): Promise<void> {
  await cognitoClient().send(new RevokeTokenCommand({ ClientId: requireEnv(ENV.userPoolClientId), Token: token }));
}

/**
 * A person's own name or phone changed on 회원정보수정. The new phone was proven by the product's code,
 * so it is marked verified: sign-in codes go to it from now on.
 */
export async function updateLoginAttributes(username: string, change: { name?: string; phone?: string }) {
  const attributes = [
    ...(change.name ? [{ Name: 'name', Value: change.name }] : []),
    ...(change.phone
      ? [
          { Name: 'phone_number', Value: change.phone },
          { Name: 'phone_number_verified', Value: 'true' },
        ]
      : []),
  ];
  await cognitoClient().send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: requireEnv(ENV.userPoolId),
      Username: username,
      UserAttributes: attributes,
    }),
  );
}
