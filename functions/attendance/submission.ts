// The month submission as the claim workflow (SPEC C5) reads it: a month can be claimed only once the
// agency has submitted it here, with no blocking comparison finding left.

import { bindEntity } from '#commons/entities';
import { MonthSubmission } from './entities.ts';

export interface JustifiedFinding {
  assistantId: string;
  date: string;
  code: string;
  reason: string;
  by: string;
}

export interface MonthSubmissionRecord {
  agencyId: string;
  month: string;
  submittedAt: string;
  submittedBy: string;
  justified: JustifiedFinding[];
}

/** The agency's submission of `month` (YYYY-MM), or undefined while it has not been submitted. */
export async function getMonthSubmission(agencyId: string, month: string): Promise<MonthSubmissionRecord | undefined> {
  const { data } = await bindEntity(MonthSubmission).get({ agencyId, month }).go();
  if (!data) return undefined;
  return {
    agencyId: data.agencyId,
    month: data.month,
    submittedAt: data.submittedAt,
    submittedBy: data.submittedBy,
    justified: data.justified.map(({ assistantId, date, code, reason, by }) => ({
      assistantId,
      date,
      code,
      reason,
      by,
    })),
  };
}
