import { recordPersonalDataRead } from '#commons/audit-trail';
import { Conflict, NotFound, RuleViolation, ValidationFailed } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { notificationSink } from '#commons/outbox';
import { ownBranchOf } from '#commons/policy';
import { getOrganisation } from '#functions/agencies/repository';
import * as clock from '#kernel/clock';
import { completeUpload } from '../files/repository.ts';
import { codeSent } from './account-contract.ts';
import { explainCognito } from './account-routes.ts';
import { activateLogin, createStaffLogin, signUp } from './cognito.ts';
import {
  getProfile,
  getStaffRequest,
  listStaffRequests,
  putProfile,
  putStaffRequest,
  saveAudited,
} from './repository.ts';
import {
  branchStaffBody,
  branchStaffCreated,
  decisionBody,
  staffRequestBody,
  staffRequestDecided,
  staffRequestList,
  staffRequestParams,
  staffRequestsQuery,
} from './staff-contract.ts';

const branchOrHq = ['branch', 'hq'] as const;

export const staffRoutes = [
  defineRoute({
    method: 'POST',
    path: '/auth/staff-requests',
    summary: '기관 담당자(수행기관·교육기관) 계정 신청: 소속, 직위, 담당 업무, 보안서약서',
    response: codeSent,
    access: 'public',
    body: staffRequestBody,
    labels: {
      username: '아이디',
      password: '비밀번호',
      name: '이름',
      phone: '휴대전화 번호',
      organisationId: '소속 기관',
      position: '직위',
      duties: '담당 업무',
      pledgeUploadId: '보안서약서',
      'consents.privacy': '개인정보 수집·이용 동의',
    },
    handle: async ({ body }) => {
      const organisation = await getOrganisation(body.organisationId);
      if (!organisation) {
        throw new ValidationFailed(
          [{ field: 'body.organisationId', label: '소속 기관', message: '목록에 있는 기관을 골라 주세요.' }],
          '소속 기관을 찾을 수 없습니다. 목록에 있는 기관을 골라 주세요.',
        );
      }
      if (await getProfile(body.username))
        explainCognito(Object.assign(new Error(), { name: 'UsernameExistsException' }));
      // the pledge must have landed and passed the file checks before the request is stored
      await completeUpload(body.pledgeUploadId, { secret: body.pledgeUploadSecret });
      let destination = '';
      try {
        ({ destination } = await signUp(body));
      } catch (error) {
        explainCognito(error);
      }
      const role = organisation.kind === 'agency' ? 'agency' : 'trainer';
      await putProfile({
        userId: body.username,
        name: body.name,
        phone: body.phone,
        status: 'pending',
        requestedRole: role,
        organisationId: organisation.organisationId,
        grants: [],
        consents: { privacy: true },
      });
      await putStaffRequest({
        userId: body.username,
        organisationId: organisation.organisationId,
        organisationName: organisation.name,
        role,
        branchId: organisation.branchId,
        position: body.position,
        duties: body.duties,
        pledgeUploadId: body.pledgeUploadId,
        status: 'submitted',
      });
      return { status: 201, body: { step: 'confirm', destination } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/staff-requests',
    summary: '기관 담당자 계정 신청 목록(지사: 소속 기관의 신청)',
    response: staffRequestList,
    access: { action: 'list', resource: 'staffRequest', roles: branchOrHq },
    query: staffRequestsQuery,
    labels: { branchId: '지사', status: '처리 상태' },
    handle: async ({ query, caller, allow }) => {
      const branchId = query.branchId ?? ownBranchOf(caller!);
      if (!branchId) throw new RuleViolation('지사를 골라 주세요.');
      allow({ branchId });
      const items = await listStaffRequests(branchId, query.status);
      // names and mobile numbers of the people asking for an account
      await recordPersonalDataRead(caller!, {
        action: 'staffRequest.list',
        targetType: 'branch',
        targetId: branchId,
        branchId,
        subjects: items.map((item) => item.userId),
      });
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/staff-requests/{userId}/decision',
    summary: '기관 담당자 계정 승인 또는 반려(사유)',
    response: staffRequestDecided,
    access: { action: 'decide', resource: 'staffRequest', roles: branchOrHq },
    params: staffRequestParams,
    body: decisionBody,
    labels: { decision: '처리 결과', reason: '반려 사유' },
    handle: async ({ params, body, caller, allow }) => {
      const request = await getStaffRequest(params.userId);
      if (!request) throw new NotFound('계정 신청');
      allow({ branchId: request.branchId });
      if (request.status === 'approved' || request.status === 'rejected') {
        throw new Conflict('이미 처리한 신청입니다.', 'ALREADY_DECIDED');
      }
      if (body.decision === 'approve' && request.status !== 'phoneConfirmed') {
        throw new RuleViolation('신청자가 아직 휴대전화 인증을 마치지 않았습니다. 인증을 마친 뒤 승인할 수 있습니다.');
      }
      const profile = await getProfile(params.userId);
      if (!profile) throw new NotFound('신청자 정보');
      const decidedAt = clock.nowIso();
      const approve = body.decision === 'approve';
      if (approve) await activateLogin(params.userId, request.role);
      const scope =
        request.role === 'agency' ? { agencyId: request.organisationId } : { institutionId: request.organisationId };
      await saveAudited(
        caller!,
        {
          action: `staffRequest.${body.decision}`,
          targetType: 'staffRequest',
          targetId: params.userId,
          subjectId: params.userId,
          branchId: request.branchId,
        },
        {
          profile: approve
            ? { ...profile, status: 'active', grants: [{ role: request.role, branchId: request.branchId, ...scope }] }
            : undefined,
          staffRequest: {
            ...request,
            status: approve ? 'approved' : 'rejected',
            reason: body.reason,
            decidedBy: caller!.userId,
            decidedAt,
          },
        },
      );
      await notificationSink().send({
        channel: 'sms',
        to: profile.phone,
        username: params.userId,
        source: 'staff-request-decision',
        text:
          body.decision === 'approve'
            ? `[근로지원인 플랫폼] ${request.organisationName} 담당자 계정이 승인되었습니다. 이제 로그인할 수 있습니다.`
            : `[근로지원인 플랫폼] ${request.organisationName} 담당자 계정 신청이 반려되었습니다. 사유: ${body.reason}`,
      });
      return { body: { userId: params.userId, status: body.decision === 'approve' ? 'approved' : 'rejected' } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/branch-staff',
    summary: '본부: 지사 담당자 계정 만들기(임시 비밀번호 문자 발송)',
    response: branchStaffCreated,
    access: { action: 'create', resource: 'branchStaff', roles: ['hq'] },
    body: branchStaffBody,
    labels: { username: '아이디', name: '이름', phone: '휴대전화 번호', branchId: '지사' },
    handle: async ({ body, caller }) => {
      if (await getProfile(body.username))
        explainCognito(Object.assign(new Error(), { name: 'UsernameExistsException' }));
      try {
        await createStaffLogin(body.username, body.name, body.phone);
      } catch (error) {
        explainCognito(error);
      }
      await activateLogin(body.username, 'branch');
      await saveAudited(
        caller!,
        {
          action: 'branchStaff.create',
          targetType: 'user',
          targetId: body.username,
          subjectId: body.username,
          branchId: body.branchId,
        },
        {
          profile: {
            userId: body.username,
            name: body.name,
            phone: body.phone,
            status: 'active',
            organisationId: body.branchId,
            grants: [{ role: 'branch', branchId: body.branchId }],
          },
        },
      );
      return { status: 201, body: { userId: body.username, status: 'active' } };
    },
  }),
];
