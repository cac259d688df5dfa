import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '#commons/errors';
import { parseOrThrow } from '#commons/http/validation';
import {
  formatPhone,
  ORGANISATION_LABELS,
  organisationBody,
  organisationProblems,
} from '#functions/agencies/organisation-rules';
import { businessNumberValid } from '#kernel/business-number';

const valid = {
  kind: 'agency',
  name: '새빛근로지원센터',
  branchId: 'BR-SEOUL',
  businessNumber: '1234567891',
  representative: '홍길동',
  sidoCode: '11',
  sigunguCode: '11440',
  postalCode: '03925',
  address: '서울특별시 마포구 월드컵북로 400',
  addressDetail: '5층',
  phone: '0231500101',
  fax: '',
  email: '',
  contacts: [{ name: '김담당', position: '팀장', phone: '010-0000-0301', email: 'kim@example.kr' }],
  bankName: '국민은행',
  bankAccount: '000-00-0000-101',
  bankHolder: '새빛근로지원센터',
  designatedYears: [2026, 2025],
};

function problems(input: unknown) {
  try {
    parseOrThrow(organisationBody, input, 'body', ORGANISATION_LABELS);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationFailed)) throw error;
    return error.fields;
  }
}

describe('organisation registry input (A1)', () => {
  it('accepts a complete registration and normalises numbers', () => {
    const parsed = organisationBody.parse(valid);
    expect(parsed.phone).toBe('02-3150-0101');
    expect(parsed.businessNumber).toBe('123-45-67891');
    expect(parsed.fax).toBeUndefined();
    expect(parsed.email).toBeUndefined();
    expect(parsed.contacts[0]!.phone).toBe('010-0000-0301');
  });

  it.each([
    ['name', { name: '가' }, '기관명은(는) 2자 이상 입력해 주세요.'],
    ['branchId', { branchId: 'BR-BUSAN' }, '관할 지사를 목록에서 골라 주세요.'],
    ['businessNumber', { businessNumber: '123-45-67890' }, '사업자등록번호가 올바르지 않습니다.'],
    ['representative', { representative: '' }, '대표자 이름을(를) 입력해 주세요.'],
    ['sidoCode', { sidoCode: '42' }, '시/도를 목록에서 골라 주세요.'],
    ['sigunguCode', { sigunguCode: '41285' }, '서울특별시에 속하지 않거나'],
    ['postalCode', { postalCode: '1234' }, '우편번호는 숫자 5자리로'],
    ['address', { address: '서울' }, '도로명주소은(는) 5자 이상'],
    ['phone', { phone: '1234' }, '기관 대표 전화번호는 02-1234-5678'],
    ['fax', { fax: '02-12' }, '팩스번호는 02-1234-5678처럼'],
    ['email', { email: 'not-mail' }, '기관 이메일은(는) name@example.kr처럼'],
    ['contacts', { contacts: [] }, '담당자를 한 명 이상 입력해 주세요.'],
    ['contacts.0.phone', { contacts: [{ name: '김담당', phone: '' }] }, '담당자 연락처를 입력해 주세요.'],
    ['bankAccount', { bankAccount: '12-34' }, '계좌번호는 숫자와 붙임표(-)로 10~16자리'],
    ['bankHolder', { bankHolder: '' }, '예금주을(를) 입력해 주세요.'],
    ['designatedYears', { designatedYears: [1999] }, '지정 연도는 2009년부터'],
    ['designatedYears', { designatedYears: [2025, 2025] }, '같은 지정 연도가 두 번'],
  ])('names the field %s and says how to fix it', (field, change, message) => {
    const found = problems({ ...valid, ...change });
    const problem = found.find((p) => p.field === `body.${field}`);
    expect(problem, JSON.stringify(found)).toBeDefined();
    expect(problem!.message).toContain(message);
    expect(problem!.label).toBe(ORGANISATION_LABELS[field.split('.')[0]!]);
  });

  it('lists every bad field at once, the region and years among them', () => {
    const found = problems({
      ...valid,
      name: '',
      phone: 'x',
      bankName: '',
      sigunguCode: '41285',
      designatedYears: [1990],
    });
    expect(found.map((p) => p.field).sort()).toEqual([
      'body.bankName',
      'body.designatedYears',
      'body.name',
      'body.phone',
      'body.sigunguCode',
    ]);
  });

  it('does not repeat a region problem the field itself already has', () => {
    const found = problems({ ...valid, sigunguCode: '123' });
    expect(found.filter((p) => p.field === 'body.sigunguCode')).toHaveLength(1);
  });

  it('checks the 시/군/구 list as of the day: 부천 districts from 2024, 인천 from July 2026', () => {
    const bucheon = { sidoCode: '41', sigunguCode: '41192', designatedYears: [] };
    expect(organisationProblems(bucheon, '2023-12-31')).toHaveLength(1);
    expect(organisationProblems(bucheon, '2024-01-01')).toEqual([]);
    const jung = { sidoCode: '28', sigunguCode: '28110', designatedYears: [] };
    expect(organisationProblems(jung, '2026-06-30')).toEqual([]);
    expect(organisationProblems(jung, '2026-07-01')[0]!.path).toBe('sigunguCode');
    expect(organisationProblems({ sidoCode: '28', sigunguCode: '28125', designatedYears: [] }, '2026-07-01')).toEqual(
      [],
    );
  });

  it('allows designation up to next year', () => {
    expect(
      organisationProblems({ sidoCode: '11', sigunguCode: '11440', designatedYears: [2027] }, '2026-11-21'),
    ).toEqual([]);
    expect(
      organisationProblems({ sidoCode: '11', sigunguCode: '11440', designatedYears: [2028] }, '2026-11-21')[0]!.message,
    ).toContain('2027년까지');
  });
});

describe('phone and business numbers', () => {
  it.each([
    ['02-3150-0101', '02-3150-0101'],
    ['021234567', '02-123-4567'],
    ['031 230 0202', '031-230-0202'],
    ['01000000104', '010-0000-0104'],
    ['0701234567', '070-123-4567'],
    ['1588-1519', '1588-1519'],
  ])('formats %s as %s', (input, expected) => {
    expect(formatPhone(input)).toBe(expected);
  });

  it.each(['', '02-12', '099-123-4567', '010-1234-56789', 'abc'])('refuses %s', (input) => {
    expect(formatPhone(input)).toBeUndefined();
  });

  it('checks the National Tax Service check digit', () => {
    expect(businessNumberValid('123-45-67891')).toBe(true);
    expect(businessNumberValid('123-45-67890')).toBe(false);
    expect(businessNumberValid('12345')).toBe(false);
    // every other last digit is wrong for the same first nine
    const wrong = [0, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => businessNumberValid(`123456789${d}`));
    expect(wrong).toEqual([]);
  });
});
