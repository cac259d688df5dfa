import { z } from 'zod';
import { BRANCHES } from '#commons/branches';
import { SIDO_CODES } from '#commons/regions';
import { formatBusinessNumber } from '#kernel/business-number';
import { dayField, idField, textField, timeOfDayField } from '#kernel/fields';
import { DISABILITY_TYPE_CODES, EMPLOYMENT_TYPES, SEVERITY_CODES, SUPPORT_TYPE_CODES } from './codes.ts';
import { APPLICATION_STATUSES, businessNumberProblem } from './rules.ts';

// The applications capability's contract: what its routes take and answer. The web infers its types
// from here (never from the entity item).

const text = (name: string, max: number, multiline = false) => textField(name, { min: 1, max, multiline });

const day = dayField;

const timeOfDay = (name: string) => timeOfDayField(name);

export const applicationBody = z.object({
  branchId: z.enum(BRANCHES.map((b) => b.branchId) as [string, ...string[]], {
    error: '신청을 받을 지사를 골라 주세요.',
  }),
  workplace: z.object({
    companyName: text('사업체명', 100),
    businessNumber: z
      .string({ error: '사업자등록번호를 입력해 주세요.' })
      .max(20, { error: '사업자등록번호는 숫자 10자리로 입력해 주세요. (예: 123-45-67890)' })
      .regex(/^[\d -]*$/, { error: '사업자등록번호는 숫자 10자리로 입력해 주세요. (예: 123-45-67890)' })
      .superRefine((value, ctx) => {
        const problem = businessNumberProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .transform(formatBusinessNumber),
    employerName: text('대표자(사업주) 이름', 40),
    address: text('사업장 주소', 200),
    sidoCode: z.enum(SIDO_CODES, { error: '사업장이 있는 시/도를 골라 주세요.' }),
    phone: z
      .string({ error: '사업장 전화번호를 입력해 주세요.' })
      .trim()
      .max(13, { error: '사업장 전화번호는 02-1234-5678처럼 입력해 주세요.' })
      .regex(/^0\d{1,2}-?\d{3,4}-?\d{4}$/, { error: '사업장 전화번호는 02-1234-5678처럼 입력해 주세요.' }),
  }),
  job: z.object({
    title: text('직무', 60),
    duties: text('담당 업무', 500, true),
    employmentType: z.enum(EMPLOYMENT_TYPES.map((t) => t.code) as [string, ...string[]], {
      error: '고용 형태를 골라 주세요.',
    }),
    workStart: timeOfDay('근무 시작 시각'),
    workEnd: timeOfDay('근무 종료 시각'),
  }),
  disability: z.object({
    type: z.enum(DISABILITY_TYPE_CODES, { error: '장애 유형을 골라 주세요.' }),
    severity: z.enum(SEVERITY_CODES, { error: '장애 정도를 골라 주세요.' }),
  }),
  support: z.object({
    types: z
      .array(z.enum(SUPPORT_TYPE_CODES, { error: '지원 유형을 목록에서 골라 주세요.' }), {
        error: '필요한 지원 유형을 하나 이상 골라 주세요.',
      })
      .min(1, { error: '필요한 지원 유형을 하나 이상 골라 주세요.' })
      .max(SUPPORT_TYPE_CODES.length, { error: '지원 유형은 목록에 있는 것만 한 번씩 골라 주세요.' }),
    details: text('필요한 지원 내용', 1000, true),
  }),
  requested: z.object({
    hoursPerDay: z.number({ error: '하루 신청 시간을 숫자로 입력해 주세요.' }),
    daysPerWeek: z.number({ error: '주 지원 일수를 골라 주세요.' }),
    startDate: day('지원 희망 시작일'),
    endDate: day('지원 희망 종료일'),
  }),
  signature: z.object({
    name: textField('서명(이름)', { max: 40, messages: { required: '서명란에 본인 이름을 입력해 주세요.' } }),
    consent: z.literal(true, { error: '신청 내용이 사실이며 전자서명에 동의한다는 확인란을 선택해 주세요.' }),
  }),
});

export const APPLICATION_LABELS: Record<string, string> = {
  branchId: '신청 지사',
  'workplace.companyName': '사업체명',
  'workplace.businessNumber': '사업자등록번호',
  'workplace.employerName': '대표자(사업주) 이름',
  'workplace.address': '사업장 주소',
  'workplace.sidoCode': '사업장 시/도',
  'workplace.phone': '사업장 전화번호',
  'job.title': '직무',
  'job.duties': '담당 업무',
  'job.employmentType': '고용 형태',
  'job.workStart': '근무 시작 시각',
  'job.workEnd': '근무 종료 시각',
  'disability.type': '장애 유형',
  'disability.severity': '장애 정도',
  'support.types': '지원 유형',
  'support.details': '필요한 지원 내용',
  'requested.hoursPerDay': '하루 신청 시간',
  'requested.daysPerWeek': '주 지원 일수',
  'requested.startDate': '지원 희망 시작일',
  'requested.endDate': '지원 희망 종료일',
  'signature.name': '서명(이름)',
  'signature.consent': '전자서명 동의',
};

export const applicationParams = z.object({
  applicationId: idField('신청 번호', 43, /^SA-[0-9A-Z-]{6,40}$/),
});

export const branchApplicationsQuery = z.object({
  branchId: idField('지사', 40).optional(),
  status: z.enum(APPLICATION_STATUSES, { error: '처리 상태를 목록에서 골라 주세요.' }).optional(),
});

export const evaluationBody = z.object({
  hoursPerDay: z.number({ error: '하루 결정 시간을 숫자로 입력해 주세요.' }),
  daysPerWeek: z.number({ error: '주 지원 일수를 골라 주세요.' }),
  monthlyHours: z.number({ error: '월 결정 시간을 숫자로 입력해 주세요.' }),
  startDate: day('지원 시작일'),
  endDate: day('지원 종료일'),
  supportType: z.enum(SUPPORT_TYPE_CODES, { error: '지원 유형을 골라 주세요.' }),
  note: textField('평가 의견', {
    max: 500,
    multiline: true,
    messages: { max: '평가 의견은 500자 이하로 입력해 주세요.' },
  }).optional(),
});

export const rejectionBody = z.object({
  reason: textField('반려 사유', {
    min: 5,
    max: 500,
    multiline: true,
    messages: {
      required: '반려 사유를 입력해 주세요.',
      min: '신청인이 무엇을 고쳐야 하는지 알 수 있도록 반려 사유를 5자 이상 적어 주세요.',
      max: '반려 사유는 500자 이하로 입력해 주세요.',
    },
  }),
});

export const matchingRequestBody = z.object({
  agencyId: idField('매칭을 의뢰할 수행기관', 40),
});

export const matchingRequestsQuery = z.object({ agencyId: idField('수행기관', 40).optional() });

const status = z.enum(APPLICATION_STATUSES);

/** Everything the branch, the agency and the applicant see of an application. */
export const applicationResponse = z.object({
  applicationId: z.string(),
  applicantId: z.string(),
  applicantName: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  status,
  submittedAt: z.string(),
  workplace: z.object({
    companyName: z.string(),
    businessNumber: z.string(),
    employerName: z.string(),
    address: z.string(),
    sidoCode: z.string(),
    phone: z.string(),
  }),
  job: z.object({
    title: z.string(),
    duties: z.string(),
    employmentType: z.string(),
    workStart: z.string(),
    workEnd: z.string(),
  }),
  disability: z.object({ type: z.string(), severity: z.string() }),
  support: z.object({ types: z.array(z.string()), details: z.string() }),
  requested: z.object({
    hoursPerDay: z.number(),
    daysPerWeek: z.number(),
    startDate: z.string(),
    endDate: z.string(),
  }),
  signature: z.object({ name: z.string(), consentedAt: z.string(), contentHash: z.string(), method: z.string() }),
  evaluation: z
    .object({
      hoursPerDay: z.number(),
      daysPerWeek: z.number(),
      monthlyHours: z.number(),
      startDate: z.string(),
      endDate: z.string(),
      supportType: z.string(),
      note: z.string().optional(),
      decidedBy: z.string(),
      decidedAt: z.string(),
    })
    .optional(),
  copayExemption: z
    .object({
      basis: z.string(),
      basisLabel: z.string(),
      fromMonth: z.string(),
      toMonth: z.string(),
      note: z.string().optional(),
      recordedBy: z.string(),
      recordedAt: z.string(),
    })
    .optional(),
  requestedAgencyId: z.string().optional(),
  requestedAgencyName: z.string().optional(),
  matchingRequestedAt: z.string().optional(),
  rejectionReason: z.string().optional(),
  history: z.array(z.object({ status, at: z.string(), by: z.string(), note: z.string().optional() })),
  revision: z.number(),
});
export type ApplicationView = z.output<typeof applicationResponse>;

export const applicationList = z.object({ items: z.array(applicationResponse), count: z.number() });
