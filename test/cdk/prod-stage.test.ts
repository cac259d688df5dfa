import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '#commons/config';
import { removeTempDirs, type SynthesizedPlatform, synthPlatform } from './support.ts';

afterAll(removeTempDirs);

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };

// Bundles are the same for every stage (the dev test bundles them for real); this file pins what
// differs in prod and proves the prod stack is as clean under cdk-nag as dev.
let synth: SynthesizedPlatform;
let resources: [string, Resource][];
beforeAll(() => {
  synth = synthPlatform('prod', { bundle: false });
  resources = Object.entries(synth.template.toJSON().Resources as Record<string, Resource>);
}, 180_000);

const ofType = (type: string) => resources.filter(([, resource]) => resource.Type === type);

describe('the prod stage', () => {
  it('is its own stack and leaves no unacknowledged cdk-nag finding', () => {
    expect(synth.stack.stackName).toBe('KeadPlatform-prod');
    expect(synth.findings).toEqual([]);
  });

  it('keeps every record store on stack deletion: table, buckets, user pool, keys', () => {
    for (const type of ['AWS::DynamoDB::GlobalTable', 'AWS::S3::Bucket', 'AWS::Cognito::UserPool', 'AWS::KMS::Key']) {
      const found = ofType(type);
      expect(found.length, type).toBeGreaterThan(0);
      for (const [id, resource] of found) expect(resource.DeletionPolicy, id).toBe('Retain');
    }
  });

  it('turns deletion protection on for the table and the user pool', () => {
    const [[, table]] = ofType('AWS::DynamoDB::GlobalTable') as [[string, Resource]];
    expect(table.Properties.Replicas).toEqual([expect.objectContaining({ DeletionProtectionEnabled: true })]);
    const [[, pool]] = ofType('AWS::Cognito::UserPool') as [[string, Resource]];
    expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
  });

  it('enforces Cognito threat protection (Plus feature plan)', () => {
    const [[, pool]] = ofType('AWS::Cognito::UserPool') as [[string, Resource]];
    expect(pool.Properties).toMatchObject({
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('keeps the API access logs (개인정보 접속기록) two years and application logs one', () => {
    const retention = ofType('AWS::Logs::LogGroup').map(([, group]) => group.Properties.RetentionInDays);
    expect(retention).toContain(731);
    expect(retention.every((days) => days === 731 || days === 365)).toBe(true);
  });

  it('runs the functions at INFO level with STAGE=prod', () => {
    const functions = ofType('AWS::Lambda::Function')
      .map(([, fn]) => (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables)
      .filter((variables) => variables?.POWERTOOLS_SERVICE_NAME !== undefined);
    expect(functions.length).toBeGreaterThan(0);
    for (const variables of functions) {
      expect(variables).toMatchObject({ POWERTOOLS_LOG_LEVEL: 'INFO', [ENV.stage]: 'prod' });
    }
  });
});
