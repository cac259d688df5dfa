import { Aws, CfnCondition, Duration, Fn } from 'aws-cdk-lib';
import {
  AccountRecovery,
  type AuthFlow,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ROLE_LABELS } from '#commons/roles';
import { USER_POOL } from '#commons/user-pool';
import { acknowledge } from '../nag.ts';
import type { StageConfig } from '../stage.ts';

/** USER_POOL.authFlows (Cognito's names) → the CDK client's flags. REFRESH_TOKEN_AUTH is always on. */
const AUTH_FLOW_FLAGS: Record<(typeof USER_POOL.authFlows)[number], keyof AuthFlow | undefined> = {
  USER_PASSWORD_AUTH: 'userPassword',
  REFRESH_TOKEN_AUTH: undefined,
};

const BRAND = '[근로지원인 플랫폼]';

/**
 * The Cognito user pool and the web app's client, built from USER_POOL (the local stack's cognito-local
 * pool is built from the same object): ID + password, then a 6-digit code by SMS for everyone, one
 * group per role of SPEC §1.
 */
/**
 * The administrative calls the sign-up and account routes make: put a confirmed person in their role's
 * group, turn SMS MFA on for them, create branch staff (hq), remove the login on withdrawal, and sign a
 * person out everywhere (sign-out). test/cdk/capability-grants.test.ts checks them against the code.
 */
export const USER_ADMINISTRATION_ACTIONS = [
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminSetUserMFAPreference',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminUserGlobalSignOut',
] as const;

export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: { stage: StageConfig }) {
    super(scope, id);
    const { stage } = props;
    if (USER_POOL.mfa !== 'REQUIRED_SMS') throw new Error(`Unsupported USER_POOL.mfa: ${USER_POOL.mfa}`);

    // Cognito pools in Seoul (ap-northeast-2) must send their SMS through SNS in Tokyo (ap-northeast-1);
    // elsewhere through SNS in their own region. The stack is region-agnostic, so CloudFormation decides.
    const inSeoul = new CfnCondition(this, 'InSeoul', { expression: Fn.conditionEquals(Aws.REGION, 'ap-northeast-2') });
    const snsRegion = Fn.conditionIf(inSeoul.logicalId, 'ap-northeast-1', Aws.REGION).toString();

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `${USER_POOL.name}-${stage.name}`,
      // Portal users (workers, job seekers, youth) register themselves through /auth/sign-up. A pool
      // account alone grants nothing: roles come from groups that only the product's Lambda assigns.
      selfSignUpEnabled: true,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      standardAttributes: { phoneNumber: { required: true, mutable: true } },
      customAttributes: Object.fromEntries(
        USER_POOL.customAttributes.map((name) => [name, new StringAttribute({ mutable: false, maxLen: 64 })]),
      ),
      autoVerify: { phone: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { sms: true, otp: false },
      snsRegion,
      mfaMessage: `${BRAND} 로그인 인증번호는 {####} 입니다.`,
      userVerification: { smsMessage: `${BRAND} 휴대전화 인증번호는 {####} 입니다.` },
      userInvitation: {
        smsMessage: `${BRAND} 아이디 {username}, 임시 비밀번호 {####} 로 로그인한 뒤 비밀번호를 바꿔 주세요.`,
      },
      passwordPolicy: {
        minLength: USER_POOL.passwordPolicy.minLength,
        requireLowercase: USER_POOL.passwordPolicy.requireLowercase,
        requireUppercase: USER_POOL.passwordPolicy.requireUppercase,
        requireDigits: USER_POOL.passwordPolicy.requireDigits,
        requireSymbols: USER_POOL.passwordPolicy.requireSymbols,
        tempPasswordValidity: Duration.days(USER_POOL.passwordPolicy.temporaryPasswordValidityDays),
      },
      // The mobile phone is the only contact the pool holds and every user has SMS MFA on it. An explicit
      // AccountRecoverySetting disqualifies a phone that is also the MFA phone, which would leave nobody
      // able to reset a password; Cognito's legacy behaviour (no setting) recovers by SMS.
      accountRecovery: AccountRecovery.PHONE_AND_EMAIL,
      featurePlan: stage.threatProtection ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      standardThreatProtectionMode: stage.threatProtection ? StandardThreatProtectionMode.FULL_FUNCTION : undefined,
      deletionProtection: stage.deletionProtection,
      removalPolicy: stage.removalPolicy,
    });

    for (const group of USER_POOL.groups) {
      this.userPool.addGroup(`Group-${group.groupName}`, {
        groupName: group.groupName,
        description: ROLE_LABELS[group.groupName],
      });
    }

    const authFlows: AuthFlow = {};
    for (const flow of USER_POOL.authFlows) {
      const flag = AUTH_FLOW_FLAGS[flow];
      if (flag) Object.assign(authFlows, { [flag]: true });
    }
    this.webClient = this.userPool.addClient('WebClient', {
      userPoolClientName: USER_POOL.clientName,
      // A browser cannot keep a secret.
      generateSecret: false,
      authFlows,
      // Sign-in runs through the product's /auth routes, not the hosted UI.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(USER_POOL.accessTokenMinutes),
      idTokenValidity: Duration.minutes(USER_POOL.idTokenMinutes),
      refreshTokenValidity: Duration.days(USER_POOL.refreshTokenDays),
    });

    acknowledge(
      this.userPool,
      'AwsSolutions-COG1',
      'Password policy is USER_POOL (10+ characters with lower case, digit and symbol, no upper-case rule, per NIST SP 800-63B length-over-composition), and every sign-in also needs the SMS code.',
    );
    if (!stage.threatProtection) {
      acknowledge(
        this.userPool,
        'AwsSolutions-COG8',
        'Threat protection (Plus feature plan, billed per active user) is enforced in prod; the dev stage holds demo users only.',
      );
    }
    // Cognito's SMS role publishes to phone numbers, which are not ARNs.
    acknowledge(
      this.userPool,
      'AwsSolutions-IAM5[Resource::*]',
      'sns:Publish to a phone number (the SMS code) cannot be scoped to a resource ARN.',
    );
  }

  /** The administrative calls of the identity router (USER_ADMINISTRATION_ACTIONS). */
  grantUserAdministration(grantee: IGrantable): void {
    Grant.addToPrincipal({
      grantee,
      actions: [...USER_ADMINISTRATION_ACTIONS],
      resourceArns: [this.userPool.userPoolArn],
    });
  }
}
