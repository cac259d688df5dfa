// Payroll (SPEC D2, issue 9 §3): hand-worked examples in exact won, and the Korean validation messages.

import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '#commons/errors';
import {
  checkPayrollInput,
  computePayroll,
  type DeductionItem,
  defaultDeductionItems,
  defaultPayItems,
  EMPLOYEE_INSURANCE_2026,
  formatWon,
  type PayItem,
  type PayrollInput,
  type PayrollMinutes,
  pensionBaseOf,
} from '#functions/payroll/rules';

const noMinutes = (): PayrollMinutes => ({
  byRatio: { '1': 0, '2': 0, '3': 0 },
  weeklyHoliday: 0,
  paidLeave: 0,
  holiday: 0,
  officialLeave: 0,
  training: 0,
});

const payroll = (overrides: Partial<PayrollInput> = {}): PayrollInput => ({
  month: '2026-03',
  hourlyWage: 10320,
  minutes: noMinutes(),
  payItems: defaultPayItems(),
  deductionItems: defaultDeductionItems(),
  rates: EMPLOYEE_INSURANCE_2026,
  ...overrides,
});

const amounts = (lines: { name: string; amount: number }[]) => Object.fromEntries(lines.map((l) => [l.name, l.amount]));

function problemsOf(action: () => unknown): { field: string; message: string }[] {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailed);
    return (error as ValidationFailed).fields.map(({ field, message }) => ({ field, message }));
  }
  throw new Error('expected ValidationFailed');
}

describe('computePayroll: a full month at the 2026 minimum wage', () => {
  // 160 h of service (120 h alone, 30 h 1:2, 10 h 1:3), 32 h weekly holiday, 8 h paid leave,
  // 8 h public holiday, 4 h training; 식대 200,000 (비과세, outside the insurance base), 교통비 50,000.
  const input = payroll({
    minutes: {
      ...noMinutes(),
      byRatio: { '1': 7200, '2': 1800, '3': 600 },
      weeklyHoliday: 1920,
      paidLeave: 480,
      holiday: 480,
      training: 240,
    },
    payItems: [
      ...defaultPayItems(),
      { name: '식대', kind: 'fixed', amount: 200_000, insurable: false },
      { name: '교통비', kind: 'fixed', amount: 50_000 },
    ],
    deductionItems: defaultDeductionItems(35_680),
  });
  const slip = computePayroll(input);

  it('pays each kind of time at the hourly wage', () => {
    expect(amounts(slip.payLines)).toEqual({
      '기본급(서비스)': 1_651_200, // 160 h × 10,320
      주휴수당: 330_240, // 32 h
      유급휴가수당: 82_560,
      유급휴일수당: 82_560,
      공가수당: 0,
      교육수당: 41_280,
      식대: 200_000,
      교통비: 50_000,
    });
    expect(slip.payLines[0]).toMatchObject({ kind: 'time', sources: ['service'], minutes: 9600, adjustment: null });
    expect(slip.grossPay).toBe(2_437_840);
    expect(slip.insuranceBase).toBe(2_237_840);
  });

  it('deducts the employee’s insurance truncated to 10 won, and local income tax at 10% of income tax', () => {
    expect(amounts(slip.deductionLines)).toEqual({
      국민연금: 106_250, // 2,237,000 (1,000 won truncated) × 4.75% = 106,257.5
      건강보험: 80_450, // 2,237,840 × 3.595% = 80,450.348
      장기요양보험: 10_570, // 80,450 × 13.14% = 10,571.13
      고용보험: 20_140, // 2,237,840 × 0.9% = 20,140.56
      소득세: 35_680, // entered by the agency (간이세액표)
      지방소득세: 3_560, // 3,568 → 3,560
    });
    expect(slip.deductionLines[0]).toMatchObject({ base: 2_237_000, rate: 0.0475, computed: 106_250 });
    expect(slip.deductionLines[2]).toMatchObject({ base: 80_450, rate: 0.1314 });
    expect(slip.totalDeductions).toBe(256_650);
    expect(slip.netPay).toBe(2_437_840 - 256_650);
  });

  it('echoes the month’s minutes for the slip', () => {
    expect(slip.minutes).toMatchObject({
      service: 9600,
      weeklyHoliday: 1920,
      byRatio: { '1': 7200, '2': 1800, '3': 600 },
    });
  });
});

