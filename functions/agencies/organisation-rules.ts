import { z } from 'zod';
import { BRANCHES } from '#commons/branches';
import { SIDO_CODES, sidoName } from '#commons/regions';
import { currentSigungu } from '#commons/regions-sigungu';
import { businessNumberValid, formatBusinessNumber } from '#kernel/business-number';
import * as clock from '#kernel/clock';
import { textField } from '#kernel/fields';

// The registry's input rules (A1), pure: what hq and branch staff type when they register or edit a
// 수행기관 or 교육기관. Every message names the field and says how to fix it. The same schema checks
// the API body and, through the web's form, what people see next to each field.

/** Korean phone numbers as organisations write them: area code, mobile, 070, or a 15xx/16xx/18xx line. */
export function formatPhone(input: string): string | undefined {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  if (/^1[568]\d{6}$/.test(digits)) return `${digits.slice(0, 4)}-${digits.slice(4)}`;
  if (/^02\d{7,8}$/.test(digits)) {
    const middle = digits.length === 9 ? 3 : 4;
    return `02-${digits.slice(2, 2 + middle)}-${digits.slice(2 + middle)}`;
  }
  if (/^0(1[016789]|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70)\d{7,8}$/.test(digits)) {
    const middle = digits.length === 10 ? 3 : 4;
    return `${digits.slice(0, 3)}-${digits.slice(3, 3 + middle)}-${digits.slice(3 + middle)}`;
  }
  return undefined;
}

/** The first year of the programme's records the registry keeps; designations before it are not filed. */
export const FIRST_DESIGNATION_YEAR = 2009;

/** Designation is decided for the coming year at the latest. */
export function latestDesignationYear(today = clock.today()): number {
  return Number(today.slice(0, 4)) + 1;
}

const text = (label: string, min: number, max: number) => textField(label, { min, max });

const optionalText = (label: string, max: number) =>
  textField(label, { max })
    .optional()
    .transform((value) => value || undefined);

/** What a phone number may be typed with: digits, spaces and hyphens (formatPhone decides the rest). */
const PHONE_CHARACTERS = /^[\d -]*$/;
const phoneCharacters = (label: string) =>
  z
    .string({ error: `${label}를 입력해 주세요.` })
    .max(20, { error: `${label}는 02-1234-5678처럼 지역번호부터 입력해 주세요.` })
    .regex(PHONE_CHARACTERS, { error: `${label}는 02-1234-5678처럼 지역번호부터 입력해 주세요.` });

const phone = (label: string) =>
  phoneCharacters(label).transform((value, ctx) => {
    const formatted = formatPhone(value);
    if (!formatted) {
      ctx.addIssue({
        code: 'custom',
        message: value.trim()
          ? `${label}는 02-1234-5678, 031-123-4567, 010-1234-5678처럼 지역번호부터 입력해 주세요.`
          : `${label}를 입력해 주세요.`,
      });
      return z.NEVER;
    }
    return formatted;
  });

const optionalPhone = (label: string) =>
  phoneCharacters(label)
    .optional()
    .transform((value, ctx) => {
      if (!value?.trim()) return undefined;
      const formatted = formatPhone(value);
      if (!formatted) {
        ctx.addIssue({ code: 'custom', message: `${label}는 02-1234-5678처럼 지역번호부터 입력해 주세요.` });
        return z.NEVER;
      }
      return formatted;
    });

