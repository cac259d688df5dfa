import { describe, expect, it } from 'vitest';
import { isNonJsonResponse } from '#commons/http/route';
import { CAPABILITIES } from '#functions/capabilities';

const routes = CAPABILITIES.flatMap((capability) => capability.routes.map((route) => ({ capability, route })));

describe('route declarations (issue 3: every route declares what it serves)', () => {
  it('has routes', () => {
    expect(routes.length).toBeGreaterThan(0);
  });

  it.each(routes.map(({ capability, route }) => [`${route.method} ${route.path}`, capability.name, route] as const))(
    '%s (%s) declares its access, and public only under /public or /auth',
    (_name, _capability, route) => {
      expect(route.access).toBeDefined();
      if (route.access === 'public') {
        expect(route.path).toMatch(/^\/(public|auth)(\/|$)/);
      } else if (route.access !== 'signedIn') {
        expect(route.access.action).toBeTruthy();
        expect(route.access.resource).toBeTruthy();
        expect(route.access.roles.length).toBeGreaterThan(0);
      }
      expect(route.summary).toMatch(/[가-힣]/);
    },
  );

  it.each(routes.map(({ capability, route }) => [`${route.method} ${route.path}`, capability.name, route] as const))(
    '%s (%s) declares its response: a zod schema, a file or a redirect',
    (_name, _capability, route) => {
      expect(route.response, 'declare response: with the schema from the capability contract').toBeDefined();
      const response = route.response!;
      if (isNonJsonResponse(response)) expect(response.description).toMatch(/[가-힣]/);
      else expect(typeof (response as { safeParse?: unknown }).safeParse).toBe('function');
    },
  );

  it('has no two routes on the same method and path', () => {
    const keys = routes.map(({ route }) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has every capability entry file named after its capability', () => {
    for (const capability of CAPABILITIES) {
      expect(capability.entry).toBe(`functions/${capability.name}/handler.ts`);
    }
  });
});
