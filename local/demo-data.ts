import type { Grant } from '#commons/caller';
import { ROLE_LABELS, type Role } from '#commons/roles';
import * as clock from '#kernel/clock';

// Demo data of the local stack. Every name, phone number, address and account number here is
// fictional: mobile numbers use the never-issued 010-0000-xxxx block, organisations do not exist.

/** One password for every demo account; meets USER_POOL.passwordPolicy (10+ chars, lower, digit, symbol). */
export const DEMO_PASSWORD = 'Demo!12345';

export const DEMO_BRANCHES = [
  { branchId: 'HQ', name: '한국장애인고용공단 본부' },
  { branchId: 'BR-SEOUL', name: '서울지사' },
  { branchId: 'BR-GYEONGGI', name: '경기지사' },
] as const;

export interface DemoOrganisation {
  organisationId: string;
  kind: 'agency' | 'institution';
  name: string;
  branchId: string;
  sidoCode: string;
  sidoName: string;
  sigunguCode: string;
  sigunguName: string;
  address: string;
  postalCode: string;
  phone: string;
  representative: string;
  bankName: string;
  bankAccount: string;
  bankHolder: string;
  designatedYears: number[];
}

/** The last `count` years up to this one: the demo organisations are designated for the running year. */
function designatedUpToThisYear(count: number): number[] {
  const year = clock.thisYear();
  return Array.from({ length: count }, (_, i) => year - count + 1 + i);
}

/** Three performing agencies in three different 시/군/구 and one training institution. */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    organisationId: 'AG-HANBIT',
    kind: 'agency',
    name: '한빛근로지원센터',
    branchId: 'BR-SEOUL',
    sidoCode: '11',
    sidoName: '서울특별시',
    sigunguCode: '11440',
    sigunguName: '마포구',
    address: '서울특별시 마포구 월드컵북로 400, 5층 (상암동)',
    postalCode: '03925',
    phone: '02-3150-0101',
    representative: '윤서진',
    bankName: '국민은행',
    bankAccount: '000-00-0000-101',
    bankHolder: '한빛근로지원센터',
    designatedYears: designatedUpToThisYear(3),
  },
  {
    organisationId: 'AG-NEULBOM',
    kind: 'agency',
    name: '늘봄장애인자립지원센터',
    branchId: 'BR-GYEONGGI',
    sidoCode: '41',
    sidoName: '경기도',
    sigunguCode: '41115',
    sigunguName: '수원시 팔달구',
    address: '경기도 수원시 팔달구 효원로 241, 3층 (인계동)',
    postalCode: '16488',
    phone: '031-230-0202',
    representative: '강도윤',
    bankName: '농협은행',
    bankAccount: '000-0000-0000-02',
    bankHolder: '늘봄장애인자립지원센터',
    designatedYears: designatedUpToThisYear(2),
  },
  {
    organisationId: 'AG-DAON',
    kind: 'agency',
    name: '다온직업재활협회',
    branchId: 'BR-GYEONGGI',
    sidoCode: '41',
    sidoName: '경기도',
    sigunguCode: '41285',
    sigunguName: '고양시 일산동구',
    address: '경기도 고양시 일산동구 중앙로 1275, 7층 (장항동)',
    postalCode: '10401',
    phone: '031-901-0303',
    representative: '임하준',
    bankName: '신한은행',
    bankAccount: '000-000-000303',
    bankHolder: '다온직업재활협회',
    designatedYears: designatedUpToThisYear(1),
  },
  {
    organisationId: 'IN-KWEDU',
    kind: 'institution',
    name: '한국근로지원인교육원',
    branchId: 'BR-SEOUL',
    sidoCode: '11',
    sidoName: '서울특별시',
    sigunguCode: '11560',
    sigunguName: '영등포구',
    address: '서울특별시 영등포구 국제금융로 10, 12층 (여의도동)',
    postalCode: '07326',
    phone: '02-780-0404',
    representative: '오지안',
    bankName: '우리은행',
    bankAccount: '0000-000-000404',
    bankHolder: '한국근로지원인교육원',
    designatedYears: designatedUpToThisYear(2),
  },
];

export interface DemoAccount {
  username: string;
  name: string;
  /** E.164, as Cognito sends SMS */
  phone: string;
  /** Cognito groups; the first is the account's main role */
  roles: Role[];
  grants: Grant[];
  /** where the person works or is served: branch, agency, institution or programme id */
  organisationId: string;
  /** the organisation's name as the account table shows it */
  organisationName: string;
}

const phone = (n: number) => `+82100000${String(n).padStart(4, '0')}`;
const orgName = (id: string) =>
  DEMO_ORGANISATIONS.find((o) => o.organisationId === id)?.name ??
  DEMO_BRANCHES.find((b) => b.branchId === id)?.name ??
  id;

function account(
  username: string,
  name: string,
  n: number,
  roles: Role[],
  grants: Grant[],
  organisationId: string,
  organisationName = orgName(organisationId),
): DemoAccount {
  return { username, name, phone: phone(n), roles, grants, organisationId, organisationName };
}

