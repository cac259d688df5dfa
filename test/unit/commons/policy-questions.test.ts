import { describe, expect, it } from 'vitest';
import type { Caller, Grant } from '#commons/caller';
import { actsAsActivityStaff, actsForAgency, holds } from '#commons/policy';

// The named questions routes of activity, attendance, claims, payroll and leave ask the policy
// module instead of reading the caller's grants.

function caller(grants: Grant[], userId = 'me'): Caller {
  return { userId, roles: grants.map((g) => g.role), grants, sourceIp: '127.0.0.1' };
}

describe('policy questions', () => {
  const agency = caller([{ role: 'agency', agencyId: 'AG-1' }]);
  const assistant = caller([{ role: 'assistant' }]);
  const both = caller([{ role: 'assistant' }, { role: 'worker' }]);

  it('actsAs: whether a role is held at all, whatever its scope', () => {
    expect(holds(agency, 'agency')).toBe(true);
    expect(holds(agency, 'assistant')).toBe(false);
    expect(holds(both, 'worker')).toBe(true);
    expect(holds(caller([]), 'worker')).toBe(false);
  });

  it('actsForAgency: the agency role for exactly that agency', () => {
    expect(actsForAgency(agency, 'AG-1')).toBe(true);
    expect(actsForAgency(agency, 'AG-2')).toBe(false);
    expect(actsForAgency(assistant, 'AG-1')).toBe(false);
    // an operator of the same agency is not its agency staff
    expect(actsForAgency(caller([{ role: 'operator', agencyId: 'AG-1' }]), 'AG-1')).toBe(false);
  });

  it('actsAsActivityStaff: agency, branch or head office, not the parties of a log', () => {
    expect(actsAsActivityStaff(agency)).toBe(true);
    expect(actsAsActivityStaff(caller([{ role: 'branch', branchId: 'BR-1' }]))).toBe(true);
    expect(actsAsActivityStaff(caller([{ role: 'hq' }]))).toBe(true);
    expect(actsAsActivityStaff(assistant)).toBe(false);
    expect(actsAsActivityStaff(caller([{ role: 'worker' }]))).toBe(false);
  });
});
