import { bindEntity } from '#commons/entities';
import { ServiceApplication } from '#functions/applications/entities';
import { demoCalendar } from './demo-calendar.ts';
import { demoApplicationId } from './demo-people.ts';
import type { SeedStep } from './seed.ts';

// Demo data of the co-payment exemption (SPEC C7): 늘봄's worker05 (보조: assistant05) is 차상위계층 for
// the whole service year, recorded by 경기지사 on the evaluation; the claims of that year compute a
// co-payment of 0 for them, and the claim and their My page say why.

export const DEMO_EXEMPT_WORKER = 'worker05';

const exemption: SeedStep = {
  name: 'co-payment exemption (worker05: 차상위계층, the service year)',
  async run() {
    const year = demoCalendar().serviceYear;
    const applicationId = demoApplicationId(DEMO_EXEMPT_WORKER);
    const { data } = await bindEntity(ServiceApplication).get({ applicationId }).go();
    if (!data?.evaluation || data.copayExemption) return;
    await bindEntity(ServiceApplication)
      .put({
        ...data,
        copayExemption: {
          basis: 'nearPoverty',
          fromMonth: `${year}-01`,
          toMonth: `${year}-12`,
          note: '차상위계층 확인서 확인',
          recordedBy: data.evaluation.decidedBy,
          recordedAt: data.evaluation.decidedAt,
        },
        revision: data.revision + 1,
      })
      .go();
  },
};

export const EXEMPTION_SEED_STEPS: SeedStep[] = [exemption];
