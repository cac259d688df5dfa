import { z } from 'zod';
import { SIDO_CODES } from '#commons/regions';
import { dayField, idField, monthField, textField, timeOfDayField } from '#kernel/fields';
import {
  APPLICATION_STATES,
  COURSE_KIND_CODES,
  COURSE_METHOD_CODES,
  COURSE_STATUSES,
  MAX_WISHED_AGENCIES,
} from './rules.ts';

// The training capability's HTTP contract (SPEC E1): what each route takes and answers. The web
// infers its types from here, never from the entities or the repository.

const COURSE_ID = /^TC-[0-9A-Z-]{4,40}$/;
const APPLICATION_ID = /^TA-[0-9A-Z-]{4,40}$/;

export const courseParams = z.object({ courseId: idField('교육과정 번호', 44, COURSE_ID) });
export const applicationParams = z.object({ applicationId: idField('교육 신청 번호', 44, APPLICATION_ID) });

const text = (name: string, max: number, min = 1) =>
  textField(name, { max, min, messages: { max: `${name}은(는) ${max}자 이하로 입력해 주세요.` } });
const phone = (name: string) =>
  z
    .string({ error: `${name}를 입력해 주세요.` })
    .trim()
    .max(20, { error: `${name}는 20자 이하로 입력해 주세요.` })
    .regex(/^0\d{1,2}-?\d{3,4}-?\d{4}$/, { error: `${name}는 02-123-4567처럼 숫자와 -로 입력해 주세요.` });

export const COURSE_LABELS: Record<string, string> = {
  institutionId: '교육기관',
  name: '교육과정명',
  kind: '교육구분',
  method: '교육방법',
  sidoCode: '교육장 시/도',
  sigunguCode: '교육장 시/군/구',
  place: '교육장 주소',
  sessions: '교육 일정',
  capacity: '정원',
  applyFrom: '신청 시작일',
  applyTo: '신청 마감일',
  contactName: '담당자',
  contactPhone: '문의 전화',
};

export const courseBody = z.object({
  institutionId: idField('교육기관', 40).optional(),
  name: text('교육과정명', 80, 2),
  kind: z.enum(COURSE_KIND_CODES, { error: '교육구분을 골라 주세요.' }),
  method: z.enum(COURSE_METHOD_CODES, { error: '교육방법을 골라 주세요.' }),
  sidoCode: z.enum(SIDO_CODES, { error: '교육장 시/도를 골라 주세요.' }),
  sigunguCode: idField('교육장 시/군/구', 5, /^\d{5}$/),
  place: text('교육장 주소', 200, 2),
  sessions: z
    .array(
      z.object({
        day: dayField('교육일'),
        start: timeOfDayField('시작 시각'),
        end: timeOfDayField('끝 시각', { endOfDay: true }),
      }),
      { error: '교육 일정을 입력해 주세요.' },
    )
    .min(1, { error: '교육 일정을 하루 이상 입력해 주세요.' })
    .max(30, { error: '교육 일정은 30일까지 입력할 수 있습니다.' }),
  capacity: z
    .number({ error: '정원은 숫자로 입력해 주세요.' })
    .int({ error: '정원은 정수로 입력해 주세요.' })
    .min(1, { error: '정원은 1명 이상이어야 합니다.' })
    .max(500, { error: '정원은 500명 이하로 입력해 주세요.' }),
  applyFrom: dayField('신청 시작일'),
  applyTo: dayField('신청 마감일'),
  contactName: text('담당자', 30),
  contactPhone: phone('문의 전화'),
  passMark: z
    .number({ error: '합격 점수는 숫자로 입력해 주세요.' })
    .int({ error: '합격 점수는 정수로 입력해 주세요.' })
    .min(0, { error: '합격 점수는 0점 이상이어야 합니다.' })
    .max(100, { error: '합격 점수는 100점 이하로 입력해 주세요.' })
    .optional(),
});
export type CourseBody = z.input<typeof courseBody>;

