import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, type SynthesizedPlatform, synthPlatform } from './support.ts';

// The identity router's extra rights, beyond the shared ones every capability gets.
describe('identity router grants', () => {
  let platform: SynthesizedPlatform;
  beforeAll(() => {
    platform = synthPlatform('dev', { bundle: false });
  });
  afterAll(removeTempDirs);

  function statementsOf(functionNamePart: string): { Action: string | string[]; Resource: unknown }[] {
    const policies = platform.template.findResources('AWS::IAM::Policy');
    return Object.entries(policies)
      .filter(([id]) => id.toLowerCase().includes(functionNamePart))
      .flatMap(
        ([, policy]) =>
          (policy as { Properties: { PolicyDocument: { Statement: never[] } } }).Properties.PolicyDocument.Statement,
      );
  }

  it('may create branch staff and administer users in the pool, and send product SMS', () => {
    const actions = statementsOf('identity').flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions).toEqual(
      expect.arrayContaining(['cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup', 'sns:Publish']),
    );
  });

  // Routers that tell people something by SMS (sign-in steps, a consent request to a worker, an
  // application's steps, a matching, a leave-promotion notice, an issued pay slip); every other
  // router must not publish to SNS.
  const SMS_ROUTERS = ['identity', 'activity', 'applications', 'assistants', 'matching', 'leave', 'payroll'];

  it('is, with the routers that send product SMS, the only one that may publish to SNS', () => {
    const others = Object.entries(platform.template.findResources('AWS::IAM::Policy'))
      .filter(([id]) => !SMS_ROUTERS.some((name) => id.toLowerCase().includes(name)))
      .flatMap(
        ([, p]) =>
          (p as { Properties: { PolicyDocument: { Statement: { Action: string | string[] }[] } } }).Properties
            .PolicyDocument.Statement,
      )
      .flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(others).not.toContain('sns:Publish');
  });

  it('leaves no unacknowledged cdk-nag finding', () => {
    expect(platform.findings).toEqual([]);
  });
});
