// The payroll glue (functions/payroll/month.ts): claim minutes in, the agency's items kept across
// recomputations, an item's change, insurance by enrolment, and the 급여 목록 table — in exact won.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleViolation } from '#commons/errors';
import {
  applyItemChange,
  computeRecord,
  defaultSettings,
  enrolledIn,
  listTable,
  mergeItems,
  minutesOf,
  type PayrollSettings,
  parsePayrollId,
  payrollIdOf,
  ratesForEnrolment,
  settingsProblems,
} from '#functions/payroll/month';
import { EMPLOYEE_INSURANCE_2026, type PayrollMinutes } from '#functions/payroll/rules';
import { DEFAULT_RATE_TABLE_2026, RateTableContentSchema } from '#functions/rates/rules';

const claimLine = {
  minutes: {
    service: 4800,
    byRatio: { '1': 3600, '2': 1200, '3': 0 },
    overConcurrency: 0,
    weeklyHoliday: 960,
    paidLeave: 240,
    holiday: 0,
    officialLeave: 0,
    training: 480,
    unpaidLeave: 60,
    absence: 0,
  },
};

const settings = (): PayrollSettings => ({
  payItems: [
    { name: '기본급', kind: 'time', sources: ['service'] },
    { name: '주휴·휴가수당', kind: 'time', sources: ['weeklyHoliday', 'paidLeave', 'holiday', 'officialLeave'] },
    { name: '교육수당', kind: 'time', sources: ['training'] },
    { name: '식대', kind: 'fixed', amount: 100_000, insurable: false },
  ],
  deductionItems: [
    { name: '국민연금', kind: 'pension' },
    { name: '건강보험', kind: 'health' },
    { name: '장기요양보험', kind: 'longTermCare' },
    { name: '고용보험', kind: 'employment' },
    { name: '소득세', kind: 'incomeTax', amount: 0 },
    { name: '지방소득세', kind: 'localIncomeTax' },
  ],
});

const inputOf = (minutes: PayrollMinutes, items = mergeItems(settings(), undefined)) => ({
  month: '2026-10',
  hourlyWage: 10320,
  minutes,
  payItems: items.payItems,
  deductionItems: items.deductionItems,
  rates: EMPLOYEE_INSURANCE_2026,
});

describe('payroll ids', () => {
  it('name the agency, the month and the assistant, and parse back', () => {
    const id = payrollIdOf('AG-HANBIT', '2026-10', 'AS-DEMO-01');
    expect(id).toBe('AG-HANBIT_2026-10_AS-DEMO-01');
    expect(parsePayrollId(id)).toEqual({ agencyId: 'AG-HANBIT', month: '2026-10', assistantId: 'AS-DEMO-01' });
    for (const bad of ['', 'AG-HANBIT_2026-13_AS-1', 'AG_HANBIT_2026-10', '../x_2026-10_y', 'A_2026-10_b/c']) {
      expect(parsePayrollId(bad)).toBeUndefined();
    }
  });
});

describe('minutes from the claim engine', () => {
  it('takes the paid times as the engine counted them, leaving unpaid leave and the total out', () => {
    expect(minutesOf(claimLine)).toEqual({
      byRatio: { '1': 3600, '2': 1200, '3': 0 },
      weeklyHoliday: 960,
      paidLeave: 240,
      holiday: 0,
      officialLeave: 0,
      training: 480,
    });
  });

  it('pays a worked month in exact won (80 h service, 16 h 주휴, 4 h 유가, 8 h 교육 at 10,320)', () => {
    const computed = computeRecord(inputOf(minutesOf(claimLine)));
    expect(computed.status).toBe('computed');
    const slip = computed.slip!;
    expect(slip.payLines.map((l) => l.amount)).toEqual([825_600, 206_400, 82_560, 100_000]);
    expect(slip.grossPay).toBe(1_214_560);
    expect(slip.insuranceBase).toBe(1_114_560);
    // pension 1,114,000 × 4.75% = 52,915 → 52,910; health 1,114,560 × 3.595% = 40,068.43 → 40,060;
    // care 40,060 × 13.14% = 5,263.88 → 5,260; employment 1,114,560 × 0.9% = 10,031.04 → 10,030
    expect(slip.deductionLines.map((l) => l.amount)).toEqual([52_910, 40_060, 5_260, 10_030, 0, 0]);
    expect(slip.netPay).toBe(1_214_560 - 108_260);
  });
});

