import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITIES } from '#functions/capabilities';
import { isAnonymousWrite } from '../../lib/api/route-rules.ts';
import { EDGE_REGION } from '../../lib/edge-stack.ts';
import { AUTH_REQUESTS_PER_IP, MANAGED_RULE_GROUPS, ORIGIN_VERIFY_HEADER } from '../../lib/security/web-acls.ts';
import { DEFAULT_REGION, regionFromContext, STAGE_NAMES, stageConfig } from '../../lib/stage.ts';
import { acknowledgements, logicalId, removeTempDirs, type SynthesizedPlatform, synthPlatform } from './support.ts';

// The API's front door: per-route throttling of the anonymous writes, AWS WAF on CloudFront (from
// us-east-1) and on the API stage, and the API reachable only through CloudFront.

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] };

let platform: SynthesizedPlatform;
let main: Record<string, Resource>;
let edgeStack: Stack;
let edge: Template;
beforeAll(() => {
  platform = synthPlatform('dev', { bundle: false });
  main = platform.template.toJSON().Resources as Record<string, Resource>;
  edgeStack = platform.stack.node.root.node.findChild('KeadPlatformEdge-dev') as Stack;
  edge = Template.fromStack(edgeStack);
}, 240_000);
afterAll(removeTempDirs);

const ofType = (resources: Record<string, Resource>, type: string) =>
  Object.entries(resources).filter(([, r]) => r.Type === type);

