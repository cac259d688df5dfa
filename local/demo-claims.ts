import type { Caller } from '#commons/caller';
import { bindEntity } from '#commons/entities';
import { MonthSubmission } from '#functions/attendance/entities';
import { getMonthSubmission } from '#functions/attendance/submission';
import { createClaim, getClaim, transition } from '#functions/claims/claim-repository';
import { type ClaimAction, claimIdOf } from '#functions/claims/claim-rules';
import { addPayment, listAgencyCopayments } from '#functions/claims/copay-repository';
import type { ClaimItem } from '#functions/claims/entities';
import { answerTask, startClaimExecution, startSettlementExecution } from '#functions/claims/orchestration';
import { createSettlement, getSettlement } from '#functions/claims/settlement-repository';
import * as clock from '#kernel/clock';
import { nextMonth } from '#kernel/korea-time';
import { demoMonths, earlierDemoMonths } from './demo-activity.ts';
import { type DemoCalendar, demoCalendar } from './demo-calendar.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS } from './demo-data.ts';
import type { SeedStep } from './seed.ts';

// Demo data of the monthly claim (SPEC C5). Last month: 늘봄 has submitted it after the attendance
// comparison (C4), so its claim can be started at once from the agency's 사업비 신청 screen; 한빛's month
// is left to the attendance demo (upload, comparison, submission); 다온 has not submitted, so starting
// its claim shows the 'failed' state with the reason and the resume button.
//
// Earlier months (up to five before last month, within the demo's matchings): every agency has claims
// that went through the real claim workflow to each state — approved (with its co-payments, the first
// worker's paid), returned
// with a reason, submitted and waiting for the branch, computed and waiting for the agency, and failed
// (a month the agency never submitted). The states rotate over agencies and months, so with three or
// more earlier months every state is there and each agency has several; in February and March, when
// the service year has just begun, there are fewer earlier months and so fewer states.

export const DEMO_SUBMITTED_AGENCIES = ['AG-NEULBOM'];

export const DEMO_CLAIM_STATES = ['approved', 'returned', 'submitted', 'review', 'failed'] as const;
export type DemoClaimState = (typeof DEMO_CLAIM_STATES)[number];

/** The demo agencies with the clerk who answers for each and the branch officer who decides. */
const CLAIM_ACTORS = [
  { agencyId: 'AG-HANBIT', clerk: 'agency_hanbit', officer: 'seoul_branch' },
  { agencyId: 'AG-NEULBOM', clerk: 'agency_neulbom', officer: 'gyeonggi_branch' },
  { agencyId: 'AG-DAON', clerk: 'agency_daon', officer: 'gyeonggi_branch' },
] as const;

export interface DemoClaim {
  agencyId: string;
  month: string;
  state: DemoClaimState;
}

/** Which claim of an earlier month ends in which state: the states rotate over months and agencies. */
export function demoClaimPlan(calendar: DemoCalendar = demoCalendar()): DemoClaim[] {
  const months = earlierDemoMonths(calendar);
  return months.flatMap((month, m) =>
    CLAIM_ACTORS.map((actor, a) => ({
      agencyId: actor.agencyId,
      month,
      state: DEMO_CLAIM_STATES[(m + a) % DEMO_CLAIM_STATES.length]!,
    })),
  );
}

function actor(username: string): Caller {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return { userId: account.username, roles: account.roles, grants: account.grants, sourceIp: '127.0.0.1' };
}

async function submitMonth(agencyId: string, month: string, by: string): Promise<void> {
  if (await getMonthSubmission(agencyId, month)) return;
  await bindEntity(MonthSubmission)
    .create({
      agencyId,
      month,
      // the demo months' logs were entered by hand; no attendance file was compared
      importId: 'DEMO-NO-IMPORT',
      submittedAt: clock.nowIso(),
      submittedBy: by,
      justified: [],
    })
    .go()
    .catch((error: Error) => {
      if (!/conditional request failed|ConditionalCheckFailed/i.test(error.message)) throw error;
    });
}

const submissions: SeedStep = {
  name: 'month submissions for the claims (늘봄: last month; earlier months but the failed ones)',
  async run() {
    const { previous } = demoMonths();
    for (const agencyId of DEMO_SUBMITTED_AGENCIES) await submitMonth(agencyId, previous, 'agency_neulbom');
    for (const claim of demoClaimPlan()) {
      if (claim.state === 'failed') continue;
      const clerk = CLAIM_ACTORS.find((a) => a.agencyId === claim.agencyId)!.clerk;
      await submitMonth(claim.agencyId, claim.month, clerk);
    }
  },
};

export const CLAIM_SEED_STEPS: SeedStep[] = [submissions];

// ── the earlier months' claims, through the workflow (once the local Step Functions listen) ────────

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the claim is where `ready` says (the workflow runs in the background). */
async function waitFor(claimId: string, ready: (claim: ClaimItem) => boolean, what: string): Promise<ClaimItem> {
  for (let i = 0; i < 600; i++) {
    const claim = await getClaim(claimId);
    if (claim && ready(claim)) return claim;
    await sleep(50);
  }
  throw new Error(`demo claim ${claimId}: the workflow did not reach ${what}`);
}

