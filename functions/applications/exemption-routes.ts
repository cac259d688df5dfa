import { type FieldProblem, NotFound, ValidationFailed } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import * as clock from '#kernel/clock';
import { applicationParams, applicationResponse } from './contract.ts';
import { COPAY_EXEMPTION_LABELS, copayExemptionBody } from './exemption-contract.ts';
import { exemptionBasisLabel, exemptionProblems } from './exemption-rules.ts';
import { getApplication, notifyApplicant, saveStep } from './repository.ts';
import { applicationView } from './routes.ts';

// 본인부담금 면제 (SPEC C7): the branch records (or changes) the exemption on the worker's evaluation.
// The change is stored with the application's next revision and its audit record in one transaction
// (the audit reason names the basis and the months), and the worker is told by SMS. The claim of a
// covered month reads it (exemptions.ts) and hands it to the engine.

export const exemptionRoutes = [
  defineRoute({
    method: 'PUT',
    path: '/service-applications/{applicationId}/copay-exemption',
    summary: '본인부담금 면제 기록·변경(지사): 근거(국민기초생활보장 수급자, 차상위계층)와 면제 기간',
    response: applicationResponse,
    access: { action: 'recordCopayExemption', resource: 'serviceApplication', roles: ['branch', 'hq'] },
    params: applicationParams,
    body: copayExemptionBody,
    labels: COPAY_EXEMPTION_LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const item = await getApplication(params.applicationId);
      if (!item) throw new NotFound('서비스 신청');
      allow({ branchId: item.branchId });
      const problems = exemptionProblems(body, item.evaluation);
      if (problems.length) {
        const fields: FieldProblem[] = problems.map((p) => ({
          field: `body.${p.field}`,
          label: COPAY_EXEMPTION_LABELS[p.field] ?? p.field,
          message: p.message,
        }));
        throw new ValidationFailed(fields, `입력한 내용을 확인해 주세요: ${fields.map((f) => f.message).join(' ')}`);
      }
      const at = clock.nowIso();
      const next = {
        ...item,
        copayExemption: { ...body, recordedBy: caller!.userId, recordedAt: at },
        revision: item.revision + 1,
        updatedAt: at,
      };
      const what = `${exemptionBasisLabel(body.basis)} ${body.fromMonth}~${body.toMonth}`;
      const before = item.copayExemption
        ? `${exemptionBasisLabel(item.copayExemption.basis)} ${item.copayExemption.fromMonth}~${item.copayExemption.toMonth}`
        : '없음';
      await saveStep(caller!, item, next, 'serviceApplication.copayExemption', {
        reason: `본인부담금 면제: ${before} → ${what}`,
      });
      await notifyApplicant(
        next,
        `본인부담금 면제가 기록되었습니다: ${what}. 이 기간의 본인부담금은 0원입니다.`,
        'service-application-copay-exemption',
      );
      return { body: applicationView(next) };
    },
  }),
];
