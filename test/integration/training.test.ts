import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '#kernel/clock';
import { shiftDay } from '#kernel/korea-time';
import { DEMO_COURSE_IDS } from '#local/demo-training';
import { checkResponse } from '../support/contract.ts';
import { signInThroughApi } from '../support/session.ts';
import { startStack, type TestStack } from '../support/stack.ts';

// Training (SPEC E1, issue 16 §1–2) end to end on the local stack with the demo data: the institution
// opens a course and takes it through its states; the portal lists it by region and month; people
// apply with the seed's fields and consent, the course fills and the next go to the waiting list; a
// cancelled seat goes to the first waiting, who is told by SMS; the institution accepts and refuses
// with a reason; one institution never sees another's applicants, the branch sees its institutions'.

let stack: TestStack;
const tokens: Record<string, string> = {};
const today = clock.today();

// biome-ignore lint/suspicious/noExplicitAny: response bodies of many shapes, checked by the assertions
type Json = any;

async function api(
  as: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(as ? { authorization: `Bearer ${tokens[as]}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await res.json();
  checkResponse(method, path, res.status, answer);
  return { status: res.status, body: answer };
}

async function smsTo(username: string): Promise<{ text: string; channel: string }[]> {
  const res = await fetch(`${stack.outboxUrl}.json?to=${encodeURIComponent(username)}`);
  return ((await res.json()) as { items: { text: string; channel: string }[] }).items;
}

const application = (wishedAgencyIds: string[] = []) => ({
  birthDate: '1990-05-17',
  gender: 'F',
  email: 'person@example.com',
  address: '서울특별시 마포구 월드컵로 10',
  employmentWish: wishedAgencyIds.length > 0,
  wishedAgencyIds,
  career: '장애인 활동지원 1년',
  consents: { privacy: true, agencies: wishedAgencyIds.length > 0 },
});

beforeAll(async () => {
  stack = await startStack();
  for (const username of [
    'trainer_kwedu',
    'seoul_branch',
    'gyeonggi_branch',
    'hq_admin',
    'assistant05',
    'assistant06',
    'assistant08',
    'assistant09',
    'worker05',
    'worker06',
    'youth01',
    'agency_hanbit',
    'agency_neulbom',
  ]) {
    tokens[username] = await signInThroughApi(stack, username);
  }
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('training courses and applications on the local stack', () => {
  let courseId: string;

  it('the institution opens a course: a draft, Korean refusals, then open for applications', async () => {
    const body = {
      name: '근로지원인 양성교육 (통합 시험반)',
      kind: 'initial',
      method: 'classroom',
      sidoCode: '11',
      sigunguCode: '11560',
      place: '서울특별시 영등포구 국제금융로 10, 12층',
      sessions: [
        { day: shiftDay(today, 31), start: '13:00', end: '17:00' },
        { day: shiftDay(today, 30), start: '09:00', end: '17:00' },
      ],
      capacity: 2,
      applyFrom: today,
      applyTo: shiftDay(today, 20),
      contactName: '오지안',
      contactPhone: '02-780-0404',
    };
    const refused = await api('trainer_kwedu', 'POST', '/training/courses', {
      ...body,
      applyTo: shiftDay(today, 30),
      sigunguCode: '41111',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('첫 교육일');
    expect(refused.body.error.message).toContain('시/군/구');

    const created = await api('trainer_kwedu', 'POST', '/training/courses', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      institutionName: '한국근로지원인교육원',
      branchId: 'BR-SEOUL',
      sigunguName: '영등포구',
      totalHours: 12,
      seatsTaken: 0,
      accepting: false,
    });
    expect(created.body.sessions.map((s: Json) => s.day)).toEqual([shiftDay(today, 30), shiftDay(today, 31)]);
    courseId = created.body.courseId;
    // a draft is not on the portal
    expect((await api(undefined, 'GET', `/public/training-courses/${courseId}`)).status).toBe(404);

    const wrongStep = await api('trainer_kwedu', 'POST', `/training/courses/${courseId}/status`, {
      to: 'finished',
      revision: 1,
    });
    expect(wrongStep.status).toBe(409);
    const opened = await api('trainer_kwedu', 'POST', `/training/courses/${courseId}/status`, {
      to: 'open',
      revision: 1,
    });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'open', accepting: true, revision: 2 });
  });

  it('the portal lists open courses by region and month, without drafts', async () => {
    const month = shiftDay(today, 30).slice(0, 7);
    const seoul = await api(undefined, 'GET', `/public/training-courses?sido=11&month=${month}`);
    expect(seoul.status).toBe(200);
    const ids = seoul.body.items.map((c: Json) => c.courseId);
    expect(ids).toContain(courseId);
    expect(ids).not.toContain(DEMO_COURSE_IDS.draft);
    expect(ids).not.toContain(DEMO_COURSE_IDS.other);
    expect(seoul.body.items.every((c: Json) => c.sidoCode === '11')).toBe(true);
    const gyeonggi = await api(undefined, 'GET', '/public/training-courses?sido=41&sigungu=41111');
    expect(gyeonggi.body.items.map((c: Json) => c.courseId)).toEqual([DEMO_COURSE_IDS.other]);
    const bad = await api(undefined, 'GET', '/public/training-courses?month=2026-13');
    expect(bad.status).toBe(422);
  });

  it('people apply with the seed’s fields; a full course puts the next on the waiting list', async () => {
    const noConsent = await api('assistant08', 'POST', `/training/courses/${courseId}/applications`, {
      ...application(['AG-HANBIT']),
      consents: { privacy: true, agencies: false },
    });
    expect(noConsent.status).toBe(422);
    expect(noConsent.body.error.message).toContain('정보를 제공하는 데 동의');
    const four = await api('assistant08', 'POST', `/training/courses/${courseId}/applications`, {
      ...application(['AG-HANBIT', 'AG-NEULBOM', 'AG-DAON', 'IN-KWEDU']),
    });
    expect(four.status).toBe(422);

    const first = await api(
      'assistant08',
      'POST',
      `/training/courses/${courseId}/applications`,
      application(['AG-HANBIT', 'AG-NEULBOM']),
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      state: 'applied',
      name: '윤지우',
      employmentWish: true,
      consentToAgencies: true,
      wishedAgencies: [
        { agencyId: 'AG-HANBIT', agencyName: expect.any(String) },
        { agencyId: 'AG-NEULBOM', agencyName: expect.any(String) },
      ],
    });
    expect(first.body.course.seatsTaken).toBe(1);
    const twice = await api('assistant08', 'POST', `/training/courses/${courseId}/applications`, application());
    expect(twice.status).toBe(409);

    const second = await api('worker05', 'POST', `/training/courses/${courseId}/applications`, application());
    expect(second.body.state).toBe('applied');
    const third = await api('youth01', 'POST', `/training/courses/${courseId}/applications`, application());
    expect(third.body).toMatchObject({ state: 'waiting', waitingRank: 1 });
    const fourth = await api('worker06', 'POST', `/training/courses/${courseId}/applications`, application());
    expect(fourth.body).toMatchObject({ state: 'waiting', waitingRank: 2 });

    // staff may not apply
    expect(
      (await api('trainer_kwedu', 'POST', `/training/courses/${courseId}/applications`, application())).status,
    ).toBe(403);
  });

  it('a cancelled seat goes to the first on the waiting list, who is told by SMS', async () => {
    const mine = await api('worker05', 'GET', '/me/training-applications');
    const seat = mine.body.items.find((a: Json) => a.courseId === courseId);
    expect(seat.course.name).toBe('근로지원인 양성교육 (통합 시험반)');
    // another person cannot cancel it
    expect(
      (
        await api('assistant08', 'POST', `/me/training-applications/${seat.applicationId}/cancel`, {
          revision: seat.revision,
        })
      ).status,
    ).toBe(403);
    const cancelled = await api('worker05', 'POST', `/me/training-applications/${seat.applicationId}/cancel`, {
      revision: seat.revision,
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.state).toBe('cancelled');
    expect(cancelled.body.course.seatsTaken).toBe(2);

    const youth = (await api('youth01', 'GET', '/me/training-applications')).body.items.find(
      (a: Json) => a.courseId === courseId,
    );
    expect(youth.state).toBe('applied');
    const worker = (await api('worker06', 'GET', '/me/training-applications')).body.items.find(
      (a: Json) => a.courseId === courseId,
    );
    expect(worker).toMatchObject({ state: 'waiting', waitingRank: 1 });
    const texts = (await smsTo('youth01')).map((m) => m.text);
    expect(texts.some((t) => t.includes('자리가 나서'))).toBe(true);
  });

  it('the institution lists its applicants with the seed’s columns, accepts, and refuses with a reason', async () => {
    const list = await api('trainer_kwedu', 'GET', `/training/courses/${courseId}/applications`);
    expect(list.status).toBe(200);
    const byName = (name: string) => list.body.items.find((a: Json) => a.name === name);
    expect(byName('윤지우')).toMatchObject({
      birthDate: '1990-05-17',
      gender: 'F',
      email: 'person@example.com',
      address: '서울특별시 마포구 월드컵로 10',
      employmentWish: true,
      career: '장애인 활동지원 1년',
    });
    expect(list.body.items).toHaveLength(4);

    const accept = byName('윤지우');
    const accepted = await api('trainer_kwedu', 'POST', `/training/applications/${accept.applicationId}/decision`, {
      decision: 'accept',
      revision: accept.revision,
    });
    expect(accepted.body.state).toBe('accepted');

    const youth = list.body.items.find((a: Json) => a.applicantId === 'youth01');
    const noReason = await api('trainer_kwedu', 'POST', `/training/applications/${youth.applicationId}/decision`, {
      decision: 'refuse',
      revision: youth.revision,
    });
    expect(noReason.status).toBe(422);
    const refused = await api('trainer_kwedu', 'POST', `/training/applications/${youth.applicationId}/decision`, {
      decision: 'refuse',
      reason: '거주지 기준 다른 지역 과정 대상입니다.',
      revision: youth.revision,
    });
    expect(refused.body).toMatchObject({ state: 'refused', refusalReason: '거주지 기준 다른 지역 과정 대상입니다.' });
    // the refused seat went to the next waiting person
    const worker = (await api('worker06', 'GET', '/me/training-applications')).body.items.find(
      (a: Json) => a.courseId === courseId,
    );
    expect(worker.state).toBe('applied');
    expect((await smsTo('youth01')).some((m) => m.text.includes('반려'))).toBe(true);

    const courses = await api('trainer_kwedu', 'GET', '/training/courses');
    const course = courses.body.items.find((c: Json) => c.courseId === courseId);
    expect(course).toMatchObject({ applicants: 3, attendees: 1, waiting: 0, seatsTaken: 2 });
  });

  it('one institution never sees another’s applicants; the branch sees only its own institutions’ courses', async () => {
    expect((await api('trainer_kwedu', 'GET', `/training/courses/${DEMO_COURSE_IDS.other}/applications`)).status).toBe(
      403,
    );
    expect((await api('trainer_kwedu', 'GET', '/training/courses?institutionId=IN-HANUL')).status).toBe(403);
    const own = await api('trainer_kwedu', 'GET', '/training/courses');
    expect(own.body.items.every((c: Json) => c.institutionId === 'IN-KWEDU')).toBe(true);
    expect(own.body.items.map((c: Json) => c.status)).toEqual(expect.arrayContaining(['draft', 'open', 'finished']));

    const seoul = await api('seoul_branch', 'GET', '/training/courses');
    expect(seoul.body.items.map((c: Json) => c.courseId)).toContain(courseId);
    expect(seoul.body.items.map((c: Json) => c.courseId)).not.toContain(DEMO_COURSE_IDS.other);
    expect((await api('seoul_branch', 'GET', `/training/courses/${courseId}/applications`)).status).toBe(200);
    expect((await api('gyeonggi_branch', 'GET', `/training/courses/${courseId}/applications`)).status).toBe(403);
    const all = await api('hq_admin', 'GET', '/training/courses');
    expect(all.body.items.map((c: Json) => c.courseId)).toEqual(
      expect.arrayContaining([courseId, DEMO_COURSE_IDS.other]),
    );

    // the demo's full course: two seats taken, two waiting
    const full = own.body.items.find((c: Json) => c.courseId === DEMO_COURSE_IDS.full);
    expect(full).toMatchObject({ capacity: 2, seatsTaken: 2, waiting: 2 });
  });

  it('the applicant list downloads as Excel: full details for the institution, masked for the branch', async () => {
    const rows = async (as: string) => {
      const { status, body } = await api(as, 'GET', `/training/courses/${courseId}/applications/export`);
      expect(status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(body.base64, 'base64') as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('교육 신청자')!;
      const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map(String);
      return { masked: body.masked, header: values(1), rows: [2, 3, 4, 5].map(values) };
    };
    const trainer = await rows('trainer_kwedu');
    expect(trainer.masked).toBe(false);
    expect(trainer.header).toEqual([
      'No.',
      '성명',
      '생년월일',
      '성별',
      '전화번호',
      'E-Mail',
      '주소',
      '취업희망여부',
      '근무희망수행기관',
      '활동경력',
      '신청 상태',
    ]);
    const own = trainer.rows.find((r) => r[1] === '윤지우')!;
    expect(own[4]).toMatch(/^010-\d{4}-\d{4}$/);
    expect(own[5]).toBe('person@example.com');
    const branch = await rows('seoul_branch');
    expect(branch.masked).toBe(true);
    const masked = branch.rows.find((r) => r[1] === '윤*우')!;
    expect(masked[4]).toMatch(/^010-\*{4}-\d{4}$/);
    expect(masked[5]).toBe('pe***@example.com');
    expect(masked[6]).toBe('서울특별시 마포구 ***');
    expect(branch.rows.flat().join(' ')).not.toContain('윤지우');
  });

  it('results: a preview by rule with reasons, a correction before confirming, then locked', async () => {
    const preview = await api('trainer_kwedu', 'GET', `/training/courses/${DEMO_COURSE_IDS.finished}/results`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ confirmed: false, threshold: 0.8, completing: 1, notCompleting: 2 });
    const by = (body: Json, id: string) => body.trainees.find((t: Json) => t.applicantId === id);
    expect(by(preview.body, 'assistant05')).toMatchObject({ completes: true, attended: 3, sessions: 3, reasons: [] });
    expect(by(preview.body, 'assistant06').reasons).toEqual(['출석 2/3회(66.7%)로 수료 기준 80%에 못 미칩니다.']);
    expect(by(preview.body, 'worker03').reasons).toEqual(['평가 점수 50점으로 합격 점수 60점에 못 미칩니다.']);
    expect((await api('gyeonggi_branch', 'GET', `/training/courses/${DEMO_COURSE_IDS.finished}/results`)).status).toBe(
      403,
    );
    expect((await api('seoul_branch', 'GET', `/training/courses/${DEMO_COURSE_IDS.finished}/results`)).status).toBe(
      200,
    );

    // a day that is not a session day is refused; the re-assessed score is recorded
    const worker = by(preview.body, 'worker03');
    const stray = await api('trainer_kwedu', 'PUT', `/training/applications/${worker.applicationId}/result`, {
      attendedDays: [...worker.attendedDays, '2020-01-01'],
      score: 70,
      revision: worker.revision,
    });
    expect(stray.status).toBe(422);
    const corrected = await api('trainer_kwedu', 'PUT', `/training/applications/${worker.applicationId}/result`, {
      attendedDays: worker.attendedDays,
      score: 70,
      revision: worker.revision,
    });
    expect(corrected.status).toBe(200);
    const again = await api('trainer_kwedu', 'GET', `/training/courses/${DEMO_COURSE_IDS.finished}/results`);
    expect(again.body).toMatchObject({ completing: 2, notCompleting: 1 });

    // confirming needs a finished course: the open one is refused
    const open = (await api('trainer_kwedu', 'GET', '/training/courses')).body.items.find(
      (c: Json) => c.courseId === courseId,
    );
    expect(
      (await api('trainer_kwedu', 'POST', `/training/courses/${courseId}/results/confirm`, { revision: open.revision }))
        .status,
    ).toBe(400);

    const confirmed = await api(
      'trainer_kwedu',
      'POST',
      `/training/courses/${DEMO_COURSE_IDS.finished}/results/confirm`,
      {
        revision: again.body.course.revision,
      },
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ confirmed: true, completing: 2, notCompleting: 1 });
    expect(confirmed.body.course.resultsConfirmedAt).toBeTruthy();
    const list = await api('trainer_kwedu', 'GET', `/training/courses/${DEMO_COURSE_IDS.finished}/applications`);
    const completer = list.body.items.find((a: Json) => a.applicantId === 'assistant05');
    expect(completer).toMatchObject({ completed: true, completedOn: today });
    expect(list.body.items.find((a: Json) => a.applicantId === 'assistant06').completed).toBe(false);

    // locked: neither a result nor a second confirmation goes through
    const latest = list.body.items.find((a: Json) => a.applicantId === 'assistant06');
    const locked = await api('trainer_kwedu', 'PUT', `/training/applications/${latest.applicationId}/result`, {
      attendedDays: worker.attendedDays,
      score: 95,
      revision: latest.revision,
    });
    expect(locked.status).toBe(409);
    expect(locked.body.error.message).toContain('확정된 결과는 고칠 수 없습니다');
    expect(
      (
        await api('trainer_kwedu', 'POST', `/training/courses/${DEMO_COURSE_IDS.finished}/results/confirm`, {
          revision: confirmed.body.course.revision,
        })
      ).status,
    ).toBe(409);
  });

  it('completers get a numbered 수료증: their own PDF on My page, checkable on the portal by its number', async () => {
    const mine = await api('assistant05', 'GET', '/me/training-applications');
    const done = mine.body.items.find((a: Json) => a.courseId === DEMO_COURSE_IDS.finished);
    expect(done).toMatchObject({ completed: true });
    expect(done.certificateNumber).toMatch(/^TC-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const pdf = await api('assistant05', 'GET', `/me/training-applications/${done.applicationId}/certificate`);
    expect(pdf.status).toBe(200);
    expect(pdf.body.contentType).toBe('application/pdf');
    const bytes = Buffer.from(pdf.body.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.body.fileName).toContain(done.certificateNumber);
    // another person's certificate is not theirs to download
    expect(
      (await api('assistant06', 'GET', `/me/training-applications/${done.applicationId}/certificate`)).status,
    ).toBe(403);
    // one who did not complete has none
    const notDone = (await api('assistant06', 'GET', '/me/training-applications')).body.items.find(
      (a: Json) => a.courseId === DEMO_COURSE_IDS.finished,
    );
    expect(notDone.certificateNumber).toBeUndefined();
    const none = await api('assistant06', 'GET', `/me/training-applications/${notDone.applicationId}/certificate`);
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain('수료가 확정된 교육만');

    // the portal's check, signed out: genuine, the name masked; an unknown or malformed number explained
    const check = await fetch(`${stack.apiUrl}/public/training-certificates/${done.certificateNumber.toLowerCase()}`);
    expect(check.status).toBe(200);
    const shown = await check.json();
    expect(shown).toMatchObject({ certificateNumber: done.certificateNumber, completedOn: today });
    expect(shown.maskedName).toContain('*');
    expect(shown.maskedName).not.toBe(done.name);
    expect((await fetch(`${stack.apiUrl}/public/training-certificates/TC-2026-ZZZZ-ZZZZ`)).status).toBe(404);
    const malformed = await fetch(`${stack.apiUrl}/public/training-certificates/12345`);
    expect(malformed.status).toBe(422);
    expect((await malformed.json()).error.fields[0].message).toContain('TC-2026-ABCD-EFGH');
  });

  it('a confirmed result is corrected only with a reason; completing issues a 수료증, no longer completing withdraws it', async () => {
    const results = await api('trainer_kwedu', 'GET', `/training/courses/${DEMO_COURSE_IDS.finished}/results`);
    const short = results.body.trainees.find((t: Json) => t.applicantId === 'assistant06');
    expect(short.completes).toBe(false);
    const days = results.body.course.sessions.map((s: Json) => s.day);
    const path = `/training/applications/${short.applicationId}/result-correction`;
    const noReason = await api('trainer_kwedu', 'PUT', path, {
      attendedDays: days,
      score: 90,
      revision: short.revision,
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields[0]).toMatchObject({ field: 'body.reason' });
    expect(
      (await api('seoul_branch', 'PUT', path, { attendedDays: days, reason: '권한 확인', revision: 1 })).status,
    ).toBe(403);

    const fixed = await api('trainer_kwedu', 'PUT', path, {
      attendedDays: days,
      score: 90,
      reason: '출석부 재확인: 셋째 날 출석 누락',
      revision: short.revision,
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ completed: true });
    const number = fixed.body.certificateNumber;
    expect(number).toMatch(/^TC-/);
    const issued = await (await fetch(`${stack.apiUrl}/public/training-certificates/${number}`)).json();
    expect(issued.revoked).toBeUndefined();

    // taken back: the certificate stays checkable, marked withdrawn with the reason
    const undone = await api('trainer_kwedu', 'PUT', path, {
      attendedDays: days.slice(0, 1),
      score: 90,
      reason: '출석부 재확인 결과 둘째·셋째 날 결석',
      revision: fixed.body.revision,
    });
    expect(undone.status).toBe(200);
    expect(undone.body.completed).toBe(false);
    expect(undone.body.certificateNumber).toBeUndefined();
    const withdrawn = await (await fetch(`${stack.apiUrl}/public/training-certificates/${number}`)).json();
    expect(withdrawn.revoked.reason).toBe('출석부 재확인 결과 둘째·셋째 날 결석');
    const audit = await api('hq_admin', 'GET', `/audit?subject=assistant06&from=${today}&to=${today}`);
    const corrections = audit.body.items.filter((i: Json) => i.action === 'trainingResult.correct');
    expect(corrections.map((i: Json) => i.reason)).toEqual(
      expect.arrayContaining(['출석부 재확인: 셋째 날 출석 누락', '출석부 재확인 결과 둘째·셋째 날 결석']),
    );
  });

  it('agencies see the completers who chose them and consented, filtered by completion date', async () => {
    const hanbit = await api('agency_hanbit', 'GET', '/training/completers');
    expect(hanbit.status).toBe(200);
    const hanbitIds = hanbit.body.items.map((c: Json) => c.applicantId);
    // the demo's confirmed course, plus those confirmed by the results test above (assistant05, worker03)
    expect(hanbitIds).toEqual(expect.arrayContaining(['worker04', 'assistant05', 'worker03']));
    expect(hanbitIds).not.toContain('worker07'); // missed a day: not a completer
    expect(hanbitIds).not.toContain('assistant10'); // chose 늘봄 only
    expect(hanbit.body.items.every((c: Json) => c.wishedAgencies.some((w: Json) => w.agencyId === 'AG-HANBIT'))).toBe(
      true,
    );
    const past = hanbit.body.items.find((c: Json) => c.applicantId === 'worker04');
    expect(past).toMatchObject({
      courseId: DEMO_COURSE_IDS.confirmed,
      institutionName: '한국근로지원인교육원',
      employmentWish: true,
    });
    const neulbom = await api('agency_neulbom', 'GET', '/training/completers');
    expect(neulbom.body.items.map((c: Json) => c.applicantId)).toEqual(
      expect.arrayContaining(['assistant10', 'worker04']),
    );
    expect((await api('agency_hanbit', 'GET', '/training/completers?agencyId=AG-NEULBOM')).status).toBe(403);
    // 교육수료일자 filter: the past course's day alone
    const within = await api(
      'agency_hanbit',
      'GET',
      `/training/completers?completedFrom=${past.completedOn}&completedTo=${past.completedOn}`,
    );
    expect(within.body.items.map((c: Json) => c.applicantId)).toEqual(['worker04']);
    const later = await api('agency_hanbit', 'GET', `/training/completers?completedFrom=${shiftDay(today, 1)}`);
    expect(later.body.items).toEqual([]);
    const courses = await api('trainer_kwedu', 'GET', '/training/courses');
    expect(courses.body.items.find((c: Json) => c.courseId === DEMO_COURSE_IDS.confirmed)).toMatchObject({
      attendees: 3,
      completers: 2,
    });
  });
});