/** The youth programme's operating organisation and the employer of the job-matching demo (not Organisation items). */
const YOUTH_OPERATOR = { id: 'OP-CHEONGNYEON', name: '청년일경험 운영기관 (예시)' };
const EMPLOYER = { id: 'EM-SARANGBAT', name: '(주)사랑밭물류 (예시)' };

const ASSISTANT_NAMES = [
  '김민준',
  '이서연',
  '박지호',
  '최수아',
  '정예준',
  '강하은',
  '조도현',
  '윤지우',
  '장시우',
  '한채원',
];
const WORKER_NAMES = [
  '서준우',
  '신다은',
  '권민서',
  '황재원',
  '안유나',
  '송건우',
  '류서윤',
  '전태민',
  '홍나연',
  '고은호',
  '문지민',
  '양현우',
];
const AGENCY_IDS = ['AG-HANBIT', 'AG-NEULBOM', 'AG-DAON'];

/** Accounts for every role of functions/commons/roles.ts, ten assistants and twelve workers. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  account('hq_admin', '정하늘', 101, ['hq'], [{ role: 'hq' }], 'HQ'),
  account('seoul_branch', '배수민', 102, ['branch'], [{ role: 'branch', branchId: 'BR-SEOUL' }], 'BR-SEOUL'),
  account('gyeonggi_branch', '노은비', 103, ['branch'], [{ role: 'branch', branchId: 'BR-GYEONGGI' }], 'BR-GYEONGGI'),
  account('agency_hanbit', '윤서진', 104, ['agency'], [{ role: 'agency', agencyId: 'AG-HANBIT' }], 'AG-HANBIT'),
  account('agency_neulbom', '강도윤', 105, ['agency'], [{ role: 'agency', agencyId: 'AG-NEULBOM' }], 'AG-NEULBOM'),
  account('agency_daon', '임하준', 106, ['agency'], [{ role: 'agency', agencyId: 'AG-DAON' }], 'AG-DAON'),
  account('trainer_kwedu', '오지안', 107, ['trainer'], [{ role: 'trainer', institutionId: 'IN-KWEDU' }], 'IN-KWEDU'),
  account(
    'operator01',
    '표승아',
    108,
    ['operator'],
    [{ role: 'operator', agencyId: YOUTH_OPERATOR.id }],
    YOUTH_OPERATOR.id,
    YOUTH_OPERATOR.name,
  ),
  account('center01', '남궁별', 109, ['center'], [{ role: 'center' }], 'CENTER', '청년일경험 통합지원센터 (예시)'),
  account('youth01', '차유진', 110, ['youth'], [{ role: 'youth' }], 'NONE', '-'),
  account('jobseeker01', '구하람', 111, ['jobseeker'], [{ role: 'jobseeker' }], 'NONE', '-'),
  account('employer01', '맹태호', 112, ['employer'], [{ role: 'employer' }], EMPLOYER.id, EMPLOYER.name),
  ...ASSISTANT_NAMES.map((name, i) =>
    account(
      `assistant${String(i + 1).padStart(2, '0')}`,
      name,
      201 + i,
      ['assistant'],
      [{ role: 'assistant' }],
      AGENCY_IDS[i % AGENCY_IDS.length]!,
    ),
  ),
  ...WORKER_NAMES.map((name, i) =>
    account(
      `worker${String(i + 1).padStart(2, '0')}`,
      name,
      301 + i,
      // a disabled worker may also be a job seeker (SPEC §1): the first demo worker holds both roles
      i === 0 ? ['worker', 'jobseeker'] : ['worker'],
      i === 0 ? [{ role: 'worker' }, { role: 'jobseeker' }] : [{ role: 'worker' }],
      AGENCY_IDS[i % AGENCY_IDS.length]!,
    ),
  ),
];

/** 010-0000-0101 for people reading the table. */
export function displayPhone(e164: string): string {
  const local = `0${e164.replace(/^\+82/, '')}`;
  return `${local.slice(0, 3)}-${local.slice(3, 7)}-${local.slice(7)}`;
}

/** Personal data of the demo (names and phone numbers in every spelling), for the no-PII-in-logs test. */
export function demoPersonalData(): string[] {
  return DEMO_ACCOUNTS.flatMap((a) => [
    a.name,
    a.phone,
    displayPhone(a.phone),
    displayPhone(a.phone).replace(/-/g, ''),
  ]);
}

/** The account table printed at start and kept in local/README.md. */
export function demoAccountTable(): string {
  const rows = DEMO_ACCOUNTS.map((a) => [
    a.username,
    a.roles.map((r) => `${r} (${ROLE_LABELS[r]})`).join(', '),
    a.name,
    displayPhone(a.phone),
    a.organisationName,
  ]);
  const header = ['아이디', '역할', '이름', '휴대전화', '소속'];
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Terminal columns: Hangul and other wide characters take two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u11ff\u3000-\u303f\u3130-\u318f\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}
