import { PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client } from '#commons/clients';
import { ENV, requireEnv } from '#commons/config';
import { sha256Hex } from '#commons/documents';
import { bindEntity } from '#commons/entities';
import { encryptField, piiKeys } from '#commons/pii';
import { maskRrn } from '#commons/rrn';
import type { SupportType } from '#functions/applications/codes';
import { ServiceApplication, type ServiceApplicationItem } from '#functions/applications/entities';
import { monthlyCap } from '#functions/applications/rules';
import { contentHash } from '#functions/applications/signature';
import { SELF_DECLARATION_STATEMENT } from '#functions/assistants/disqualifications';
import {
  ActivityApplication,
  type ActivityApplicationItem,
  Assistant,
  type AssistantItem,
  AssistantRrnClaim,
  JobPosting,
  type JobPostingItem,
} from '#functions/assistants/entities';
import { personFromRrn } from '#functions/assistants/rules';
import { Matching, type MatchingItem } from '#functions/matching/entities';
import { withCheckDigit } from '#kernel/business-number';
import * as clock from '#kernel/clock';
import { shiftDay } from '#kernel/korea-time';
import { demoCalendar } from './demo-calendar.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, displayPhone } from './demo-data.ts';
import type { SeedStep } from './seed.ts';

// Demo data of people and matching (issue 5, B1–B5), hanging off the demo accounts: the ten demo
// assistants registered at their agencies (resident numbers encrypted, insurances, a clear
// qualification check with its evidence file), the twelve demo workers' service applications from
// 신청 to 매칭 완료, and the matchings of the demo period (local/demo-calendar.ts) — with 1:2 and 1:3 concurrent support at
// shared workplaces, so the activity logs, comparison and claims built later have real shapes to
// work on. Plus each agency's job postings, one activity application that shows the one-agency rule
// (a registered assistant applying to another agency), and two applications still in progress.
// Every number, name and business here is fictional; resident numbers are made up and only valid
// in form.

// the service year (last month's year) and the matchings' period, from the one demo calendar
const CALENDAR = demoCalendar();
const YEAR = CALENDAR.serviceYear;
const PREVIOUS = YEAR - 1;

interface DemoWorkplace {
  businessNumber: string;
  companyName: string;
  employerName: string;
  address: string;
  sidoCode: string;
  phone: string;
}

const WORKPLACES: Record<string, DemoWorkplace> = {
  hanbitLogistics: {
    businessNumber: withCheckDigit('105811001'),
    companyName: '(예시) 상암물류',
    employerName: '문대표',
    address: '서울특별시 마포구 월드컵북로 402',
    sidoCode: '11',
    phone: '02-3150-1001',
  },
  mapoDesign: {
    businessNumber: withCheckDigit('105811002'),
    companyName: '(예시) 마포디자인',
    employerName: '서대표',
    address: '서울특별시 마포구 양화로 45',
    sidoCode: '11',
    phone: '02-3150-1002',
  },
  sangamIt: {
    businessNumber: withCheckDigit('105811003'),
    companyName: '(예시) 상암아이티',
    employerName: '남대표',
    address: '서울특별시 마포구 매봉산로 31',
    sidoCode: '11',
    phone: '02-3150-1003',
  },
  suwonBakery: {
    businessNumber: withCheckDigit('124811004'),
    companyName: '(예시) 수원제과',
    employerName: '오대표',
    address: '경기도 수원시 팔달구 중부대로 100',
    sidoCode: '41',
    phone: '031-230-1004',
  },
  paldalAccounting: {
    businessNumber: withCheckDigit('124821005'),
    companyName: '(예시) 팔달회계사무소',
    employerName: '하대표',
    address: '경기도 수원시 팔달구 효원로 250',
    sidoCode: '41',
    phone: '031-230-1005',
  },
  ingyeTrading: {
    businessNumber: withCheckDigit('124811006'),
    companyName: '(예시) 인계물산',
    employerName: '구대표',
    address: '경기도 수원시 팔달구 인계로 120',
    sidoCode: '41',
    phone: '031-230-1006',
  },
  ilsanPublishing: {
    businessNumber: withCheckDigit('128811007'),
    companyName: '(예시) 일산출판',
    employerName: '엄대표',
    address: '경기도 고양시 일산동구 중앙로 1200',
    sidoCode: '41',
    phone: '031-901-1007',
  },
  janghangElectronics: {
    businessNumber: withCheckDigit('128831008'),
    companyName: '(예시) 장항전자',
    employerName: '표대표',
    address: '경기도 고양시 일산동구 장항로 200',
    sidoCode: '41',
    phone: '031-901-1008',
  },
};