describe('computePayroll: arithmetic rules', () => {
  it('truncates time pay once in total and hands the lost won back by largest remainder, ties to the earlier item', () => {
    // 100 minutes each at 10,030 won/h: 16,716.67 won three times, exactly 50,150 in total
    const slip = computePayroll(
      payroll({
        hourlyWage: 10030,
        minutes: { ...noMinutes(), byRatio: { '1': 100 }, weeklyHoliday: 100, paidLeave: 100 },
      }),
    );
    expect(slip.payLines.slice(0, 3).map((l) => l.amount)).toEqual([16_717, 16_717, 16_716]);
    expect(slip.grossPay).toBe(50_150);
  });

  it('applies the per-ratio premium to service minutes (1:2 at 1.2)', () => {
    const slip = computePayroll(
      payroll({ premiumByRatio: { '1': 1, '2': 1.2 }, minutes: { ...noMinutes(), byRatio: { '1': 60, '2': 60 } } }),
    );
    expect(slip.payLines[0]!.amount).toBe(10_320 + 12_384);
  });

  it('keeps exact decimals: a wage of 10,320.5 for 7 minutes is 1,204.05833… → 1,204 won', () => {
    // without the pension floor: 40만 원's pension would exceed a seven-minute pay
    const rates = { ...EMPLOYEE_INSURANCE_2026, pensionBaseFloor: null };
    const slip = computePayroll(
      payroll({ hourlyWage: 10320.5, rates, minutes: { ...noMinutes(), byRatio: { '1': 7 } } }),
    );
    expect(slip.grossPay).toBe(1204);
  });

  it('holds the national pension base within the rate table’s floor and ceiling', () => {
    const limits = { pensionBaseFloor: 400_000, pensionBaseCeiling: 6_370_000 };
    expect(pensionBaseOf(300_000n, limits)).toBe(400_000n);
    expect(pensionBaseOf(7_000_000n, limits)).toBe(6_370_000n);
    expect(pensionBaseOf(1_234_567n, {})).toBe(1_234_000n);
    expect(pensionBaseOf(0n, limits)).toBe(0n);
    const low = computePayroll(
      payroll({
        payItems: [{ name: '기본급', kind: 'fixed', amount: 300_000 }],
        rates: { ...EMPLOYEE_INSURANCE_2026, ...limits },
      }),
    );
    expect(low.deductionLines[0]).toMatchObject({ base: 400_000, amount: 19_000 });
    const high = computePayroll(
      payroll({
        payItems: [{ name: '기본급', kind: 'fixed', amount: 7_000_000 }],
        rates: { ...EMPLOYEE_INSURANCE_2026, ...limits },
      }),
    );
    expect(high.deductionLines[0]).toMatchObject({ base: 6_370_000, amount: 302_570 }); // 302,575 → 302,570
  });

  it('applies adjustments with their reasons; insurance follows adjusted pay, long-term care the computed health', () => {
    const items = defaultPayItems();
    items[1] = { ...items[1]!, adjustment: { amount: 10_000, reason: ' 전월 주휴 미지급분 ' } };
    const deductions = defaultDeductionItems();
    deductions[1] = { ...deductions[1]!, adjustment: { amount: -1_230, reason: '건강보험 정산 환급' } };
    const slip = computePayroll(
      payroll({
        minutes: { ...noMinutes(), byRatio: { '1': 6000 }, weeklyHoliday: 960 },
        payItems: items,
        deductionItems: deductions,
      }),
    );
    // 100 h + 16 h at 10,320 = 1,197,120, plus 10,000
    expect(slip.payLines[1]).toMatchObject({
      computed: 165_120,
      amount: 175_120,
      adjustment: { amount: 10_000, reason: '전월 주휴 미지급분' },
    });
    expect(slip.insuranceBase).toBe(1_207_120);
    // health 1,207,120 × 3.595% = 43,395.964 → 43,390, less 1,230
    expect(slip.deductionLines[1]).toMatchObject({ computed: 43_390, amount: 42_160 });
    // long-term care on 43,390: 5,701.446 → 5,700
    expect(slip.deductionLines[2]).toMatchObject({ base: 43_390, amount: 5_700 });
  });

  it('takes an entered local income tax as it is', () => {
    const deductions: DeductionItem[] = [{ name: '지방소득세', kind: 'localIncomeTax', amount: 1_234 }];
    const slip = computePayroll(
      payroll({ payItems: [{ name: '기본급', kind: 'fixed', amount: 10_000 }], deductionItems: deductions }),
    );
    expect(slip.deductionLines[0]!.amount).toBe(1_234);
    expect(slip.netPay).toBe(10_000 - 1_234);
  });

  it('pays a month with no time and no items as zero', () => {
    const slip = computePayroll(payroll());
    expect([slip.grossPay, slip.totalDeductions, slip.netPay]).toEqual([0, 0, 0]);
  });
});

