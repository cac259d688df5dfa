import { z } from 'zod';
import { normaliseRrn, rrnProblem } from '#commons/rrn';
import { DISABILITY_TYPE_CODES, SUPPORT_TYPE_CODES } from '#functions/applications/codes';
import { dayField, idField, textField } from '#kernel/fields';
import { CHECK_RESULTS, FINDING_RESULTS, GENDERS } from './codes.ts';
import { ASSISTANT_STATUSES, INSURANCES, QUALIFICATION_CODES } from './rules.ts';

// The registry sub-domain's contract (근로지원인 등록/관리): what its routes take and answer. Never the
// resident number's cipher or keyed hash; the web infers its assistant type from here.

export const text = (name: string, max: number, multiline = false) => textField(name, { min: 1, max, multiline });

/** Optional free text of at most `max` characters, in the route's own words when too long. */
export const optionalText = (name: string, max: number, tooLong: string, multiline = false) =>
  textField(name, { max, multiline, messages: { max: tooLong } }).optional();

export const day = dayField;

export const mobileSchema = z
  .string({ error: '휴대전화 번호를 입력해 주세요.' })
  .max(20, { error: '휴대전화 번호는 010-1234-5678처럼 입력해 주세요.' })
  .regex(/^[\d -]*$/, { error: '휴대전화 번호는 010-1234-5678처럼 입력해 주세요.' })
  .transform((v) => v.replace(/[\s-]/g, ''))
  .refine((v) => /^01[016789]\d{7,8}$/.test(v), { error: '휴대전화 번호는 010-1234-5678처럼 입력해 주세요.' })
  .transform((v) => `${v.slice(0, 3)}-${v.slice(3, v.length - 4)}-${v.slice(-4)}`);

