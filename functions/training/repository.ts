import { type WriteEntities, writeAudited } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { bindEntity } from '#commons/entities';
import { Conflict } from '#commons/errors';
import {
  TrainingApplication,
  type TrainingApplicationItem,
  TrainingCertificate,
  type TrainingCertificateItem,
  TrainingCourse,
  type TrainingCourseItem,
} from './entities.ts';

// The training tables: courses and applications. Every change is written with its audit record in
// one transaction, conditional on what was read (revision, and the seats taken for seat changes).

const STALE = '다른 사람이 이 교육과정이나 신청을 먼저 바꾸었습니다. 화면을 새로 고친 뒤 다시 시도해 주세요.';

type Both = WriteEntities<{ course: typeof TrainingCourse; application: typeof TrainingApplication }>;
const BOTH = { course: TrainingCourse, application: TrainingApplication };

export async function getCourse(courseId: string): Promise<TrainingCourseItem | undefined> {
  const { data } = await bindEntity(TrainingCourse).get({ courseId }).go();
  return data ?? undefined;
}

export async function listCoursesByInstitution(institutionId: string): Promise<TrainingCourseItem[]> {
  const { data } = await bindEntity(TrainingCourse).query.byInstitution({ institutionId }).go({ pages: 'all' });
  return data;
}

export async function listCoursesByBranch(branchId: string): Promise<TrainingCourseItem[]> {
  const { data } = await bindEntity(TrainingCourse).query.byBranch({ branchId }).go({ pages: 'all' });
  return data;
}

/** Courses on the portal (opened at least once); drafts too for hq's national list. */
export async function listCoursesByListing(listing: 'public' | 'draft'): Promise<TrainingCourseItem[]> {
  const { data } = await bindEntity(TrainingCourse).query.byListing({ listing }).go({ pages: 'all' });
  return data;
}

export async function createCourse(caller: Caller, item: TrainingCourseItem): Promise<void> {
  const { canceled } = await writeAudited(
    caller,
    { action: 'trainingCourse.create', targetType: 'trainingCourse', targetId: item.courseId, branchId: item.branchId },
    { course: TrainingCourse },
    ({ course }: WriteEntities<{ course: typeof TrainingCourse }>) => [course.create(item).commit()],
  );
  if (canceled) throw new Conflict('같은 번호의 교육과정이 이미 있습니다. 다시 등록해 주세요.');
}

/** A state change of the course by the institution (conditional on the revision it saw). */
export async function saveCourse(
  caller: Caller,
  before: TrainingCourseItem,
  after: TrainingCourseItem,
  action: string,
): Promise<void> {
  const { canceled } = await writeAudited(
    caller,
    { action, targetType: 'trainingCourse', targetId: after.courseId, branchId: after.branchId },
    { course: TrainingCourse },
    ({ course }: WriteEntities<{ course: typeof TrainingCourse }>) => [
      course
        .put(after)
        .where(
          (attr, op) => `${op.eq(attr.revision, before.revision)} AND ${op.eq(attr.seatsTaken, before.seatsTaken)}`,
        )
        .commit(),
    ],
  );
  if (canceled) throw new Conflict(STALE, 'STALE');
}

export async function getApplication(applicationId: string): Promise<TrainingApplicationItem | undefined> {
  const { data } = await bindEntity(TrainingApplication).get({ applicationId }).go();
  return data ?? undefined;
}

export async function listApplicationsByCourse(courseId: string): Promise<TrainingApplicationItem[]> {
  const { data } = await bindEntity(TrainingApplication).query.byCourse({ courseId }).go({ pages: 'all' });
  return data;
}

export async function listApplicationsByApplicant(applicantId: string): Promise<TrainingApplicationItem[]> {
  const { data } = await bindEntity(TrainingApplication)
    .query.byApplicant({ applicantId })
    .go({ pages: 'all', order: 'desc' });
  return data;
}

/**
 * A new application with the course's seat count: a seat-holding one takes a seat, a waiting one
 * leaves the count as it was; either way the count must still be what was read.
 */
export async function createApplication(
  caller: Caller,
  course: TrainingCourseItem,
  item: TrainingApplicationItem,
): Promise<void> {
  const seats = course.seatsTaken + (item.state === 'applied' ? 1 : 0);
  const { canceled } = await writeAudited(
    caller,
    {
      action: item.state === 'waiting' ? 'trainingApplication.wait' : 'trainingApplication.apply',
      targetType: 'trainingApplication',
      targetId: item.applicationId,
      subjectId: item.applicantId,
      branchId: item.branchId,
    },
    BOTH,
    ({ course: courses, application }: Both) => [
      courses
        .patch({ courseId: course.courseId })
        .set({ seatsTaken: seats })
        .where((attr, op) => op.eq(attr.seatsTaken, course.seatsTaken))
        .commit(),
      application.create(item).commit(),
    ],
  );
  if (canceled) throw new Conflict('같은 때에 다른 신청이 들어왔습니다. 다시 신청해 주세요.', 'STALE');
}

