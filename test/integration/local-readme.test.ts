import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '#commons/roles';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD, displayPhone } from '#local/demo-data';
import { REPO_ROOT } from '#local/paths';

// local/README.md documents the demo accounts people sign in with; it must match what is seeded.
describe('local/README.md', () => {
  const readme = readFileSync(join(REPO_ROOT, 'local', 'README.md'), 'utf8');

  it('lists every demo account with its phone number, and the demo password', () => {
    expect(readme).toContain(DEMO_PASSWORD);
    for (const account of DEMO_ACCOUNTS) {
      expect(readme).toMatch(new RegExp(`\\|\\s*\`${account.username}\`\\s*\\|`));
      expect(readme).toContain(displayPhone(account.phone));
    }
  });

  it('lists every demo organisation', () => {
    for (const organisation of DEMO_ORGANISATIONS) expect(readme).toContain(organisation.organisationId);
  });

  it('has a demo account for every role, ten assistants and twelve workers', () => {
    for (const role of ROLES)
      expect(
        DEMO_ACCOUNTS.some((a) => a.roles.includes(role)),
        role,
      ).toBe(true);
    expect(DEMO_ACCOUNTS.filter((a) => a.roles[0] === 'assistant')).toHaveLength(10);
    expect(DEMO_ACCOUNTS.filter((a) => a.roles[0] === 'worker')).toHaveLength(12);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.phone)).size).toBe(DEMO_ACCOUNTS.length);
  });
});
