// Property tests for payroll (issue 9 §5): net = gross − deductions to the won, at most 10 items of
// each kind, time pay within one won of exact per item and equal to the claim's pay A in total,
// insurance deductions in whole 10 won.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeClaim } from '#functions/claims/engine/engine';
import {
  checkPayrollInput,
  computePayroll,
  type DeductionItem,
  EMPLOYEE_INSURANCE_2026,
  MAX_DEDUCTION_ITEMS,
  MAX_PAY_ITEMS,
  type PayItem,
  type PayrollInput,
  TIME_SOURCES,
  type TimeSource,
} from '#functions/payroll/rules';
import { toScaled } from '#kernel/decimal';
import { claimInput, service } from '../claims/support.ts';

const minutes = fc.record({
  byRatio: fc.record({
    '1': fc.integer({ min: 0, max: 12_000 }),
    '2': fc.integer({ min: 0, max: 3_000 }),
    '3': fc.integer({ min: 0, max: 1_000 }),
  }),
  weeklyHoliday: fc.integer({ min: 0, max: 2_400 }),
  paidLeave: fc.integer({ min: 0, max: 2_000 }),
  holiday: fc.integer({ min: 0, max: 2_000 }),
  officialLeave: fc.integer({ min: 0, max: 2_000 }),
  training: fc.integer({ min: 0, max: 2_000 }),
});

/** A partition of the six time sources into 1–6 time items, so every paid minute is paid once. */
const timeItems: fc.Arbitrary<PayItem[]> = fc
  .array(fc.integer({ min: 0, max: 5 }), { minLength: TIME_SOURCES.length, maxLength: TIME_SOURCES.length })
  .map((groups) => {
    const bySlot = new Map<number, TimeSource[]>();
    TIME_SOURCES.forEach((source, i) => {
      bySlot.set(groups[i]!, [...(bySlot.get(groups[i]!) ?? []), source]);
    });
    return [...bySlot.values()].map((sources, i) => ({ name: `시간${i + 1}`, kind: 'time', sources }) as PayItem);
  });

const adjustment = fc.option(fc.record({ amount: fc.integer({ min: 0, max: 50_000 }), reason: fc.constant('조정') }), {
  nil: undefined,
});

const input: fc.Arbitrary<PayrollInput> = fc
  .record({
    hourlyWage: fc.oneof(
      fc.constantFrom(9860, 10030, 10320),
      fc.integer({ min: 1_000_000, max: 30_000_000 }).map((x) => x / 1000),
    ),
    premium2: fc.constantFrom(1, 1.1, 1.25),
    minutes,
    times: timeItems,
    fixed: fc.array(fc.record({ amount: fc.integer({ min: 0, max: 300_000 }), insurable: fc.boolean(), adjustment }), {
      maxLength: 4,
    }),
    incomeTax: fc.integer({ min: 0, max: 20_000 }),
    others: fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 3 }),
    limits: fc.boolean(),
  })
  .map(({ hourlyWage, premium2, minutes, times, fixed, incomeTax, others, limits }) => {
    const payItems: PayItem[] = [
      ...times,
      ...fixed.map((item, i) => ({ name: `정액${i + 1}`, kind: 'fixed' as const, ...item })),
    ];
    const deductionItems: DeductionItem[] = [
      { name: '국민연금', kind: 'pension' },
      { name: '건강보험', kind: 'health' },
      { name: '장기요양보험', kind: 'longTermCare' },
      { name: '고용보험', kind: 'employment' },
      { name: '소득세', kind: 'incomeTax', amount: incomeTax },
      { name: '지방소득세', kind: 'localIncomeTax' },
      ...others.map((amount, i) => ({ name: `기타${i + 1}`, kind: 'other' as const, amount })),
    ];
    return {
      month: '2026-03',
      hourlyWage,
      premiumByRatio: { '1': 1, '2': premium2, '3': 1 },
      minutes,
      payItems,
      deductionItems,
      rates: limits
        ? { ...EMPLOYEE_INSURANCE_2026, pensionBaseFloor: 400_000, pensionBaseCeiling: 6_370_000 }
        : EMPLOYEE_INSURANCE_2026,
    };
  });

