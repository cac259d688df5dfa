import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { recordAudit, recordPersonalDataRead } from '#commons/audit-trail';
import { Conflict, failOnBodyProblems, NotFound, RuleViolation } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { notificationSink } from '#commons/outbox';
import { encryptField, piiKeys } from '#commons/pii';
import { logger } from '#commons/powertools';
import { sidoName } from '#commons/regions';
import { maskRrn } from '#commons/rrn';
import { getOrganisation } from '#functions/agencies/repository';
import { notifyStaff } from '#functions/applications/repository';
import { getProfile } from '#functions/identity/repository';
import * as clock from '#kernel/clock';
import { idField, textField } from '#kernel/fields';
import { DISQUALIFIED_MESSAGE, SELF_DECLARATION_STATEMENT } from './disqualifications.ts';
import type { ActivityApplicationItem, JobPostingItem } from './entities.ts';
import {
  ACTIVITY_LABELS,
  type ActivityApplicationView,
  activityApplication,
  activityApplicationList,
  activityBody,
  agencyQuery,
  applicationParams,
  POSTING_LABELS,
  type PostingView,
  posting,
  postingBody,
  postingList,
  postingParams,
  postingSearchQuery,
} from './posting-contract.ts';
import { day, newAssistant, ownAgency } from './registry-routes.ts';
import {
  acceptActivityApplication,
  createActivityApplication,
  createPosting,
  getActivityApplication,
  getPosting,
  listActivityApplicationsByAgency,
  listActivityApplicationsByApplicant,
  listPostingsByAgency,
  saveActivityApplication,
  savePosting,
  searchOpenPostings,
} from './repository.ts';
import {
  activityApplicationProblems,
  employmentProblems,
  fitsHours,
  isPostingOpen,
  personFromRrn,
  postingProblems,
} from './rules.ts';

// 구인정보 and 활동 신청 (SPEC B4): agencies post openings; the portal searches every agency's open
// postings; a prospective assistant applies online with seed 000's fields, the statutory
// self-declaration and career history; the agency accepts (the applicant becomes a registered
// assistant, nothing retyped) or rejects with a reason.

/** What the public portal may show of a posting: the agency's public contact, no person's data. */
export function publicPosting(item: JobPostingItem, today: string): PostingView {
  return {
    postingId: item.postingId,
    agencyId: item.agencyId,
    agencyName: item.agencyName,
    agencyPhone: item.agencyPhone,
    title: item.title,
    sidoCode: item.sidoCode,
    sidoName: item.sidoName,
    area: item.area,
    supportType: item.supportType,
    workStart: item.workStart,
    workEnd: item.workEnd,
    weeklyHours: item.weeklyHours,
    openings: item.openings,
    description: item.description,
    postedOn: item.postedOn,
    closesOn: item.closesOn,
    open: isPostingOpen(item, today),
  };
}

export function applicationView(item: ActivityApplicationItem): ActivityApplicationView {
  const { rrnCipher: _cipher, rrnMac: _mac, ...rest } = item;
  return rest;
}

