import { bindEntity, isConditionFailure } from '#commons/entities';
import { Organisation } from '#functions/agencies/entities';
import { TrainingApplication, TrainingCertificate, TrainingCourse } from '#functions/training/entities';
import {
  type ApplicationState,
  completionOf,
  firstDay,
  lastDay,
  type Session,
  sortedSessions,
  totalHours,
} from '#functions/training/rules';
import * as clock from '#kernel/clock';
import { shiftDay } from '#kernel/korea-time';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS } from './demo-data.ts';
import type { SeedStep } from './seed.ts';

// Demo data of training (SPEC E1), dated around the clock's today so it makes sense on any day:
// 한국근로지원인교육원 (trainer_kwedu) has a course in every state — one open with seats, one full
// with a waiting list, one finished, one draft — with applicants among the demo portal users (the
// finished course's completers chose 한빛 and 늘봄); a second institution in 경기 (no login) has an
// open course with its own applicant, so the institution's screens and the authorisation matrix can
// show that one never sees another's applicants.

/** A second training institution, only in the training demo (its course is "another institution's"). */
export const DEMO_OTHER_INSTITUTION = {
  organisationId: 'IN-HANUL',
  kind: 'institution' as const,
  name: '한울직업교육원',
  branchId: 'BR-GYEONGGI',
  sidoCode: '41',
  sidoName: '경기도',
  sigunguCode: '41111',
  sigunguName: '수원시 장안구',
  address: '경기도 수원시 장안구 정조로 900',
  postalCode: '16200',
  phone: '031-250-0505',
  representative: '한울',
  bankName: '농협은행',
  bankAccount: '000-0000-0505',
  bankHolder: '한울직업교육원',
  designatedYears: [],
};

export const DEMO_COURSE_IDS = {
  open: 'TC-DEMO-OPEN',
  full: 'TC-DEMO-FULL',
  finished: 'TC-DEMO-DONE',
  draft: 'TC-DEMO-DRAFT',
  other: 'TC-DEMO-HANUL',
  confirmed: 'TC-DEMO-PAST',
} as const;

interface DemoCourse {
  courseId: string;
  institutionId: string;
  name: string;
  kind: 'initial' | 'refresher';
  method: 'classroom' | 'online' | 'blended';
  sigunguCode: string;
  sigunguName: string;
  place: string;
  /** session days from today, each 09:00–17:00 (the first day's afternoon on the blended course) */
  days: number[];
  capacity: number;
  applyFrom: number;
  applyTo: number;
  status: 'draft' | 'open' | 'closed' | 'finished';
  /** results confirmed (locked): attendance and score decide each trainee's completion */
  resultsConfirmed?: boolean;
  /** attended: indexes of the sessions attended, with the assessment score (the finished course) */
  applicants: { username: string; state: ApplicationState; wished?: string[]; attended?: number[]; score?: number }[];
}

