import { z } from 'zod';
import { SIDO_CODES } from '#commons/regions';
import { SUPPORT_TYPE_CODES } from '#functions/applications/codes';
import { idField, textField, timeOfDayField } from '#kernel/fields';
import { ACTIVITY_APPLICATION_STATUSES, GENDERS, POSTING_STATUSES, SELF_DECLARATION_ANSWERS } from './codes.ts';
import { careerSchema, day, disabilitySchema, emailSchema, rrnSchema, text } from './registry-contract.ts';
import { QUALIFICATION_CODES } from './rules.ts';

// The posting sub-domain's contract (구인정보 and 활동 신청): what its routes take and answer. The web
// infers its activity-application type from here (never the cipher or keyed hash).

const timeOfDay = (name: string) => timeOfDayField(name);

export { POSTING_STATUSES };

export const postingParams = z.object({
  postingId: idField('구인정보 번호', 43, /^JP-[0-9A-Z-]{4,40}$/),
});
export const applicationParams = z.object({
  activityApplicationId: idField('활동 신청 번호', 43, /^AA-[0-9A-Z-]{4,40}$/),
});

export const POSTING_LABELS = {
  title: '제목',
  sidoCode: '근무 시/도',
  area: '근무지',
  supportType: '지원 유형',
  workStart: '근무 시작 시각',
  workEnd: '근무 종료 시각',
  weeklyHours: '주 근무시간',
  openings: '모집 인원',
  description: '업무 내용',
  closesOn: '마감일',
};

export const ACTIVITY_LABELS: Record<string, string> = {
  agencyId: '신청 수행기관',
  postingId: '구인정보',
  email: '이메일',
  address: '주소',
  rrn: '주민등록번호',
  'disability.has': '장애 유무',
  'disability.type': '장애 유형',
  'desired.start': '근무희망시간(시작)',
  'desired.end': '근무희망시간(끝)',
  'break.start': '휴게시간(시작)',
  'break.end': '휴게시간(끝)',
  'region.sidoCode': '근무희망지역(시/도)',
  'region.area': '근무희망지역(시/군/구)',
  supportType: '근무희망유형',
  qualification: '보유 자격',
  'selfDeclaration.answer': '자격제한 조건 확인',
  'selfDeclaration.confirmed': '자격제한 확인',
  careers: '근로지원인 활동 경력',
  'consents.privacy': '개인정보 수집·이용 동의',
  'consents.uniqueIdentifier': '고유식별정보(주민등록번호) 처리 동의',
};

export const activityBody = z.object({
  agencyId: idField('신청할 수행기관', 40),
  postingId: idField('구인정보 번호', 43, /^JP-[0-9A-Z-]{4,40}$/).optional(),
  email: emailSchema.optional(),
  address: text('주소', 200),
  rrn: rrnSchema,
  disability: disabilitySchema,
  desired: z.object({ start: timeOfDay('근무희망 시작 시각'), end: timeOfDay('근무희망 끝 시각') }),
  break: z.object({ start: timeOfDay('휴게 시작 시각'), end: timeOfDay('휴게 끝 시각') }).optional(),
  region: z.object({
    sidoCode: z.enum(SIDO_CODES, { error: '근무희망지역(시/도)을 골라 주세요.' }),
    area: textField('근무희망지역(시/군/구)', {
      max: 60,
      messages: { max: '근무희망지역(시/군/구)은 60자 이하로 입력해 주세요.' },
    }).optional(),
  }),
  supportType: z.enum(SUPPORT_TYPE_CODES, { error: '근무희망유형을 골라 주세요.' }),
  qualification: z.enum(QUALIFICATION_CODES, { error: '보유 자격을 골라 주세요.' }),
  selfDeclaration: z.object({
    answer: z.enum(['applicable', 'notApplicable'], { error: '자격제한 조건에 ‘해당’ 또는 ‘미해당’을 골라 주세요.' }),
    confirmed: z.literal(true, { error: '자격제한 조건 안내를 읽고 확인했다고 표시해 주세요.' }),
  }),
  careers: z.array(careerSchema).max(20, { error: '활동 경력은 20건까지 적을 수 있습니다.' }).default([]),
  consents: z.object({
    privacy: z.literal(true, { error: '[필수] 개인정보 수집·이용에 동의해야 신청할 수 있습니다.' }),
    uniqueIdentifier: z.literal(true, {
      error: '[필수] 자격제한 조회와 4대보험 신고를 위해 주민등록번호 처리에 동의해야 신청할 수 있습니다.',
    }),
  }),
});