/** The ten demo assistants: made-up resident numbers, hire dates, e-mail and address. */
export const DEMO_ASSISTANTS: {
  username: string;
  rrn: string;
  hireDate: string;
  address: string;
  qualifications: string[];
  disability?: string;
}[] = [
  {
    username: 'assistant01',
    rrn: '880412-1000201',
    hireDate: `${PREVIOUS - 1}-03-02`,
    address: '서울특별시 마포구 성산동 10',
    qualifications: ['activitySupport'],
  },
  {
    username: 'assistant02',
    rrn: '910725-2000202',
    hireDate: `${PREVIOUS}-12-15`,
    address: '경기도 수원시 팔달구 인계동 20',
    qualifications: ['careWorker'],
  },
  {
    username: 'assistant03',
    rrn: '790130-1000203',
    hireDate: `${PREVIOUS}-12-15`,
    address: '경기도 고양시 일산동구 장항동 30',
    qualifications: [],
  },
  {
    username: 'assistant04',
    rrn: '950908-2000204',
    hireDate: `${PREVIOUS - 1}-07-01`,
    address: '서울특별시 마포구 망원동 40',
    qualifications: ['socialWorker'],
  },
  {
    username: 'assistant05',
    rrn: '830221-1000205',
    hireDate: `${PREVIOUS}-12-15`,
    address: '경기도 수원시 팔달구 매산동 50',
    qualifications: [],
    disability: 'physical',
  },
  {
    username: 'assistant06',
    rrn: '000517-4000206',
    hireDate: `${PREVIOUS}-12-15`,
    address: '경기도 고양시 일산동구 백석동 60',
    qualifications: ['activitySupport'],
  },
  {
    username: 'assistant07',
    rrn: '870603-1000207',
    hireDate: `${PREVIOUS}-12-15`,
    address: '서울특별시 마포구 상암동 70',
    qualifications: ['vocationalRehab'],
  },
  {
    username: 'assistant08',
    rrn: '921111-2000208',
    hireDate: `${PREVIOUS}-12-15`,
    address: '경기도 수원시 팔달구 우만동 80',
    qualifications: ['signLanguage'],
  },
  {
    username: 'assistant09',
    rrn: '840909-1000209',
    hireDate: `${PREVIOUS}-12-15`,
    address: '경기도 고양시 일산동구 마두동 90',
    qualifications: [],
  },
  {
    username: 'assistant10',
    rrn: '980228-2000210',
    hireDate: `${PREVIOUS}-12-15`,
    address: '서울특별시 마포구 합정동 100',
    qualifications: ['careWorker'],
  },
];

interface DemoWorker {
  username: string;
  workplace: keyof typeof WORKPLACES;
  job: string;
  duties: string;
  disability: string;
  supportType: SupportType;
}

