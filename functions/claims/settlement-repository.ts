import { writeAudited } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { bindEntity, isConditionFailure } from '#commons/entities';
import * as clock from '#kernel/clock';
import { listAgencyClaims, WORKFLOW_CALLER } from './claim-repository.ts';
import { takeCarried } from './correction-repository.ts';
import { withCarriedDifferences } from './correction-rules.ts';
import { Settlement, type SettlementItem } from './entities.ts';
import { periodMonths, settlementRows } from './settlement-rules.ts';
import { ClaimMissing, ClaimStateError } from './workflow-errors.ts';

// Settlements are read by key or by the agency's and branch's partitions; every state change is a
// conditional write on the revision that was read (people's changes with their audit record), as
// for claims.

const now = () => clock.nowIso();

export async function getSettlement(settlementId: string): Promise<SettlementItem | undefined> {
  const { data } = await bindEntity(Settlement).get({ settlementId }).go({ consistent: true });
  return data ?? undefined;
}

export async function listAgencySettlements(agencyId: string): Promise<SettlementItem[]> {
  const { data } = await bindEntity(Settlement).query.byAgency({ agencyId }).go({ pages: 'all', order: 'desc' });
  return data;
}

export async function listBranchSettlements(branchId: string): Promise<SettlementItem[]> {
  const { data } = await bindEntity(Settlement).query.byBranch({ branchId }).go({ pages: 'all', order: 'desc' });
  return data;
}

export async function createSettlement(
  caller: Caller,
  input: Pick<SettlementItem, 'settlementId' | 'agencyId' | 'agencyName' | 'branchId' | 'period' | 'advances'>,
): Promise<boolean> {
  const at = now();
  const result = await writeAudited(
    caller,
    { action: 'settlement.file', targetType: 'settlement', targetId: input.settlementId, branchId: input.branchId },
    { Settlement },
    ({ Settlement: settlements }) => [
      settlements
        .create({
          ...input,
          status: 'computing',
          revision: 1,
          attempt: 1,
          history: [{ at, by: caller.userId, action: 'file' }],
          createdAt: at,
          updatedAt: at,
        })
        .commit(),
    ],
  );
  return !result.canceled;
}

/** Task: the months of the period against the agency's decided claims, stored on the settlement. */
export async function prepareSettlement(settlementId: string): Promise<{ difference: number }> {
  const item = await getSettlement(settlementId);
  if (!item) throw new ClaimMissing(settlementId);
  if (item.status !== 'computing') throw new ClaimStateError(`settlement ${settlementId} is ${item.status}`);
  const months = new Set(periodMonths(item.period));
  const claims = (await listAgencyClaims(item.agencyId))
    .filter((c) => months.has(c.month))
    .map((c) => ({
      month: c.month,
      status: c.status,
      total: c.totals ? (JSON.parse(c.totals) as { total: number }).total : 0,
    }));
  const { rows, totals: monthTotals } = settlementRows(item.period, JSON.parse(item.advances), claims);
  // rate-correction differences the branch carried go on top (issue 15 §6)
  const carried = await takeCarried(item.agencyId, settlementId);
  const totals = {
    ...withCarriedDifferences(monthTotals, carried),
    carried: carried.map(({ correctionId, claimId, month, correctedVersion, difference }) => ({
      correctionId,
      claimId,
      month,
      correctedVersion,
      difference,
    })),
  };
  await bindEntity(Settlement)
    .patch({ settlementId })
    .set({
      rows: JSON.stringify(rows),
      totals: JSON.stringify(totals),
      status: 'submitted',
      revision: item.revision + 1,
      updatedAt: now(),
    })
    .append({ history: [{ at: now(), by: WORKFLOW_CALLER.userId, action: 'computed' }] })
    .where(({ revision }, { eq }) => eq(revision, item.revision))
    .go();
  return { difference: totals.difference };
}

/** Task: the workflow waits for a person; keep the token (branch decision, or the agency's refiling). */
export async function attachSettlementToken(settlementId: string, stage: 'agency' | 'branch', token: string) {
  const item = await getSettlement(settlementId);
  if (!item) throw new ClaimMissing(settlementId);
  const expected = stage === 'branch' ? 'submitted' : 'returned';
  if (item.status !== expected) throw new ClaimStateError(`settlement ${settlementId} is ${item.status}`);
  await bindEntity(Settlement)
    .patch({ settlementId })
    .set({ taskToken: token, tokenStage: stage, revision: item.revision + 1, updatedAt: now() })
    .where(({ revision }, { eq }) => eq(revision, item.revision))
    .go();
}

export type SettlementAction = 'approve' | 'return' | 'refile';

/** A person's step under the revision read, with its audit record; false when someone got there first. */
export async function settlementTransition(
  caller: Caller,
  item: SettlementItem,
  action: SettlementAction,
  extra: { reason?: string; advances?: string } = {},
): Promise<boolean> {
  const status = action === 'approve' ? 'approved' : action === 'return' ? 'returned' : 'computing';
  const at = now();
  const set: Partial<SettlementItem> = { status, revision: item.revision + 1, updatedAt: at };
  if (extra.reason) set.returnReason = extra.reason;
  if (extra.advances) set.advances = extra.advances;
  const result = await writeAudited(
    caller,
    {
      action: `settlement.${action}`,
      targetType: 'settlement',
      targetId: item.settlementId,
      branchId: item.branchId,
      reason: extra.reason,
    },
    { Settlement },
    ({ Settlement: settlements }) => [
      settlements
        .patch({ settlementId: item.settlementId })
        .set(set)
        .append({ history: [{ at, by: caller.userId, action, ...(extra.reason ? { reason: extra.reason } : {}) }] })
        .where(
          // biome-ignore lint/suspicious/noExplicitAny: ElectroDB's where-callback attribute proxies
          ({ revision, status: s }: any, { eq }: any) => `${eq(revision, item.revision)} AND ${eq(s, item.status)}`,
        )
        .commit(),
    ],
  );
  return !result.canceled;
}

export async function finalizeSettlement(settlementId: string): Promise<void> {
  await bindEntity(Settlement)
    .patch({ settlementId })
    .set({ updatedAt: now() })
    .remove(['taskToken', 'tokenStage'])
    .where(({ status }, { eq }) => eq(status, 'approved'))
    .go();
}

export async function markSettlementFailed(settlementId: string, failure: { error: string; cause: string }) {
  await bindEntity(Settlement)
    .patch({ settlementId })
    .set({ status: 'failed', failure: JSON.stringify(failure), updatedAt: now() })
    .add({ revision: 1 })
    .append({ history: [{ at: now(), by: WORKFLOW_CALLER.userId, action: 'failed', reason: failure.error }] })
    .where(({ status }, { ne }) => ne(status, 'approved'))
    .go()
    .catch((error: Error) => {
      if (!isConditionFailure(error)) throw error;
    });
}
