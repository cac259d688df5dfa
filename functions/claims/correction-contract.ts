import { z } from 'zod';
import { fileContentResponse } from '#commons/http/file-response';
import { idField, yearField } from '#kernel/fields';
import { MONTH_SOURCE } from '#kernel/korea-time';

// The contract of 요율 정정 차액 (issue 15 §6): the decided claims a corrected rate table touches, their
// differences per claim, assistant and agency, carrying one into the next settlement, and the Excel.

/** The columns of the difference list (screen and Excel), in order, with seed 000's money names. */
export const CORRECTION_AMOUNTS = [
  { key: 'pay', header: '급여' },
  { key: 'copay', header: '본인부담금' },
  { key: 'net', header: '지급액' },
  { key: 'socialInsurance', header: '사회보험료' },
  { key: 'operatingCost', header: '사업운영비' },
  { key: 'severance', header: '퇴직적립금' },
  { key: 'total', header: '합계' },
] as const;

export const correctionListQuery = z.object({
  year: yearField('요율표 연도'),
  agencyId: idField('수행기관', 40).optional(),
  branchId: idField('관할지사', 40).optional(),
});

export type CorrectionListQuery = z.input<typeof correctionListQuery>;

export const correctionParams = z.object({
  claimId: idField('사업비 신청', 60, new RegExp(`^[A-Za-z0-9-]+_${MONTH_SOURCE}$`)),
});

export const carryBody = z.object({
  /** the corrected version the branch saw: a newer correction in between asks it to look again */
  correctedVersion: z
    .number({ error: '정정된 요율표 버전이 없습니다. 목록을 새로 고쳐 주세요.' })
    .int()
    .min(2, { error: '정정된 요율표 버전이 없습니다. 목록을 새로 고쳐 주세요.' })
    .max(999_999),
});

const amounts = z.object({
  pay: z.number(),
  copay: z.number(),
  net: z.number(),
  socialInsurance: z.number(),
  operatingCost: z.number(),
  severance: z.number(),
  total: z.number(),
});

export type CorrectionAmounts = z.output<typeof amounts>;

const correctionLine = z.object({
  id: z.string(),
  name: z.string(),
  before: amounts,
  after: amounts,
  difference: amounts,
});

export const claimCorrection = z.object({
  claimId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  branchId: z.string(),
  month: z.string(),
  rateYear: z.number(),
  usedVersion: z.number(),
  correctedVersion: z.number(),
  before: amounts,
  after: amounts,
  difference: amounts,
  assistants: z.array(correctionLine),
  /** carried into a settlement by the branch: when, by whom, and the settlement that took it */
  carried: z
    .object({
      correctedVersion: z.number(),
      difference: z.number(),
      carriedAt: z.string(),
      carriedBy: z.string(),
      settlementId: z.string().optional(),
    })
    .optional(),
});

export type ClaimCorrectionView = z.output<typeof claimCorrection>;

export const correctionListResponse = z.object({
  year: z.number(),
  /** the year's latest rate-table version: the corrected rates */
  correctedVersion: z.number(),
  corrections: z.array(claimCorrection),
  agencies: z.array(
    z.object({
      agencyId: z.string(),
      agencyName: z.string(),
      branchId: z.string(),
      claims: z.number(),
      difference: amounts,
    }),
  ),
});

export type CorrectionList = z.output<typeof correctionListResponse>;

export const correctionExportResponse = fileContentResponse;