describe('validation: Korean messages naming the field', () => {
  const many = (n: number): PayItem[] =>
    Array.from({ length: n }, (_, i) => ({ name: `수당${i + 1}`, kind: 'fixed', amount: 1000 }) as PayItem);

  it('refuses more than 10 pay items or 10 deduction items', () => {
    const problems = checkPayrollInput(
      payroll({
        payItems: many(12),
        deductionItems: Array.from({ length: 11 }, (_, i) => ({ name: `공제${i + 1}`, kind: 'other', amount: 10 })),
      }),
    );
    expect(problems).toContainEqual({
      field: 'payItems',
      label: '지급항목',
      message: '지급항목은 10개까지 넣을 수 있습니다. 지금 12개이니 2개를 지우거나 합쳐 주세요.',
    });
    expect(problems).toContainEqual({
      field: 'deductionItems',
      label: '공제항목',
      message: '공제항목은 10개까지 넣을 수 있습니다. 지금 11개이니 1개를 지우거나 합쳐 주세요.',
    });
    expect(checkPayrollInput(payroll({ payItems: many(10) }))).toEqual([]);
  });

  it('refuses negative or fractional amounts and an adjustment without a reason', () => {
    const problems = problemsOf(() =>
      computePayroll(
        payroll({
          payItems: [
            { name: '식대', kind: 'fixed', amount: -1000 },
            { name: '교통비', kind: 'fixed', amount: 10.5 },
            { name: '기본급', kind: 'time', sources: ['service'], adjustment: { amount: 5000, reason: '  ' } },
          ],
          deductionItems: [{ name: '노조비', kind: 'other', amount: -1 }],
        }),
      ),
    );
    expect(problems).toEqual([
      { field: 'payItems.0.amount', message: '지급항목 1(식대)의 금액은 0원 이상의 원 단위 정수로 넣어 주세요.' },
      { field: 'payItems.1.amount', message: '지급항목 2(교통비)의 금액은 0원 이상의 원 단위 정수로 넣어 주세요.' },
      {
        field: 'payItems.2.adjustment.reason',
        message: '지급항목 3(기본급)을(를) 조정하려면 조정 사유를 적어 주세요.',
      },
      {
        field: 'deductionItems.0.amount',
        message: '공제항목 1(노조비)의 금액은 0원 이상의 원 단위 정수로 넣어 주세요.',
      },
    ]);
  });

  it('refuses paid time that no item pays, and time paid twice', () => {
    const problems = checkPayrollInput(
      payroll({
        minutes: { ...noMinutes(), byRatio: { '1': 600 }, weeklyHoliday: 480 },
        payItems: [
          { name: '기본급', kind: 'time', sources: ['service'] },
          { name: '추가', kind: 'time', sources: ['service', 'training', 'training'] },
          { name: '기타', kind: 'time', sources: [] },
        ],
      }),
    ).map((p) => `${p.field}: ${p.message}`);
    expect(problems).toEqual([
      'payItems.1.sources.0: 서비스 시간이 지급항목 1(기본급)에도 들어 있어 두 번 지급됩니다. 한 항목에만 넣어 주세요.',
      'payItems.1.sources.2: 지급항목 2(추가)에 교육 시간이 두 번 들어 있습니다. 한 번만 넣어 주세요.',
      'payItems.2.sources: 지급항목 3(기타)에 지급할 시간 종류(서비스, 주휴, 유급휴가, 유급휴일, 공가, 교육)를 하나 이상 골라 주세요.',
      'payItems: 주휴 시간(480분)을 지급할 항목이 없습니다. 시간 지급항목의 시간 종류에 주휴을(를) 넣어 주세요.',
    ]);
  });

  it('refuses blank, long and repeated item names, and one insurance deducted twice', () => {
    const problems = checkPayrollInput(
      payroll({
        payItems: [
          { name: ' ', kind: 'fixed', amount: 0 },
          { name: '가'.repeat(21), kind: 'fixed', amount: 0 },
          { name: '상여', kind: 'fixed', amount: 0 },
          { name: '상여 ', kind: 'fixed', amount: 0 },
        ],
        deductionItems: [
          { name: '국민연금', kind: 'pension' },
          { name: '연금 추가', kind: 'pension' },
          { name: '기부', kind: 'donation' as 'other', amount: 0 },
        ],
      }),
    ).map((p) => `${p.field}: ${p.message}`);
    expect(problems).toEqual([
      'payItems.0.name: 지급항목 1의 이름을 적어 주세요.',
      'payItems.1.name: 지급항목 2(가가가가가가가가가가가가가가가가가가가가가)의 이름은 20자까지 쓸 수 있습니다. 줄여 주세요.',
      'payItems.3.name: 이름 "상여"이(가) 지급항목 3에도 있습니다. 서로 다른 이름을 써 주세요.',
      'deductionItems.1.kind: 국민연금 공제가 공제항목 1(국민연금)에도 있습니다. 하나만 남겨 주세요.',
      'deductionItems.2.kind: 공제항목 3(기부)의 종류를 국민연금, 건강보험, 장기요양보험, 고용보험, 소득세, 지방소득세, 기타 공제 중에서 골라 주세요.',
    ]);
  });

  it('refuses a local income tax to compute without an income tax item', () => {
    const problems = checkPayrollInput(payroll({ deductionItems: [{ name: '지방소득세', kind: 'localIncomeTax' }] }));
    expect(problems).toEqual([
      {
        field: 'deductionItems.0.amount',
        label: '공제항목 1(지방소득세) 금액',
        message:
          '지방소득세를 소득세의 10%로 계산하려면 소득세 공제항목이 필요합니다. 소득세 항목을 넣거나 지방소득세 금액을 직접 적어 주세요.',
      },
    ]);
  });

  it('refuses a bad month, a wage below the minimum, bad minutes and bad rates', () => {
    const problems = checkPayrollInput(
      payroll({
        month: '2026-13',
        hourlyWage: 9860,
        minimumWage: 10320,
        premiumByRatio: { '1': 1 },
        minutes: { ...noMinutes(), byRatio: { '1': 60, '2': 30, x: 5 }, paidLeave: -1 },
        rates: { ...EMPLOYEE_INSURANCE_2026, health: 3.595, pensionBaseFloor: 500_000, pensionBaseCeiling: 400_000 },
      }),
    ).map((p) => `${p.field}: ${p.message}`);
    expect(problems).toEqual([
      'month: 급여연월을 YYYY-MM 형식으로 넣어 주세요. 예: 2026-03',
      'hourlyWage: 시급 9,860원이 최저임금 10,320원보다 낮습니다. 최저임금 이상으로 고쳐 주세요 (최저임금법 제6조).',
      'premiumByRatio.2: 1:2 서비스 시간이 있는데 1:2 가산율이 없습니다. 요율표에 가산율을 넣어 주세요 (가산이 없으면 1).',
      'minutes.byRatio.x: 서비스 시간의 비율 "x"은(는) 1, 2, 3 같은 숫자여야 합니다.',
      'minutes.paidLeave: 유급휴가 시간은 0 이상의 정수(분)로 넣어 주세요.',
      'rates.health: 건강보험 근로자 부담률은 0 이상 1 미만의 소수로, 소수점 아래 6자리까지 넣어 주세요. 예: 0.03595',
      'rates.pensionBaseCeiling: 국민연금 기준소득월액 상한(400,000원)이 하한(500,000원)보다 작습니다. 두 값을 확인해 주세요.',
    ]);
  });

  it('refuses an adjustment that makes a line negative, and deductions above pay', () => {
    expect(
      problemsOf(() =>
        computePayroll(
          payroll({
            payItems: [
              { name: '식대', kind: 'fixed', amount: 1000, adjustment: { amount: -1500, reason: '과지급 회수' } },
            ],
            deductionItems: [],
          }),
        ),
      ),
    ).toEqual([
      {
        field: 'payItems.0.adjustment.amount',
        message: '지급항목 1(식대)의 조정 후 금액이 -500원입니다. 0원 이상이 되도록 조정 금액을 고쳐 주세요.',
      },
    ]);
    expect(
      problemsOf(() =>
        computePayroll(
          payroll({
            payItems: [{ name: '식대', kind: 'fixed', amount: 1000 }],
            deductionItems: [{ name: '가불금', kind: 'other', amount: 2500 }],
          }),
        ),
      ),
    ).toEqual([
      {
        field: 'deductionItems',
        message: '공제 합계(2,500원)가 지급 합계(1,000원)보다 많습니다. 공제항목 금액이나 조정을 확인해 주세요.',
      },
    ]);
  });

  it('formats won with thousands separators', () => {
    expect([formatWon(0), formatWon(1000), formatWon(-1234567), formatWon(12n)]).toEqual([
      '0',
      '1,000',
      '-1,234,567',
      '12',
    ]);
  });
});
