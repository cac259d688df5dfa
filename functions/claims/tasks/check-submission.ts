import { getMonthSubmission } from '#functions/attendance/submission';
import type { ClaimExecutionInput } from '../orchestration.ts';

import { MonthNotSubmitted } from '../workflow-errors.ts';

export { MonthNotSubmitted };

/** Step 1: the agency must have submitted the month (C4 passed) before anything is computed. */
export async function handler(event: ClaimExecutionInput) {
  const submission = await getMonthSubmission(event.agencyId, event.month);
  if (!submission) {
    throw new MonthNotSubmitted(
      `${event.month} 활동일지가 아직 제출되지 않았습니다. 근태 비교를 마치고 월 제출을 한 뒤 다시 시작해 주세요.`,
    );
  }
  return { submittedAt: submission.submittedAt, submittedBy: submission.submittedBy };
}
