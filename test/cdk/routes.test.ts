import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Capability, RouteSpec } from '#commons/http/route';
import { CAPABILITIES } from '#functions/capabilities';
import { CAPABILITY_GRANTS } from '../../lib/api/capability-grants.ts';
import { assertRoutesPlaced, isUnderPublicPrefix } from '../../lib/api/route-rules.ts';
import { PlatformStack } from '../../lib/platform-stack.ts';
import { stageConfig } from '../../lib/stage.ts';
import { removeTempDirs, testApp, webAssetsFixture } from './support.ts';

afterAll(removeTempDirs);

function route(path: string, access: RouteSpec['access']): RouteSpec {
  return {
    method: 'GET',
    path,
    summary: 'test route',
    response: z.object({}),
    access,
    handle: async () => ({ body: {} }),
  };
}

function capability(routes: RouteSpec[]): Capability {
  return { name: 'agencies', entry: 'functions/agencies/handler.ts', routes };
}

describe('public routes', () => {
  it('may live only under /public or /auth', () => {
    expect(isUnderPublicPrefix('/public/organisations')).toBe(true);
    expect(isUnderPublicPrefix('/auth')).toBe(true);
    expect(isUnderPublicPrefix('/auth/login')).toBe(true);
    expect(isUnderPublicPrefix('/publicity')).toBe(false);
    expect(isUnderPublicPrefix('/agencies/public')).toBe(false);
  });

  it('are refused anywhere else, naming the route, while protected routes go anywhere', () => {
    const staff = { action: 'read', resource: 'agency', roles: ['hq'] } as const;
    expect(() =>
      assertRoutesPlaced([capability([route('/public/a', 'public'), route('/agencies', staff)])]),
    ).not.toThrow();
    expect(() => assertRoutesPlaced([capability([route('/organisations', 'public')])])).toThrow(
      /must live under \/public or \/auth.*GET \/organisations \(agencies\)/,
    );
  });

  it('stop the synth of a stack that would expose one', () => {
    const { app } = testApp();
    expect(
      () =>
        new PlatformStack(app, 'Misplaced', {
          stage: stageConfig('dev'),
          capabilities: [capability([route('/organisations', 'public')])],
          workflows: [],
          webAssetPath: webAssetsFixture(),
          cloudFrontWebAclArn: 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/test/0',
        }),
    ).toThrow(/GET \/organisations/);
  });

  it('are all placed correctly in CAPABILITIES today', () => {
    expect(() => assertRoutesPlaced(CAPABILITIES)).not.toThrow();
  });
});

describe('capability grants and stages', () => {
  it('name only capabilities that exist', () => {
    const names = CAPABILITIES.map((c) => c.name);
    for (const name of Object.keys(CAPABILITY_GRANTS)) expect(names, name).toContain(name);
  });

  it('are required: a capability without a declaration stops the synth instead of getting defaults', () => {
    const { app } = testApp();
    const undeclared = { ...capability([route('/public/a', 'public')]), name: 'undeclared' };
    expect(
      () =>
        new PlatformStack(app, 'Undeclared', {
          stage: stageConfig('dev'),
          capabilities: [undeclared],
          workflows: [],
          webAssetPath: webAssetsFixture(),
          cloudFrontWebAclArn: 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/test/0',
        }),
    ).toThrow(/Capability "undeclared" declares no grants/);
  });

  it('refuse an unknown stage with the accepted values', () => {
    expect(() => stageConfig('staging')).toThrow('Unknown stage "staging": pass -c stage=dev|prod');
    expect(stageConfig('prod')).toMatchObject({ deletionProtection: true, disposable: false });
  });
});
