import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceEntry } from '#functions/claims/claim-rules';
import { engineInput } from '#functions/claims/claim-rules';
import {
  carryRefusal,
  correctClaim,
  correctionIdOf,
  type DecidedClaim,
  differencesByAgency,
  isAffected,
  withCarriedDifferences,
  ZERO_AMOUNTS,
} from '#functions/claims/correction-rules';
import { computeClaim } from '#functions/claims/engine/engine';
import { exampleRates } from './support.ts';

const entry = (
  n: number,
  assistantId: string,
  workerId: string,
  date: string,
  start: string,
  end: string,
): SourceEntry => ({
  entryId: `E${n}`,
  assistantId,
  assistantName: assistantId === 'A1' ? '김민준' : '이서연',
  workerId,
  workerName: workerId === 'W1' ? '서준우' : '신다은',
  date,
  start,
  end,
  type: 'service',
});

const ENTRIES = [
  entry(1, 'A1', 'W1', '2026-03-02', '09:00', '13:00'),
  entry(2, 'A1', 'W1', '2026-03-03', '09:00', '13:00'),
  entry(3, 'A2', 'W2', '2026-03-02', '10:00', '16:00'),
  entry(4, 'A2', 'W2', '2026-03-04', '10:00', '16:00'),
];

/** A claim decided with `rates` (version 1), stored the way the claim stores its lines. */
function decided(rates = exampleRates(), agency = { id: 'AG-HANBIT', name: '한빛' }): DecidedClaim {
  const output = computeClaim(engineInput({ month: '2026-03', rates, entries: ENTRIES }));
  return {
    claimId: `${agency.id}_2026-03`,
    agencyId: agency.id,
    agencyName: agency.name,
    branchId: 'BR-SEOUL',
    month: '2026-03',
    status: 'approved',
    rateYear: 2026,
    rateVersion: 1,
    totals: output.totals,
    assistants: output.assistants.map((a) => ({
      id: a.id,
      name: ENTRIES.find((e) => e.assistantId === a.id)!.assistantName,
      amounts: a.amounts,
      entries: ENTRIES.filter((e) => e.assistantId === a.id),
    })),
    workers: output.workers.map((w) => ({ id: w.id, supportedMinutes: w.supportedMinutes, copay: w.copay })),
  };
}

describe('rate corrections with retroactive effect (issue 15 §6)', () => {
  it('finds the approved claims that used an earlier version of the corrected year', () => {
    expect(isAffected({ status: 'approved', rateYear: 2026, rateVersion: 1 }, 2026, 2)).toBe(true);
    expect(isAffected({ status: 'approved', rateYear: 2026, rateVersion: 2 }, 2026, 2)).toBe(false);
    expect(isAffected({ status: 'approved', rateYear: 2025, rateVersion: 1 }, 2026, 2)).toBe(false);
    // a claim not decided yet is computed again by its own workflow, not corrected
    expect(isAffected({ status: 'submitted', rateYear: 2026, rateVersion: 1 }, 2026, 2)).toBe(false);
    expect(isAffected({ status: 'approved', rateYear: 2026 }, 2026, 2)).toBe(false);
  });

  it('computes nothing new with the same rates, and the wage raise per assistant with a higher wage', () => {
    const claim = decided();
    const same = correctClaim(claim, { version: 2, rates: exampleRates() });
    expect(same.difference).toEqual(ZERO_AMOUNTS);
    expect(same.after).toEqual(claim.totals);

    const raised = exampleRates();
    raised.hourlyWage += 100;
    const corrected = correctClaim(claim, { version: 2, rates: raised });
    expect(corrected).toMatchObject({ usedVersion: 1, correctedVersion: 2, rateYear: 2026, month: '2026-03' });
    expect(corrected.difference.pay).toBeGreaterThan(0);
    expect(corrected.difference.total).toBe(corrected.after.total - claim.totals.total);
    // the assistants' differences add up to the claim's, and each names its assistant
    const sum = corrected.assistants.reduce((s, a) => s + a.difference.total, 0);
    expect(sum).toBe(corrected.difference.total);
    expect(corrected.assistants.map((a) => a.name)).toEqual(['김민준', '이서연']);
    // the decided claim is left as it was
    expect(claim.totals).toEqual(decided().totals);
  });

  it('keeps a worker exempt from the co-payment exempt', () => {
    const claim = decided();
    claim.workers = claim.workers.map((w) => (w.id === 'W2' ? { ...w, copayExempt: true } : w));
    const corrected = correctClaim(claim, { version: 2, rates: exampleRates() });
    const exempt = computeClaim(
      engineInput({ month: '2026-03', rates: exampleRates(), entries: ENTRIES, copayExempt: new Set(['W2']) }),
    );
    expect(corrected.after).toEqual(exempt.totals);
  });

  it('sums the differences per agency, and the settlement carries them on top of the months', () => {
    const raised = exampleRates();
    raised.hourlyWage += 50;
    const a = correctClaim(decided(), { version: 2, rates: raised });
    const b = correctClaim(decided(exampleRates(), { id: 'AG-NEULBOM', name: '늘봄' }), { version: 2, rates: raised });
    const rows = differencesByAgency([a, b, a]);
    expect(rows.map((r) => [r.agencyName, r.claims])).toEqual([
      ['늘봄', 1],
      ['한빛', 2],
    ]);
    expect(rows[1]!.difference.total).toBe(2 * a.difference.total);

    expect(withCarriedDifferences({ advance: 100, decided: 90, difference: -10 }, [{ difference: 25 }])).toEqual({
      advance: 100,
      decided: 90,
      correction: 25,
      difference: 15,
    });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 })), fc.integer(), (diffs, base) => {
        const totals = withCarriedDifferences(
          { difference: base },
          diffs.map((difference) => ({ difference })),
        );
        return totals.difference - base === totals.correction;
      }),
    );
  });

  it('names a carried difference by claim and version, and refuses one with nothing to carry', () => {
    expect(correctionIdOf('AG-HANBIT_2026-03', 2)).toBe('AG-HANBIT_2026-03_v2');
    expect(carryRefusal(undefined)).toContain('영향을 받지 않습니다');
    expect(carryRefusal({ difference: ZERO_AMOUNTS })).toContain('0원');
    expect(carryRefusal({ difference: { ...ZERO_AMOUNTS, total: 10 } })).toBeUndefined();
  });
});