describe('item settings', () => {
  it('accepts the defaults and refuses settings that leave a kind of paid time unpaid', () => {
    expect(settingsProblems(defaultSettings())).toEqual([]);
    expect(settingsProblems(settings())).toEqual([]);
    const noTraining = { ...settings(), payItems: settings().payItems.filter((i) => i.name !== '교육수당') };
    const problems = settingsProblems(noTraining);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe(
      '교육 시간(1분)을 지급할 항목이 없습니다. 시간 지급항목의 시간 종류에 교육을(를) 넣어 주세요.',
    );
  });

  it('refuses an eleventh item with the count to remove', () => {
    const many = {
      ...settings(),
      payItems: [
        ...settings().payItems,
        ...Array.from({ length: 7 }, (_, i) => ({ name: `수당${i}`, kind: 'fixed' as const, amount: 1 })),
      ],
    };
    expect(settingsProblems(many).map((p) => p.message)).toContain(
      '지급항목은 10개까지 넣을 수 있습니다. 지금 11개이니 1개를 지우거나 합쳐 주세요.',
    );
  });
});

describe('computing again', () => {
  it('keeps adjustments and entered amounts of items that still exist, and defaults for the rest', () => {
    let items = mergeItems(settings(), undefined);
    items = applyItemChange(items, settings(), {
      list: 'pay',
      index: 0,
      adjustment: { amount: 5_000, reason: '소급분' },
    });
    items = applyItemChange(items, settings(), { list: 'deduction', index: 4, amount: 12_340 });
    items = applyItemChange(items, settings(), { list: 'pay', index: 3, amount: 50_000 });

    const renamed: PayrollSettings = {
      ...settings(),
      payItems: [
        ...settings().payItems.slice(0, 3),
        { name: '식비', kind: 'fixed', amount: 100_000, insurable: false },
      ],
    };
    const merged = mergeItems(renamed, items);
    expect(merged.payItems[0]!.adjustment).toEqual({ amount: 5_000, reason: '소급분' });
    expect(merged.deductionItems[4]).toMatchObject({ kind: 'incomeTax', amount: 12_340, entered: true });
    // 식대 is gone: 식비 starts from the settings' amount, without the old entry
    expect(merged.payItems[3]).toMatchObject({ name: '식비', amount: 100_000, adjustment: null });
    expect(merged.payItems[3]).not.toHaveProperty('entered');

    const slip = computeRecord(inputOf(minutesOf(claimLine), merged)).slip!;
    expect(slip.payLines[0]).toMatchObject({ computed: 825_600, amount: 830_600 });
    expect(slip.deductionLines[5]!.amount).toBe(1_230); // 10% of 12,340 = 1,234 → 1,230
  });

  it('a settings amount reaches records where nobody entered one', () => {
    const items = mergeItems(settings(), undefined);
    const raised = settings();
    (raised.payItems[3] as { amount: number }).amount = 120_000;
    expect(mergeItems(raised, items).payItems[3]).toMatchObject({ amount: 120_000 });
  });

  it('an entered amount goes back to the settings’ amount when cleared', () => {
    let items = applyItemChange(mergeItems(settings(), undefined), settings(), { list: 'pay', index: 3, amount: 1 });
    items = applyItemChange(items, settings(), { list: 'pay', index: 3, amount: null });
    expect(items.payItems[3]).toMatchObject({ amount: 100_000 });
    expect(items.payItems[3]).not.toHaveProperty('entered');
  });

  it('refuses an amount for a computed item and an item that does not exist, in Korean', () => {
    const items = mergeItems(settings(), undefined);
    expect(() => applyItemChange(items, settings(), { list: 'pay', index: 0, amount: 1 })).toThrow(
      '기본급은(는) 시간이나 요율로 계산하는 항목이라 금액을 직접 넣을 수 없습니다.',
    );
    expect(() => applyItemChange(items, settings(), { list: 'deduction', index: 9, amount: 1 })).toThrow(RuleViolation);
  });

  it('keeps a refused adjustment as problems on the record instead of failing the month', () => {
    const items = applyItemChange(mergeItems(settings(), undefined), settings(), {
      list: 'pay',
      index: 0,
      adjustment: { amount: -10_000_000, reason: '잘못 넣은 값' },
    });
    const computed = computeRecord(inputOf(minutesOf(claimLine), items));
    expect(computed.status).toBe('problem');
    expect(computed.problems![0]!.message).toContain('조정 후 금액이');
  });
});

