import { randomBytes } from 'node:crypto';
import { recordPersonalDataRead } from '#commons/audit-trail';
import { UserProfile } from '#commons/caller-profile';
import { bindEntity } from '#commons/entities';
import { Conflict, failOnBodyProblems, NotFound, RuleViolation } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { notifyStaff, smsToPerson } from '#commons/notify';
import { organisationDirectory } from '#commons/organisation-directory';
import { agencyOf, holds, institutionOf, isHq, ownBranchOf } from '#commons/policy';
import { sidoName, sigunguBelongsTo } from '#commons/regions';
import { sigunguName } from '#commons/regions-sigungu';
import type { Role } from '#commons/roles';
import { rateTableOf } from '#functions/rates/tables';
import * as clock from '#kernel/clock';
import { applicantsWorkbook } from './applicant-export.ts';
import { certificateOf, newCertificateNumber } from './certificate.ts';
import { certificateRoutes } from './certificate-routes.ts';
import {
  APPLY_LABELS,
  type ApplicationView,
  applicantExport,
  applicationList,
  applicationParams,
  applicationView,
  applyBody,
  COURSE_LABELS,
  COURSE_LABELS_RESULTS,
  type CourseView,
  completerList,
  completerQuery,
  courseBody,
  courseList,
  courseListQuery,
  courseParams,
  courseStatusBody,
  courseSummaryList,
  courseView,
  decisionBody,
  myApplication,
  myApplicationList,
  publicCourseQuery,
  resultBody,
  resultCorrectionBody,
  resultsView,
  revisionBody,
} from './contract.ts';
import type { TrainingApplicationItem, TrainingCourseItem } from './entities.ts';
import {
  confirmResults,
  correctResult,
  createApplication,
  createCourse,
  getApplication,
  getCourse,
  listApplicationsByApplicant,
  listApplicationsByCourse,
  listCoursesByBranch,
  listCoursesByInstitution,
  listCoursesByListing,
  releaseApplication,
  saveApplication,
  saveCourse,
} from './repository.ts';
import {
  acceptsApplications,
  applicationRefusal,
  COURSE_NEXT,
  COURSE_STATUS_LABELS,
  completionOf,
  courseProblems,
  DEFAULT_PASS_MARK,
  firstDay,
  holdsSeat,
  lastDay,
  nextInLine,
  placeFor,
  runsInMonth,
  sortedSessions,
  totalHours,
  waitingRank,
} from './rules.ts';

// Training (SPEC E1, issue 16 §1–2): the institution opens courses (draft → open → closed → finished);
// the portal lists them by region and month; a signed-in person applies with the seed's fields and
// consent, taking a seat or a place on the waiting list; a freed seat goes to the first waiting, who
// is told by SMS; the institution accepts or refuses each application with a reason.

/** Every portal role may apply (SPEC E1: "a person signed in"). */
const PORTAL_ROLES: readonly Role[] = ['assistant', 'worker', 'youth', 'jobseeker', 'employer'];
const STAFF_READERS: readonly Role[] = ['trainer', 'branch', 'hq'];

export function publicCourse(item: TrainingCourseItem, today: string): CourseView {
  return {
    courseId: item.courseId,
    institutionId: item.institutionId,
    institutionName: item.institutionName,
    branchId: item.branchId,
    name: item.name,
    kind: item.kind,
    method: item.method,
    sidoCode: item.sidoCode,
    sidoName: item.sidoName,
    sigunguCode: item.sigunguCode,
    sigunguName: item.sigunguName,
    place: item.place,
    sessions: sortedSessions(item.sessions),
    totalHours: item.totalHours,
    capacity: item.capacity,
    seatsTaken: item.seatsTaken,
    applyFrom: item.applyFrom,
    applyTo: item.applyTo,
    contactName: item.contactName,
    contactPhone: item.contactPhone,
    status: item.status,
    passMark: item.passMark ?? DEFAULT_PASS_MARK,
    resultsConfirmedAt: item.resultsConfirmedAt,
    accepting: acceptsApplications(item, today),
    revision: item.revision,
  };
}

