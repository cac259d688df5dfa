import { writeAudited } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { bindEntity, isConditionFailure } from '#commons/entities';
import * as clock from '#kernel/clock';
import { type ClaimAction, type ClaimStatus, type ComputedLine, claimIdOf, statusAfter } from './claim-rules.ts';
import { Claim, type ClaimItem, ClaimLine, type ClaimLineItem } from './entities.ts';
import { ClaimMissing, ClaimStateError } from './workflow-errors.ts';

// Claims are read by key or by the agency's and branch's partitions (never a Scan). Every change of
// state is a conditional write on the revision that was read, so two people (or a retried task) can
// never both move the same claim; a person's change and its audit record are one transaction.

/** The Step Functions tasks act as this caller in the audit trail. */
export const WORKFLOW_CALLER: Caller = {
  userId: 'workflow:claim-month',
  roles: [],
  grants: [],
  sourceIp: 'stepfunctions',
};

const now = () => clock.nowIso();

export async function getClaim(claimId: string): Promise<ClaimItem | undefined> {
  const { data } = await bindEntity(Claim).get({ claimId }).go({ consistent: true });
  return data ?? undefined;
}

export async function listAgencyClaims(agencyId: string): Promise<ClaimItem[]> {
  const { data } = await bindEntity(Claim).query.byAgency({ agencyId }).go({ pages: 'all', order: 'desc' });
  return data;
}

export async function listBranchClaims(branchId: string, month?: string): Promise<ClaimItem[]> {
  const query = bindEntity(Claim).query.byBranch(month ? { branchId, month } : { branchId });
  const { data } = await query.go({ pages: 'all', order: 'desc' });
  return data;
}

export async function listLines(claimId: string, computeRevision: number): Promise<ClaimLineItem[]> {
  const { data } = await bindEntity(ClaimLine).query.byClaim({ claimId, computeRevision }).go({ pages: 'all' });
  return data;
}

export interface NewClaim {
  agencyId: string;
  agencyName: string;
  branchId: string;
  month: string;
}

/** Creates the month's claim unless it exists; `created` says which. */
export async function createClaim(caller: Caller, input: NewClaim): Promise<{ created: boolean; claim: ClaimItem }> {
  const claimId = claimIdOf(input.agencyId, input.month);
  const at = now();
  const item: ClaimItem = {
    ...input,
    claimId,
    status: 'computing',
    revision: 1,
    computeRevision: 0,
    attempt: 1,
    history: [{ at, by: caller.userId, action: 'start' }],
    createdAt: at,
    updatedAt: at,
  };
  const result = await writeAudited(
    caller,
    { action: 'claim.start', targetType: 'claim', targetId: claimId, branchId: input.branchId },
    { Claim },
    ({ Claim: claims }) => [claims.create(item).commit()],
  );
  if (result.canceled) return { created: false, claim: (await getClaim(claimId))! };
  return { created: true, claim: item };
}

export async function setExecution(claimId: string, attempt: number, executionArn: string): Promise<void> {
  await bindEntity(Claim)
    .patch({ claimId })
    .set({ executionArn, updatedAt: now() })
    .where(({ attempt: a }, { eq }) => eq(a, attempt))
    .go()
    .catch((error: Error) => {
      // a newer attempt already took over; its execution is the one to show
      if (!isConditionFailure(error)) throw error;
    });
}

export interface StoredComputation {
  rateYear: number;
  rateVersion: number;
  rates: unknown;
  totals: unknown;
  /** the paid minutes of the assistant lines (총근로시간) */
  paidMinutes: number;
  problems: unknown;
  lines: ComputedLine[];
}

/**
 * Stores a computation under the claim's next computeRevision: the lines first (plain puts keyed by
 * claim, revision and subject, so a retry rewrites the same items), then the claim switches to them
 * in one conditional update. Until that update the new lines are invisible; after it they are whole.
 */
export async function storeComputation(claim: ClaimItem, computation: StoredComputation): Promise<number> {
  const next = claim.computeRevision + 1;
  const lines: ClaimLineItem[] = computation.lines.map((line) => ({
    claimId: claim.claimId,
    computeRevision: next,
    kind: line.kind,
    subjectId: line.subjectId,
    name: line.name,
    result: JSON.stringify(line.result),
    entries: JSON.stringify(line.entries),
    ...(line.copayExemptReason ? { copayExemptReason: line.copayExemptReason } : {}),
  }));
  if (lines.length > 0) {
    const { unprocessed } = await bindEntity(ClaimLine).put(lines).go();
    if (unprocessed.length > 0) throw new Error(`${unprocessed.length} claim lines were not stored; retrying`);
  }
  await bindEntity(Claim)
    .patch({ claimId: claim.claimId })
    .set({
      computeRevision: next,
      revision: claim.revision + 1,
      rateYear: computation.rateYear,
      rateVersion: computation.rateVersion,
      rates: JSON.stringify(computation.rates),
      totals: JSON.stringify(computation.totals),
      paidMinutes: computation.paidMinutes,
      problems: JSON.stringify(computation.problems),
      updatedAt: now(),
    })
    .append({ history: [{ at: now(), by: WORKFLOW_CALLER.userId, action: 'computed' }] })
    .where(
      ({ computeRevision, status }, { eq }) =>
        `${eq(computeRevision, claim.computeRevision)} AND ${eq(status, 'computing')}`,
    )
    .go();
  return next;
}

