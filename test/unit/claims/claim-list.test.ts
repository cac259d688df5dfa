import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { claimListQuery, claimsExportBody } from '#functions/claims/claim-contract';
import { claimsWorkbook, type ExportClaim } from '#functions/claims/claim-export';
import { CLAIM_LIST_AMOUNTS, claimDates, paidMinutes, sortForList } from '#functions/claims/claim-rules';

// 사업비 신청 목록 (seed 000, SPEC C5): the dates and hours of a row, its order, its filters, and the
// workbook of several claims.

const minutes = (service: number) => ({
  service,
  byRatio: { '1': service },
  overConcurrency: 0,
  weeklyHoliday: 120,
  paidLeave: 60,
  holiday: 0,
  officialLeave: 30,
  training: 0,
  unpaidLeave: 45,
  absence: 15,
});

const amounts = {
  pay: 100_000,
  copay: 3_000,
  net: 97_000,
  socialInsurance: 9_000,
  operatingCost: 10_000,
  severance: 8_000,
  total: 124_000,
};

const claim = (agencyName: string, month: string, fields: Partial<ExportClaim> = {}): ExportClaim => ({
  agencyName,
  month,
  status: 'approved',
  submittedAt: `${month}-28T01:00:00.000Z`,
  decidedAt: '2026-03-02T16:30:00.000Z',
  paidMinutes: 600,
  totals: amounts,
  assistants: [{ id: 'AS-1', name: '김지원', result: { minutes: minutes(480), amounts } }],
  workers: [],
  ...fields,
});

describe('a row of the claim list', () => {
  it('총근로시간 counts service, 주휴 and the paid kinds of leave, never unpaid leave or absence', () => {
    expect(paidMinutes(minutes(480))).toBe(480 + 120 + 60 + 30);
  });

  it('신청일자 is the last submit and 결정일자 the decision on it; a decision before a resubmit is not shown', () => {
    expect(claimDates([])).toEqual({});
    expect(
      claimDates([
        { at: '2026-03-01T00:00:00Z', action: 'submit' },
        { at: '2026-03-02T00:00:00Z', action: 'return' },
        { at: '2026-03-03T00:00:00Z', action: 'submit' },
      ]),
    ).toEqual({ submittedAt: '2026-03-03T00:00:00Z' });
    expect(
      claimDates([
        { at: '2026-03-01T00:00:00Z', action: 'submit' },
        { at: '2026-03-04T00:00:00Z', action: 'approve' },
      ]),
    ).toEqual({ submittedAt: '2026-03-01T00:00:00Z', decidedAt: '2026-03-04T00:00:00Z' });
  });

  it('lists the latest month first, then agencies in Korean order', () => {
    const sorted = sortForList([claim('늘봄', '2026-01'), claim('한빛', '2026-02'), claim('다온', '2026-02')]);
    expect(sorted.map((c) => `${c.month} ${c.agencyName}`)).toEqual(['2026-02 다온', '2026-02 한빛', '2026-01 늘봄']);
  });

  it('names the seed’s figure columns A to G in order', () => {
    expect(CLAIM_LIST_AMOUNTS.map((c) => c.header)).toEqual([
      '급여 (A)',
      '본인부담금 (B)',
      '지급액 (C)',
      '사회보험료 (D)',
      '사업운영비 (E)',
      '퇴직적립금 (F)',
      '합계 (G)',
    ]);
  });
});

describe('the list’s filters and the export of several', () => {
  it('takes 관할지사, 수행기관 and 수행년도/월, and refuses a month of another year with a Korean message', () => {
    expect(claimListQuery.safeParse({}).success).toBe(true);
    expect(claimListQuery.parse({ branchId: 'BR-SEOUL', year: '2026', month: '2026-02' })).toEqual({
      branchId: 'BR-SEOUL',
      year: 2026,
      month: '2026-02',
    });
    const mismatch = claimListQuery.safeParse({ year: '2025', month: '2026-02' });
    expect(mismatch.success).toBe(false);
    expect(mismatch.error?.issues[0]?.message).toContain('수행년도');
    expect(claimListQuery.safeParse({ year: '26' }).error?.issues[0]?.message).toContain('수행년도');
  });

  it('downloads one to a hundred claims', () => {
    expect(claimsExportBody.safeParse({ claimIds: [] }).error?.issues[0]?.message).toContain('하나 이상');
    expect(claimsExportBody.safeParse({ claimIds: ['AG-HANBIT_2026-02'] }).success).toBe(true);
    expect(claimsExportBody.safeParse({ claimIds: ['../etc'] }).success).toBe(false);
  });

  it('writes the list with the seed’s columns and the activity lines of every claim', async () => {
    const file = await claimsWorkbook([
      claim('한빛', '2026-02'),
      claim('늘봄', '2026-01', {
        status: 'review',
        submittedAt: undefined,
        decidedAt: undefined,
        paidMinutes: undefined,
      }),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const list = workbook.getWorksheet('사업비 신청 목록')!;
    expect((list.getRow(1).values as unknown[]).slice(1)).toEqual([
      'No.',
      '신청일자',
      '수행년월',
      '수행기관',
      '진행상태',
      '결정일자',
      '총근로시간',
      ...CLAIM_LIST_AMOUNTS.map((c) => c.header),
    ]);
    // 신청일자 and 결정일자 are Korea days: 16:30 UTC on 2 March is 3 March in Korea
    expect((list.getRow(2).values as unknown[]).slice(1)).toEqual([
      1,
      '2026-02-28',
      '2026-02',
      '한빛',
      '승인',
      '2026-03-03',
      10,
      100_000,
      3_000,
      97_000,
      9_000,
      10_000,
      8_000,
      124_000,
    ]);
    expect((list.getRow(3).values as unknown[]).slice(1, 7)).toEqual([2, '', '2026-01', '늘봄', '기관 검토 중', '']);
    const activity = workbook.getWorksheet('활동 내역(시간)')!;
    expect((activity.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['수행기관', '수행년월', '근로지원인']);
    expect(activity.rowCount).toBe(3);
    expect((activity.getRow(3).values as unknown[]).slice(1, 4)).toEqual(['늘봄', '2026-01', '김지원']);
  });
});