/** A person's answer, as the claim routes give it: the audited transition, then the waiting token. */
async function answer(caller: Caller, claim: ClaimItem, action: ClaimAction, reason?: string): Promise<void> {
  const result = await transition(caller, claim, { action, ...(reason ? { reason } : {}) });
  if (result.canceled) throw new Error(`demo claim ${claim.claimId}: ${action} was not applied`);
  await answerTask(claim.taskToken!, { action, by: caller.userId, ...(reason ? { reason } : {}) } as never);
}

const waiting = (stage: 'agency' | 'branch', status: string) => (c: ClaimItem) =>
  c.status === status && c.tokenStage === stage && !!c.taskToken;

async function driveClaim(plan: DemoClaim): Promise<void> {
  const claimId = claimIdOf(plan.agencyId, plan.month);
  if (await getClaim(claimId)) return;
  const actors = CLAIM_ACTORS.find((a) => a.agencyId === plan.agencyId)!;
  const clerk = actor(actors.clerk);
  const officer = actor(actors.officer);
  const agency = DEMO_ORGANISATIONS.find((o) => o.organisationId === plan.agencyId)!;
  const { claim } = await createClaim(clerk, {
    agencyId: plan.agencyId,
    agencyName: agency.name,
    branchId: agency.branchId,
    month: plan.month,
  });
  await startClaimExecution({ claimId, agencyId: plan.agencyId, month: plan.month }, claim.attempt);
  if (plan.state === 'failed') {
    await waitFor(claimId, (c) => c.status === 'failed', 'failed');
    return;
  }
  let current = await waitFor(claimId, waiting('agency', 'review'), 'the agency’s review');
  if (plan.state === 'review') return;
  await answer(clerk, current, 'submit');
  current = await waitFor(claimId, waiting('branch', 'submitted'), 'the branch’s decision');
  if (plan.state === 'submitted') return;
  if (plan.state === 'returned') {
    await answer(
      officer,
      current,
      'return',
      '둘째 주 활동일지의 근무 시간과 출퇴근 기록이 맞지 않습니다. 확인해 고쳐 주세요.',
    );
    await waitFor(claimId, waiting('agency', 'returned'), 'the agency after the return');
    return;
  }
  await answer(officer, current, 'approve');
  await waitFor(claimId, (c) => c.status === 'approved' && !c.taskToken, 'approval');
  // the first worker paid the co-payment on the 10th of the next month; the others have not yet
  const copayments = (await listAgencyCopayments(plan.agencyId, plan.month)).filter((c) => c.amount > 0);
  const paid = copayments.sort((a, b) => a.workerId.localeCompare(b.workerId))[0];
  if (paid) {
    await addPayment(clerk, paid, { date: `${nextMonth(plan.month)}-10`, amount: paid.amount, method: 'transfer' });
  }
}

/**
 * 한빛's settlement of the half-year of its approved earlier month: filed with the advance it received
 * (50,000원 less than decided, so the difference shows) and waiting for 서울지사's decision.
 */
async function fileSettlement(plan: readonly DemoClaim[]): Promise<void> {
  const approved = plan.find((c) => c.agencyId === 'AG-HANBIT' && c.state === 'approved');
  if (!approved) return;
  const period = `${approved.month.slice(0, 4)}-H${Number(approved.month.slice(5, 7)) <= 6 ? 1 : 2}`;
  const settlementId = `AG-HANBIT_${period}`;
  if (await getSettlement(settlementId)) return;
  const claim = await getClaim(claimIdOf('AG-HANBIT', approved.month));
  const total = (JSON.parse(claim?.totals ?? 'null') as { total: number } | null)?.total ?? 0;
  const agency = DEMO_ORGANISATIONS.find((o) => o.organisationId === 'AG-HANBIT')!;
  const filed = await createSettlement(actor('agency_hanbit'), {
    settlementId,
    agencyId: agency.organisationId,
    agencyName: agency.name,
    branchId: agency.branchId,
    period,
    advances: JSON.stringify([{ month: approved.month, amount: Math.max(0, total - 50_000) }]),
  });
  if (!filed) return;
  await startSettlementExecution({ settlementId }, 1);
  for (let i = 0; i < 600; i++) {
    const item = await getSettlement(settlementId);
    if (item?.status === 'submitted' && item.taskToken) return;
    await sleep(50);
  }
  throw new Error(`demo settlement ${settlementId} did not reach the branch`);
}

/**
 * Runs the earlier months' claims through the claim workflow to their planned states, side by side.
 * Claims that exist already (an earlier start) are left as they are.
 */
export async function seedDemoClaimWorkflows(log: (line: string) => void): Promise<void> {
  const plan = demoClaimPlan();
  if (!plan.length) return;
  const began = clock.nowMs();
  await Promise.all(plan.map((claim) => driveClaim(claim)));
  await fileSettlement(plan);
  log(`데모 사업비 신청 ${plan.length}건 (지난 달들, 상태별) ${clock.nowMs() - began} ms`);
}