export const postingRoutes = [
  defineRoute({
    method: 'POST',
    path: '/job-postings',
    summary: '구인정보 등록(수행기관)',
    response: posting,
    access: { action: 'create', resource: 'jobPosting', roles: ['agency'] },
    body: postingBody,
    labels: POSTING_LABELS,
    handle: async ({ body, caller, allow }) => {
      const agencyId = ownAgency(caller!, body.agencyId);
      allow({ agencyId });
      const today = clock.today();
      const problems = postingProblems(body, today);
      if (problems.length) failOnBodyProblems(problems, POSTING_LABELS);
      const agency = await getOrganisation(agencyId);
      if (agency?.kind !== 'agency') throw new NotFound('수행기관');
      const { agencyId: _chosen, ...fields } = body;
      const item: JobPostingItem = {
        ...fields,
        postingId: `JP-${today.replace(/-/g, '')}-${randomBytes(3).toString('hex').toUpperCase()}`,
        agencyId,
        agencyName: agency.name,
        agencyPhone: agency.phone,
        branchId: agency.branchId,
        sidoName: sidoName(body.sidoCode) ?? body.sidoCode,
        postedOn: today,
        status: 'open',
        revision: 1,
        createdBy: caller!.userId,
      };
      await createPosting(caller!, item);
      return { status: 201, body: publicPosting(item, today) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/job-postings',
    summary: '수행기관이 올린 구인정보 목록',
    response: postingList,
    access: { action: 'list', resource: 'jobPosting', roles: ['agency'] },
    query: agencyQuery,
    labels: { agencyId: '수행기관' },
    handle: async ({ query, caller, allow }) => {
      const agencyId = ownAgency(caller!, query.agencyId);
      allow({ agencyId });
      const today = clock.today();
      const items = (await listPostingsByAgency(agencyId)).map((p) => publicPosting(p, today));
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/job-postings/{postingId}/close',
    summary: '구인정보 마감(수행기관)',
    response: posting,
    access: { action: 'close', resource: 'jobPosting', roles: ['agency'] },
    params: postingParams,
    handle: async ({ params, caller, allow }) => {
      const item = await getPosting(params.postingId);
      if (!item) throw new NotFound('구인정보');
      allow({ agencyId: item.agencyId });
      if (item.status === 'closed') throw new Conflict('이미 마감한 구인정보입니다.', 'ALREADY_CLOSED');
      const next: JobPostingItem = { ...item, status: 'closed', revision: item.revision + 1 };
      await savePosting(caller!, item, next, 'jobPosting.close');
      return { body: publicPosting(next, clock.today()) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/public/job-postings',
    summary: '근로지원인 구인정보 조회(모든 수행기관): 지역, 지원 유형, 근무 시간',
    response: postingList,
    access: 'public',
    query: postingSearchQuery,
    labels: {
      sido: '시/도',
      type: '지원 유형',
      from: '근무 가능 시작 시각',
      to: '근무 가능 끝 시각',
      maxWeeklyHours: '주 근무시간',
      q: '검색어',
    },
    handle: async ({ query }) => {
      const today = clock.today();
      const words = (query.q ?? '').replace(/\s+/g, '').toLowerCase();
      const items = (await searchOpenPostings(query.sido, today))
        .filter((p) => !query.type || p.supportType === query.type)
        .filter((p) => fitsHours(p, query.from, query.to))
        .filter((p) => !query.maxWeeklyHours || p.weeklyHours <= query.maxWeeklyHours)
        .filter((p) => !words || `${p.title}${p.agencyName}${p.area}`.replace(/\s+/g, '').toLowerCase().includes(words))
        .sort((a, b) => a.closesOn.localeCompare(b.closesOn) || a.postingId.localeCompare(b.postingId))
        .map((p) => publicPosting(p, today));
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/public/job-postings/{postingId}',
    summary: '구인정보 한 건(공개)',
    response: posting,
    access: 'public',
    params: postingParams,
    handle: async ({ params }) => {
      const item = await getPosting(params.postingId);
      if (!item) throw new NotFound('구인정보');
      return { body: publicPosting(item, clock.today()) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/activity-applications',
    summary:
      '근로지원인 활동 신청(예비 근로지원인): 희망 시간·휴게·지역·유형, 보유 자격, 자격제한 자기 확인, 활동 경력',
    response: activityApplication,
    access: { action: 'submit', resource: 'activityApplication', roles: ['assistant'] },
    body: activityBody,
    labels: ACTIVITY_LABELS,
    handle: async ({ body, caller, allow }) => {
      const applicantId = caller!.userId;
      allow({ userId: applicantId });
      if (body.selfDeclaration.answer === 'applicable') throw new RuleViolation(DISQUALIFIED_MESSAGE, 'DISQUALIFIED');
      const today = clock.today();
      const problems = activityApplicationProblems({
        desired: body.desired,
        break: body.break,
        careers: body.careers,
        today,
      });
      if (problems.length) failOnBodyProblems(problems, ACTIVITY_LABELS);
      const profile = await getProfile(applicantId);
      if (!profile) throw new NotFound('회원 정보');
      const agency = await getOrganisation(body.agencyId);
      if (agency?.kind !== 'agency') {
        failOnBodyProblems([{ field: 'agencyId', message: '목록에 있는 수행기관을 골라 주세요.' }], ACTIVITY_LABELS);
      }
      let posting: JobPostingItem | undefined;
      if (body.postingId) {
        posting = await getPosting(body.postingId);
        if (!posting || posting.agencyId !== agency.organisationId) {
          failOnBodyProblems(
            [
              {
                field: 'postingId',
                message: '고른 구인정보가 이 수행기관의 것이 아닙니다. 구인정보에서 다시 신청해 주세요.',
              },
            ],
            ACTIVITY_LABELS,
          );
        }
        if (!isPostingOpen(posting, today)) {
          throw new RuleViolation('마감된 구인정보입니다. 다른 구인정보를 골라 주세요.', 'POSTING_CLOSED');
        }
      }
      const pending = (await listActivityApplicationsByApplicant(applicantId)).find(
        (a) => a.agencyId === agency.organisationId && a.status === 'submitted',
      );
      if (pending) {
        throw new Conflict(
          `${agency.name}에 낸 활동 신청(${pending.activityApplicationId})을 검토하고 있습니다. 결과가 나온 뒤에 다시 신청할 수 있습니다.`,
          'ACTIVITY_APPLICATION_PENDING',
        );
      }
      const keys = piiKeys();
      const at = clock.nowIso();
      const item: ActivityApplicationItem = {
        activityApplicationId: `AA-${today.replace(/-/g, '')}-${randomBytes(3).toString('hex').toUpperCase()}`,
        applicantId,
        name: profile.name,
        phone: profile.phone,
        email: body.email,
        address: body.address,
        rrnCipher: await encryptField(keys, body.rrn),
        rrnMac: await keys.mac(body.rrn),
        rrnMasked: maskRrn(body.rrn),
        ...personFromRrn(body.rrn),
        disability: body.disability,
        agencyId: agency.organisationId,
        agencyName: agency.name,
        branchId: agency.branchId,
        postingId: posting?.postingId,
        postingTitle: posting?.title,
        desiredStart: body.desired.start,
        desiredEnd: body.desired.end,
        breakStart: body.break?.start,
        breakEnd: body.break?.end,
        desiredSidoCode: body.region.sidoCode,
        desiredSidoName: sidoName(body.region.sidoCode) ?? body.region.sidoCode,
        desiredArea: body.region.area || undefined,
        supportType: body.supportType,
        qualification: body.qualification,
        selfDeclaration: {
          answer: 'notApplicable',
          confirmed: true,
          statement: SELF_DECLARATION_STATEMENT,
          declaredAt: at,
        },
        careers: body.careers,
        status: 'submitted',
        submittedAt: at,
        revision: 1,
      };
      await createActivityApplication(caller!, item);
      await notify(agency.organisationId, `새 근로지원인 활동 신청이 있습니다(${item.activityApplicationId}).`);
      return { status: 201, body: applicationView(item) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/activity-applications',
    summary: '내 근로지원인 활동 신청 이력(마이페이지)',
    response: activityApplicationList,
    access: { action: 'list', resource: 'ownActivityApplication', roles: ['assistant'] },
    handle: async ({ caller, allow }) => {
      allow({ userId: caller!.userId });
      const items = (await listActivityApplicationsByApplicant(caller!.userId)).map(applicationView);
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/activity-applications',
    summary: '수행기관이 받은 활동 신청 목록',
    response: activityApplicationList,
    access: { action: 'list', resource: 'activityApplication', roles: ['agency'] },
    query: z.object({
      agencyId: idField('수행기관', 40).optional(),
      status: z.enum(['submitted', 'accepted', 'rejected'], { error: '처리 상태를 목록에서 골라 주세요.' }).optional(),
    }),
    labels: { agencyId: '수행기관', status: '처리 상태' },
    handle: async ({ query, caller, allow }) => {
      const agencyId = ownAgency(caller!, query.agencyId);
      allow({ agencyId });
      const items = (await listActivityApplicationsByAgency(agencyId, query.status)).map(applicationView);
      await recordPersonalDataRead(caller!, {
        action: 'activityApplication.list',
        targetType: 'agency',
        targetId: agencyId,
        subjects: items.map((item) => item.applicantId),
      });
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/activity-applications/{activityApplicationId}',
    summary: '활동 신청 한 건(신청을 받은 수행기관, 신청인 본인)',
    response: activityApplication,
    access: { action: 'read', resource: 'activityApplication', roles: ['agency', 'assistant'] },
    params: applicationParams,
    handle: async ({ params, caller, allow }) => {
      const item = await getActivityApplication(params.activityApplicationId);
      if (!item) throw new NotFound('활동 신청');
      allow({ agencyId: item.agencyId, userId: item.applicantId });
      if (caller!.userId !== item.applicantId) {
        await recordAudit(caller!, {
          action: 'activityApplication.view',
          targetType: 'activityApplication',
          targetId: item.activityApplicationId,
          subjectId: item.applicantId,
          branchId: item.branchId,
        });
      }
      return { body: applicationView(item) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/activity-applications/{activityApplicationId}/decision',
    summary: '활동 신청 검토(수행기관): 채용하면 바로 근로지원인으로 등록, 아니면 사유를 적어 반려',
    response: activityApplication,
    access: { action: 'decide', resource: 'activityApplication', roles: ['agency'] },
    params: applicationParams,
    body: z
      .object({
        decision: z.enum(['accept', 'reject'], { error: '채용 또는 반려 중 하나를 골라 주세요.' }),
        hireDate: day('입사일').optional(),
        reason: textField('사유', {
          max: 500,
          multiline: true,
          messages: { max: '사유는 500자 이하로 입력해 주세요.' },
        }).optional(),
        revision: z.number({ error: '화면을 새로 고친 뒤 다시 시도해 주세요.' }).int(),
      })
      .refine((d) => d.decision !== 'accept' || d.hireDate !== undefined, {
        error: '채용하려면 입사일을 입력해 주세요.',
        path: ['hireDate'],
      })
      .refine((d) => d.decision !== 'reject' || (d.reason ?? '').length >= 2, {
        error: '반려할 때는 신청인이 알 수 있도록 사유를 적어 주세요.',
        path: ['reason'],
      }),
    labels: { decision: '검토 결과', hireDate: '입사일', reason: '반려 사유' },
    handle: async ({ params, body, caller, allow }) => {
      const item = await getActivityApplication(params.activityApplicationId);
      if (!item) throw new NotFound('활동 신청');
      allow({ agencyId: item.agencyId });
      if (item.status !== 'submitted') throw new Conflict('이미 검토를 마친 활동 신청입니다.', 'ALREADY_DECIDED');
      if (item.revision !== body.revision) {
        throw new Conflict('다른 담당자가 이 신청을 먼저 처리했습니다. 화면을 새로 고쳐 주세요.', 'STALE');
      }
      const at = clock.nowIso();
      if (body.decision === 'reject') {
        const next: ActivityApplicationItem = {
          ...item,
          status: 'rejected',
          rejectionReason: body.reason,
          decidedBy: caller!.userId,
          decidedAt: at,
          revision: item.revision + 1,
        };
        await saveActivityApplication(caller!, item, next, 'activityApplication.reject', body.reason);
        await tell(item, `${item.agencyName}에 낸 근로지원인 활동 신청이 반려되었습니다. 사유: ${body.reason}`);
        return { body: applicationView(next) };
      }
      const problems = employmentProblems(body.hireDate!);
      if (problems.length) failOnBodyProblems(problems, { hireDate: '입사일' });
      // everything the registry needs comes from the application: nothing is typed again
      const assistant = await newAssistant({
        agencyId: item.agencyId,
        name: item.name,
        rrnCipher: item.rrnCipher,
        rrnMac: item.rrnMac,
        rrnMasked: item.rrnMasked,
        birthDate: item.birthDate,
        gender: item.gender,
        mobilePhone: displayPhone(item.phone),
        email: item.email,
        address: item.address,
        userId: item.applicantId,
        disability: item.disability,
        qualifications: item.qualification === 'none' ? [] : [item.qualification],
        careers: item.careers,
        hireDate: body.hireDate!,
        by: caller!.userId,
        sourceApplicationId: item.activityApplicationId,
      });
      const next: ActivityApplicationItem = {
        ...item,
        status: 'accepted',
        decidedBy: caller!.userId,
        decidedAt: at,
        assistantId: assistant.assistantId,
        revision: item.revision + 1,
      };
      await acceptActivityApplication(caller!, item, next, assistant);
      await tell(
        item,
        `${item.agencyName}에 낸 근로지원인 활동 신청이 채용으로 결정되었습니다. 입사일은 ${body.hireDate}입니다.`,
      );
      return { body: { ...applicationView(next), assistantId: assistant.assistantId } };
    },
  }),
];

/** +821012345678 → 010-1234-5678 */
function displayPhone(e164: string): string {
  const local = `0${e164.replace(/^\+82/, '')}`;
  return `${local.slice(0, 3)}-${local.slice(3, local.length - 4)}-${local.slice(-4)}`;
}

async function tell(item: ActivityApplicationItem, text: string): Promise<void> {
  try {
    await notificationSink().send({
      channel: 'sms',
      to: item.phone,
      username: item.applicantId,
      text: `[근로지원인] ${text}`,
      source: 'activity-application-decision',
    });
  } catch (error) {
    logger.warn('applicant notification failed', { activityApplicationId: item.activityApplicationId, error });
  }
}

async function notify(agencyId: string, text: string): Promise<void> {
  await notifyStaff(agencyId, text, 'activity-application-submitted');
}
