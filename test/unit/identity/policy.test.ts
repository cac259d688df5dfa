import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCaller, type Caller, type Grant, identityFromEvent } from '#commons/caller';
import { Forbidden, Unauthenticated } from '#commons/errors';
import {
  type Access,
  actsForAgency,
  agencyOf,
  authorize,
  authorizeTarget,
  grantsHeld,
  holds,
  isHq,
  ownBranchOf,
} from '#commons/policy';
import { ROLES } from '#commons/roles';
import { apiEvent } from '../../support/events.ts';

function caller(grants: Grant[], userId = 'me'): Caller {
  return { userId, roles: grants.map((g) => g.role), grants, sourceIp: '127.0.0.1' };
}

const agencyOnly: Access = { action: 'read', resource: 'assistant', roles: ['agency', 'branch', 'hq'] };

describe('policy: role gate', () => {
  it('lets anyone through a public route and nobody through a signed-in route without a token', () => {
    expect(() => authorize(undefined, 'public')).not.toThrow();
    expect(() => authorize(undefined, 'signedIn')).toThrow(Unauthenticated);
    expect(() => authorize(undefined, agencyOnly)).toThrow(Unauthenticated);
  });

  it('refuses a role the route does not serve', () => {
    expect(() => authorize(caller([{ role: 'worker' }]), agencyOnly)).toThrow(Forbidden);
    expect(() => authorize(caller([{ role: 'agency', agencyId: 'AG-1' }]), agencyOnly)).not.toThrow();
  });
});

describe('policy: scope', () => {
  const ownAgency = caller([{ role: 'agency', agencyId: 'AG-1' }]);
  const branch = caller([{ role: 'branch', branchId: 'BR-1' }]);

  it('agency staff reach their own agency only', () => {
    expect(() => authorizeTarget(ownAgency, agencyOnly, { agencyId: 'AG-1', branchId: 'BR-1' })).not.toThrow();
    expect(() => authorizeTarget(ownAgency, agencyOnly, { agencyId: 'AG-2', branchId: 'BR-1' })).toThrow(Forbidden);
  });

  it('branch staff reach their branch only; hq everything', () => {
    expect(() => authorizeTarget(branch, agencyOnly, { agencyId: 'AG-9', branchId: 'BR-1' })).not.toThrow();
    expect(() => authorizeTarget(branch, agencyOnly, { agencyId: 'AG-9', branchId: 'BR-2' })).toThrow(Forbidden);
    expect(() => authorizeTarget(caller([{ role: 'hq' }]), agencyOnly, { branchId: 'BR-2' })).not.toThrow();
  });

  it('people reach their own data only', () => {
    const access: Access = { action: 'read', resource: 'application', roles: ['worker'] };
    expect(() => authorizeTarget(caller([{ role: 'worker' }], 'w1'), access, { userId: 'w1' })).not.toThrow();
    expect(() => authorizeTarget(caller([{ role: 'worker' }], 'w1'), access, { userId: 'w2' })).toThrow(Forbidden);
  });

  it('a grant for a role the route does not serve does not widen it', () => {
    const both = caller([{ role: 'worker' }, { role: 'agency', agencyId: 'AG-1' }]);
    const workerOnly: Access = { action: 'read', resource: 'application', roles: ['worker'] };
    expect(() => authorizeTarget(both, workerOnly, { agencyId: 'AG-1' })).toThrow(Forbidden);
  });

  it('property: an organisation-scoped grant never reaches another organisation', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('branch', 'agency', 'trainer'),
        fc.string({ minLength: 1, maxLength: 6 }),
        fc.string({ minLength: 1, maxLength: 6 }),
        (role, own, other) => {
          fc.pre(own !== other);
          const key = role === 'branch' ? 'branchId' : role === 'agency' ? 'agencyId' : 'institutionId';
          const c = caller([{ role, [key]: own } as Grant]);
          const access: Access = { action: 'x', resource: 'y', roles: ROLES };
          expect(() => authorizeTarget(c, access, { [key]: other })).toThrow(Forbidden);
          expect(() => authorizeTarget(c, access, { [key]: own })).not.toThrow();
        },
      ),
    );
  });
});

describe('caller context', () => {
  it('is built from the authorizer claims and keeps only grants whose role the token carries', () => {
    const event = apiEvent('GET', '/me', {
      claims: { sub: 'abc', 'cognito:username': 'agency1', 'cognito:groups': '[agency worker]' },
    });
    const identity = identityFromEvent(event)!;
    expect(identity.userId).toBe('agency1');
    expect(identity.roles).toEqual(['agency', 'worker']);
    const c = buildCaller(identity, [{ role: 'agency', agencyId: 'AG-1' }, { role: 'hq' }]);
    expect(c.grants).toEqual([{ role: 'agency', agencyId: 'AG-1' }]);
  });

  it('has no identity without claims', () => {
    expect(identityFromEvent(apiEvent('GET', '/me'))).toBeUndefined();
  });
});

describe('policy: named questions routes ask instead of reading grants (issue 14 point 5)', () => {
  const hq = caller([{ role: 'hq' }]);
  const branch = caller([{ role: 'branch', branchId: 'BR-1' }]);
  const agency = caller([{ role: 'agency', agencyId: 'AG-1' }]);
  const worker = caller([{ role: 'worker' }]);
  const both = caller([{ role: 'branch', branchId: 'BR-2' }, { role: 'hq' }]);

  it('tells head office apart', () => {
    expect(isHq(hq)).toBe(true);
    expect(isHq(both)).toBe(true);
    expect([branch, agency, worker].map(isHq)).toEqual([false, false, false]);
  });

  it('names the caller’s own branch and agency, or none', () => {
    expect(ownBranchOf(branch)).toBe('BR-1');
    expect(ownBranchOf(both)).toBe('BR-2');
    expect(ownBranchOf(hq)).toBeUndefined();
    expect(agencyOf(agency)).toBe('AG-1');
    expect(agencyOf(branch)).toBeUndefined();
  });

  it('answers whether a role is held and whether the caller acts for an agency', () => {
    expect(holds(branch, 'branch')).toBe(true);
    expect(holds(branch, 'hq')).toBe(false);
    expect(actsForAgency(agency, 'AG-1')).toBe(true);
    expect(actsForAgency(agency, 'AG-2')).toBe(false);
    expect(actsForAgency(caller([{ role: 'operator', agencyId: 'AG-1' }]), 'AG-1')).toBe(false);
  });

  it('lists the grants held as they are', () => {
    expect(grantsHeld(both)).toEqual(both.grants);
    expect(grantsHeld(worker)).toEqual([{ role: 'worker' }]);
  });
});