export const courseStatusBody = z.object({
  to: z.enum(COURSE_STATUSES, { error: '바꿀 상태를 골라 주세요.' }),
  revision: z.number({ error: '화면을 새로 고친 뒤 다시 시도해 주세요.' }).int(),
});

export const courseListQuery = z.object({
  institutionId: idField('교육기관', 40).optional(),
  branchId: idField('소속기관', 40).optional(),
});

export const publicCourseQuery = z.object({
  sido: z.enum(SIDO_CODES, { error: '시/도를 목록에서 골라 주세요.' }).optional(),
  sigungu: idField('시/군/구', 5, /^\d{5}$/).optional(),
  month: monthField('교육 월').optional(),
});

export const APPLY_LABELS: Record<string, string> = {
  birthDate: '생년월일',
  gender: '성별',
  email: 'E-Mail',
  address: '주소',
  employmentWish: '취업희망여부',
  wishedAgencyIds: '근무희망수행기관',
  career: '활동경력',
  'consents.privacy': '개인정보 수집·이용 동의',
  'consents.agencies': '근무희망수행기관에 정보 제공 동의',
};

export const applyBody = z
  .object({
    birthDate: dayField('생년월일'),
    gender: z.enum(['M', 'F'], { error: '성별을 골라 주세요.' }),
    email: z
      .email({ error: 'E-Mail을 name@example.com처럼 입력해 주세요.' })
      .max(100, { error: 'E-Mail은 100자 이하로 입력해 주세요.' })
      .optional(),
    address: text('주소', 200, 2),
    employmentWish: z.boolean({ error: '취업희망여부를 골라 주세요.' }),
    wishedAgencyIds: z
      .array(idField('근무희망수행기관', 40))
      .max(MAX_WISHED_AGENCIES, { error: `근무희망수행기관은 ${MAX_WISHED_AGENCIES}곳까지 고를 수 있습니다.` }),
    career: textField('활동경력', {
      max: 500,
      multiline: true,
      messages: { max: '활동경력은 500자 이하로 입력해 주세요.' },
    }).optional(),
    consents: z.object({
      privacy: z.literal(true, { error: '개인정보 수집·이용에 동의해야 신청할 수 있습니다.' }),
      agencies: z.boolean({ error: '근무희망수행기관에 정보를 제공할지 골라 주세요.' }),
    }),
  })
  .refine((b) => new Set(b.wishedAgencyIds).size === b.wishedAgencyIds.length, {
    error: '같은 수행기관을 두 번 골랐습니다.',
    path: ['wishedAgencyIds'],
  })
  .refine((b) => b.wishedAgencyIds.length === 0 || b.consents.agencies, {
    error: '근무희망수행기관을 고르면, 그 기관에 신청 정보를 제공하는 데 동의해 주세요.',
    path: ['consents', 'agencies'],
  });
export type ApplyBody = z.input<typeof applyBody>;

export const revisionBody = z.object({
  revision: z.number({ error: '화면을 새로 고친 뒤 다시 시도해 주세요.' }).int(),
});

export const decisionBody = z
  .object({
    decision: z.enum(['accept', 'refuse'], { error: '승인 또는 반려 중 하나를 골라 주세요.' }),
    reason: textField('반려 사유', {
      max: 500,
      multiline: true,
      messages: { max: '반려 사유는 500자 이하로 입력해 주세요.' },
    }).optional(),
    revision: z.number({ error: '화면을 새로 고친 뒤 다시 시도해 주세요.' }).int(),
  })
  .refine((d) => d.decision !== 'refuse' || (d.reason ?? '').length >= 2, {
    error: '반려할 때는 신청인이 알 수 있도록 사유를 적어 주세요.',
    path: ['reason'],
  });
export type DecisionBody = z.input<typeof decisionBody>;

// ── answers ──────────────────────────────────────────────────────────────────────────────────────

const sessionView = z.object({ day: z.string(), start: z.string(), end: z.string() });

