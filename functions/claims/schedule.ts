import type { Caller } from '#commons/caller';
import { bindEntity } from '#commons/entities';
import { SIDO_CODES } from '#commons/regions';
import { Organisation } from '#functions/agencies/entities';
import { koreaMonth, previousMonth } from '#kernel/korea-time';
import { createClaim } from './claim-repository.ts';
import { startClaimExecution } from './orchestration.ts';

/** Every performing agency: one Query per 시/도 partition of the organisations' byRegion index (no Scan). */
export async function listAllAgencies(): Promise<{ organisationId: string; name: string; branchId: string }[]> {
  const pages = await Promise.all(
    SIDO_CODES.map((sidoCode) =>
      bindEntity(Organisation).query.byRegion({ kind: 'agency', sidoCode }).go({ pages: 'all' }),
    ),
  );
  return pages
    .flatMap((page) => page.data)
    .map(({ organisationId, name, branchId }) => ({ organisationId, name, branchId }))
    .sort((a, b) => a.organisationId.localeCompare(b.organisationId));
}

/**
 * Starts the month's claim workflow for every agency. A claim that exists already is left alone, so
 * running the schedule twice (or by hand after the rule) starts nothing twice.
 */
export async function startMonthForAllAgencies(
  caller: Caller,
  month: string,
): Promise<{ month: string; started: string[]; existing: string[] }> {
  const started: string[] = [];
  const existing: string[] = [];
  for (const agency of await listAllAgencies()) {
    const { created, claim } = await createClaim(caller, {
      agencyId: agency.organisationId,
      agencyName: agency.name,
      branchId: agency.branchId,
      month,
    });
    if (created || (claim.status === 'computing' && !claim.executionArn)) {
      await startClaimExecution({ claimId: claim.claimId, agencyId: claim.agencyId, month }, claim.attempt);
      started.push(claim.claimId);
    } else {
      existing.push(claim.claimId);
    }
  }
  return { month, started, existing };
}

/** The month a schedule on `now` claims: the previous calendar month in Korea time. */
export function monthToClaim(now: Date): string {
  return previousMonth(koreaMonth(now));
}