describe('throttling', () => {
  type Setting = { ResourcePath: string; HttpMethod: string } & Record<string, unknown>;
  const settings = () => {
    const [[, stage]] = ofType(main, 'AWS::ApiGateway::Stage') as [[string, Resource]];
    return stage.Properties.MethodSettings as Setting[];
  };
  const encode = (path: string) => path.replace(/\//g, '~1').replace(/^~1/, '/~1');

  it('gives every sign-in and sign-up step (/auth/*) and every anonymous write a lower rate and burst than the stage', () => {
    const stage = stageConfig('dev').throttling;
    const all = settings();
    const stageDefault = all.find((s) => s.ResourcePath === '/*' && s.HttpMethod === '*')!;
    expect(stageDefault).toMatchObject({
      ThrottlingRateLimit: stage.rateLimit,
      ThrottlingBurstLimit: stage.burstLimit,
    });
    const anonymous = CAPABILITIES.flatMap((c) => c.routes).filter(isAnonymousWrite);
    // every anonymous step of /auth/* (sign-out needs a token: it is not anonymous, and keeps the stage's)
    const auth = CAPABILITIES.flatMap((c) => c.routes).filter(
      (r) => r.path.startsWith('/auth/') && r.access === 'public',
    );
    expect(auth.length).toBeGreaterThan(5);
    for (const route of auth) expect(anonymous, `${route.method} ${route.path}`).toContain(route);
    expect(anonymous.map((r) => `${r.method} ${r.path}`)).toContain('POST /public/page-feedback');
    for (const route of anonymous) {
      const setting = all.find((s) => s.ResourcePath === encode(route.path) && s.HttpMethod === route.method);
      expect(setting, `${route.method} ${route.path}`).toBeDefined();
      expect(setting!.ThrottlingRateLimit as number).toBeLessThan(stageDefault.ThrottlingRateLimit as number);
      expect(setting!.ThrottlingBurstLimit as number).toBeLessThan(stageDefault.ThrottlingBurstLimit as number);
      // a method's settings replace the stage's: its logging and metrics stay as the stage's
      expect(setting).toMatchObject({ LoggingLevel: 'ERROR', MetricsEnabled: true, DataTraceEnabled: false });
    }
    // nothing else is overridden: every other route keeps the stage default
    expect(all).toHaveLength(anonymous.length + 1);
  });

  it('is lower for anonymous writes than the stage default in every stage', () => {
    for (const name of STAGE_NAMES) {
      const { rateLimit, burstLimit, anonymous } = stageConfig(name).throttling;
      expect(anonymous.rateLimit, name).toBeLessThan(rateLimit);
      expect(anonymous.burstLimit, name).toBeLessThan(burstLimit);
    }
  });
});

interface Rule {
  Name: string;
  Priority: number;
  Action?: Record<string, unknown>;
  OverrideAction?: Record<string, unknown>;
  Statement: Record<string, unknown>;
}

function managedGroups(rules: Rule[]) {
  return rules
    .filter((rule) => rule.Statement.ManagedRuleGroupStatement)
    .map((rule) => ({ rule, group: rule.Statement.ManagedRuleGroupStatement as Record<string, unknown> }));
}

function expectManagedGroupsBlocking(rules: Rule[]) {
  const groups = managedGroups(rules);
  expect(groups.map(({ group }) => group.Name).sort()).toEqual([...MANAGED_RULE_GROUPS].sort());
  for (const { rule, group } of groups) {
    expect(group.VendorName).toBe('AWS');
    // the groups' own actions apply (block), not a Count override of the whole group
    expect(rule.OverrideAction).toEqual({ None: {} });
    const overrides = (group.RuleActionOverrides as { Name: string }[] | undefined) ?? [];
    expect(overrides.map((o) => o.Name)).toEqual(
      group.Name === 'AWSManagedRulesCommonRuleSet' ? ['SizeRestrictions_BODY'] : [],
    );
  }
}

describe('the CloudFront web ACL', () => {
  it('lives in a us-east-1 stack of its own, with scope CLOUDFRONT and AWS’s managed rule groups', () => {
    expect(edgeStack.region).toBe(EDGE_REGION);
    edge.resourceCountIs('AWS::WAFv2::WebACL', 1);
    const [acl] = Object.values(edge.findResources('AWS::WAFv2::WebACL')) as Resource[];
    expect(acl!.Properties).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    expectManagedGroupsBlocking(acl!.Properties.Rules as Rule[]);
  });

  it('limits each IP’s requests to the sign-in and sign-up steps, answering 429 in the API’s shape', () => {
    const [acl] = Object.values(edge.findResources('AWS::WAFv2::WebACL')) as Resource[];
    const rate = (acl!.Properties.Rules as Rule[]).find((rule) => rule.Statement.RateBasedStatement)!;
    expect(rate.Statement.RateBasedStatement).toMatchObject({
      Limit: AUTH_REQUESTS_PER_IP,
      AggregateKeyType: 'IP',
      ScopeDownStatement: {
        ByteMatchStatement: {
          FieldToMatch: { UriPath: {} },
          PositionalConstraint: 'STARTS_WITH',
          SearchString: '/api/auth/',
        },
      },
    });
    expect(rate.Action).toEqual({
      Block: { CustomResponse: { ResponseCode: 429, CustomResponseBodyKey: 'throttled' } },
    });
    const body = (acl!.Properties.CustomResponseBodies as Record<string, { Content: string }>).throttled!;
    expect(JSON.parse(body.Content)).toEqual({ error: { code: 'THROTTLED', message: expect.any(String) } });
  });

  it('is the distribution’s, read across regions from the edge stack’s output, which deploys first', () => {
    const [[, distribution]] = ofType(main, 'AWS::CloudFront::Distribution') as [[string, Resource]];
    const webAclId = (distribution.Properties.DistributionConfig as { WebACLId: unknown }).WebACLId as {
      'Fn::GetStackOutput': { StackName: string; Region: string; OutputName: string };
    };
    expect(webAclId['Fn::GetStackOutput']).toMatchObject({ StackName: edgeStack.stackName, Region: EDGE_REGION });
    const outputs = edge.toJSON().Outputs as Record<string, { Value: unknown }>;
    const aclId = Object.keys(edge.findResources('AWS::WAFv2::WebACL'))[0]!;
    expect(outputs[webAclId['Fn::GetStackOutput'].OutputName]!.Value).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    expect(platform.stack.dependencies).toContain(edgeStack);
  });
});

describe('the API', () => {
  const apiAcl = () => {
    const [[id, acl]] = ofType(main, 'AWS::WAFv2::WebACL') as [[string, Resource]];
    return { id, acl, rules: (acl.Properties.Rules as Rule[]).sort((a, b) => a.Priority - b.Priority) };
  };
  const secretReference = () => {
    const [[secret]] = ofType(main, 'AWS::SecretsManager::Secret') as [[string, Resource]];
    return { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secret }, ':SecretString:::}}']] };
  };

  it('has a regional web ACL with AWS’s managed rule groups, associated with its stage', () => {
    const { id, acl, rules } = apiAcl();
    expect(acl.Properties).toMatchObject({ Scope: 'REGIONAL', DefaultAction: { Allow: {} } });
    expectManagedGroupsBlocking(rules);
    const [[, association]] = ofType(main, 'AWS::WAFv2::WebACLAssociation') as [[string, Resource]];
    expect(association.Properties.WebACLArn).toEqual({ 'Fn::GetAtt': [id, 'Arn'] });
    const stageId = logicalId(platform.stack.api.restApi.deploymentStage);
    expect(JSON.stringify(association.Properties.ResourceArn)).toContain(stageId);
  });

  it('refuses, before any other rule, every request without CloudFront’s origin secret', () => {
    const first = apiAcl().rules[0]!;
    expect(first.Priority).toBe(0);
    expect(first.Action).toEqual({ Block: {} });
    expect(first.Statement).toEqual({
      NotStatement: {
        Statement: {
          ByteMatchStatement: {
            FieldToMatch: { SingleHeader: { Name: ORIGIN_VERIFY_HEADER } },
            PositionalConstraint: 'EXACTLY',
            SearchString: secretReference(),
            TextTransformations: [{ Priority: 0, Type: 'NONE' }],
          },
        },
      },
    });
  });

  it('is called by CloudFront with that secret, which Secrets Manager generates (no value in the template)', () => {
    const [[, distribution]] = ofType(main, 'AWS::CloudFront::Distribution') as [[string, Resource]];
    const origins = (distribution.Properties.DistributionConfig as { Origins: Record<string, unknown>[] }).Origins;
    const api = origins.find((o) => JSON.stringify(o.DomainName).includes('execute-api'))!;
    expect(api.OriginCustomHeaders).toEqual([{ HeaderName: ORIGIN_VERIFY_HEADER, HeaderValue: secretReference() }]);
    // the S3 origin does not get it
    for (const origin of origins.filter((o) => o !== api)) expect(origin.OriginCustomHeaders).toBeUndefined();
    const [[, secret]] = ofType(main, 'AWS::SecretsManager::Secret') as [[string, Resource]];
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48, ExcludePunctuation: true });
    expect(secret.Properties.SecretString).toBeUndefined();
  });
});

describe('cdk-nag', () => {
  it('finds nothing, and the old "no WAF yet" acknowledgements are gone', () => {
    expect(platform.findings).toEqual([]);
    const ids = [...acknowledgements(platform.stack), ...acknowledgements(edgeStack)].map((a) => a.id);
    expect(ids).not.toContain('AwsSolutions-APIG3');
    expect(ids).not.toContain('AwsSolutions-CFR2');
  });
});

describe('regions', () => {
  it('deploys the platform in the region named with -c region (Seoul by default)', () => {
    expect(platform.stack.region).toBe(DEFAULT_REGION);
    expect(regionFromContext(new App({ context: { region: 'eu-west-1' } }))).toBe('eu-west-1');
    expect(() => regionFromContext(new App({ context: { region: 'seoul' } }))).toThrow(/Not an AWS region/);
  });
});