/**
 * The workflow waits in a human step: keep its token on the claim. The agency's step turns a fresh
 * computation into 'review' and leaves a returned claim 'returned' (its reason stays visible).
 */
export async function attachToken(claimId: string, stage: 'agency' | 'branch', taskToken: string): Promise<ClaimItem> {
  const claim = await getClaim(claimId);
  if (!claim) throw new ClaimMissing(claimId);
  const allowed: ClaimStatus[] = stage === 'agency' ? ['computing', 'review', 'returned'] : ['submitted'];
  if (!allowed.includes(claim.status)) {
    throw new ClaimStateError(`claim ${claimId} is ${claim.status}; cannot wait for the ${stage}`);
  }
  const status: ClaimStatus = stage === 'agency' && claim.status === 'computing' ? 'review' : claim.status;
  await bindEntity(Claim)
    .patch({ claimId })
    .set({ taskToken, tokenStage: stage, status, revision: claim.revision + 1, updatedAt: now() })
    .where(({ revision }, { eq }) => eq(revision, claim.revision))
    .go();
  return { ...claim, taskToken, tokenStage: stage, status, revision: claim.revision + 1 };
}

export interface Transition {
  action: ClaimAction;
  reason?: string;
}

/**
 * A person's step (submit, recompute, approve, return, resume) as one conditional transaction with its
 * audit record: it applies only to the revision and status that were read. `canceled` means someone
 * (or a repeated click) got there first.
 */
export async function transition(
  caller: Caller,
  claim: ClaimItem,
  change: Transition,
): Promise<{ canceled: boolean; claim: ClaimItem }> {
  const status = statusAfter(change.action);
  const at = now();
  const historyItem = {
    at,
    by: caller.userId,
    action: change.action,
    ...(change.reason ? { reason: change.reason } : {}),
  };
  const set: Partial<ClaimItem> = { status, revision: claim.revision + 1, updatedAt: at };
  if (change.action === 'return') set.returnReason = change.reason;
  if (change.action === 'resume') set.attempt = claim.attempt + 1;
  const result = await writeAudited(
    caller,
    {
      action: `claim.${change.action}`,
      targetType: 'claim',
      targetId: claim.claimId,
      branchId: claim.branchId,
      reason: change.reason,
    },
    { Claim },
    ({ Claim: claims }) => {
      let op = claims
        .patch({ claimId: claim.claimId })
        .set(set)
        .append({ history: [historyItem] });
      // a resubmitted or approved claim no longer carries the reason it was returned for
      if (change.action === 'submit' || change.action === 'approve') op = op.remove(['returnReason']);
      if (change.action === 'resume') op = op.remove(['failure', 'taskToken', 'tokenStage']);
      return [
        op
          .where(
            // biome-ignore lint/suspicious/noExplicitAny: ElectroDB's where-callback attribute proxies
            ({ revision, status: s }: any, { eq }: any) => `${eq(revision, claim.revision)} AND ${eq(s, claim.status)}`,
          )
          .commit(),
      ];
    },
  );
  const history = [...claim.history, historyItem];
  return { canceled: result.canceled, claim: { ...claim, ...set, history } as ClaimItem };
}

/** After the branch approved: the claim no longer waits for anyone. Repeating it changes nothing. */
export async function finalizeClaim(claimId: string): Promise<void> {
  await bindEntity(Claim)
    .patch({ claimId })
    .set({ updatedAt: now() })
    .remove(['taskToken', 'tokenStage'])
    .where(({ status }, { eq }) => eq(status, 'approved'))
    .go();
}

/**
 * A step failed after its retries: the claim shows it and can be resumed. An approved claim is never
 * touched (a decided claim is immutable).
 */
export async function markFailed(claimId: string, failure: { error: string; cause: string }): Promise<void> {
  await bindEntity(Claim)
    .patch({ claimId })
    .set({ status: 'failed', failure: JSON.stringify(failure), updatedAt: now() })
    .add({ revision: 1 })
    .append({ history: [{ at: now(), by: WORKFLOW_CALLER.userId, action: 'failed', reason: failure.error }] })
    .remove(['taskToken', 'tokenStage'])
    .where(({ status }, { ne }) => ne(status, 'approved'))
    .go()
    .catch((error: Error) => {
      // already approved: the decision stands and the late failure changes nothing
      if (!isConditionFailure(error)) throw error;
    });
}
