import type { Route } from '../shell/app.ts';
import {
  activityApplicationPage,
  agencyActivityApplicationPage,
  agencyActivityApplicationsPage,
  myActivityApplicationsPage,
} from './activity-pages.ts';
import { INTERNAL_ASSISTANTS_PATH, internalAssistantsPage } from './internal-page.ts';
import {
  ACTIVITY_APPLICATION_PATH,
  AGENCY_POSTINGS_PATH,
  agencyPostingsPage,
  JOBS_PATH,
  jobDetailPage,
  jobsPage,
} from './posting-pages.ts';
import { ASSISTANTS_PATH, assistantDetailPage, assistantsPage, registerAssistantPage } from './registry-pages.ts';
import { workforcePage } from './workforce-page.ts';

// Assistant screens (B2, B4, B5) in the agency system, the internal system and the portal; the
// menus of web/src/shell/systems.ts link to them. `/new` comes before `/:assistantId` because the
// first matching route wins.
export const ASSISTANT_ROUTES: Route[] = [
  { path: ASSISTANTS_PATH, system: 'agency', page: assistantsPage, roles: ['agency'] },
  { path: `${ASSISTANTS_PATH}/new`, system: 'agency', page: registerAssistantPage, roles: ['agency'] },
  { path: `${ASSISTANTS_PATH}/:assistantId`, system: 'agency', page: assistantDetailPage, roles: ['agency'] },
  { path: AGENCY_POSTINGS_PATH, system: 'agency', page: agencyPostingsPage, roles: ['agency'] },
  { path: '/agency/activity-applications', system: 'agency', page: agencyActivityApplicationsPage, roles: ['agency'] },
  {
    path: '/agency/activity-applications/:activityApplicationId',
    system: 'agency',
    page: agencyActivityApplicationPage,
    roles: ['agency'],
  },
  { path: '/agency/workforce', system: 'agency', page: workforcePage, roles: ['agency'] },

  { path: '/internal/workforce', system: 'internal', page: workforcePage },
  { path: INTERNAL_ASSISTANTS_PATH, system: 'internal', page: internalAssistantsPage, roles: ['branch', 'hq'] },
  { path: '/internal/assistants/:assistantId', system: 'internal', page: assistantDetailPage },

  { path: JOBS_PATH, system: 'portal', page: jobsPage },
  { path: `${JOBS_PATH}/:postingId`, system: 'portal', page: jobDetailPage },
  { path: ACTIVITY_APPLICATION_PATH, system: 'portal', page: activityApplicationPage, roles: ['assistant'] },
  { path: '/my/activity-applications', system: 'portal', page: myActivityApplicationsPage, roles: ['assistant'] },
];