/** The twelve demo workers: their workplace, job and disability. */
const DEMO_WORKERS: DemoWorker[] = [
  {
    username: 'worker01',
    workplace: 'hanbitLogistics',
    job: '물류 사무',
    duties: '입출고 전표 입력',
    disability: 'brainLesion',
    supportType: 'T1',
  },
  {
    username: 'worker02',
    workplace: 'suwonBakery',
    job: '제과 포장',
    duties: '포장과 검수',
    disability: 'intellectual',
    supportType: 'T1',
  },
  {
    username: 'worker03',
    workplace: 'ilsanPublishing',
    job: '편집 보조',
    duties: '원고 교정',
    disability: 'visual',
    supportType: 'T1',
  },
  {
    username: 'worker04',
    workplace: 'mapoDesign',
    job: '디자인',
    duties: '시안 작업',
    disability: 'physical',
    supportType: 'T1',
  },
  {
    username: 'worker05',
    workplace: 'paldalAccounting',
    job: '회계 사무',
    duties: '장부 정리',
    disability: 'physical',
    supportType: 'T1',
  },
  {
    username: 'worker06',
    workplace: 'janghangElectronics',
    job: '부품 조립',
    duties: '조립과 검사',
    disability: 'autism',
    supportType: 'T1',
  },
  {
    username: 'worker07',
    workplace: 'sangamIt',
    job: '데이터 입력',
    duties: '자료 입력과 검수',
    disability: 'brainLesion',
    supportType: 'T1',
  },
  {
    username: 'worker08',
    workplace: 'ingyeTrading',
    job: '무역 사무',
    duties: '서류 작성',
    disability: 'hearing',
    supportType: 'T2',
  },
  {
    username: 'worker09',
    workplace: 'janghangElectronics',
    job: '부품 조립',
    duties: '조립',
    disability: 'intellectual',
    supportType: 'T1',
  },
  {
    username: 'worker10',
    workplace: 'sangamIt',
    job: '테스트',
    duties: '소프트웨어 시험',
    disability: 'physical',
    supportType: 'T1',
  },
  {
    username: 'worker11',
    workplace: 'ingyeTrading',
    job: '물품 관리',
    duties: '재고 관리',
    disability: 'intellectual',
    supportType: 'T1',
  },
  {
    username: 'worker12',
    workplace: 'janghangElectronics',
    job: '포장',
    duties: '제품 포장',
    disability: 'mental',
    supportType: 'T1',
  },
];

/**
 * Who supports whom, Monday to Friday. 상암아이티 (worker07, worker10), 인계물산 (worker08, worker11)
 * and 장항전자 (worker06, worker09, worker12) share their assistant: 1:2 and, for two hours a day, 1:3.
 */
const SUPPORTS: { worker: string; assistant: string; start: string; end: string }[] = [
  { worker: 'worker01', assistant: 'assistant01', start: '09:00', end: '13:00' },
  { worker: 'worker04', assistant: 'assistant04', start: '09:00', end: '15:00' },
  { worker: 'worker07', assistant: 'assistant07', start: '10:00', end: '14:00' },
  { worker: 'worker10', assistant: 'assistant07', start: '10:00', end: '14:00' },
  { worker: 'worker10', assistant: 'assistant10', start: '14:00', end: '17:00' },
  { worker: 'worker02', assistant: 'assistant02', start: '09:00', end: '13:00' },
  { worker: 'worker05', assistant: 'assistant05', start: '09:00', end: '16:00' },
  { worker: 'worker08', assistant: 'assistant08', start: '09:00', end: '12:00' },
  { worker: 'worker11', assistant: 'assistant08', start: '09:00', end: '12:00' },
  { worker: 'worker03', assistant: 'assistant03', start: '13:00', end: '17:00' },
  { worker: 'worker06', assistant: 'assistant06', start: '09:00', end: '13:00' },
  { worker: 'worker09', assistant: 'assistant06', start: '09:00', end: '13:00' },
  { worker: 'worker12', assistant: 'assistant06', start: '09:00', end: '11:00' },
  { worker: 'worker12', assistant: 'assistant09', start: '11:00', end: '15:00' },
];

const WEEKDAYS = [0, 1, 2, 3, 4];
const hours = (start: string, end: string) =>
  (Number(end.slice(0, 2)) * 60 + Number(end.slice(3)) - Number(start.slice(0, 2)) * 60 - Number(start.slice(3))) / 60;

function account(username: string) {
  const found = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!found) throw new Error(`no demo account ${username}`);
  return found;
}

function organisation(organisationId: string) {
  const found = DEMO_ORGANISATIONS.find((o) => o.organisationId === organisationId);
  if (!found) throw new Error(`no demo organisation ${organisationId}`);
  return found;
}

const two = (n: number) => String(n).padStart(2, '0');
export const demoAssistantId = (username: string) => `AS-DEMO-${username.slice(-2)}`;
const checkId = (n: number) => `5eed0000-0000-4000-8000-0000000000${two(n)}`;

