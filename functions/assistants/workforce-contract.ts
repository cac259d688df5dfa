import { z } from 'zod';
import { dayField, idField, textField } from '#kernel/fields';
import { ASSISTANT_STATUSES } from './rules.ts';

// The workforce sub-domain's contract (근로지원인 인력조회): what its routes take and answer. The web
// infers its row type from here.

const day = dayField('날짜');

export const workforceQuery = z
  .object({
    branchId: idField('지사', 40).optional(),
    agencyId: idField('수행기관', 40).optional(),
    status: z.enum(ASSISTANT_STATUSES, { error: '현재활동여부를 목록에서 골라 주세요.' }).optional(),
    name: textField('이름', { max: 40, messages: { max: '이름은 40자 이하로 입력해 주세요.' } }).optional(),
    hiredFrom: day.optional(),
    hiredTo: day.optional(),
    completedFrom: day.optional(),
    completedTo: day.optional(),
  })
  .refine((q) => !q.hiredFrom || !q.hiredTo || q.hiredFrom <= q.hiredTo, {
    error: '입사일 검색 기간의 시작일이 종료일보다 늦습니다.',
    path: ['hiredFrom'],
  })
  .refine((q) => !q.completedFrom || !q.completedTo || q.completedFrom <= q.completedTo, {
    error: '교육수료일자 검색 기간의 시작일이 종료일보다 늦습니다.',
    path: ['completedFrom'],
  });

export const WORKFORCE_LABELS = {
  branchId: '지사',
  agencyId: '수행기관',
  status: '현재활동여부',
  name: '이름',
  hiredFrom: '입사일(부터)',
  hiredTo: '입사일(까지)',
  completedFrom: '교육수료일자(부터)',
  completedTo: '교육수료일자(까지)',
};

/** One row of the workforce list: personal data masked. */
export const workforceRow = z.object({
  assistantId: z.string(),
  name: z.string(),
  birthDate: z.string(),
  gender: z.string(),
  disability: z.string(),
  disabilityType: z.string(),
  phone: z.string(),
  email: z.string(),
  address: z.string(),
  agencyName: z.string(),
  /** 활동경력: months of past careers plus months since hire (up to the leave date) */
  careerMonths: z.number(),
  hireDate: z.string(),
  leaveDate: z.string(),
  status: z.enum(ASSISTANT_STATUSES),
  statusLabel: z.string(),
  rrnMasked: z.string(),
  /** 근무희망수행기관 the person named when applying for training (with consent), joined */
  wishedAgencies: z.string(),
  /** 교육수료일자: the latest completed course's last day, or '' */
  trainingCompletedOn: z.string(),
});
export type WorkforceRow = z.output<typeof workforceRow>;

export const workforceList = z.object({ items: z.array(workforceRow), count: z.number() });

/**
 * The Excel file inside JSON (base64): the API's responses are JSON end to end (API Gateway, local
 * API), so this is a JSON answer, not a fileResponse.
 */
export const workforceExport = z.object({
  fileName: z.string(),
  contentType: z.string(),
  count: z.number(),
  base64: z.string(),
});
