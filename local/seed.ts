import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserProfile } from '#commons/caller-profile';
import { bindEntity, isConditionFailure } from '#commons/entities';
import { Organisation } from '#functions/agencies/entities';
import { ensureDefaultTable } from '#functions/rates/repository';
import * as clock from '#kernel/clock';
import { ensurePoolUser } from './cognito.ts';
import { ACTIVITY_SEED_STEPS } from './demo-activity.ts';
import { AGENCY_SEED_STEPS } from './demo-agencies.ts';
import { ATTENDANCE_SEED_STEPS } from './demo-attendance.ts';
import { demoCalendar } from './demo-calendar.ts';
import { CLAIM_SEED_STEPS } from './demo-claims.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD } from './demo-data.ts';
import { EXEMPTION_SEED_STEPS } from './demo-exemptions.ts';
import { LEAVE_SEED_STEPS } from './demo-leave.ts';
import { OVERSIGHT_SEED_STEPS } from './demo-oversight.ts';
import { PAYROLL_SEED_STEPS } from './demo-payroll.ts';
import { PEOPLE_SEED_STEPS } from './demo-people.ts';
import { TRAINING_SEED_STEPS } from './demo-training.ts';

/** What a seed step gets: the handlers' environment is already set in process.env. */
export interface SeedContext {
  cognitoEndpoint: string;
  userPoolId: string;
  log(line: string): void;
}

/** One idempotent piece of demo data. Steps run in order on every start; each must tolerate existing data. */
export interface SeedStep {
  name: string;
  run(ctx: SeedContext): Promise<void>;
}

const organisations: SeedStep = {
  name: 'organisations (수행기관 3, 교육기관 1)',
  async run() {
    const entity = bindEntity(Organisation);
    for (const organisation of DEMO_ORGANISATIONS) {
      await entity
        .create(organisation)
        .go()
        .catch((error) => {
          if (!isConditionFailure(error)) throw error;
        });
    }
  },
};

const logins: SeedStep = {
  name: `login accounts (${DEMO_ACCOUNTS.length})`,
  async run(ctx) {
    for (const account of DEMO_ACCOUNTS) {
      await ensurePoolUser(ctx.cognitoEndpoint, ctx.userPoolId, {
        username: account.username,
        password: DEMO_PASSWORD,
        phone: account.phone,
        name: account.name,
        groups: account.roles,
        userId: account.username,
      });
    }
  },
};

const profiles: SeedStep = {
  name: 'profiles and role grants',
  async run() {
    const entity = bindEntity(UserProfile);
    for (const account of DEMO_ACCOUNTS) {
      await entity
        .create({
          userId: account.username,
          name: account.name,
          phone: account.phone,
          status: 'active',
          grants: account.grants,
          organisationId: account.organisationId,
        })
        .go()
        .catch((error) => {
          if (!isConditionFailure(error)) throw error;
        });
    }
  },
};

/**
 * The demo data, in order. Extension point: capabilities built later (matchings, a month of activity
 * logs, attendance, claims) append their own idempotent steps here, reading DEMO_ACCOUNTS and
 * DEMO_ORGANISATIONS so that their data hangs off the same people and organisations.
 */
const rateTables: SeedStep = {
  name: 'rate tables of the demo years (기본 요율표)',
  async run() {
    const hq = { userId: 'hq_admin', roles: ['hq' as const], grants: [{ role: 'hq' as const }], sourceIp: '127.0.0.1' };
    // 2026 always (the product's published defaults), and every year the demo's money touches
    for (const year of new Set([2026, ...demoCalendar().rateYears])) await ensureDefaultTable(hq, year);
  },
};

export const SEED_STEPS: SeedStep[] = [
  organisations,
  logins,
  profiles,
  rateTables,
  ...AGENCY_SEED_STEPS,
  ...PEOPLE_SEED_STEPS,
  ...EXEMPTION_SEED_STEPS,
  ...ACTIVITY_SEED_STEPS,
  ...ATTENDANCE_SEED_STEPS,
  ...CLAIM_SEED_STEPS,
  ...PAYROLL_SEED_STEPS,
  ...LEAVE_SEED_STEPS,
  ...TRAINING_SEED_STEPS,
  ...OVERSIGHT_SEED_STEPS,
];

/** What the demo data is made of: when it changes, the next start seeds again. */
function seedVersion(steps: readonly SeedStep[]): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        steps: steps.map((s) => s.name),
        DEMO_ORGANISATIONS,
        DEMO_ACCOUNTS,
        DEMO_PASSWORD,
        // the demo is built around today's month: a new month (or a pinned day in another) fills it again
        month: clock.thisMonth(),
      }),
    )
    .digest('hex');
}

/**
 * Seeds once per data directory (and again when the demo data changes), so that what people change
 * or delete while trying the product stays as they left it between runs.
 */
export async function seedDemoData(
  ctx: SeedContext & { dataDir: string },
  steps: readonly SeedStep[] = SEED_STEPS,
): Promise<'seeded' | 'already'> {
  const marker = join(ctx.dataDir, 'seeded.version');
  const version = seedVersion(steps);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === version) return 'already';
  for (const step of steps) {
    const started = clock.nowMs();
    await step.run(ctx);
    ctx.log(`데모 데이터: ${step.name} ${clock.nowMs() - started} ms`);
  }
  writeFileSync(marker, version);
  return 'seeded';
}