const email = (label: string) =>
  z
    .string()
    .trim()
    .max(120, { error: `${label}은(는) 120자 이하로 입력해 주세요.` })
    .regex(/^[A-Za-z0-9_'+.@-]*$/, { error: `${label}은(는) name@example.kr처럼 입력해 주세요.` })
    .optional()
    .transform((value) => value || undefined)
    .pipe(
      z
        .email({ error: `${label}은(는) name@example.kr처럼 입력해 주세요.` })
        .max(120, { error: `${label}은(는) 120자 이하로 입력해 주세요.` })
        .optional(),
    );

const BUSINESS_NUMBER_MESSAGE =
  '사업자등록번호가 올바르지 않습니다. 사업자등록증의 숫자 10자리(예: 123-45-67890)를 확인해 주세요.';

const BRANCH_IDS = BRANCHES.map((b) => b.branchId) as [string, ...string[]];

/** A person the branch calls about the organisation (담당자): personal data, never shown publicly. */
export const contactSchema = z.object({
  name: text('담당자 이름', 1, 40),
  position: optionalText('담당자 직위', 40),
  phone: phone('담당자 연락처'),
  email: email('담당자 이메일'),
});

export type Contact = z.infer<typeof contactSchema>;

export const organisationFields = z.object({
  kind: z.enum(['agency', 'institution'], { error: '기관 종류는 수행기관 또는 교육기관 중에서 골라 주세요.' }),
  name: text('기관명', 2, 60),
  branchId: z.enum(BRANCH_IDS, { error: '관할 지사를 목록에서 골라 주세요.' }),
  businessNumber: z
    .string()
    .max(20, { error: BUSINESS_NUMBER_MESSAGE })
    .regex(/^[\d -]*$/, { error: BUSINESS_NUMBER_MESSAGE })
    .optional()
    .transform((value, ctx) => {
      if (!value?.trim()) return undefined;
      if (!businessNumberValid(value.trim())) {
        ctx.addIssue({ code: 'custom', message: BUSINESS_NUMBER_MESSAGE });
        return z.NEVER;
      }
      return formatBusinessNumber(value.trim());
    }),
  representative: text('대표자 이름', 1, 40),
  sidoCode: z.enum(SIDO_CODES, { error: '시/도를 목록에서 골라 주세요.' }),
  sigunguCode: z
    .string({ error: '시/군/구를 목록에서 골라 주세요.' })
    .max(5, { error: '시/군/구를 목록에서 골라 주세요.' })
    .regex(/^\d{5}$/, { error: '시/군/구를 목록에서 골라 주세요.' }),
  postalCode: z
    .string({ error: '우편번호를 입력해 주세요.' })
    .trim()
    .max(5, { error: '우편번호는 숫자 5자리로 입력해 주세요. (예: 03925)' })
    .regex(/^\d{5}$/, { error: '우편번호는 숫자 5자리로 입력해 주세요. (예: 03925)' }),
  address: text('도로명주소', 5, 200),
  addressDetail: optionalText('상세주소', 100),
  phone: phone('기관 대표 전화번호'),
  fax: optionalPhone('팩스번호'),
  email: email('기관 이메일'),
  contacts: z
    .array(contactSchema, { error: '담당자를 한 명 이상 입력해 주세요.' })
    .min(1, { error: '담당자를 한 명 이상 입력해 주세요.' })
    .max(5, { error: '담당자는 5명까지 등록할 수 있습니다.' }),
  bankName: text('은행명', 2, 20),
  bankAccount: z
    .string({ error: '계좌번호를 입력해 주세요.' })
    .trim()
    .max(30, { error: '계좌번호는 숫자와 붙임표(-)로 10~16자리를 입력해 주세요.' })
    .regex(/^[\d-]*$/, { error: '계좌번호는 숫자와 붙임표(-)로 10~16자리를 입력해 주세요.' })
    .refine((value) => /^[\d-]+$/.test(value) && /^\d{10,16}$/.test(value.replace(/-/g, '')), {
      error: '계좌번호는 숫자와 붙임표(-)로 10~16자리를 입력해 주세요.',
    }),
  bankHolder: text('예금주', 1, 40),
  designatedYears: z
    .array(z.number({ error: '지정 연도는 2026처럼 숫자 네 자리로 입력해 주세요.' }).int(), {
      error: '지정 연도를 골라 주세요.',
    })
    .max(30, { error: '지정 연도는 30개까지 입력할 수 있습니다.' })
    .default([]),
});

export type OrganisationInput = z.output<typeof organisationFields>;

/** Checks that need more than one field, or today's date: region list, designation years. */
export function organisationProblems(
  input: { sidoCode: string; sigunguCode: string; designatedYears: readonly number[] },
  today = clock.today(),
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const sigungu = currentSigungu(input.sigunguCode, today);
  if (!sigungu?.code.startsWith(input.sidoCode)) {
    problems.push({
      path: 'sigunguCode',
      message: `시/군/구가 ${sidoName(input.sidoCode) ?? '고른 시/도'}에 속하지 않거나 지금은 쓰이지 않는 코드입니다. 목록에서 다시 골라 주세요.`,
    });
  }
  const latest = latestDesignationYear(today);
  const outOfRange = input.designatedYears.filter((y) => y < FIRST_DESIGNATION_YEAR || y > latest);
  if (outOfRange.length) {
    problems.push({
      path: 'designatedYears',
      message: `지정 연도는 ${FIRST_DESIGNATION_YEAR}년부터 ${latest}년까지 입력할 수 있습니다. ${outOfRange.join(', ')}년을 고쳐 주세요.`,
    });
  } else if (new Set(input.designatedYears).size !== input.designatedYears.length) {
    problems.push({ path: 'designatedYears', message: '같은 지정 연도가 두 번 들어 있습니다. 하나만 남겨 주세요.' });
  }
  return problems;
}

/**
 * The checks across fields, as refinements that run even when other fields failed (`when`), so a
 * person sees every problem of the form at once. Each looks only at the fields it needs and stays
 * silent when those already have a problem of their own.
 */
function crossFieldProblem(input: unknown, path: 'sigunguCode' | 'designatedYears'): string | undefined {
  const value = (input ?? {}) as Record<string, unknown>;
  const sidoCode = typeof value.sidoCode === 'string' ? value.sidoCode : '';
  const sigunguCode = typeof value.sigunguCode === 'string' ? value.sigunguCode : '';
  const years = Array.isArray(value.designatedYears) ? value.designatedYears : [];
  if (
    path === 'sigunguCode' &&
    (!(SIDO_CODES as readonly string[]).includes(sidoCode) || !/^\d{5}$/.test(sigunguCode))
  ) {
    return undefined;
  }
  if (path === 'designatedYears' && !years.every((y) => Number.isInteger(y))) return undefined;
  const problems = organisationProblems({
    sidoCode: sidoCode || '00',
    sigunguCode: sigunguCode || '00000',
    designatedYears: years as number[],
  });
  return problems.find((p) => p.path === path)?.message;
}

function withCrossFieldChecks<T extends z.ZodType>(schema: T) {
  return schema
    .refine((input) => !crossFieldProblem(input, 'sigunguCode'), {
      path: ['sigunguCode'],
      when: () => true,
      error: (issue) => crossFieldProblem(issue.input, 'sigunguCode'),
    })
    .refine((input) => !crossFieldProblem(input, 'designatedYears'), {
      path: ['designatedYears'],
      when: () => true,
      error: (issue) => crossFieldProblem(issue.input, 'designatedYears'),
    });
}

/** The body of POST /organisations (register). */
export const organisationBody = withCrossFieldChecks(organisationFields);

/** The body of PUT /organisations/{id} (edit): the revision read, so that two editors never overwrite each other. */
export const organisationUpdateBody = withCrossFieldChecks(
  organisationFields.extend({
    revision: z
      .number({ error: '기관 정보를 다시 불러온 뒤 수정해 주세요.' })
      .int()
      .min(0, { error: '기관 정보를 다시 불러온 뒤 수정해 주세요.' }),
  }),
);

/** Korean field names for validation messages (routes' `labels`). */
export const ORGANISATION_LABELS: Record<string, string> = {
  kind: '기관 종류',
  name: '기관명',
  branchId: '관할 지사',
  businessNumber: '사업자등록번호',
  representative: '대표자 이름',
  sidoCode: '시/도',
  sigunguCode: '시/군/구',
  postalCode: '우편번호',
  address: '도로명주소',
  addressDetail: '상세주소',
  phone: '기관 대표 전화번호',
  fax: '팩스번호',
  email: '기관 이메일',
  contacts: '담당자',
  bankName: '은행명',
  bankAccount: '계좌번호',
  bankHolder: '예금주',
  designatedYears: '지정 연도',
  revision: '수정 기준',
};

/** Years sorted, for storage and display. */
export function sortedYears(years: readonly number[]): number[] {
  return [...new Set(years)].sort((a, b) => a - b);
}