export const postingBody = z.object({
  agencyId: idField('수행기관', 40).optional(),
  title: text('제목', 80),
  sidoCode: z.enum(SIDO_CODES, { error: '근무 시/도를 골라 주세요.' }),
  area: text('근무지', 80),
  supportType: z.enum(SUPPORT_TYPE_CODES, { error: '지원 유형을 골라 주세요.' }),
  workStart: timeOfDay('근무 시작 시각'),
  workEnd: timeOfDay('근무 종료 시각'),
  weeklyHours: z.number({ error: '주 근무시간을 숫자로 입력해 주세요.' }),
  openings: z.number({ error: '모집 인원을 숫자로 입력해 주세요.' }),
  description: text('업무 내용', 2000, true),
  closesOn: day('마감일'),
});

/** An agency's own list: its agency (or, for staff of several, the one chosen). */
export const agencyQuery = z.object({ agencyId: idField('수행기관', 40).optional() });

export const postingSearchQuery = z
  .object({
    sido: z.enum(SIDO_CODES, { error: '시/도는 목록에 있는 시/도 중에서 골라 주세요.' }).optional(),
    type: z.enum(SUPPORT_TYPE_CODES, { error: '지원 유형을 목록에서 골라 주세요.' }).optional(),
    from: timeOfDay('근무 가능 시작 시각').optional(),
    to: timeOfDay('근무 가능 끝 시각').optional(),
    maxWeeklyHours: z.coerce
      .number({ error: '주 근무시간은 숫자로 입력해 주세요.' })
      .int({ error: '주 근무시간은 정수로 입력해 주세요.' })
      .min(1, { error: '주 근무시간은 1 이상이어야 합니다.' })
      .max(40, { error: '주 근무시간은 40 이하여야 합니다.' })
      .optional(),
    q: textField('검색어', { max: 50, messages: { max: '검색어는 50자 이하로 입력해 주세요.' } }).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, {
    error: '근무 가능 끝 시각이 시작 시각보다 늦어야 합니다.',
    path: ['to'],
  });

/** What the public portal may show of a posting: the agency's public contact, no person's data. */
export const posting = z.object({
  postingId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  agencyPhone: z.string(),
  title: z.string(),
  sidoCode: z.string(),
  sidoName: z.string(),
  area: z.string(),
  supportType: z.string(),
  workStart: z.string(),
  workEnd: z.string(),
  weeklyHours: z.number(),
  openings: z.number(),
  description: z.string(),
  postedOn: z.string(),
  closesOn: z.string(),
  open: z.boolean(),
});
export type PostingView = z.output<typeof posting>;

export const postingList = z.object({ items: z.array(posting), count: z.number() });

const career = z.object({ from: z.string(), to: z.string(), supportType: z.string(), note: z.string().optional() });

/** An activity application as the agency and the applicant see it: the resident number only masked. */
export const activityApplication = z.object({
  activityApplicationId: z.string(),
  applicantId: z.string(),
  name: z.string(),
  phone: z.string(),
  email: z.string().optional(),
  address: z.string(),
  rrnMasked: z.string(),
  birthDate: z.string(),
  gender: z.enum(GENDERS),
  disability: z.object({ has: z.boolean(), type: z.string().optional() }),
  agencyId: z.string(),
  agencyName: z.string(),
  branchId: z.string(),
  postingId: z.string().optional(),
  postingTitle: z.string().optional(),
  desiredStart: z.string(),
  desiredEnd: z.string(),
  breakStart: z.string().optional(),
  breakEnd: z.string().optional(),
  desiredSidoCode: z.string(),
  desiredSidoName: z.string(),
  desiredArea: z.string().optional(),
  supportType: z.string(),
  qualification: z.string(),
  selfDeclaration: z.object({
    answer: z.enum(SELF_DECLARATION_ANSWERS),
    confirmed: z.boolean(),
    statement: z.string(),
    declaredAt: z.string(),
  }),
  careers: z.array(career),
  status: z.enum(ACTIVITY_APPLICATION_STATUSES),
  decidedBy: z.string().optional(),
  decidedAt: z.string().optional(),
  rejectionReason: z.string().optional(),
  assistantId: z.string().optional(),
  submittedAt: z.string(),
  revision: z.number(),
});
export type ActivityApplicationView = z.output<typeof activityApplication>;

export const activityApplicationList = z.object({ items: z.array(activityApplication), count: z.number() });
