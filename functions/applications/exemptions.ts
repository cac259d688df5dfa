// What the claim (SPEC C7) reads of the co-payment exemptions: for each worker of a month, the
// exemption recorded on their evaluation that covers that month, with the sentence the screens show.
// Workers are the applicants (the activity logs name the worker's portal login, the applicant's id).

import { bindEntity } from '#commons/entities';
import { ServiceApplication } from './entities.ts';
import { exemptionBasisLabel, exemptionCovers, exemptionReason } from './exemption-rules.ts';

export interface WorkerCopayExemption {
  workerId: string;
  basis: string;
  basisLabel: string;
  fromMonth: string;
  toMonth: string;
  /** e.g. "본인부담금 면제: 차상위계층 (2026-01~2026-12)" */
  reason: string;
}

/** The exemptions in force in `month` for the given workers (a worker without one is left out). */
export async function copayExemptionsIn(
  workerIds: readonly string[],
  month: string,
): Promise<Map<string, WorkerCopayExemption>> {
  const found = new Map<string, WorkerCopayExemption>();
  await Promise.all(
    [...new Set(workerIds)].map(async (workerId) => {
      // the applicant's index only (not the repository, whose notices would reach the profiles too)
      const { data: applications } = await bindEntity(ServiceApplication)
        .query.byApplicant({ applicantId: workerId })
        .go({ pages: 'all' });
      const exemption = applications.find(
        (a) => a.evaluation && exemptionCovers(a.copayExemption, month),
      )?.copayExemption;
      if (!exemption) return;
      found.set(workerId, {
        workerId,
        basis: exemption.basis,
        basisLabel: exemptionBasisLabel(exemption.basis),
        fromMonth: exemption.fromMonth,
        toMonth: exemption.toMonth,
        reason: exemptionReason(exemption),
      });
    }),
  );
  return found;
}

/** The decision in force for a worker in a month: the evaluated application whose period covers it. */
export interface WorkerDecision {
  workerId: string;
  applicationId: string;
  monthlyHours: number;
  startDate: string;
  endDate: string;
}

/** Each worker's decided monthly hours in `month` (월 결정 시간), from the evaluation whose period covers it. */
export async function decisionsIn(workerIds: readonly string[], month: string): Promise<Map<string, WorkerDecision>> {
  const found = new Map<string, WorkerDecision>();
  await Promise.all(
    [...new Set(workerIds)].map(async (workerId) => {
      const { data } = await bindEntity(ServiceApplication)
        .query.byApplicant({ applicantId: workerId })
        .go({ pages: 'all' });
      const inForce = data.find(
        (a) => a.evaluation && a.evaluation.startDate.slice(0, 7) <= month && month <= a.evaluation.endDate.slice(0, 7),
      );
      if (!inForce?.evaluation) return;
      found.set(workerId, {
        workerId,
        applicationId: inForce.applicationId,
        monthlyHours: inForce.evaluation.monthlyHours,
        startDate: inForce.evaluation.startDate,
        endDate: inForce.evaluation.endDate,
      });
    }),
  );
  return found;
}