/** A course as anyone may see it (the portal shows this; no person's data). */
export const courseView = z.object({
  courseId: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  branchId: z.string(),
  name: z.string(),
  kind: z.enum(COURSE_KIND_CODES),
  method: z.enum(COURSE_METHOD_CODES),
  sidoCode: z.string(),
  sidoName: z.string(),
  sigunguCode: z.string(),
  sigunguName: z.string(),
  place: z.string(),
  sessions: z.array(sessionView),
  totalHours: z.number(),
  capacity: z.number().int(),
  seatsTaken: z.number().int(),
  applyFrom: z.string(),
  applyTo: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  status: z.enum(COURSE_STATUSES),
  passMark: z.number().int(),
  /** set once results are confirmed (then locked) */
  resultsConfirmedAt: z.string().optional(),
  /** may a person apply today (open and within the period)? */
  accepting: z.boolean(),
  revision: z.number().int(),
});
export type CourseView = z.infer<typeof courseView>;

export const courseList = z.object({ items: z.array(courseView), count: z.number().int() });
export type CourseList = z.infer<typeof courseList>;

/** 교육과정 목록 (institution, branch, hq): the course with its head counts. */
export const courseSummary = courseView.extend({
  /** 신청인수: every application not cancelled */
  applicants: z.number().int(),
  /** 수강자수: accepted */
  attendees: z.number().int(),
  waiting: z.number().int(),
  /** 수료자수: once the results are confirmed */
  completers: z.number().int(),
});
export type CourseSummary = z.infer<typeof courseSummary>;
export const courseSummaryList = z.object({ items: z.array(courseSummary), count: z.number().int() });

/** One application as the institution (and its branch, hq) see it: the seed's columns. */
export const applicationView = z.object({
  applicationId: z.string(),
  courseId: z.string(),
  courseName: z.string(),
  institutionId: z.string(),
  applicantId: z.string(),
  name: z.string(),
  phone: z.string(),
  birthDate: z.string(),
  gender: z.enum(['M', 'F']),
  email: z.string().optional(),
  address: z.string(),
  employmentWish: z.boolean(),
  wishedAgencies: z.array(z.object({ agencyId: z.string(), agencyName: z.string() })),
  career: z.string().optional(),
  consentToAgencies: z.boolean(),
  state: z.enum(APPLICATION_STATES),
  /** place on the waiting list, from 1, while waiting */
  waitingRank: z.number().int().optional(),
  refusalReason: z.string().optional(),
  attendedDays: z.array(z.string()).optional(),
  score: z.number().optional(),
  completed: z.boolean().optional(),
  completedOn: z.string().optional(),
  /** 수료증 번호, once the results confirmed the completion */
  certificateNumber: z.string().optional(),
  appliedAt: z.string(),
  decidedAt: z.string().optional(),
  revision: z.number().int(),
});
export type ApplicationView = z.infer<typeof applicationView>;
export const applicationList = z.object({ items: z.array(applicationView), count: z.number().int() });

/** One of my applications (My page): the course as the portal shows it, and where I stand. */
export const myApplication = applicationView.extend({ course: courseView });
export type MyApplication = z.infer<typeof myApplication>;
export const myApplicationList = z.object({ items: z.array(myApplication), count: z.number().int() });

/** GET …/applications/export: the .xlsx inside JSON (the API answers JSON end to end). */
export const applicantExport = z.object({
  fileName: z.string(),
  contentType: z.string(),
  count: z.number().int(),
  masked: z.boolean(),
  base64: z.string(),
});

export const COURSE_LABELS_RESULTS: Record<string, string> = {
  attendedDays: '출석한 교육일',
  score: '평가 점수',
  revision: '버전',
};

export const resultBody = z.object({
  attendedDays: z.array(dayField('출석한 교육일')).max(30, { error: '출석한 교육일이 너무 많습니다.' }),
  score: z
    .number({ error: '평가 점수는 숫자로 입력해 주세요.' })
    .int({ error: '평가 점수는 정수로 입력해 주세요.' })
    .min(0, { error: '평가 점수는 0점 이상이어야 합니다.' })
    .max(100, { error: '평가 점수는 100점 이하로 입력해 주세요.' })
    .optional(),
  revision: z.number({ error: '화면을 새로 고친 뒤 다시 시도해 주세요.' }).int(),
});
export type ResultBody = z.input<typeof resultBody>;

