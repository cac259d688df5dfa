import { randomBytes } from 'node:crypto';
import { recordAudit, recordPersonalDataRead } from '#commons/audit-trail';
import { branchName } from '#commons/branches';
import type { Caller } from '#commons/caller';
import { Conflict, type FieldProblem, NotFound, RuleViolation, ValidationFailed } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { agencyOf, ownBranchOf } from '#commons/policy';
import { getOrganisation } from '#functions/agencies/repository';
import { getProfile } from '#functions/identity/repository';
import * as clock from '#kernel/clock';
import { koreaDay } from '#kernel/korea-time';
import { label, SUPPORT_TYPES } from './codes.ts';
import {
  APPLICATION_LABELS,
  type ApplicationView,
  applicationBody,
  applicationList,
  applicationParams,
  applicationResponse,
  branchApplicationsQuery,
  evaluationBody,
  matchingRequestBody,
  matchingRequestsQuery,
  rejectionBody,
} from './contract.ts';
import type { ServiceApplicationItem } from './entities.ts';
import { exemptionBasisLabel } from './exemption-rules.ts';
import { serviceLimits } from './limits.ts';
import {
  createApplication,
  getApplication,
  listByAgency,
  listByApplicant,
  listByBranch,
  notifyApplicant,
  notifyStaff,
  saveStep,
} from './repository.ts';
import {
  DEFAULT_LIMITS,
  evaluationProblems,
  hoursProblems,
  isOpen,
  type Problem,
  periodProblems,
  signatureProblem,
} from './rules.ts';
import { contentHash } from './signature.ts';
import { nextVersion } from './steps.ts';

// 근로지원인 서비스 신청 (SPEC B1): the worker applies on the portal and signs; the branch receives
// (접수), evaluates (평가) or returns (반려), and sends the matching request (매칭의뢰) to one of its
// agencies. Each step is audited with the change and told to the applicant through the outbox.

const branchOrHq = ['branch', 'hq'] as const;

function fail(problems: Problem[], prefix: string, labels: Record<string, string>): never {
  const fields: FieldProblem[] = problems.map((p) => ({
    field: `body.${prefix}${p.field}`,
    label: labels[`${prefix}${p.field}`] ?? labels[p.field] ?? p.field,
    message: p.message,
  }));
  throw new ValidationFailed(fields, `입력한 내용을 확인해 주세요: ${fields.map((f) => f.message).join(' ')}`);
}

