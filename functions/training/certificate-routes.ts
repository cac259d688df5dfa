import { recordAudit } from '#commons/audit-trail';
import { bindEntity } from '#commons/entities';
import { NotFound, RuleViolation } from '#commons/errors';
import { fileContentResponse } from '#commons/http/file-response';
import { defineRoute } from '#commons/http/route';
import type { Role } from '#commons/roles';
import { certificateCheckOf, certificatePdf } from './certificate.ts';
import { applicationParams, certificateCheck, certificateParams } from './contract.ts';
import { TrainingCertificate } from './entities.ts';
import { getApplication } from './repository.ts';

// 수료증: the completer downloads theirs from My page; anyone holding a number checks it on the portal.

const PORTAL_ROLES: readonly Role[] = ['assistant', 'worker', 'youth', 'jobseeker', 'employer'];

async function certificateByNumber(certificateNumber: string) {
  const { data } = await bindEntity(TrainingCertificate).get({ certificateNumber }).go();
  return data ?? undefined;
}

export const certificateRoutes = [
  defineRoute({
    method: 'GET',
    path: '/me/training-applications/{applicationId}/certificate',
    summary: '내 수료증 내려받기(PDF): 교육결과가 확정되어 수료한 신청만',
    response: fileContentResponse,
    access: { action: 'read', resource: 'ownTrainingApplication', roles: PORTAL_ROLES },
    params: applicationParams,
    handle: async ({ params, caller, allow }) => {
      const item = await getApplication(params.applicationId);
      if (!item) throw new NotFound('교육 신청');
      allow({ userId: item.applicantId });
      if (!item.completed || !item.certificateNumber) {
        throw new RuleViolation('수료가 확정된 교육만 수료증을 받을 수 있습니다.', 'NOT_COMPLETED');
      }
      const certificate = await certificateByNumber(item.certificateNumber);
      if (!certificate) throw new NotFound('수료증');
      const file = await certificatePdf(certificate);
      await recordAudit(caller!, {
        action: 'trainingCertificate.download',
        targetType: 'trainingCertificate',
        targetId: certificate.certificateNumber,
        subjectId: item.applicantId,
      });
      return {
        body: {
          fileName: `수료증_${certificate.courseName}_${certificate.certificateNumber}.pdf`,
          contentType: 'application/pdf',
          base64: Buffer.from(file).toString('base64'),
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/public/training-certificates/{certificateNumber}',
    summary: '수료증 확인(공개): 번호로 진위 확인, 이름은 가려서',
    response: certificateCheck,
    access: 'public',
    params: certificateParams,
    labels: { certificateNumber: '수료증 번호' },
    handle: async ({ params }) => {
      const certificate = await certificateByNumber(params.certificateNumber);
      if (!certificate) throw new NotFound('수료증');
      return { body: certificateCheckOf(certificate) };
    },
  }),
];
