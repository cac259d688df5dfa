import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITIES } from '#functions/capabilities';
import { isAnonymousWrite } from '../../lib/api/route-rules.ts';
import { STAGE_NAMES, stageConfig } from '../../lib/stage.ts';
import { removeTempDirs, type SynthesizedPlatform, synthPlatform } from './support.ts';

// The API's front door: per-route throttling of the anonymous writes.

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] };

let platform: SynthesizedPlatform;
let main: Record<string, Resource>;
beforeAll(() => {
  platform = synthPlatform('dev', { bundle: false });
  main = platform.template.toJSON().Resources as Record<string, Resource>;
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
    const auth = CAPABILITIES.flatMap((c) => c.routes).filter((r) => r.path.startsWith('/auth/'));
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