export const rrnSchema = z
  .string({ error: '주민등록번호를 입력해 주세요.' })
  .max(20, { error: '주민등록번호는 숫자 13자리로 입력해 주세요. (예: 900101-1234567)' })
  .regex(/^[\d -]*$/, { error: '주민등록번호는 숫자 13자리로 입력해 주세요. (예: 900101-1234567)' })
  .superRefine((value, ctx) => {
    const problem = rrnProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform(normaliseRrn);

export const emailSchema = z
  .email({ error: '이메일은 name@example.com처럼 입력해 주세요.' })
  .max(100, { error: '이메일은 100자 이하로 입력해 주세요.' });

export const disabilitySchema = z
  .object({
    has: z.boolean({ error: '장애 유무를 골라 주세요.' }),
    type: z.enum(DISABILITY_TYPE_CODES, { error: '장애 유형을 골라 주세요.' }).optional(),
  })
  .refine((d) => !d.has || d.type !== undefined, { error: '장애가 있으면 장애 유형을 골라 주세요.', path: ['type'] });

export const careerSchema = z.object({
  from: day('활동 시작일'),
  to: day('활동 종료일'),
  supportType: z.enum(SUPPORT_TYPE_CODES, { error: '경력의 지원 유형을 골라 주세요.' }),
  note: optionalText('비고', 200, '비고는 200자 이하로 입력해 주세요.'),
});

export const assistantParams = z.object({
  assistantId: idField('근로지원인 관리번호', 43, /^AS-[0-9A-Z-]{4,40}$/),
});

export const registerBody = z.object({
  agencyId: idField('수행기관', 40).optional(),
  name: text('이름', 40),
  rrn: rrnSchema,
  mobilePhone: mobileSchema,
  email: emailSchema.optional(),
  address: optionalText('주소', 200, '주소는 200자 이하로 입력해 주세요.'),
  userId: z
    .string()
    .trim()
    .max(20, { error: '포털 아이디는 영어 소문자로 시작하는 4~20자입니다.' })
    .regex(/^[a-z][a-z0-9_]{3,19}$/, { error: '포털 아이디는 영어 소문자로 시작하는 4~20자입니다.' })
    .optional(),
  disability: disabilitySchema.default({ has: false }),
  qualifications: z
    .array(z.enum(QUALIFICATION_CODES, { error: '보유 자격을 목록에서 골라 주세요.' }))
    .max(10)
    .default([]),
  hireDate: day('입사일'),
});

export const REGISTER_LABELS: Record<string, string> = {
  name: '이름',
  rrn: '주민등록번호',
  mobilePhone: '휴대전화 번호',
  email: '이메일',
  address: '주소',
  userId: '포털 아이디',
  'disability.has': '장애 유무',
  'disability.type': '장애 유형',
  qualifications: '보유 자격',
  hireDate: '입사일',
};

export const revision = z.number({ error: '화면을 새로 고친 뒤 다시 시도해 주세요.' }).int();

export const insuranceBody = z.object({
  revision,
  ...Object.fromEntries(
    INSURANCES.map(({ code, label }) => [
      code,
      z
        .object({
          enrolledOn: day(`${label} 취득일`).optional(),
          lostOn: day(`${label} 상실일`).optional(),
        })
        .optional(),
    ]),
  ),
}) as z.ZodType<
  { revision: number } & Partial<Record<(typeof INSURANCES)[number]['code'], { enrolledOn?: string; lostOn?: string }>>
>;

export const INSURANCE_LABELS = Object.fromEntries(
  INSURANCES.flatMap(({ code, label }) => [
    [`${code}.enrolledOn`, `${label} 취득일`],
    [`${code}.lostOn`, `${label} 상실일`],
  ]),
);

const enrolment = z.object({ enrolledOn: z.string().optional(), lostOn: z.string().optional() }).optional();
const career = z.object({ from: z.string(), to: z.string(), supportType: z.string(), note: z.string().optional() });
const finding = z.enum(FINDING_RESULTS);

/** What screens get of an assistant: the resident number only masked. */
export const assistantView = z.object({
  assistantId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  branchId: z.string(),
  name: z.string(),
  rrnMasked: z.string(),
  birthDate: z.string(),
  gender: z.enum(GENDERS),
  mobilePhone: z.string(),
  email: z.string().optional(),
  address: z.string().optional(),
  userId: z.string().optional(),
  disability: z.object({ has: z.boolean(), type: z.string().optional() }),
  qualifications: z.array(z.string()),
  careers: z.array(career),
  hireDate: z.string(),
  leaveDate: z.string().optional(),
  status: z.enum(ASSISTANT_STATUSES),
  statusHistory: z.array(
    z.object({
      status: z.enum(ASSISTANT_STATUSES),
      on: z.string(),
      reason: z.string().optional(),
      by: z.string(),
      at: z.string(),
    }),
  ),
  insurances: z.object({ pension: enrolment, health: enrolment, employment: enrolment, industrialAccident: enrolment }),
  qualificationChecks: z.array(
    z.object({
      checkId: z.string(),
      checkedOn: z.string(),
      findings: z.object({
        mentalIllness: finding,
        drugAddiction: finding,
        guardianship: finding,
        unservedSentence: finding,
        sexualOffence: finding,
      }),
      result: z.enum(CHECK_RESULTS),
      evidenceUploadId: z.string(),
      evidenceFileName: z.string(),
      evidenceSha256: z.string().optional(),
      evidenceKey: z.string().optional(),
      evidenceContentType: z.string().optional(),
      note: z.string().optional(),
      by: z.string(),
      at: z.string(),
    }),
  ),
  sourceApplicationId: z.string().optional(),
  revision: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AssistantView = z.output<typeof assistantView>;

export const assistantList = z.object({ items: z.array(assistantView), count: z.number() });

/** One assistant with the matchings in force and where the qualification checks stand. */
export const assistantDetail = assistantView.extend({
  activeMatchings: z.number(),
  qualification: z.enum(['unchecked', ...CHECK_RESULTS]),
});
export type AssistantDetail = z.output<typeof assistantDetail>;

export const assistantWithStatusLabel = assistantView.extend({ statusLabel: z.string() });

/** After a check: the assistant, and a warning when the check found a disqualification. */
export const assistantWithWarning = assistantView.extend({ warning: z.string().optional() });

/** A short-lived address of a check's evidence file. */
export const evidenceDownload = z.object({ url: z.string(), fileName: z.string() });

/** The full resident number, shown once with a reason (and audited). */
export const rrnRevealed = z.object({ assistantId: z.string(), rrn: z.string() });