describe('insurance by enrolment', () => {
  it('counts a month from the month of acquisition up to the month of loss', () => {
    expect(enrolledIn('2026-10', { enrolledOn: '2026-10-31' })).toBe(true);
    expect(enrolledIn('2026-10', { enrolledOn: '2026-11-01' })).toBe(false);
    expect(enrolledIn('2026-10', { enrolledOn: '2025-01-01', lostOn: '2026-10-15' })).toBe(true);
    expect(enrolledIn('2026-10', { enrolledOn: '2025-01-01', lostOn: '2026-09-30' })).toBe(false);
    expect(enrolledIn('2026-10', undefined)).toBe(false);
  });

  it('deducts nothing for an insurance the assistant does not have; care follows health', () => {
    const rates = ratesForEnrolment(EMPLOYEE_INSURANCE_2026, '2026-10', {
      pension: { enrolledOn: '2026-01-02' },
      employment: { enrolledOn: '2026-01-02' },
    });
    expect(rates).toMatchObject({ pension: 0.0475, health: 0, employment: 0.009 });
    const slip = computeRecord({ ...inputOf(minutesOf(claimLine)), rates }).slip!;
    expect(slip.deductionLines.map((l) => l.amount)).toEqual([52_910, 0, 0, 10_030, 0, 0]);
  });
});

describe('employee shares in the rate table', () => {
  it('defaults a stored version written before payroll existed to the 2026 shares', () => {
    const { employeeInsurance: _, ...older } = DEFAULT_RATE_TABLE_2026;
    const parsed = RateTableContentSchema.parse(JSON.parse(JSON.stringify(older)));
    expect(parsed.employeeInsurance).toEqual(EMPLOYEE_INSURANCE_2026);
    expect(EMPLOYEE_INSURANCE_2026).toMatchObject({
      pension: 0.0475,
      health: 0.03595,
      longTermCare: 0.1314,
      employment: 0.009,
    });
    expect(DEFAULT_RATE_TABLE_2026.notes.employeeInsurance).toContain('근로자 부담');
  });
});

describe('the 급여 목록 table', () => {
  it('has seed 000’s columns, the item names of the month, and totals that add up exactly', () => {
    const slipA = computeRecord(inputOf(minutesOf(claimLine))).slip!;
    const slipB = computeRecord(
      inputOf({ byRatio: { '1': 600 }, weeklyHoliday: 0, paidLeave: 0, holiday: 0, officialLeave: 0, training: 0 }),
    ).slip!;
    const table = listTable([
      {
        payrollId: 'A',
        month: '2026-10',
        assistantName: '김민준',
        birthDate: '1988-04-12',
        hireDate: '2025-01-02',
        status: 'computed',
        issue: 'changed',
        minutes: minutesOf(claimLine),
        slip: slipA,
      },
      {
        payrollId: 'B',
        month: '2026-10',
        assistantName: '이서연',
        status: 'computed',
        minutes: slipB.minutes,
        slip: slipB,
      },
      {
        payrollId: 'C',
        month: '2026-10',
        assistantName: '박지호',
        status: 'problem',
        minutes: slipB.minutes,
      },
    ]);
    const headers = table.columns.map((c) => c.header);
    expect(headers.slice(0, 4)).toEqual(['급여연월', '근로지원인명', '생년월일', '입사일']);
    expect(headers.slice(-2)).toEqual(['실지급액', '명세서']);
    expect(headers).toContain('주휴·휴가수당');
    expect(table.rows[0]!['time.service']).toBe(80);
    expect(table.rows[2]!.netPay).toBeNull();
    expect(table.rows.map((r) => r.issue)).toEqual(['발급 후 바뀜 (다시 발급 필요)', '미발급', '미발급']);
    expect(table.totals.netPay).toBe(slipA.netPay + slipB.netPay);
    expect(table.totals.grossPay).toBe(slipA.grossPay + slipB.grossPay);
  });

  it('totals every won column exactly, whatever the rows (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 8 }), (services) => {
        const records = services.map((service, i) => {
          const minutes = {
            byRatio: { '1': service },
            weeklyHoliday: 0,
            paidLeave: 0,
            holiday: 0,
            officialLeave: 0,
            training: 0,
          };
          return {
            payrollId: String(i),
            month: '2026-10',
            assistantName: `사람${i}`,
            status: 'computed' as const,
            minutes,
            // without the pension floor, so that a few minutes' pay is still a computed slip
            slip: computeRecord({ ...inputOf(minutes), rates: { ...EMPLOYEE_INSURANCE_2026, pensionBaseFloor: null } })
              .slip!,
          };
        });
        const table = listTable(records);
        const net = records.reduce((sum, r) => sum + r.slip.netPay, 0);
        expect(table.totals.netPay).toBe(net);
        expect(table.totals.grossPay! - table.totals.totalDeductions!).toBe(net);
      }),
    );
  });
});