describe('payroll properties', () => {
  it('net = gross − deductions, gross = the pay lines, deductions = their lines, to the won', () => {
    fc.assert(
      fc.property(input, (payroll) => {
        // deductions may exceed a tiny month's pay; that is refused, and the rest must add up
        try {
          const slip = computePayroll(payroll);
          expect(slip.grossPay).toBe(slip.payLines.reduce((sum, line) => sum + line.amount, 0));
          expect(slip.totalDeductions).toBe(slip.deductionLines.reduce((sum, line) => sum + line.amount, 0));
          expect(slip.netPay).toBe(slip.grossPay - slip.totalDeductions);
          expect(slip.netPay).toBeGreaterThanOrEqual(0);
          expect(slip.payLines.length).toBeLessThanOrEqual(MAX_PAY_ITEMS);
          expect(slip.deductionLines.length).toBeLessThanOrEqual(MAX_DEDUCTION_ITEMS);
          for (const line of slip.deductionLines) {
            if (line.kind !== 'incomeTax' && line.kind !== 'other') expect(line.amount % 10).toBe(0);
            expect(line.amount).toBeGreaterThanOrEqual(0);
          }
        } catch (error) {
          expect((error as { fields?: { field: string }[] }).fields?.map((f) => f.field)).toEqual(['deductionItems']);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('time pay totals floor(exact) and each time line is within one won of its exact value', () => {
    fc.assert(
      fc.property(input, (payroll) => {
        const slip = computePayroll({ ...payroll, deductionItems: [] });
        const wage = toScaled(payroll.hourlyWage);
        const scale = 10n ** 6n;
        const exactTimes = slip.payLines
          .filter((line) => line.kind === 'time')
          .map((line) => {
            let payable = 0n;
            for (const source of line.sources!) {
              if (source === 'service') {
                for (const [k, m] of Object.entries(payroll.minutes.byRatio)) {
                  payable += BigInt(m) * toScaled(payroll.premiumByRatio![k]!);
                }
              } else payable += BigInt(payroll.minutes[source]) * scale;
            }
            return { line, numerator: wage * payable };
          });
        const denominator = 60n * scale * scale;
        const total = exactTimes.reduce((sum, t) => sum + t.numerator, 0n) / denominator;
        expect(BigInt(exactTimes.reduce((sum, t) => sum + t.line.amount, 0))).toBe(total);
        for (const { line, numerator } of exactTimes) {
          const floor = numerator / denominator;
          expect(BigInt(line.amount) === floor || BigInt(line.amount) === floor + 1n).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses any list of more than 10 items, whatever is in it', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 11, max: 15 }), (payroll, n) => {
        const extra = Array.from({ length: n }, (_, i) => ({ name: `추가${i}`, kind: 'fixed' as const, amount: 0 }));
        const fields = checkPayrollInput({ ...payroll, payItems: [...payroll.payItems, ...extra] }).map((p) => p.field);
        expect(fields).toContain('payItems');
      }),
      { numRuns: 50 },
    );
  });

  it('pays in time items exactly the claim engine’s pay A for the same month', () => {
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            worker: fc.constantFrom('W1', 'W2', 'W3'),
            day: fc.integer({ min: 2, max: 27 }),
            start: fc.integer({ min: 480, max: 1000 }),
            length: fc.integer({ min: 1, max: 300 }),
          }),
          { maxLength: 30 },
        ),
        fc.constantFrom(10030, 10320, 9860.5),
        (rows, wage) => {
          const entries = rows.map((r) =>
            service(
              'A1',
              r.worker,
              `2026-03-${String(r.day).padStart(2, '0')}`,
              hhmm(r.start),
              hhmm(r.start + r.length),
            ),
          );
          const claim = computeClaim(claimInput(entries, { rates: { hourlyWage: wage } }));
          const line = claim.assistants[0]!;
          const slip = computePayroll({
            month: '2026-03',
            hourlyWage: wage,
            minutes: line.minutes,
            payItems: [
              { name: '기본급', kind: 'time', sources: ['service'] },
              {
                name: '주휴·휴가 등',
                kind: 'time',
                sources: ['weeklyHoliday', 'paidLeave', 'holiday', 'officialLeave', 'training'],
              },
            ],
            deductionItems: [],
            rates: EMPLOYEE_INSURANCE_2026,
          });
          expect(slip.grossPay).toBe(line.amounts.pay);
        },
      ),
      { numRuns: 60 },
    );
  });
});
