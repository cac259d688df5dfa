import { engineInput, type SourceEntry } from './claim-rules.ts';
import { computeClaim } from './engine/engine.ts';
import type { Amounts, ClaimRates } from './engine/schema.ts';

export { CORRECTION_AMOUNTS } from './correction-contract.ts';

// Rate corrections with retroactive effect (issue 15 §6), pure: when hq saves a later version of a
// year's rate table, every approved claim computed with an earlier version of it is computed again
// from its stored entries with the corrected rates; the decided claim stays as it was, and the
// difference (per claim, per assistant, per agency) is what the branch may carry into the agency's
// next settlement.

export const AMOUNT_KEYS = ['pay', 'copay', 'net', 'socialInsurance', 'operatingCost', 'severance', 'total'] as const;

export const ZERO_AMOUNTS: Amounts = {
  pay: 0,
  copay: 0,
  net: 0,
  socialInsurance: 0,
  operatingCost: 0,
  severance: 0,
  total: 0,
};

/** after − before, per amount. */
export function amountsDifference(before: Amounts, after: Amounts): Amounts {
  return Object.fromEntries(AMOUNT_KEYS.map((k) => [k, after[k] - before[k]])) as Amounts;
}

export function addAmounts(a: Amounts, b: Amounts): Amounts {
  return Object.fromEntries(AMOUNT_KEYS.map((k) => [k, a[k] + b[k]])) as Amounts;
}

/** A decided claim as stored: its figures, the rate-table version it used, and each line's entries. */
export interface DecidedClaim {
  claimId: string;
  agencyId: string;
  agencyName: string;
  branchId: string;
  month: string;
  status: string;
  rateYear?: number;
  rateVersion?: number;
  totals: Amounts;
  assistants: { id: string; name: string; amounts: Amounts; entries: SourceEntry[] }[];
  workers: { id: string; supportedMinutes: number; copay: number; copayExempt?: boolean }[];
}

/** Whether a claim must be looked at again: approved, computed with an earlier version of `year`'s table. */
export function isAffected(
  claim: Pick<DecidedClaim, 'status' | 'rateYear' | 'rateVersion'>,
  year: number,
  correctedVersion: number,
): boolean {
  return (
    claim.status === 'approved' &&
    claim.rateYear === year &&
    claim.rateVersion !== undefined &&
    claim.rateVersion < correctedVersion
  );
}

export interface CorrectionLine {
  id: string;
  name: string;
  before: Amounts;
  after: Amounts;
  difference: Amounts;
}

export interface ClaimCorrection {
  claimId: string;
  agencyId: string;
  agencyName: string;
  branchId: string;
  month: string;
  rateYear: number;
  usedVersion: number;
  correctedVersion: number;
  before: Amounts;
  after: Amounts;
  difference: Amounts;
  assistants: CorrectionLine[];
}

/**
 * The claim computed again with `corrected` rates from its own stored entries (an assistant line keeps
 * all of that assistant's entries, so together they are the claim's input). A worker kept exempt from
 * the co-payment stays exempt: the stored line says so, or charged nothing for supported time.
 */
export function correctClaim(claim: DecidedClaim, corrected: { version: number; rates: ClaimRates }): ClaimCorrection {
  const seen = new Set<string>();
  const entries = claim.assistants.flatMap((a) => a.entries).filter((e) => !seen.has(e.entryId) && seen.add(e.entryId));
  const copayExempt = new Set(
    claim.workers.filter((w) => w.copayExempt || (w.supportedMinutes > 0 && w.copay === 0)).map((w) => w.id),
  );
  const output = computeClaim(engineInput({ month: claim.month, rates: corrected.rates, entries, copayExempt }));
  const assistants = claim.assistants
    .map((line) => {
      const after = output.assistants.find((a) => a.id === line.id)?.amounts ?? ZERO_AMOUNTS;
      return {
        id: line.id,
        name: line.name,
        before: line.amounts,
        after,
        difference: amountsDifference(line.amounts, after),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'ko') || a.id.localeCompare(b.id));
  return {
    claimId: claim.claimId,
    agencyId: claim.agencyId,
    agencyName: claim.agencyName,
    branchId: claim.branchId,
    month: claim.month,
    rateYear: claim.rateYear ?? Number(claim.month.slice(0, 4)),
    usedVersion: claim.rateVersion ?? 0,
    correctedVersion: corrected.version,
    before: claim.totals,
    after: output.totals,
    difference: amountsDifference(claim.totals, output.totals),
    assistants,
  };
}

export interface AgencyDifference {
  agencyId: string;
  agencyName: string;
  branchId: string;
  claims: number;
  difference: Amounts;
}

/** The differences summed per agency, in Korean name order. */
export function differencesByAgency(corrections: readonly ClaimCorrection[]): AgencyDifference[] {
  const byAgency = new Map<string, AgencyDifference>();
  for (const c of corrections) {
    const row = byAgency.get(c.agencyId) ?? {
      agencyId: c.agencyId,
      agencyName: c.agencyName,
      branchId: c.branchId,
      claims: 0,
      difference: ZERO_AMOUNTS,
    };
    byAgency.set(c.agencyId, { ...row, claims: row.claims + 1, difference: addAmounts(row.difference, c.difference) });
  }
  return [...byAgency.values()].sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'ko'));
}

/** The id of a difference carried into a settlement: one per claim and corrected version. */
export function correctionIdOf(claimId: string, correctedVersion: number): string {
  return `${claimId}_v${correctedVersion}`;
}

/** Why a difference cannot be carried now, in Korean; undefined when it can. */
export function carryRefusal(correction: Pick<ClaimCorrection, 'difference'> | undefined): string | undefined {
  if (!correction) return '이 사업비 신청은 정정된 요율표의 영향을 받지 않습니다. 목록을 새로 고쳐 주세요.';
  if (correction.difference.total === 0) return '차액이 0원이어서 정산에 반영할 것이 없습니다.';
  return undefined;
}

/**
 * A settlement's totals with the rate-correction differences carried into it: the differences are
 * owed to the agency (positive) or by it (negative) on top of the months' differences.
 */
export function withCarriedDifferences<T extends { difference: number }>(
  totals: T,
  carried: readonly { difference: number }[],
): T & { correction: number } {
  const correction = carried.reduce((sum, c) => sum + c.difference, 0);
  return { ...totals, correction, difference: totals.difference + correction };
}
