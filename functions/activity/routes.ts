import { consentRoutes } from './consent-routes.ts';
import { entryRoutes } from './entry-routes.ts';
import { meterRoutes } from './meter-routes.ts';
import { overviewRoutes } from './overview-routes.ts';

// 활동일지 (SPEC C1) and 전자서명 동의 (SPEC C2): the routes of the two sub-domains, the hours meter
// and the branch's and hq's read-only overview.
export const activityRoutes = [...entryRoutes, ...consentRoutes, ...meterRoutes, ...overviewRoutes];
