import { listAgencyMonth } from '#functions/activity/entry-repository';
import { toEngineEntry } from '#functions/activity/entry-rules';
import { copayExemptionsIn } from '#functions/applications/exemptions';
import { latestVersion } from '#functions/rates/repository';
import { ratesForAgency } from '#functions/rates/rules';
import { previousMonth } from '#kernel/korea-time';
import { getClaim, storeComputation } from './claim-repository.ts';
import { claimLines, engineInput, inClaimPeriod, paidMinutes, type SourceEntry } from './claim-rules.ts';
import { computeClaim } from './engine/engine.ts';
import { ClaimMissing, ClaimStateError, RateTableMissing } from './workflow-errors.ts';

export { RateTableMissing };

/**
 * The agency's logs of the claim period: the month's, plus the days of the 1st's week that fall in the
 * previous month (they count toward 주휴 only). Two Queries on the agency's partition.
 */
export async function collectEntries(agencyId: string, month: string): Promise<SourceEntry[]> {
  const [before, during] = await Promise.all([
    listAgencyMonth(agencyId, previousMonth(month)),
    listAgencyMonth(agencyId, month),
  ]);
  return [...before, ...during]
    .filter((entry) => inClaimPeriod(month, entry.date))
    .map((entry) => ({
      ...toEngineEntry(entry),
      entryId: entry.entryId,
      assistantName: entry.assistantName,
      workerName: entry.workerName,
    }));
}

/**
 * Collects the submitted logs, computes them with the agency's rates of the year's latest table and
 * stores the claim's lines under its next compute revision. Returns that revision.
 */
export async function computeAndStore(claimId: string): Promise<{ computeRevision: number; lines: number }> {
  const claim = await getClaim(claimId);
  if (!claim) throw new ClaimMissing(claimId);
  if (claim.status !== 'computing') throw new ClaimStateError(`claim ${claimId} is ${claim.status}, not computing`);
  const year = Number(claim.month.slice(0, 4));
  const table = await latestVersion(year);
  if (!table) throw new RateTableMissing(`${year}년 요율표가 없습니다. 본부가 요율표를 등록한 뒤 다시 시작해 주세요.`);
  const rates = ratesForAgency(table.content, claim.agencyId);
  const entries = await collectEntries(claim.agencyId, claim.month);
  // the co-payment exemptions recorded on the workers' evaluations that cover the claim month (C7)
  const exemptions = await copayExemptionsIn(
    entries.filter((e) => e.type === 'service').map((e) => e.workerId),
    claim.month,
  );
  const copayExempt = new Set(exemptions.keys());
  const output = computeClaim(engineInput({ month: claim.month, rates, entries, copayExempt }));
  const lines = claimLines(output, entries, new Map([...exemptions].map(([id, e]) => [id, e.reason])));
  const computeRevision = await storeComputation(claim, {
    rateYear: year,
    rateVersion: table.version,
    rates,
    totals: output.totals,
    paidMinutes: output.assistants.reduce((sum, a) => sum + paidMinutes(a.minutes), 0),
    problems: output.problems,
    lines,
  });
  return { computeRevision, lines: lines.length };
}