/** A confirmed result corrected: the same figures, and why (kept in the audit trail). */
export const resultCorrectionBody = resultBody.extend({
  reason: textField('정정 사유', {
    min: 2,
    max: 500,
    multiline: true,
    messages: {
      required: '정정 사유를 입력해 주세요. 무엇을 왜 고치는지 적어 주세요.',
      min: '정정 사유를 두 글자 이상 입력해 주세요.',
      max: '정정 사유는 500자 이하로 입력해 주세요.',
    },
  }),
});
export type ResultCorrectionBody = z.input<typeof resultCorrectionBody>;

/** One trainee in the results preview: what was recorded and whether (and why not) they complete. */
export const traineeResult = z.object({
  applicationId: z.string(),
  applicantId: z.string(),
  name: z.string(),
  attendedDays: z.array(z.string()),
  score: z.number().optional(),
  attended: z.number().int(),
  sessions: z.number().int(),
  rate: z.number(),
  completes: z.boolean(),
  reasons: z.array(z.string()),
  revision: z.number().int(),
});
export type TraineeResult = z.infer<typeof traineeResult>;

/** GET …/results: the preview before confirming (or the confirmed results, locked). */
export const resultsView = z.object({
  course: courseView,
  threshold: z.number(),
  confirmed: z.boolean(),
  trainees: z.array(traineeResult),
  completing: z.number().int(),
  notCompleting: z.number().int(),
});
export type ResultsView = z.infer<typeof resultsView>;

/** 교육 수료자 조회 (agencies): a completer who named this agency and consented to it. */
export const completerView = z.object({
  applicationId: z.string(),
  applicantId: z.string(),
  name: z.string(),
  birthDate: z.string(),
  gender: z.enum(['M', 'F']),
  phone: z.string(),
  email: z.string().optional(),
  address: z.string(),
  employmentWish: z.boolean(),
  wishedAgencies: z.array(z.object({ agencyId: z.string(), agencyName: z.string() })),
  career: z.string().optional(),
  courseId: z.string(),
  courseName: z.string(),
  courseKind: z.enum(COURSE_KIND_CODES),
  institutionName: z.string(),
  completedOn: z.string(),
});
export type CompleterView = z.infer<typeof completerView>;
export const completerList = z.object({ items: z.array(completerView), count: z.number().int() });

export const completerQuery = z.object({
  agencyId: idField('수행기관', 40).optional(),
  completedFrom: dayField('교육수료일자(부터)').optional(),
  completedTo: dayField('교육수료일자(까지)').optional(),
});

// ── 수료증 (certificates) ─────────────────────────────────────────────────────────────────────────

/** The portal's page where anyone checks a certificate by its number. */
export const CERTIFICATE_CHECK_PATH = '/training-certificate';

/** TC-2026-7KQ2-M9XD: the year of completion and eight random letters and digits (no 0/O, 1/I/L). */
export const CERTIFICATE_NUMBER = /^TC-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

export const certificateParams = z.object({
  certificateNumber: z
    .string({ error: '수료증 번호를 입력해 주세요.' })
    .trim()
    .toUpperCase()
    .max(20, { error: '수료증 번호는 TC-2026-ABCD-EFGH처럼 입력해 주세요.' })
    .regex(CERTIFICATE_NUMBER, { error: '수료증 번호는 TC-2026-ABCD-EFGH처럼 입력해 주세요.' }),
});

/** What the portal's check of a certificate shows: enough to tell it is genuine, the name masked. */
export const certificateCheck = z.object({
  certificateNumber: z.string(),
  maskedName: z.string(),
  courseName: z.string(),
  courseKind: z.string(),
  institutionName: z.string(),
  firstDay: z.string(),
  lastDay: z.string(),
  totalHours: z.number(),
  completedOn: z.string(),
  /** a certificate withdrawn after a correction of the result: when and why */
  revoked: z.object({ at: z.string(), reason: z.string() }).optional(),
});
export type CertificateCheck = z.infer<typeof certificateCheck>;