/** A conditional create that found the item already there: data from an earlier run, kept as it is. */
async function createOnce(write: () => Promise<unknown>): Promise<void> {
  await write().catch((error: unknown) => {
    if (!(error instanceof Error && /conditional request failed|ConditionalCheckFailed/i.test(error.message)))
      throw error;
  });
}

/** A tiny PDF standing for the scanned 범죄경력 회보서 (evidence of the qualification check). */
function evidencePdf(name: string): Uint8Array {
  return new TextEncoder().encode(
    `%PDF-1.4\n% demo evidence for ${name}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

async function demoAssistant(index: number): Promise<AssistantItem> {
  const demo = DEMO_ASSISTANTS[index]!;
  const person = account(demo.username);
  const agency = organisation(person.organisationId);
  const rrn = demo.rrn.replace('-', '');
  const keys = piiKeys();
  const assistantId = demoAssistantId(demo.username);
  // checked before the first day of work, as the agency must
  const checkedOn = demo.hireDate;
  const evidence = evidencePdf(assistantId);
  const sha = sha256Hex(evidence);
  const evidenceKey = `assistants/${assistantId}/qualification-checks/${sha}`;
  await s3Client().send(
    new PutObjectCommand({
      Bucket: requireEnv(ENV.documentsBucket),
      Key: evidenceKey,
      Body: evidence,
      ContentType: 'application/pdf',
    }),
  );
  const at = `${demo.hireDate}T01:00:00.000Z`;
  return {
    assistantId,
    agencyId: agency.organisationId,
    agencyName: agency.name,
    branchId: agency.branchId,
    name: person.name,
    rrnCipher: await encryptField(keys, rrn),
    rrnMac: await keys.mac(rrn),
    rrnMasked: maskRrn(rrn),
    ...personFromRrn(rrn),
    mobilePhone: displayPhone(person.phone),
    email: `${demo.username}@example.com`,
    address: demo.address,
    userId: demo.username,
    disability: demo.disability ? { has: true, type: demo.disability } : { has: false },
    qualifications: demo.qualifications,
    careers:
      index % 3 === 0
        ? [
            {
              from: `${PREVIOUS - 3}-03-01`,
              to: `${PREVIOUS - 2}-12-31`,
              supportType: 'T1',
              note: '다른 수행기관 근무',
            },
          ]
        : [],
    hireDate: demo.hireDate,
    status: 'active',
    statusHistory: [
      { status: 'waiting', on: demo.hireDate, by: agencyStaff(agency.organisationId), at, reason: '등록' },
      {
        status: 'active',
        on: `${YEAR}-01-01` > demo.hireDate ? `${YEAR}-01-01` : demo.hireDate,
        by: agencyStaff(agency.organisationId),
        at: `${YEAR}-01-01T00:00:00.000Z`,
        reason: '매칭',
      },
    ],
    insurances: {
      pension: { enrolledOn: demo.hireDate },
      health: { enrolledOn: demo.hireDate },
      employment: { enrolledOn: demo.hireDate },
      industrialAccident: { enrolledOn: demo.hireDate },
    },
    qualificationChecks: [
      {
        checkId: checkId(index + 1),
        checkedOn,
        findings: {
          mentalIllness: 'clear',
          drugAddiction: 'clear',
          guardianship: 'clear',
          unservedSentence: 'clear',
          sexualOffence: 'clear',
        },
        result: 'clear',
        evidenceUploadId: checkId(index + 1),
        evidenceFileName: `범죄경력조회_회보서_${person.name}.pdf`,
        evidenceSha256: sha,
        evidenceKey,
        evidenceContentType: 'application/pdf',
        note: '경찰서 범죄경력 조회 회보서 확인',
        by: agencyStaff(agency.organisationId),
        at,
      },
    ],
    revision: 1,
    createdAt: at,
    updatedAt: `${YEAR}-01-01T00:00:00.000Z`,
  };
}

function agencyStaff(agencyId: string): string {
  const staff = DEMO_ACCOUNTS.find((a) => a.roles[0] === 'agency' && a.organisationId === agencyId);
  if (!staff) throw new Error(`no staff for ${agencyId}`);
  return staff.username;
}

function branchStaff(branchId: string): string {
  const staff = DEMO_ACCOUNTS.find((a) => a.roles[0] === 'branch' && a.organisationId === branchId);
  if (!staff) throw new Error(`no staff for ${branchId}`);
  return staff.username;
}

export const demoApplicationId = (username: string) => `SA-DEMO-${username.toUpperCase().replace('WORKER', 'W')}`;

function demoApplication(
  worker: DemoWorker,
  status: 'matched' | 'submitted' | 'evaluated',
  year: number,
  period = { start: `${year}-01-01`, end: `${year}-12-31` },
): ServiceApplicationItem {
  const person = account(worker.username);
  const agency = organisation(person.organisationId);
  const workplace = WORKPLACES[worker.workplace]!;
  const daily = SUPPORTS.filter((s) => s.worker === worker.username).reduce((sum, s) => sum + hours(s.start, s.end), 0);
  const applicationId =
    status === 'matched' ? demoApplicationId(worker.username) : `${demoApplicationId(worker.username)}-${year}`;
  const day = (d: number) => `${year - 1}-12-${two(d)}T01:00:00.000Z`;
  const content = {
    applicationId,
    applicantId: worker.username,
    applicantName: person.name,
    branchId: agency.branchId,
    workplace: { ...workplace, businessNumber: workplace.businessNumber },
    job: { title: worker.job, duties: worker.duties, employmentType: 'regular', workStart: '09:00', workEnd: '18:00' },
    disability: { type: worker.disability, severity: 'severe' },
    support: { types: [worker.supportType], details: `${worker.duties}에 필요한 보조` },
    requested: { hoursPerDay: daily, daysPerWeek: 5, startDate: period.start, endDate: period.end },
  };
  const branchUser = branchStaff(agency.branchId);
  const history: ServiceApplicationItem['history'] = [{ status: 'submitted', at: day(1), by: worker.username }];
  if (status !== 'submitted') {
    history.push(
      { status: 'received', at: day(2), by: branchUser },
      { status: 'evaluated', at: day(5), by: branchUser },
    );
  }
  if (status === 'matched') {
    history.push(
      { status: 'matchingRequested', at: day(8), by: branchUser, note: agency.name },
      { status: 'matched', at: day(15), by: agencyStaff(agency.organisationId) },
    );
  }
  return {
    ...content,
    status,
    revision: history.length,
    submittedAt: day(1),
    updatedAt: history[history.length - 1]!.at,
    signature: {
      name: person.name,
      consentedAt: day(1),
      contentHash: contentHash(content),
      method: '이름 입력 서명 + 동의 확인',
    },
    ...(status === 'submitted'
      ? {}
      : {
          evaluation: {
            hoursPerDay: daily,
            daysPerWeek: 5,
            monthlyHours: monthlyCap(daily * 5),
            startDate: period.start,
            endDate: period.end,
            supportType: worker.supportType,
            note: '근무 환경 확인 결과 요청 시간 인정',
            decidedBy: branchUser,
            decidedAt: day(5),
          },
        }),
    ...(status === 'matched'
      ? { requestedAgencyId: agency.organisationId, requestedAgencyName: agency.name, matchingRequestedAt: day(8) }
      : {}),
    history,
  };
}

function demoMatching(support: (typeof SUPPORTS)[number], n: number): MatchingItem {
  const worker = DEMO_WORKERS.find((w) => w.username === support.worker)!;
  const assistant = account(support.assistant);
  const agency = organisation(assistant.organisationId);
  const workplace = WORKPLACES[worker.workplace]!;
  return {
    matchingId: `MT-DEMO-${two(n)}`,
    applicationId: demoApplicationId(worker.username),
    workerId: worker.username,
    workerName: account(worker.username).name,
    assistantId: demoAssistantId(support.assistant),
    assistantName: assistant.name,
    assistantUserId: support.assistant,
    agencyId: agency.organisationId,
    agencyName: agency.name,
    branchId: agency.branchId,
    workplaceKey: workplace.businessNumber,
    workplaceName: workplace.companyName,
    startDate: CALENDAR.period.start,
    endDate: CALENDAR.period.end,
    schedule: WEEKDAYS.map((weekday) => ({ weekday, start: support.start, end: support.end })),
    supportType: worker.supportType,
    status: 'active',
    createdBy: agencyStaff(agency.organisationId),
    createdAt: `${PREVIOUS}-12-15T02:00:00.000Z`,
    revision: 1,
  };
}

const assistantsStep: SeedStep = {
  name: 'assistants (근로지원인 10: 암호화한 주민등록번호, 4대보험, 자격제한 조회와 증빙)',
  async run() {
    for (let i = 0; i < DEMO_ASSISTANTS.length; i++) {
      const item = await demoAssistant(i);
      await createOnce(() =>
        bindEntity(AssistantRrnClaim)
          .create({
            rrnMac: item.rrnMac,
            assistantId: item.assistantId,
            agencyId: item.agencyId,
            claimedAt: item.createdAt,
          })
          .go(),
      );
      await createOnce(() => bindEntity(Assistant).create(item).go());
    }
  },
};

const applicationsStep: SeedStep = {
  name: 'service applications (근로자 12: 신청부터 매칭 완료까지, 진행 중 2건)',
  async run() {
    for (const worker of DEMO_WORKERS) {
      await createOnce(() =>
        bindEntity(ServiceApplication)
          .create(demoApplication(worker, 'matched', YEAR, CALENDAR.period))
          .go(),
      );
    }
    // next year's applications still in progress, for the branch's 접수 and 매칭의뢰 screens
    const waiting = DEMO_WORKERS.find((w) => w.username === 'worker07')!;
    const evaluated = DEMO_WORKERS.find((w) => w.username === 'worker05')!;
    await createOnce(() =>
      bindEntity(ServiceApplication)
        .create(demoApplication(waiting, 'submitted', YEAR + 1))
        .go(),
    );
    await createOnce(() =>
      bindEntity(ServiceApplication)
        .create(demoApplication(evaluated, 'evaluated', YEAR + 1))
        .go(),
    );
  },
};

const matchingsStep: SeedStep = {
  name: 'matchings (근로자 12, 근로지원인 10, 동시 지원 1:2·1:3 포함)',
  async run() {
    for (const [i, support] of SUPPORTS.entries()) {
      await createOnce(() =>
        bindEntity(Matching)
          .create(demoMatching(support, i + 1))
          .go(),
      );
    }
  },
};

const TODAY = () => clock.today();
const inDays = (days: number) => shiftDay(clock.today(), days);

function demoPosting(agencyId: string, n: number, fields: Partial<JobPostingItem>): JobPostingItem {
  const agency = organisation(agencyId);
  return {
    postingId: `JP-DEMO-${agencyId.replace('AG-', '')}-${n}`,
    agencyId,
    agencyName: agency.name,
    agencyPhone: agency.phone,
    branchId: agency.branchId,
    title: '근로지원인 모집',
    sidoCode: agency.sidoCode,
    sidoName: agency.sidoName,
    area: agency.sigunguName,
    supportType: 'T1',
    workStart: '09:00',
    workEnd: '13:00',
    weeklyHours: 20,
    openings: 1,
    description: '사무 보조가 필요한 장애인 근로자를 지원합니다. 장애인활동지원사 교육 수료자를 우대합니다.',
    postedOn: TODAY(),
    closesOn: inDays(45),
    status: 'open',
    revision: 1,
    createdBy: agencyStaff(agencyId),
    ...fields,
  };
}

const postingsStep: SeedStep = {
  name: 'job postings and activity applications (구인정보 6, 활동 신청 2)',
  async run() {
    const postings = [
      demoPosting('AG-HANBIT', 1, { title: '마포구 사무보조 근로지원인', area: '마포구 상암동' }),
      demoPosting('AG-HANBIT', 2, {
        title: '오후 물류 사무 지원(1:2)',
        area: '마포구 상암동',
        workStart: '13:00',
        workEnd: '18:00',
        weeklyHours: 25,
        openings: 2,
      }),
      demoPosting('AG-NEULBOM', 1, {
        title: '수어 통역 근로지원인',
        area: '수원시 팔달구 인계동',
        supportType: 'T2',
        workStart: '09:00',
        workEnd: '15:00',
        weeklyHours: 30,
        description: '청각장애 근로자의 업무 소통을 수어로 지원합니다. 수어통역사 자격이 필요합니다.',
      }),
      demoPosting('AG-DAON', 1, {
        title: '전자부품 조립 현장 지원',
        area: '고양시 일산동구 장항동',
        workStart: '08:30',
        workEnd: '12:30',
      }),
      demoPosting('AG-DAON', 2, {
        title: '출판사 편집 보조 지원',
        area: '고양시 일산동구',
        workStart: '13:00',
        workEnd: '17:00',
      }),
      // filled and closed: the agency's list shows it as 마감, the portal no longer does
      demoPosting('AG-HANBIT', 3, {
        title: '상반기 근로지원인 모집(마감)',
        area: '마포구',
        postedOn: inDays(-100),
        closesOn: inDays(-40),
        status: 'closed',
        revision: 2,
      }),
    ];
    for (const posting of postings) await createOnce(() => bindEntity(JobPosting).create(posting).go());

    // registered assistants applying to a second agency: accepting either shows the one-agency rule
    const crossAgency = [
      { id: 'AA-DEMO-01', index: 0, agencyId: 'AG-NEULBOM', posting: postings[2]!, qualification: 'activitySupport' },
      { id: 'AA-DEMO-02', index: 1, agencyId: 'AG-HANBIT', posting: postings[1]!, qualification: 'careWorker' },
    ];
    for (const entry of crossAgency) {
      const application = await demoActivityApplication(entry);
      await createOnce(() => bindEntity(ActivityApplication).create(application).go());
    }
  },
};

async function demoActivityApplication(entry: {
  id: string;
  index: number;
  agencyId: string;
  posting: JobPostingItem;
  qualification: string;
}): Promise<ActivityApplicationItem> {
  const demo = DEMO_ASSISTANTS[entry.index]!;
  const person = account(demo.username);
  const current = organisation(person.organisationId);
  const agency = organisation(entry.agencyId);
  const rrn = demo.rrn.replace('-', '');
  const keys = piiKeys();
  const at = `${TODAY()}T00:30:00.000Z`;
  return {
    activityApplicationId: entry.id,
    applicantId: demo.username,
    name: person.name,
    phone: person.phone,
    email: `${demo.username}@example.com`,
    address: demo.address,
    rrnCipher: await encryptField(keys, rrn),
    rrnMac: await keys.mac(rrn),
    rrnMasked: maskRrn(rrn),
    ...personFromRrn(rrn),
    disability: { has: false },
    agencyId: agency.organisationId,
    agencyName: agency.name,
    branchId: agency.branchId,
    postingId: entry.posting.postingId,
    postingTitle: entry.posting.title,
    desiredStart: entry.posting.workStart,
    desiredEnd: entry.posting.workEnd,
    desiredSidoCode: agency.sidoCode,
    desiredSidoName: agency.sidoName,
    desiredArea: agency.sigunguName,
    supportType: entry.posting.supportType,
    qualification: entry.qualification,
    selfDeclaration: {
      answer: 'notApplicable',
      confirmed: true,
      statement: SELF_DECLARATION_STATEMENT,
      declaredAt: at,
    },
    careers: [{ from: demo.hireDate, to: `${PREVIOUS}-12-31`, supportType: 'T1', note: current.name }],
    status: 'submitted',
    submittedAt: at,
    revision: 1,
  };
}

export const PEOPLE_SEED_STEPS: SeedStep[] = [assistantsStep, applicationsStep, matchingsStep, postingsStep];

/** Resident numbers of the demo people, for tests that check nothing personal reaches a log. */
export function demoPeoplePersonalData(): string[] {
  return DEMO_ASSISTANTS.flatMap((a) => [a.rrn, a.rrn.replace('-', '')]);
}
