import { POLICY_DOCUMENTS } from '#functions/oversight/policy-rules';
import type { Route } from '../shell/app.ts';
import { MY_ACTIVITIES_PATH, myActivitiesPage } from './activity-history-page.ts';
import { BUSINESS_GUIDE_PATH, businessGuidePage } from './business-guide-page.ts';
import { policyPage } from './policy-pages.ts';

/** Oversight and communication screens (SPEC F1–F4): the public pages first, My page's 활동내역. */
export const OVERSIGHT_ROUTES: Route[] = [
  { path: BUSINESS_GUIDE_PATH, system: 'portal', page: businessGuidePage, public: true },
  ...POLICY_DOCUMENTS.map((doc): Route => ({ path: doc.path, system: 'portal', page: policyPage(doc), public: true })),
  { path: MY_ACTIVITIES_PATH, system: 'portal', page: myActivitiesPage, roles: ['assistant'] },
];
