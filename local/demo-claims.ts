import { bindEntity } from '#commons/entities';
import { MonthSubmission } from '#functions/attendance/entities';
import { getMonthSubmission } from '#functions/attendance/submission';
import * as clock from '#kernel/clock';
import { demoMonths } from './demo-activity.ts';
import type { SeedStep } from './seed.ts';

// Demo data of the monthly claim (SPEC C5): 늘봄 has submitted last month after the attendance
// comparison (C4), so its claim can be started at once from the agency's 사업비 신청 screen. 한빛's month
// is left to the attendance demo (upload, comparison, submission); 다온 has not submitted, so starting
// its claim shows the 'failed' state with the reason and the resume button.

export const DEMO_SUBMITTED_AGENCIES = ['AG-NEULBOM'];

const submissions: SeedStep = {
  name: 'month submission for the claim (늘봄: last month)',
  async run() {
    const { previous } = demoMonths();
    for (const agencyId of DEMO_SUBMITTED_AGENCIES) {
      if (await getMonthSubmission(agencyId, previous)) continue;
      await bindEntity(MonthSubmission)
        .create({
          agencyId,
          month: previous,
          // the demo month's logs were entered by hand; no attendance file was compared
          importId: 'DEMO-NO-IMPORT',
          submittedAt: clock.nowIso(),
          submittedBy: 'agency_neulbom',
          justified: [],
        })
        .go()
        .catch((error: Error) => {
          if (!/conditional request failed|ConditionalCheckFailed/i.test(error.message)) throw error;
        });
    }
  },
};

export const CLAIM_SEED_STEPS: SeedStep[] = [submissions];
