import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export const STAGE_NAMES = ['dev', 'prod'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/**
 * What differs between a throw-away development deployment and production, decided in one place so
 * that no construct branches on the stage name itself.
 */
export interface StageConfig {
  name: StageName;
  /** dev can be torn down with `cdk destroy`; every other stage keeps its data. */
  disposable: boolean;
  /** for resources holding records that must never be lost (table, buckets, user pool, keys) */
  removalPolicy: RemovalPolicy;
  deletionProtection: boolean;
  /** application logs: identifiers and outcomes only, never personal data */
  logRetention: RetentionDays;
  /**
   * API access logs are the 개인정보 접속기록 (who accessed personal data, when): the 안전성 확보조치
   * 기준 §8 asks for at least two years where resident registration numbers are processed.
   */
  accessLogRetention: RetentionDays;
  /** Cognito Plus feature plan with threat protection (compromised credentials, adaptive auth) */
  threatProtection: boolean;
  /**
   * API Gateway throttling (requests per second / burst, across all callers): the stage default, and a
   * lower limit for each anonymous route that writes or sends an SMS (the /auth sign-in and sign-up
   * steps, anonymous uploads and page feedback), so a flood of those cannot use up the stage's budget
   * or the SMS spend. Per-caller limits are the CloudFront web ACL's (lib/security/web-acls.ts).
   */
  throttling: { rateLimit: number; burstLimit: number; anonymous: { rateLimit: number; burstLimit: number } };
  powertoolsLogLevel: 'DEBUG' | 'INFO';
}

const STAGES: Record<StageName, StageConfig> = {
  dev: {
    name: 'dev',
    disposable: true,
    removalPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
    logRetention: RetentionDays.ONE_MONTH,
    accessLogRetention: RetentionDays.ONE_MONTH,
    threatProtection: false,
    throttling: { rateLimit: 20, burstLimit: 40, anonymous: { rateLimit: 5, burstLimit: 10 } },
    powertoolsLogLevel: 'DEBUG',
  },
  prod: {
    name: 'prod',
    disposable: false,
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
    logRetention: RetentionDays.ONE_YEAR,
    accessLogRetention: RetentionDays.TWO_YEARS,
    threatProtection: true,
    throttling: { rateLimit: 200, burstLimit: 400, anonymous: { rateLimit: 20, burstLimit: 40 } },
    powertoolsLogLevel: 'INFO',
  },
};

export function stageConfig(name: string): StageConfig {
  if (!(STAGE_NAMES as readonly string[]).includes(name)) {
    throw new Error(`Unknown stage "${name}": pass -c stage=${STAGE_NAMES.join('|')}`);
  }
  return STAGES[name as StageName];
}

/** The stage chosen with `-c stage=…` (dev when absent). */
export function stageFromContext(scope: Construct): StageConfig {
  const value = scope.node.tryGetContext('stage') ?? 'dev';
  return stageConfig(String(value));
}

/** Where the platform stack is deployed: `-c region=…`, Seoul (ap-northeast-2) when absent. */
export const DEFAULT_REGION = 'ap-northeast-2';

export function regionFromContext(scope: Construct): string {
  const value = scope.node.tryGetContext('region') ?? DEFAULT_REGION;
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(String(value))) throw new Error(`Not an AWS region: "${value}" (-c region=…)`);
  return String(value);
}
