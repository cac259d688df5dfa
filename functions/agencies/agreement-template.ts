import { z } from 'zod';
import * as clock from '#kernel/clock';
import { dayField, textField } from '#kernel/fields';

// The yearly agreement's template (A3), pure: the terms the branch fills in, the fixed articles, and
// how amounts are written in a contract (금 일억이천만원정). The PDF (agreement-pdf.ts) and the
// screens both read these, so what is signed is what was shown.

export const MAX_BUDGET = 10_000_000_000;

const wholeNumber = (label: string, min: number, max: number, unit: string) =>
  z
    .number({ error: `${label}을(를) 숫자로 입력해 주세요.` })
    .int({ error: `${label}은(는) 소수점 없이 입력해 주세요.` })
    .min(min, { error: `${label}은(는) ${min.toLocaleString('ko-KR')}${unit} 이상이어야 합니다.` })
    .max(max, { error: `${label}은(는) ${max.toLocaleString('ko-KR')}${unit} 이하로 입력해 주세요.` });

const day = dayField;

/** What the branch writes into the template. Money in whole won; the rate in percent, two decimals at most. */
export const termsFields = z.object({
  periodStart: day('사업 시작일'),
  periodEnd: day('사업 종료일'),
  budget: wholeNumber('사업비 총액', 0, MAX_BUDGET, '원'),
  assistantQuota: wholeNumber('근로지원인 배정 인원', 1, 1000, '명'),
  workerQuota: wholeNumber('지원 대상 장애인 수', 1, 3000, '명'),
  operatingCostRate: z
    .number({ error: '사업운영비 적용 비율을 숫자로 입력해 주세요.' })
    .min(0, { error: '사업운영비 적용 비율은 0% 이상이어야 합니다.' })
    .max(30, { error: '사업운영비 적용 비율은 30% 이하로 입력해 주세요.' })
    .refine((rate) => Math.round(rate * 100) === rate * 100, {
      error: '사업운영비 적용 비율은 소수점 둘째 자리까지 입력해 주세요. (예: 10.49)',
    }),
  specialTerms: textField('특약 사항', {
    max: 2000,
    multiline: true,
    messages: { max: '특약 사항은 2,000자 이하로 입력해 주세요.' },
  })
    .optional()
    .transform((value) => value || undefined),
});

export type Terms = Omit<z.output<typeof termsFields>, 'specialTerms'> & { specialTerms?: string };

export const TERMS_LABELS: Record<string, string> = {
  organisationId: '수행기관',
  year: '약정 연도',
  periodStart: '사업 시작일',
  periodEnd: '사업 종료일',
  budget: '사업비 총액',
  assistantQuota: '근로지원인 배정 인원',
  workerQuota: '지원 대상 장애인 수',
  operatingCostRate: '사업운영비 적용 비율',
  specialTerms: '특약 사항',
};

/** Agreements are drafted for last year (late corrections), this year or the next. */
export function allowedYears(today = clock.today()): number[] {
  const year = Number(today.slice(0, 4));
  return [year - 1, year, year + 1];
}

/** The period must lie within the agreement's year and run forwards. */
export function termsProblems(year: number, terms: Pick<Terms, 'periodStart' | 'periodEnd'>) {
  const problems: { path: string; message: string }[] = [];
  if (!terms.periodStart.startsWith(`${year}-`)) {
    problems.push({ path: 'periodStart', message: `사업 시작일은 약정 연도(${year}년) 안의 날짜여야 합니다.` });
  }
  if (!terms.periodEnd.startsWith(`${year}-`)) {
    problems.push({ path: 'periodEnd', message: `사업 종료일은 약정 연도(${year}년) 안의 날짜여야 합니다.` });
  } else if (terms.periodEnd < terms.periodStart) {
    problems.push({ path: 'periodEnd', message: '사업 종료일이 시작일보다 빠릅니다. 날짜를 다시 골라 주세요.' });
  }
  return problems;
}

const DIGITS = ['', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];
const SMALL_UNITS = ['', '십', '백', '천'];
const LARGE_UNITS = ['', '만', '억', '조'];

/**
 * An amount in Korean numerals as contracts write it, every digit spelled (일백, 일천) so that it
 * cannot be altered: 120000000 → "일억이천만". Zero is "영".
 */
export function wonInKorean(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`not a whole amount of won: ${amount}`);
  if (amount === 0) return '영';
  let out = '';
  let rest = amount;
  for (let group = 0; rest > 0; group++) {
    const part = rest % 10_000;
    rest = Math.floor(rest / 10_000);
    if (part === 0) continue;
    let words = '';
    let digits = part;
    for (let position = 0; digits > 0; position++) {
      const digit = digits % 10;
      digits = Math.floor(digits / 10);
      if (digit) words = DIGITS[digit]! + SMALL_UNITS[position]! + words;
    }
    out = words + LARGE_UNITS[group]! + out;
  }
  return out;
}

/** "금 일억이천만원정(₩120,000,000)" */
export function contractAmount(amount: number): string {
  return `금 ${wonInKorean(amount)}원정(₩${amount.toLocaleString('ko-KR')})`;
}

/** "2026년 1월 1일" */
export function koreanDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return `${y}년 ${m}월 ${d}일`;
}

export interface Parties {
  kead: { name: string; office: string };
  agency: { name: string; representative: string; address: string; businessNumber?: string };
}

/** The fixed articles; amounts and dates come from the terms. */
export function articles(year: number, parties: Parties, terms: Terms): { title: string; body: string }[] {
  return [
    {
      title: '제1조(목적)',
      body: `이 약정은 ${year}년도 근로지원인 지원사업을 수행하기 위하여 “갑”과 “을”이 지켜야 할 사항을 정함을 목적으로 한다.`,
    },
    {
      title: '제2조(사업 기간)',
      body: `사업 기간은 ${koreanDay(terms.periodStart)}부터 ${koreanDay(terms.periodEnd)}까지로 한다.`,
    },
    {
      title: '제3조(사업 내용)',
      body: `“을”은 근로지원인 ${terms.assistantQuota}명 이내를 채용·관리하여 중증장애인 근로자 ${terms.workerQuota}명 이내에게 근로지원 서비스를 제공한다.`,
    },
    {
      title: '제4조(사업비)',
      body: `“갑”은 사업비 ${contractAmount(terms.budget)} 범위에서 “을”이 신청하고 “갑”이 결정한 금액을 지급한다. 사업운영비는 근로지원인 급여의 ${terms.operatingCostRate}%를 적용한다.`,
    },
    {
      title: '제5조(“을”의 의무)',
      body: '“을”은 활동일지와 출퇴근 기록을 성실히 관리하고, 개인정보 보호법에 따라 근로지원인과 장애인 근로자의 개인정보를 보호하여야 한다.',
    },
    {
      title: '제6조(정산)',
      body: '“을”은 사업 기간이 끝나면 지급받은 사업비를 정산하여 “갑”에게 제출하고, 남은 금액과 부정하게 받은 금액을 반환한다.',
    },
    {
      title: '제7조(약정의 해지)',
      body: '“을”이 이 약정을 위반하거나 사업을 계속할 수 없는 경우 “갑”은 서면으로 알린 뒤 약정을 해지할 수 있다.',
    },
    {
      title: '제8조(기타)',
      body: `이 약정에서 정하지 않은 사항은 ${year}년도 근로지원인 지원사업 운영 지침에 따른다. ${parties.kead.name} ${parties.kead.office}와(과) ${parties.agency.name}은(는) 이 약정을 전자문서로 체결하고 각자 보관한다.`,
    },
  ];
}