function staffView(item: TrainingApplicationItem, all: readonly TrainingApplicationItem[]): ApplicationView {
  const { consentAt: _at, decidedBy: _by, branchId: _branch, ...rest } = item;
  return { ...rest, waitingRank: item.state === 'waiting' ? waitingRank(all, item.applicationId) : undefined };
}

async function courseOrFail(courseId: string): Promise<TrainingCourseItem> {
  const course = await getCourse(courseId);
  if (!course) throw new NotFound('교육과정');
  return course;
}

const courseScope = (course: TrainingCourseItem) => ({
  institutionId: course.institutionId,
  branchId: course.branchId,
});

/**
 * A seat-holding application leaves: the first on the waiting list takes its seat (and hears of it
 * by SMS), or the seat goes back to the course.
 */
async function release(
  caller: Parameters<typeof saveApplication>[0],
  item: TrainingApplicationItem,
  after: TrainingApplicationItem,
  action: string,
  reason?: string,
): Promise<void> {
  const course = await courseOrFail(item.courseId);
  const all = await listApplicationsByCourse(item.courseId);
  const first = holdsSeat(item.state) ? nextInLine(all) : undefined;
  const promoted = first
    ? { before: first, after: { ...first, state: 'applied' as const, revision: first.revision + 1 } }
    : undefined;
  await releaseApplication(caller, course, item, after, promoted, action, reason);
  if (promoted) {
    await smsToPerson(
      first!.applicantId,
      `[근로지원인 교육] ‘${course.name}’ 교육에 자리가 나서 대기 신청이 수강 신청으로 바뀌었습니다. 교육기관의 확인을 기다려 주세요.`,
      'training-waiting-promoted',
    );
  }
}

/** The results preview: every accepted trainee with what completion the rule gives, and why not. */
async function resultsOf(course: TrainingCourseItem) {
  const passMark = course.passMark ?? DEFAULT_PASS_MARK;
  // the completion threshold of the rate table of the year the course ends in (80% by default)
  const year = Number((lastDay(course.sessions) ?? clock.today()).slice(0, 4));
  const threshold = (await rateTableOf(year)).training.completionAttendance;
  const accepted = (await listApplicationsByCourse(course.courseId)).filter((a) => a.state === 'accepted');
  const trainees = accepted.map((a) => {
    const completion = completionOf(
      { attendedDays: a.attendedDays ?? [], score: a.score },
      { sessions: course.sessions, passMark },
      threshold,
    );
    return {
      item: a,
      view: {
        applicationId: a.applicationId,
        applicantId: a.applicantId,
        name: a.name,
        attendedDays: a.attendedDays ?? [],
        score: a.score,
        ...completion,
        revision: a.revision,
      },
    };
  });
  return {
    trainees,
    body: {
      course: publicCourse(course, clock.today()),
      threshold,
      confirmed: !!course.resultsConfirmedAt,
      trainees: trainees.map((t) => t.view),
      completing: trainees.filter((t) => t.view.completes).length,
      notCompleting: trainees.filter((t) => !t.view.completes).length,
    },
  };
}

const RESULTS_LOCKED = '결과를 확정한 교육과정입니다. 확정된 결과는 고칠 수 없습니다.';