function newApplicationId(now: Date): string {
  return `SA-${koreaDay(now).replace(/-/g, '')}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

function branchOf(caller: Caller, chosen: string | undefined): string | undefined {
  return chosen ?? ownBranchOf(caller);
}

async function load(applicationId: string): Promise<ServiceApplicationItem> {
  const item = await getApplication(applicationId);
  if (!item) throw new NotFound('서비스 신청');
  return item;
}

/** Everything the branch, the agency and the applicant need to see about an application. */
export function applicationView(item: ServiceApplicationItem): ApplicationView {
  return {
    applicationId: item.applicationId,
    applicantId: item.applicantId,
    applicantName: item.applicantName,
    branchId: item.branchId,
    branchName: branchName(item.branchId) ?? item.branchId,
    status: item.status,
    submittedAt: item.submittedAt,
    workplace: item.workplace,
    job: item.job,
    disability: item.disability,
    support: item.support,
    requested: item.requested,
    signature: item.signature,
    evaluation: item.evaluation,
    copayExemption: item.copayExemption && {
      ...item.copayExemption,
      basisLabel: exemptionBasisLabel(item.copayExemption.basis),
    },
    requestedAgencyId: item.requestedAgencyId,
    requestedAgencyName: item.requestedAgencyName,
    matchingRequestedAt: item.matchingRequestedAt,
    rejectionReason: item.rejectionReason,
    history: item.history,
    revision: item.revision,
  };
}

export const applicationRoutes = [
  defineRoute({
    method: 'POST',
    path: '/service-applications',
    summary: '근로지원인 서비스 신청(장애인 근로자): 사업장, 직무, 장애, 필요한 지원, 희망 시간과 기간, 전자서명',
    response: applicationResponse,
    access: { action: 'submit', resource: 'serviceApplication', roles: ['worker'] },
    body: applicationBody,
    labels: APPLICATION_LABELS,
    handle: async ({ body, caller, allow }) => {
      const applicantId = caller!.userId;
      allow({ userId: applicantId });
      const profile = await getProfile(applicantId);
      if (!profile) throw new NotFound('회원 정보');
      const now = clock.now();
      const today = koreaDay(now);
      const periodIssues = periodProblems(body.requested, '지원 희망 기간');
      const limits = periodIssues.length
        ? DEFAULT_LIMITS
        : await serviceLimits(body.requested.startDate, body.requested.endDate);
      const problems = [...hoursProblems(body.requested, '신청', limits), ...periodIssues];
      if (!problems.length && body.requested.startDate < today) {
        problems.push({ field: 'startDate', message: `지원 희망 시작일은 오늘(${today}) 이후로 골라 주세요.` });
      }
      if (problems.length) fail(problems, 'requested.', APPLICATION_LABELS);
      if (body.job.workEnd <= body.job.workStart) {
        fail(
          [{ field: 'workEnd', message: '근무 종료 시각이 시작 시각보다 늦어야 합니다.' }],
          'job.',
          APPLICATION_LABELS,
        );
      }
      const signatureIssue = signatureProblem(body.signature.name, profile.name);
      if (signatureIssue) fail([{ field: 'name', message: signatureIssue }], 'signature.', APPLICATION_LABELS);
      const open = (await listByApplicant(applicantId)).find((a) => isOpen(a.status));
      if (open) {
        throw new Conflict(
          `진행 중인 신청(${open.applicationId})이 있습니다. 그 신청의 처리가 끝난 뒤에 다시 신청할 수 있습니다. 마이페이지의 신청 이력에서 진행 상태를 확인해 주세요.`,
          'APPLICATION_OPEN',
        );
      }
      const at = now.toISOString();
      const applicationId = newApplicationId(now);
      const content = {
        applicationId,
        applicantId,
        applicantName: profile.name,
        branchId: body.branchId,
        workplace: body.workplace,
        job: body.job,
        disability: body.disability,
        support: { types: [...new Set(body.support.types)], details: body.support.details },
        requested: body.requested,
      };
      const item: ServiceApplicationItem = {
        ...content,
        status: 'submitted',
        revision: 1,
        submittedAt: at,
        updatedAt: at,
        signature: {
          name: body.signature.name,
          consentedAt: at,
          contentHash: contentHash(content),
          method: '이름 입력 서명 + 동의 확인',
        },
        history: [{ status: 'submitted', at, by: applicantId }],
      };
      await createApplication(caller!, item);
      await notifyApplicant(
        item,
        `서비스 신청(${applicationId})이 ${branchName(item.branchId)}에 제출되었습니다. 지사에서 접수하면 다시 알려 드립니다.`,
        'service-application-submitted',
      );
      await notifyStaff(
        item.branchId,
        `새 근로지원인 서비스 신청이 있습니다(${applicationId}).`,
        'service-application-submitted',
      );
      return { status: 201, body: applicationView(item) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/service-applications',
    summary: '내 서비스 신청 이력과 단계별 처리 일시(마이페이지)',
    response: applicationList,
    access: { action: 'list', resource: 'ownServiceApplication', roles: ['worker'] },
    handle: async ({ caller, allow }) => {
      allow({ userId: caller!.userId });
      const items = (await listByApplicant(caller!.userId)).map(applicationView);
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/service-applications',
    summary: '지사의 서비스 신청 목록(처리 상태별)',
    response: applicationList,
    access: { action: 'list', resource: 'serviceApplication', roles: branchOrHq },
    query: branchApplicationsQuery,
    labels: { branchId: '지사', status: '처리 상태' },
    handle: async ({ query, caller, allow }) => {
      const branchId = branchOf(caller!, query.branchId);
      if (!branchId) throw new RuleViolation('지사를 골라 주세요.');
      allow({ branchId });
      const items = (await listByBranch(branchId, query.status)).map(applicationView);
      await recordPersonalDataRead(caller!, {
        action: 'serviceApplication.list',
        targetType: 'branch',
        targetId: branchId,
        branchId,
        subjects: items.map((item) => item.applicantId),
      });
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/service-applications/{applicationId}',
    summary: '서비스 신청 한 건(신청인 본인, 관할 지사, 매칭의뢰를 받은 수행기관)',
    response: applicationResponse,
    access: { action: 'read', resource: 'serviceApplication', roles: ['worker', 'branch', 'hq', 'agency'] },
    params: applicationParams,
    handle: async ({ params, caller, allow }) => {
      const item = await load(params.applicationId);
      allow({ userId: item.applicantId, branchId: item.branchId, agencyId: item.requestedAgencyId });
      if (caller!.userId !== item.applicantId) {
        await recordAudit(caller!, {
          action: 'serviceApplication.view',
          targetType: 'serviceApplication',
          targetId: item.applicationId,
          subjectId: item.applicantId,
          branchId: item.branchId,
        });
      }
      return { body: applicationView(item) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/service-applications/{applicationId}/receive',
    summary: '서비스 신청 접수(지사)',
    response: applicationResponse,
    access: { action: 'receive', resource: 'serviceApplication', roles: branchOrHq },
    params: applicationParams,
    handle: async ({ params, caller, allow }) => {
      const item = await load(params.applicationId);
      allow({ branchId: item.branchId });
      const at = clock.nowIso();
      const next = nextVersion(item, 'received', { by: caller!.userId, at });
      await saveStep(caller!, item, next, 'serviceApplication.receive');
      await notifyApplicant(
        next,
        `서비스 신청(${item.applicationId})이 접수되었습니다. 평가 결과가 나오면 알려 드립니다.`,
        'service-application-received',
      );
      return { body: applicationView(next) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/service-applications/{applicationId}/evaluation',
    summary: '서비스 신청 평가(지사): 월 결정 시간(요율표의 하루·주 한도 이내), 지원 기간, 지원 유형',
    response: applicationResponse,
    access: { action: 'evaluate', resource: 'serviceApplication', roles: branchOrHq },
    params: applicationParams,
    body: evaluationBody,
    labels: {
      hoursPerDay: '하루 결정 시간',
      daysPerWeek: '주 지원 일수',
      monthlyHours: '월 결정 시간',
      startDate: '지원 시작일',
      endDate: '지원 종료일',
      supportType: '지원 유형',
      note: '평가 의견',
    },
    handle: async ({ params, body, caller, allow }) => {
      const item = await load(params.applicationId);
      allow({ branchId: item.branchId });
      const limits = periodProblems(body).length ? DEFAULT_LIMITS : await serviceLimits(body.startDate, body.endDate);
      const problems = evaluationProblems(body, limits);
      if (problems.length) {
        fail(problems, '', {
          hoursPerDay: '하루 결정 시간',
          daysPerWeek: '주 지원 일수',
          monthlyHours: '월 결정 시간',
          startDate: '지원 시작일',
          endDate: '지원 종료일',
        });
      }
      const at = clock.nowIso();
      const evaluation = { ...body, decidedBy: caller!.userId, decidedAt: at };
      const next = nextVersion(item, 'evaluated', { by: caller!.userId, at, note: body.note }, { evaluation });
      await saveStep(caller!, item, next, 'serviceApplication.evaluate');
      await notifyApplicant(
        next,
        `서비스 신청(${item.applicationId}) 평가 결과: ${body.startDate}~${body.endDate}, 월 ${body.monthlyHours}시간(하루 ${body.hoursPerDay}시간, 주 ${body.daysPerWeek}일), ${label(SUPPORT_TYPES, body.supportType)}. 수행기관 매칭이 시작되면 알려 드립니다.`,
        'service-application-evaluated',
      );
      return { body: applicationView(next) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/service-applications/{applicationId}/rejection',
    summary: '서비스 신청 반려(지사): 신청인에게 사유를 알림',
    response: applicationResponse,
    access: { action: 'reject', resource: 'serviceApplication', roles: branchOrHq },
    params: applicationParams,
    body: rejectionBody,
    labels: { reason: '반려 사유' },
    handle: async ({ params, body, caller, allow }) => {
      const item = await load(params.applicationId);
      allow({ branchId: item.branchId });
      const at = clock.nowIso();
      const next = nextVersion(
        item,
        'rejected',
        { by: caller!.userId, at, note: body.reason },
        { rejectionReason: body.reason },
      );
      await saveStep(caller!, item, next, 'serviceApplication.reject', { reason: body.reason });
      await notifyApplicant(
        next,
        `서비스 신청(${item.applicationId})이 반려되었습니다. 사유: ${body.reason}`,
        'service-application-rejected',
      );
      return { body: applicationView(next) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/service-applications/{applicationId}/matching-request',
    summary: '매칭의뢰(지사 → 관할 수행기관)',
    response: applicationResponse,
    access: { action: 'requestMatching', resource: 'serviceApplication', roles: branchOrHq },
    params: applicationParams,
    body: matchingRequestBody,
    labels: { agencyId: '수행기관' },
    handle: async ({ params, body, caller, allow }) => {
      const item = await load(params.applicationId);
      allow({ branchId: item.branchId });
      const agency = await getOrganisation(body.agencyId);
      if (agency?.kind !== 'agency') {
        throw new ValidationFailed(
          [{ field: 'body.agencyId', label: '수행기관', message: '목록에 있는 수행기관을 골라 주세요.' }],
          '수행기관을 찾을 수 없습니다. 목록에 있는 수행기관을 골라 주세요.',
        );
      }
      if (agency.branchId !== item.branchId) {
        throw new RuleViolation(
          `${agency.name}은(는) ${branchName(item.branchId)} 관할이 아닙니다. ${branchName(item.branchId)}이(가) 관할하는 수행기관을 골라 주세요.`,
          'AGENCY_OUT_OF_BRANCH',
        );
      }
      if (item.requestedAgencyId === agency.organisationId) {
        throw new Conflict(`이미 ${agency.name}에 매칭을 의뢰했습니다.`, 'ALREADY_REQUESTED');
      }
      const at = clock.nowIso();
      const next = nextVersion(
        item,
        'matchingRequested',
        { by: caller!.userId, at, note: agency.name },
        { requestedAgencyId: agency.organisationId, requestedAgencyName: agency.name, matchingRequestedAt: at },
      );
      await saveStep(caller!, item, next, 'serviceApplication.requestMatching');
      await notifyApplicant(
        next,
        `서비스 신청(${item.applicationId})의 근로지원인 매칭을 ${agency.name}에 의뢰했습니다. 근로지원인이 정해지면 알려 드립니다.`,
        'service-application-matching-requested',
      );
      await notifyStaff(
        agency.organisationId,
        `${branchName(item.branchId)}에서 매칭의뢰가 왔습니다(${item.applicationId}).`,
        'service-application-matching-requested',
      );
      return { body: applicationView(next) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/matching-requests',
    summary: '수행기관이 받은 매칭의뢰 목록',
    response: applicationList,
    access: { action: 'list', resource: 'matchingRequest', roles: ['agency'] },
    query: matchingRequestsQuery,
    labels: { agencyId: '수행기관' },
    handle: async ({ query, caller, allow }) => {
      const agencyId = query.agencyId ?? agencyOf(caller!);
      if (!agencyId) throw new RuleViolation('수행기관을 골라 주세요.');
      allow({ agencyId });
      const items = (await listByAgency(agencyId)).map(applicationView);
      await recordPersonalDataRead(caller!, {
        action: 'matchingRequest.list',
        targetType: 'agency',
        targetId: agencyId,
        subjects: items.map((item) => item.applicantId),
      });
      return { body: { items, count: items.length } };
    },
  }),
];