const COURSES: DemoCourse[] = [
  {
    courseId: DEMO_COURSE_IDS.open,
    institutionId: 'IN-KWEDU',
    name: '근로지원인 양성교육 (서울 정규반)',
    kind: 'initial',
    method: 'classroom',
    sigunguCode: '11560',
    sigunguName: '영등포구',
    place: '서울특별시 영등포구 국제금융로 10, 12층 교육장',
    days: [20, 21, 22],
    capacity: 20,
    applyFrom: -10,
    applyTo: 12,
    status: 'open',
    applicants: [
      { username: 'worker02', state: 'accepted', wished: ['AG-HANBIT'] },
      { username: 'assistant03', state: 'applied' },
    ],
  },
  {
    courseId: DEMO_COURSE_IDS.full,
    institutionId: 'IN-KWEDU',
    name: '근로지원인 보수교육 (소수 정원반)',
    kind: 'refresher',
    method: 'blended',
    sigunguCode: '11440',
    sigunguName: '마포구',
    place: '서울특별시 마포구 월드컵북로 400, 3층',
    days: [15, 16],
    capacity: 2,
    applyFrom: -10,
    applyTo: 7,
    status: 'open',
    applicants: [
      { username: 'assistant01', state: 'accepted' },
      { username: 'assistant02', state: 'applied' },
      { username: 'worker01', state: 'waiting', wished: ['AG-NEULBOM'] },
      { username: 'assistant04', state: 'waiting' },
    ],
  },
  {
    courseId: DEMO_COURSE_IDS.finished,
    institutionId: 'IN-KWEDU',
    name: '근로지원인 양성교육 (지난 기수)',
    kind: 'initial',
    method: 'classroom',
    sigunguCode: '11560',
    sigunguName: '영등포구',
    place: '서울특별시 영등포구 국제금융로 10, 12층 교육장',
    days: [-40, -39, -38],
    capacity: 20,
    applyFrom: -70,
    applyTo: -45,
    status: 'finished',
    applicants: [
      {
        username: 'assistant05',
        state: 'accepted',
        wished: ['AG-HANBIT', 'AG-NEULBOM'],
        attended: [0, 1, 2],
        score: 85,
      },
      // 2 of 3 sessions (67%): below the 80% attendance, so the preview says why not
      { username: 'assistant06', state: 'accepted', wished: ['AG-NEULBOM'], attended: [0, 1], score: 90 },
      // every session but a score under the pass mark (60)
      { username: 'worker03', state: 'accepted', wished: ['AG-HANBIT'], attended: [0, 1, 2], score: 50 },
    ],
  },
  {
    courseId: DEMO_COURSE_IDS.draft,
    institutionId: 'IN-KWEDU',
    name: '근로지원인 보수교육 (온라인, 준비 중)',
    kind: 'refresher',
    method: 'online',
    sigunguCode: '11560',
    sigunguName: '영등포구',
    place: '온라인 (접속 주소는 수강 확정 후 안내)',
    days: [45],
    capacity: 50,
    applyFrom: 20,
    applyTo: 40,
    status: 'draft',
    applicants: [],
  },
  {
    courseId: DEMO_COURSE_IDS.other,
    institutionId: 'IN-HANUL',
    name: '근로지원인 양성교육 (경기 남부반)',
    kind: 'initial',
    method: 'classroom',
    sigunguCode: '41111',
    sigunguName: '수원시 장안구',
    place: '경기도 수원시 장안구 정조로 900, 2층',
    days: [25, 26],
    capacity: 15,
    applyFrom: -5,
    applyTo: 15,
    status: 'open',
    applicants: [{ username: 'assistant07', state: 'applied' }],
  },
  {
    courseId: DEMO_COURSE_IDS.confirmed,
    institutionId: 'IN-KWEDU',
    name: '근로지원인 양성교육 (지난 분기, 결과 확정)',
    kind: 'initial',
    method: 'classroom',
    sigunguCode: '11560',
    sigunguName: '영등포구',
    place: '서울특별시 영등포구 국제금융로 10, 12층 교육장',
    days: [-100, -99],
    capacity: 20,
    applyFrom: -130,
    applyTo: -105,
    status: 'finished',
    resultsConfirmed: true,
    applicants: [
      { username: 'worker04', state: 'accepted', wished: ['AG-HANBIT', 'AG-NEULBOM'], attended: [0, 1], score: 88 },
      { username: 'assistant10', state: 'accepted', wished: ['AG-NEULBOM'], attended: [0, 1], score: 75 },
      // missed a day: not a completer, so no agency sees them
      { username: 'worker07', state: 'accepted', wished: ['AG-HANBIT'], attended: [0], score: 80 },
    ],
  },
];

const ignoreExisting = (error: unknown) => {
  if (!isConditionFailure(error)) throw error;
};

function sessionsOf(course: DemoCourse, today: string): Session[] {
  return sortedSessions(
    course.days.map((d, i) => ({
      day: shiftDay(today, d),
      start: course.method === 'blended' && i === 0 ? '13:00' : '09:00',
      end: '17:00',
    })),
  );
}

const lastOffset = (course: DemoCourse) => Math.max(...course.days) + 1;

/** The demo's completion follows the product's rule (80% attendance, pass mark 60). */
function completes(applicant: DemoCourse['applicants'][number], sessions: Session[]): boolean {
  return completionOf(
    { attendedDays: applicant.attended?.map((i) => sessions[i]!.day) ?? [], score: applicant.score },
    { sessions, passMark: 60 },
  ).completes;
}