const courseRoutes = [
  defineRoute({
    method: 'POST',
    path: '/training/courses',
    summary: '교육과정 개설(교육기관): 작성 중 상태로 저장',
    response: courseView,
    access: { action: 'create', resource: 'trainingCourse', roles: ['trainer'] },
    body: courseBody,
    labels: COURSE_LABELS,
    handle: async ({ body, caller, allow }) => {
      const institutionId = body.institutionId ?? institutionOf(caller!);
      if (!institutionId) throw new RuleViolation('교육기관을 골라 주세요.');
      allow({ institutionId });
      const problems = courseProblems(body);
      if (!sigunguBelongsTo(body.sigunguCode, body.sidoCode) || !sigunguName(body.sigunguCode)) {
        problems.push({ field: 'sigunguCode', message: '교육장 시/군/구를 고른 시/도의 목록에서 골라 주세요.' });
      }
      if (problems.length) failOnBodyProblems(problems, COURSE_LABELS);
      const institution = await organisationDirectory().get(institutionId);
      if (institution?.kind !== 'institution') throw new NotFound('교육기관');
      const today = clock.today();
      const { institutionId: _chosen, ...fields } = body;
      const sessions = sortedSessions(body.sessions);
      const item: TrainingCourseItem = {
        ...fields,
        sessions,
        passMark: body.passMark ?? DEFAULT_PASS_MARK,
        courseId: `TC-${today.replace(/-/g, '')}-${randomBytes(3).toString('hex').toUpperCase()}`,
        institutionId,
        institutionName: institution.name,
        branchId: institution.branchId,
        sidoName: sidoName(body.sidoCode) ?? body.sidoCode,
        sigunguName: sigunguName(body.sigunguCode) ?? body.sigunguCode,
        firstDay: firstDay(sessions)!,
        lastDay: lastDay(sessions)!,
        totalHours: totalHours(sessions),
        seatsTaken: 0,
        status: 'draft',
        listing: 'draft',
        revision: 1,
        createdBy: caller!.userId,
        createdAt: clock.nowIso(),
      };
      await createCourse(caller!, item);
      return { status: 201, body: publicCourse(item, today) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/training/courses/{courseId}/status',
    summary: '교육과정 상태 바꾸기(교육기관): 작성 중 → 신청 접수 → 접수 마감 → 교육 종료',
    response: courseView,
    access: { action: 'edit', resource: 'trainingCourse', roles: ['trainer'] },
    params: courseParams,
    body: courseStatusBody,
    labels: { to: '바꿀 상태', revision: '버전' },
    handle: async ({ params, body, caller, allow }) => {
      const course = await courseOrFail(params.courseId);
      allow({ institutionId: course.institutionId });
      if (course.revision !== body.revision) {
        throw new Conflict('다른 담당자가 이 교육과정을 먼저 바꾸었습니다. 화면을 새로 고쳐 주세요.', 'STALE');
      }
      const next = COURSE_NEXT[course.status];
      if (next?.to !== body.to) {
        throw new Conflict(
          `${COURSE_STATUS_LABELS[course.status]} 상태의 교육과정은 ${COURSE_STATUS_LABELS[body.to]}(으)로 바꿀 수 없습니다.`,
          'STATUS',
        );
      }
      const after: TrainingCourseItem = {
        ...course,
        status: next.to,
        listing: 'public',
        revision: course.revision + 1,
      };
      await saveCourse(caller!, course, after, `trainingCourse.${next.to}`);
      return { body: publicCourse(after, clock.today()) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/training/courses',
    summary: '교육과정 목록(교육기관, 소속기관, 본부): 신청인수·수강자수·대기 인원',
    response: courseSummaryList,
    access: { action: 'list', resource: 'trainingCourse', roles: STAFF_READERS },
    query: courseListQuery,
    labels: { institutionId: '교육기관', branchId: '소속기관' },
    handle: async ({ query, caller, allow }) => {
      let courses: TrainingCourseItem[];
      const institutionId = query.institutionId ?? institutionOf(caller!);
      const branchId = query.branchId ?? (isHq(caller!) ? undefined : ownBranchOf(caller!));
      if (institutionId) {
        allow({ institutionId, branchId: (await organisationDirectory().get(institutionId))?.branchId });
        courses = await listCoursesByInstitution(institutionId);
      } else if (branchId) {
        allow({ branchId });
        courses = await listCoursesByBranch(branchId);
      } else {
        allow({});
        courses = [...(await listCoursesByListing('public')), ...(await listCoursesByListing('draft'))];
      }
      const today = clock.today();
      const items = await Promise.all(
        courses
          .sort((a, b) => b.firstDay.localeCompare(a.firstDay) || a.courseId.localeCompare(b.courseId))
          .map(async (course) => {
            const applications = await listApplicationsByCourse(course.courseId);
            return {
              ...publicCourse(course, today),
              applicants: applications.filter((a) => a.state !== 'cancelled').length,
              attendees: applications.filter((a) => a.state === 'accepted').length,
              waiting: applications.filter((a) => a.state === 'waiting').length,
              completers: applications.filter((a) => a.completed === true).length,
            };
          }),
      );
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/training/courses/{courseId}/applications',
    summary: '교육신청 관리: 한 교육과정의 신청자 목록(교육기관, 소속기관, 본부)',
    response: applicationList,
    access: { action: 'list', resource: 'trainingApplication', roles: STAFF_READERS },
    params: courseParams,
    handle: async ({ params, caller, allow }) => {
      const course = await courseOrFail(params.courseId);
      allow(courseScope(course));
      const all = await listApplicationsByCourse(course.courseId);
      const items = all.map((item) => staffView(item, all));
      await recordPersonalDataRead(caller!, {
        action: 'trainingApplication.list',
        targetType: 'trainingCourse',
        targetId: course.courseId,
        branchId: course.branchId,
        subjects: items.map((item) => item.applicantId),
      });
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/training/courses/{courseId}/applications/export',
    summary: '교육신청 관리 엑셀 내려받기(교육기관: 연락처 포함, 소속기관·본부: 개인정보 가림)',
    response: applicantExport,
    access: { action: 'export', resource: 'trainingApplication', roles: STAFF_READERS },
    params: courseParams,
    handle: async ({ params, caller, allow }) => {
      const course = await courseOrFail(params.courseId);
      allow(courseScope(course));
      const items = await listApplicationsByCourse(course.courseId);
      // the institution contacts its applicants; oversight (branch, hq) needs no names or contacts
      const masked = !holds(caller!, 'trainer');
      const today = clock.today();
      const file = await applicantsWorkbook(course, items, masked, today);
      await recordPersonalDataRead(caller!, {
        action: 'trainingApplication.export',
        targetType: 'trainingCourse',
        targetId: course.courseId,
        branchId: course.branchId,
        subjects: items.map((item) => item.applicantId),
      });
      return {
        body: {
          fileName: `교육신청자_${course.courseId}_${today}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          count: items.length,
          masked,
          base64: file.toString('base64'),
        },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/training/applications/{applicationId}/decision',
    summary: '교육 신청 승인 또는 반려(교육기관, 반려는 사유 필수)',
    response: applicationView,
    access: { action: 'decide', resource: 'trainingApplication', roles: ['trainer'] },
    params: applicationParams,
    body: decisionBody,
    labels: { decision: '처리 결과', reason: '반려 사유', revision: '버전' },
    handle: async ({ params, body, caller, allow }) => {
      const item = await getApplication(params.applicationId);
      if (!item) throw new NotFound('교육 신청');
      allow({ institutionId: item.institutionId });
      if (item.revision !== body.revision) {
        throw new Conflict('다른 담당자가 이 신청을 먼저 처리했습니다. 화면을 새로 고쳐 주세요.', 'STALE');
      }
      if (item.state !== 'applied' && !(body.decision === 'refuse' && item.state === 'waiting')) {
        throw new Conflict(
          item.state === 'waiting'
            ? '대기 중인 신청은 자리가 난 뒤에 승인할 수 있습니다.'
            : '이미 처리가 끝난 신청입니다.',
          'ALREADY_DECIDED',
        );
      }
      const at = clock.nowIso();
      const base = { ...item, decidedAt: at, decidedBy: caller!.userId, revision: item.revision + 1 };
      if (body.decision === 'accept') {
        const after: TrainingApplicationItem = { ...base, state: 'accepted' };
        await saveApplication(caller!, item, after, 'trainingApplication.accept');
        await smsToPerson(
          item.applicantId,
          `[근로지원인 교육] ‘${item.courseName}’ 교육 수강이 확정되었습니다.`,
          'training-application-decision',
        );
        return { body: staffView(after, []) };
      }
      const after: TrainingApplicationItem = { ...base, state: 'refused', refusalReason: body.reason };
      await release(caller!, item, after, 'trainingApplication.refuse', body.reason);
      await smsToPerson(
        item.applicantId,
        `[근로지원인 교육] ‘${item.courseName}’ 교육 신청이 반려되었습니다. 사유: ${body.reason}`,
        'training-application-decision',
      );
      return { body: staffView(after, []) };
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/training/applications/{applicationId}/result',
    summary: '교육결과 입력(교육기관): 출석한 교육일과 평가 점수 (결과 확정 전까지)',
    response: applicationView,
    access: { action: 'record', resource: 'trainingResult', roles: ['trainer'] },
    params: applicationParams,
    body: resultBody,
    labels: COURSE_LABELS_RESULTS,
    handle: async ({ params, body, caller, allow }) => {
      const item = await getApplication(params.applicationId);
      if (!item) throw new NotFound('교육 신청');
      allow({ institutionId: item.institutionId });
      const course = await courseOrFail(item.courseId);
      if (course.resultsConfirmedAt) throw new Conflict(RESULTS_LOCKED, 'RESULTS_LOCKED');
      if (item.revision !== body.revision) {
        throw new Conflict('다른 담당자가 이 결과를 먼저 고쳤습니다. 화면을 새로 고쳐 주세요.', 'STALE');
      }
      if (item.state !== 'accepted') throw new RuleViolation('수강이 확정된 사람만 결과를 입력할 수 있습니다.');
      if (course.status === 'draft' || course.status === 'open') {
        throw new RuleViolation('접수를 마감한 뒤에 교육결과를 입력할 수 있습니다.', 'NOT_STARTED');
      }
      const days = new Set(course.sessions.map((s) => s.day));
      const outside = body.attendedDays.filter((d) => !days.has(d));
      if (outside.length) {
        failOnBodyProblems(
          [{ field: 'attendedDays', message: `교육일이 아닌 날이 들어 있습니다: ${outside.join(', ')}` }],
          COURSE_LABELS_RESULTS,
        );
      }
      const after: TrainingApplicationItem = {
        ...item,
        attendedDays: [...new Set(body.attendedDays)].sort(),
        score: body.score,
        revision: item.revision + 1,
      };
      await saveApplication(caller!, item, after, 'trainingResult.record');
      return { body: staffView(after, []) };
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/training/applications/{applicationId}/result-correction',
    summary: '확정된 교육결과 정정(교육기관): 사유와 함께, 수료가 바뀌면 수료증을 발급하거나 취소',
    response: applicationView,
    access: { action: 'record', resource: 'trainingResult', roles: ['trainer'] },
    params: applicationParams,
    body: resultCorrectionBody,
    labels: { ...COURSE_LABELS_RESULTS, reason: '정정 사유' },
    handle: async ({ params, body, caller, allow }) => {
      const item = await getApplication(params.applicationId);
      if (!item) throw new NotFound('교육 신청');
      allow({ institutionId: item.institutionId });
      const course = await courseOrFail(item.courseId);
      if (!course.resultsConfirmedAt) {
        throw new RuleViolation('확정하기 전의 결과는 정정하지 않고 그대로 고쳐 저장합니다.', 'NOT_CONFIRMED');
      }
      if (item.revision !== body.revision) {
        throw new Conflict('다른 담당자가 이 결과를 먼저 고쳤습니다. 화면을 새로 고쳐 주세요.', 'STALE');
      }
      if (item.state !== 'accepted') throw new RuleViolation('수강이 확정된 사람만 결과를 정정할 수 있습니다.');
      const days = new Set(course.sessions.map((s) => s.day));
      const outside = body.attendedDays.filter((d) => !days.has(d));
      if (outside.length) {
        failOnBodyProblems(
          [{ field: 'attendedDays', message: `교육일이 아닌 날이 들어 있습니다: ${outside.join(', ')}` }],
          COURSE_LABELS_RESULTS,
        );
      }
      const year = Number((lastDay(course.sessions) ?? clock.today()).slice(0, 4));
      const threshold = (await rateTableOf(year)).training.completionAttendance;
      const attendedDays = [...new Set(body.attendedDays)].sort();
      const { completes } = completionOf(
        { attendedDays, score: body.score },
        { sessions: course.sessions, passMark: course.passMark ?? DEFAULT_PASS_MARK },
        threshold,
      );
      const at = clock.nowIso();
      const today = clock.today();
      const newlyCompletes = completes && !item.completed;
      const certificateNumber = newlyCompletes
        ? newCertificateNumber(today)
        : completes
          ? item.certificateNumber
          : undefined;
      const after: TrainingApplicationItem = {
        ...item,
        attendedDays,
        score: body.score,
        completed: completes,
        completedOn: completes ? (item.completedOn ?? today) : undefined,
        certificateNumber,
        revision: item.revision + 1,
      };
      await correctResult(
        caller!,
        item,
        after,
        {
          ...(newlyCompletes && certificateNumber
            ? { issue: certificateOf(item, course, course.institutionName, today, certificateNumber, at) }
            : {}),
          ...(!completes && item.certificateNumber
            ? { revoke: { certificateNumber: item.certificateNumber, at } }
            : {}),
        },
        body.reason,
      );
      return { body: staffView(after, []) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/training/courses/{courseId}/results',
    summary: '교육결과 관리: 수료 미리보기(수료 예정·미수료 예정과 그 이유), 확정 뒤에는 확정 결과',
    response: resultsView,
    access: { action: 'read', resource: 'trainingResult', roles: STAFF_READERS },
    params: courseParams,
    handle: async ({ params, caller, allow }) => {
      const course = await courseOrFail(params.courseId);
      allow(courseScope(course));
      const { body } = await resultsOf(course);
      await recordPersonalDataRead(caller!, {
        action: 'trainingResult.read',
        targetType: 'trainingCourse',
        targetId: course.courseId,
        branchId: course.branchId,
        subjects: body.trainees.map((t) => t.applicantId),
      });
      return { body };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/training/courses/{courseId}/results/confirm',
    summary: '교육결과 확정(교육기관): 미리보기대로 수료 여부를 정하고 잠금',
    response: resultsView,
    access: { action: 'confirm', resource: 'trainingResult', roles: ['trainer'] },
    params: courseParams,
    body: revisionBody,
    labels: { revision: '버전' },
    handle: async ({ params, body, caller, allow }) => {
      const course = await courseOrFail(params.courseId);
      allow({ institutionId: course.institutionId });
      if (course.resultsConfirmedAt) throw new Conflict(RESULTS_LOCKED, 'RESULTS_LOCKED');
      if (course.revision !== body.revision) {
        throw new Conflict('다른 담당자가 이 교육과정을 먼저 바꾸었습니다. 화면을 새로 고쳐 주세요.', 'STALE');
      }
      if (course.status !== 'finished') {
        throw new RuleViolation('교육을 종료한 뒤에 결과를 확정할 수 있습니다.', 'NOT_FINISHED');
      }
      const { trainees } = await resultsOf(course);
      if (trainees.length === 0) throw new RuleViolation('수강이 확정된 사람이 없어 확정할 결과가 없습니다.');
      const at = clock.nowIso();
      const today = clock.today();
      const confirmed: TrainingCourseItem = {
        ...course,
        resultsConfirmedAt: at,
        resultsConfirmedBy: caller!.userId,
        revision: course.revision + 1,
      };
      await confirmResults(
        caller!,
        course,
        confirmed,
        trainees.map((t) => {
          const certificateNumber = t.view.completes ? newCertificateNumber(today) : undefined;
          return {
            before: t.item,
            after: {
              ...t.item,
              completed: t.view.completes,
              completedOn: t.view.completes ? today : undefined,
              certificateNumber,
              revision: t.item.revision + 1,
            },
            // completers receive a numbered 수료증 (checkable on the portal)
            certificate: certificateNumber
              ? certificateOf(t.item, course, course.institutionName, today, certificateNumber, at)
              : undefined,
          };
        }),
      );
      const { body: answer } = await resultsOf(confirmed);
      return { body: answer };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/training/completers',
    summary: '교육 수료자 조회(수행기관): 이 기관을 근무희망수행기관으로 고르고 정보 제공에 동의한 수료자',
    response: completerList,
    access: { action: 'list', resource: 'trainingCompleter', roles: ['agency'] },
    query: completerQuery,
    labels: { agencyId: '수행기관', completedFrom: '교육수료일자(부터)', completedTo: '교육수료일자(까지)' },
    handle: async ({ query, caller, allow }) => {
      const agencyId = query.agencyId ?? agencyOf(caller!);
      if (!agencyId) throw new RuleViolation('수행기관을 골라 주세요.');
      allow({ agencyId });
      // completers exist only on courses whose results are confirmed (finished, on the portal)
      const courses = (await listCoursesByListing('public')).filter((c) => c.resultsConfirmedAt);
      const items = [];
      for (const course of courses) {
        for (const a of await listApplicationsByCourse(course.courseId)) {
          if (!a.completed || !a.completedOn || !a.consentToAgencies) continue;
          if (!a.wishedAgencies.some((w) => w.agencyId === agencyId)) continue;
          if (query.completedFrom && a.completedOn < query.completedFrom) continue;
          if (query.completedTo && a.completedOn > query.completedTo) continue;
          items.push({
            applicationId: a.applicationId,
            applicantId: a.applicantId,
            name: a.name,
            birthDate: a.birthDate,
            gender: a.gender,
            phone: a.phone,
            email: a.email,
            address: a.address,
            employmentWish: a.employmentWish,
            wishedAgencies: a.wishedAgencies,
            career: a.career,
            courseId: course.courseId,
            courseName: course.name,
            courseKind: course.kind,
            institutionName: course.institutionName,
            completedOn: a.completedOn,
          });
        }
      }
      items.sort((x, y) => y.completedOn.localeCompare(x.completedOn) || x.name.localeCompare(y.name));
      await recordPersonalDataRead(caller!, {
        action: 'trainingCompleter.list',
        targetType: 'agency',
        targetId: agencyId,
        subjects: items.map((item) => item.applicantId),
      });
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/public/training-courses',
    summary: '근로지원인 교육 안내: 교육과정(작성 중 제외) 지역·월별',
    response: courseList,
    access: 'public',
    query: publicCourseQuery,
    labels: { sido: '시/도', sigungu: '시/군/구', month: '교육 월' },
    handle: async ({ query }) => {
      const today = clock.today();
      const items = (await listCoursesByListing('public'))
        .filter((c) => !query.sido || c.sidoCode === query.sido)
        .filter((c) => !query.sigungu || c.sigunguCode === query.sigungu)
        .filter((c) => !query.month || runsInMonth(c, query.month))
        .sort((a, b) => a.firstDay.localeCompare(b.firstDay) || a.courseId.localeCompare(b.courseId))
        .map((c) => publicCourse(c, today));
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/public/training-courses/{courseId}',
    summary: '교육과정 한 건(공개)',
    response: courseView,
    access: 'public',
    params: courseParams,
    handle: async ({ params }) => {
      const course = await getCourse(params.courseId);
      // a draft is the institution's own work: not on the portal
      if (course?.listing !== 'public') throw new NotFound('교육과정');
      return { body: publicCourse(course, clock.today()) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/training/courses/{courseId}/applications',
    summary: '근로지원인 교육 신청(포털 회원): 정원이 차면 대기 신청',
    response: myApplication,
    access: { action: 'apply', resource: 'trainingApplication', roles: PORTAL_ROLES },
    params: courseParams,
    body: applyBody,
    labels: APPLY_LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const applicantId = caller!.userId;
      allow({ userId: applicantId });
      const course = await getCourse(params.courseId);
      if (course?.listing !== 'public') throw new NotFound('교육과정');
      const today = clock.today();
      const refusal = applicationRefusal(course, today);
      if (refusal) throw new RuleViolation(refusal, 'NOT_ACCEPTING');
      const mine = (await listApplicationsByApplicant(applicantId)).find(
        (a) => a.courseId === course.courseId && a.state !== 'cancelled' && a.state !== 'refused',
      );
      if (mine) throw new Conflict('이미 이 교육과정에 신청했습니다. 마이페이지에서 확인해 주세요.', 'ALREADY_APPLIED');
      const wished = [];
      for (const [i, agencyId] of body.wishedAgencyIds.entries()) {
        const agency = await organisationDirectory().get(agencyId);
        if (agency?.kind !== 'agency') {
          failOnBodyProblems(
            [{ field: `wishedAgencyIds.${i}`, message: '근무희망수행기관은 목록에 있는 수행기관에서 골라 주세요.' }],
            APPLY_LABELS,
          );
        }
        wished.push({ agencyId, agencyName: agency.name });
      }
      const profile = (await bindEntity(UserProfile).get({ userId: applicantId }).go()).data;
      if (!profile) throw new NotFound('회원 정보');
      const at = clock.nowIso();
      const item: TrainingApplicationItem = {
        applicationId: `TA-${today.replace(/-/g, '')}-${randomBytes(4).toString('hex').toUpperCase()}`,
        courseId: course.courseId,
        courseName: course.name,
        institutionId: course.institutionId,
        branchId: course.branchId,
        applicantId,
        name: profile.name,
        phone: profile.phone,
        birthDate: body.birthDate,
        gender: body.gender,
        email: body.email || undefined,
        address: body.address,
        employmentWish: body.employmentWish,
        wishedAgencies: wished,
        career: body.career || undefined,
        consentToAgencies: body.consents.agencies,
        consentAt: at,
        state: placeFor(course),
        appliedAt: at,
        revision: 1,
      };
      await createApplication(caller!, course, item);
      await notifyStaff(
        course.institutionId,
        `‘${course.name}’ 교육에 새 ${item.state === 'waiting' ? '대기 ' : ''}신청이 있습니다(${item.applicationId}).`,
        'training-application-submitted',
      );
      const after = { ...course, seatsTaken: course.seatsTaken + (item.state === 'applied' ? 1 : 0) };
      const all = await listApplicationsByCourse(course.courseId);
      return {
        status: 201,
        body: {
          ...staffView(item, all.some((a) => a.applicationId === item.applicationId) ? all : [...all, item]),
          course: publicCourse(after, today),
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/training-applications',
    summary: '내 근로지원인 교육 신청 결과(마이페이지)',
    response: myApplicationList,
    access: { action: 'list', resource: 'ownTrainingApplication', roles: PORTAL_ROLES },
    handle: async ({ caller, allow }) => {
      allow({ userId: caller!.userId });
      const today = clock.today();
      const mine = await listApplicationsByApplicant(caller!.userId);
      const items = await Promise.all(
        mine.map(async (item) => {
          const course = await courseOrFail(item.courseId);
          const all = item.state === 'waiting' ? await listApplicationsByCourse(item.courseId) : [];
          return { ...staffView(item, all), course: publicCourse(course, today) };
        }),
      );
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/me/training-applications/{applicationId}/cancel',
    summary: '내 교육 신청 취소(자리가 나면 대기 1번이 받음)',
    response: myApplication,
    access: { action: 'cancel', resource: 'ownTrainingApplication', roles: PORTAL_ROLES },
    params: applicationParams,
    body: revisionBody,
    labels: { revision: '버전' },
    handle: async ({ params, body, caller, allow }) => {
      const item = await getApplication(params.applicationId);
      if (!item) throw new NotFound('교육 신청');
      allow({ userId: item.applicantId });
      if (item.revision !== body.revision) {
        throw new Conflict('신청 상태가 바뀌었습니다. 화면을 새로 고친 뒤 다시 시도해 주세요.', 'STALE');
      }
      if (item.state === 'cancelled' || item.state === 'refused') {
        throw new Conflict('이미 취소되었거나 반려된 신청입니다.', 'ALREADY_DECIDED');
      }
      const course = await courseOrFail(item.courseId);
      if (course.status === 'finished') throw new RuleViolation('끝난 교육은 취소할 수 없습니다.', 'FINISHED');
      const after: TrainingApplicationItem = { ...item, state: 'cancelled', revision: item.revision + 1 };
      await release(caller!, item, after, 'trainingApplication.cancel');
      return {
        body: { ...staffView(after, []), course: publicCourse(await courseOrFail(item.courseId), clock.today()) },
      };
    },
  }),
];

/** Every route of training: courses, applications, results and completers, then certificates. */
export const trainingRoutes = [...courseRoutes, ...certificateRoutes];
