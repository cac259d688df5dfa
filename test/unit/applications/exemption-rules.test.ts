import { describe, expect, it } from 'vitest';
import {
  exemptionBasisLabel,
  exemptionCovers,
  exemptionProblems,
  exemptionReason,
} from '#functions/applications/exemption-rules';
import { claimLines, engineInput, type SourceEntry } from '#functions/claims/claim-rules';
import { computeClaim } from '#functions/claims/engine/engine';
import { DEFAULT_RATE_TABLE_2026, ratesForAgency } from '#functions/rates/rules';

// 본인부담금 면제 (SPEC C7): the months an exemption covers, what is wrong with a recorded period, and
// the claim's worker line that carries the reason next to its 0 co-payment.

const exemption = { basis: 'nearPoverty', fromMonth: '2026-03', toMonth: '2026-08' };

describe('co-payment exemption rules', () => {
  it('covers the months from its first to its last, both included', () => {
    expect(exemptionCovers(exemption, '2026-02')).toBe(false);
    expect(exemptionCovers(exemption, '2026-03')).toBe(true);
    expect(exemptionCovers(exemption, '2026-08')).toBe(true);
    expect(exemptionCovers(exemption, '2026-09')).toBe(false);
    expect(exemptionCovers(undefined, '2026-05')).toBe(false);
  });

  it('names its basis in Korean in the sentence the screens show', () => {
    expect(exemptionBasisLabel('basicLivelihood')).toBe('국민기초생활보장 수급자');
    expect(exemptionReason(exemption)).toBe('본인부담금 면제: 차상위계층 (2026-03~2026-08)');
  });

  it('refuses a period without an evaluation, running backwards or outside the decided support period', () => {
    const evaluation = { startDate: '2026-02-10', endDate: '2026-12-31' };
    expect(exemptionProblems(exemption, evaluation)).toEqual([]);
    expect(exemptionProblems(exemption, undefined)[0]?.message).toContain('먼저 평가해 주세요');
    expect(exemptionProblems({ fromMonth: '2026-05', toMonth: '2026-04' }, evaluation)[0]).toMatchObject({
      field: 'toMonth',
    });
    expect(exemptionProblems({ fromMonth: '2026-01', toMonth: '2026-04' }, evaluation)[0]).toMatchObject({
      field: 'fromMonth',
      message: '면제 기간은 결정된 지원 기간(2026-02~2026-12) 안에서 골라 주세요.',
    });
  });

  it('gives an exempt worker a 0 co-payment in the engine, and the reason on the claim line', () => {
    const entries: SourceEntry[] = ['2026-03-03', '2026-03-04'].flatMap((date, i) => [
      {
        entryId: `E${i}a`,
        assistantId: 'AS-1',
        assistantName: '보조 일',
        workerId: 'worker-a',
        workerName: '근로자 가',
        date,
        start: '09:00',
        end: '12:00',
        type: 'service' as const,
      },
      {
        entryId: `E${i}b`,
        assistantId: 'AS-2',
        assistantName: '보조 이',
        workerId: 'worker-b',
        workerName: '근로자 나',
        date,
        start: '09:00',
        end: '12:00',
        type: 'service' as const,
      },
    ]);
    const rates = ratesForAgency(DEFAULT_RATE_TABLE_2026, 'AG-X');
    const output = computeClaim(engineInput({ month: '2026-03', rates, entries, copayExempt: new Set(['worker-b']) }));
    const lines = claimLines(output, entries, new Map([['worker-b', exemptionReason(exemption)]]));
    const a = lines.find((l) => l.kind === 'worker' && l.subjectId === 'worker-a')!;
    const b = lines.find((l) => l.kind === 'worker' && l.subjectId === 'worker-b')!;
    expect((a.result as { copay: number }).copay).toBeGreaterThan(0);
    expect(a.copayExemptReason).toBeUndefined();
    expect((b.result as { copay: number }).copay).toBe(0);
    expect(b.copayExemptReason).toBe('본인부담금 면제: 차상위계층 (2026-03~2026-08)');
  });
});