/** An accepted application (the seat it held stays taken). */
export async function saveApplication(
  caller: Caller,
  before: TrainingApplicationItem,
  after: TrainingApplicationItem,
  action: string,
  reason?: string,
): Promise<void> {
  const { canceled } = await writeAudited(
    caller,
    {
      action,
      targetType: 'trainingApplication',
      targetId: after.applicationId,
      subjectId: after.applicantId,
      branchId: after.branchId,
      reason,
    },
    { application: TrainingApplication },
    ({ application }: WriteEntities<{ application: typeof TrainingApplication }>) => [
      application
        .put(after)
        .where((attr, op) => op.eq(attr.revision, before.revision))
        .commit(),
    ],
  );
  if (canceled) throw new Conflict(STALE, 'STALE');
}

/**
 * A confirmed result corrected, with its reason in the audit record: the application, and the
 * certificate issued (newly completing) or withdrawn (no longer completing), in one transaction.
 */
export async function correctResult(
  caller: Caller,
  before: TrainingApplicationItem,
  after: TrainingApplicationItem,
  certificate: { issue?: TrainingCertificateItem; revoke?: { certificateNumber: string; at: string } },
  reason: string,
): Promise<void> {
  const { canceled } = await writeAudited(
    caller,
    {
      action: 'trainingResult.correct',
      targetType: 'trainingApplication',
      targetId: after.applicationId,
      subjectId: after.applicantId,
      branchId: after.branchId,
      reason,
    },
    { application: TrainingApplication, certificates: TrainingCertificate },
    ({
      application,
      certificates,
    }: WriteEntities<{ application: typeof TrainingApplication; certificates: typeof TrainingCertificate }>) => [
      application
        .put(after)
        .where((attr, op) => op.eq(attr.revision, before.revision))
        .commit(),
      ...(certificate.issue ? [certificates.create(certificate.issue).commit()] : []),
      ...(certificate.revoke
        ? [
            certificates
              .patch({ certificateNumber: certificate.revoke.certificateNumber })
              .set({ revokedAt: certificate.revoke.at, revokedReason: reason })
              .commit(),
          ]
        : []),
    ],
  );
  if (canceled) throw new Conflict(STALE, 'STALE');
}

/**
 * An application leaves (cancelled or refused). If it held a seat, the seat goes to `promoted` (the
 * first on the waiting list, now 'applied') or, with nobody waiting, back to the course; all in one
 * transaction, conditional on each revision and the seat count read.
 */
export async function releaseApplication(
  caller: Caller,
  course: TrainingCourseItem,
  before: TrainingApplicationItem,
  after: TrainingApplicationItem,
  promoted: { before: TrainingApplicationItem; after: TrainingApplicationItem } | undefined,
  action: string,
  reason?: string,
): Promise<void> {
  const heldSeat = before.state === 'applied' || before.state === 'accepted';
  const seats = course.seatsTaken - (heldSeat && !promoted ? 1 : 0);
  const { canceled } = await writeAudited(
    caller,
    {
      action,
      targetType: 'trainingApplication',
      targetId: after.applicationId,
      subjectId: after.applicantId,
      branchId: after.branchId,
      reason,
    },
    BOTH,
    ({ course: courses, application }: Both) => [
      courses
        .patch({ courseId: course.courseId })
        .set({ seatsTaken: seats })
        .where((attr, op) => op.eq(attr.seatsTaken, course.seatsTaken))
        .commit(),
      application
        .put(after)
        .where((attr, op) => op.eq(attr.revision, before.revision))
        .commit(),
      ...(promoted
        ? [
            application
              .put(promoted.after)
              .where((attr, op) => op.eq(attr.revision, promoted.before.revision))
              .commit(),
          ]
        : []),
    ],
  );
  if (canceled) throw new Conflict(STALE, 'STALE');
}

/**
 * Results confirmed: every trainee's completion and the course's lock in one transaction, each
 * conditional on the revision read (DynamoDB takes up to 100 items; a course has at most 500 seats,
 * so larger ones go in chunks, the course's lock last so that a failure leaves it unlocked).
 */
export async function confirmResults(
  caller: Caller,
  before: TrainingCourseItem,
  after: TrainingCourseItem,
  trainees: readonly {
    before: TrainingApplicationItem;
    after: TrainingApplicationItem;
    certificate?: TrainingCertificateItem;
  }[],
): Promise<void> {
  // a trainee takes two writes with a certificate: 45 a transaction stays within DynamoDB's 100
  const chunks: (typeof trainees)[] = [];
  for (let i = 0; i < trainees.length; i += 45) chunks.push(trainees.slice(i, i + 45));
  for (const [index, chunk] of chunks.entries()) {
    const last = index === chunks.length - 1;
    const { canceled } = await writeAudited(
      caller,
      {
        action: last ? 'trainingResult.confirm' : 'trainingResult.confirmPart',
        targetType: 'trainingCourse',
        targetId: after.courseId,
        branchId: after.branchId,
      },
      { ...BOTH, certificate: TrainingCertificate },
      ({ course, application, certificate }: Both & WriteEntities<{ certificate: typeof TrainingCertificate }>) => [
        ...chunk.map((t) =>
          application
            .put(t.after)
            .where((attr, op) => op.eq(attr.revision, t.before.revision))
            .commit(),
        ),
        ...chunk.flatMap((t) => (t.certificate ? [certificate.create(t.certificate).commit()] : [])),
        ...(last
          ? [
              course
                .put(after)
                .where((attr, op) => op.eq(attr.revision, before.revision))
                .commit(),
            ]
          : []),
      ],
    );
    if (canceled) throw new Conflict(STALE, 'STALE');
  }
}