const trainingStep: SeedStep = {
  name: 'training (교육과정 6, 교육 신청 13)',
  async run() {
    const today = clock.today();
    await bindEntity(Organisation).create(DEMO_OTHER_INSTITUTION).go().catch(ignoreExisting);
    const institutions = new Map(
      [...DEMO_ORGANISATIONS, DEMO_OTHER_INSTITUTION].map((o) => [o.organisationId, o] as const),
    );
    const agencies = new Map(DEMO_ORGANISATIONS.map((o) => [o.organisationId, o.name] as const));
    let number = 0;
    for (const course of COURSES) {
      const institution = institutions.get(course.institutionId)!;
      const sessions = sessionsOf(course, today);
      const createdAt = `${shiftDay(today, Math.min(course.applyFrom, 0) - 1)}T00:00:00.000Z`;
      await bindEntity(TrainingCourse)
        .create({
          courseId: course.courseId,
          institutionId: course.institutionId,
          institutionName: institution.name,
          branchId: institution.branchId,
          name: course.name,
          kind: course.kind,
          method: course.method,
          sidoCode: course.sigunguCode.slice(0, 2),
          sidoName: course.sigunguCode.startsWith('11') ? '서울특별시' : '경기도',
          sigunguCode: course.sigunguCode,
          sigunguName: course.sigunguName,
          place: course.place,
          sessions,
          firstDay: firstDay(sessions)!,
          lastDay: lastDay(sessions)!,
          totalHours: totalHours(sessions),
          capacity: course.capacity,
          seatsTaken: course.applicants.filter((a) => a.state === 'applied' || a.state === 'accepted').length,
          applyFrom: shiftDay(today, course.applyFrom),
          applyTo: shiftDay(today, course.applyTo),
          contactName: '오지안',
          contactPhone: institution.phone,
          status: course.status,
          listing: course.status === 'draft' ? 'draft' : 'public',
          revision: 1,
          createdBy: 'trainer_kwedu',
          createdAt,
          passMark: 60,
          resultsConfirmedAt: course.resultsConfirmed
            ? `${shiftDay(today, lastOffset(course))}T09:00:00.000Z`
            : undefined,
          resultsConfirmedBy: course.resultsConfirmed ? 'trainer_kwedu' : undefined,
        })
        .go()
        .catch(ignoreExisting);
      for (const [i, applicant] of course.applicants.entries()) {
        number += 1;
        const account = DEMO_ACCOUNTS.find((a) => a.username === applicant.username)!;
        // applied one after another, a day apart from the application period's start
        const appliedAt = `${shiftDay(today, course.applyFrom + i)}T0${i}:00:00.000Z`;
        const birthDate = `19${80 + (number % 15)}-0${1 + (number % 9)}-1${number % 10}`;
        await bindEntity(TrainingApplication)
          .create({
            applicationId: `TA-DEMO-${String(number).padStart(2, '0')}`,
            courseId: course.courseId,
            courseName: course.name,
            institutionId: course.institutionId,
            branchId: institution.branchId,
            applicantId: account.username,
            name: account.name,
            phone: account.phone,
            birthDate,
            gender: number % 2 ? 'F' : 'M',
            email: `${account.username}@example.com`,
            address: institution.sidoCode === '41' ? '경기도 수원시 팔달구 효원로 1' : '서울특별시 마포구 월드컵로 10',
            employmentWish: (applicant.wished ?? []).length > 0,
            wishedAgencies: (applicant.wished ?? []).map((agencyId) => ({
              agencyId,
              agencyName: agencies.get(agencyId)!,
            })),
            career: i % 2 ? '장애인 활동지원사 2년' : undefined,
            consentToAgencies: (applicant.wished ?? []).length > 0,
            consentAt: appliedAt,
            attendedDays: applicant.attended?.map((index) => sessions[index]!.day),
            score: applicant.score,
            completed: course.resultsConfirmed ? completes(applicant, sessions) : undefined,
            completedOn:
              course.resultsConfirmed && completes(applicant, sessions)
                ? shiftDay(today, lastOffset(course))
                : undefined,
            certificateNumber:
              course.resultsConfirmed && completes(applicant, sessions)
                ? demoCertificateNumber(shiftDay(today, lastOffset(course)), number)
                : undefined,
            state: applicant.state,
            appliedAt,
            decidedAt:
              applicant.state === 'accepted' ? `${shiftDay(today, course.applyFrom + i + 1)}T01:00:00.000Z` : undefined,
            decidedBy: applicant.state === 'accepted' ? 'trainer_kwedu' : undefined,
            revision: 1,
          })
          .go()
          .catch(ignoreExisting);
        if (course.resultsConfirmed && completes(applicant, sessions)) {
          const completedOn = shiftDay(today, lastOffset(course));
          await bindEntity(TrainingCertificate)
            .create({
              certificateNumber: demoCertificateNumber(completedOn, number),
              applicationId: `TA-DEMO-${String(number).padStart(2, '0')}`,
              applicantId: account.username,
              name: account.name,
              birthDate,
              courseId: course.courseId,
              courseName: course.name,
              courseKind: course.kind,
              institutionName: institution.name,
              firstDay: firstDay(sessions)!,
              lastDay: lastDay(sessions)!,
              totalHours: totalHours(sessions),
              completedOn,
              issuedAt: `${completedOn}T09:00:00.000Z`,
            })
            .go()
            .catch(ignoreExisting);
        }
      }
    }
  },
};

export const TRAINING_SEED_STEPS: SeedStep[] = [trainingStep];

/** A demo certificate's number: fixed, so a restart finds the same (real ones are random). */
export function demoCertificateNumber(completedOn: string, application: number): string {
  return `TC-${completedOn.slice(0, 4)}-DEMO-${String(application).padStart(4, '0')}`;
}
