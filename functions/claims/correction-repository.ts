import { writeAudited } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { bindEntity, isConditionFailure } from '#commons/entities';
import { latestVersion } from '#functions/rates/repository';
import { ratesForAgency } from '#functions/rates/rules';
import * as clock from '#kernel/clock';
import { listLines } from './claim-repository.ts';
import type { SourceEntry } from './claim-rules.ts';
import { type ClaimCorrection, correctClaim, correctionIdOf, type DecidedClaim } from './correction-rules.ts';
import type { Amounts } from './engine/schema.ts';
import { type ClaimItem, RateCorrection, type RateCorrectionItem } from './entities.ts';

// 요율 정정 차액 (issue 15 §6): decided claims are read with their lines and computed again with the
// year's latest rate table (read through the rates capability); nothing of the claim is written. A
// difference the branch carries is stored as a RateCorrection for the agency's next settlement.

/** A decided claim with the stored lines of its computation, as the correction rules read it. */
export async function decidedClaim(claim: ClaimItem): Promise<DecidedClaim> {
  const lines = claim.computeRevision > 0 ? await listLines(claim.claimId, claim.computeRevision) : [];
  const result = (line: { result: string }) => JSON.parse(line.result) as Record<string, unknown>;
  return {
    claimId: claim.claimId,
    agencyId: claim.agencyId,
    agencyName: claim.agencyName,
    branchId: claim.branchId,
    month: claim.month,
    status: claim.status,
    rateYear: claim.rateYear,
    rateVersion: claim.rateVersion,
    totals: JSON.parse(claim.totals ?? 'null') as Amounts,
    assistants: lines
      .filter((l) => l.kind === 'assistant')
      .map((l) => ({
        id: l.subjectId,
        name: l.name,
        amounts: result(l).amounts as Amounts,
        entries: JSON.parse(l.entries) as SourceEntry[],
      })),
    workers: lines
      .filter((l) => l.kind === 'worker')
      .map((l) => {
        const r = result(l);
        return {
          id: l.subjectId,
          supportedMinutes: r.supportedMinutes as number,
          copay: r.copay as number,
          // the line keeps why a worker was exempt (compute.ts); older lines may say so in the result
          ...(l.copayExemptReason || r.copayExempt === true ? { copayExempt: true } : {}),
        };
      }),
  };
}

/** The year's latest table as the corrected rates of each agency (its overrides applied). */
export async function correctedTable(
  year: number,
): Promise<{ version: number; correct(claim: DecidedClaim): ClaimCorrection } | undefined> {
  const table = await latestVersion(year);
  if (!table) return undefined;
  return {
    version: table.version,
    correct: (claim) =>
      correctClaim(claim, { version: table.version, rates: ratesForAgency(table.content, claim.agencyId) }),
  };
}

export async function listCarried(agencyId: string): Promise<RateCorrectionItem[]> {
  const { data } = await bindEntity(RateCorrection).query.byAgency({ agencyId }).go({ pages: 'all' });
  return data;
}

/**
 * Stores the difference the branch carries (audited); false when this claim's difference of this
 * version was carried already (the first one stands).
 */
export async function carryCorrection(caller: Caller, correction: ClaimCorrection): Promise<boolean> {
  const correctionId = correctionIdOf(correction.claimId, correction.correctedVersion);
  const result = await writeAudited(
    caller,
    {
      action: 'rateCorrection.carry',
      targetType: 'claim',
      targetId: correction.claimId,
      branchId: correction.branchId,
    },
    { RateCorrection },
    ({ RateCorrection: corrections }) => [
      corrections
        .create({
          correctionId,
          claimId: correction.claimId,
          agencyId: correction.agencyId,
          agencyName: correction.agencyName,
          branchId: correction.branchId,
          month: correction.month,
          rateYear: correction.rateYear,
          usedVersion: correction.usedVersion,
          correctedVersion: correction.correctedVersion,
          difference: correction.difference.total,
          detail: JSON.stringify(correction),
          carriedBy: caller.userId,
          carriedAt: clock.nowIso(),
          settlementId: '-',
        })
        .commit(),
    ],
  );
  return !result.canceled;
}

/**
 * The differences a settlement takes: those carried and not yet taken, and those it took before (a
 * returned settlement computed again). Each taken one is marked with the settlement, on condition that
 * no other settlement took it in between.
 */
export async function takeCarried(agencyId: string, settlementId: string): Promise<RateCorrectionItem[]> {
  const taken: RateCorrectionItem[] = [];
  for (const item of await listCarried(agencyId)) {
    if (item.settlementId === settlementId) taken.push(item);
    else if (item.settlementId === '-') {
      try {
        await bindEntity(RateCorrection)
          .patch({ correctionId: item.correctionId })
          .set({ settlementId })
          .where((attr, op) => op.eq(attr.settlementId, '-'))
          .go();
        taken.push({ ...item, settlementId });
      } catch (error) {
        // another settlement took it first: it counts there
        if (!isConditionFailure(error)) throw error;
      }
    }
  }
  return taken;
}
