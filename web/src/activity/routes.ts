import type { Route } from '../shell/app.ts';
import { AGENCY_LOGS_PATH } from '../shell/paths.ts';
import { agencyActivityLogsPage, agencyEditLogPage } from './agency-pages.ts';
import {
  activityLogsPage,
  CONSENT_REQUESTS_PATH,
  editActivityLogPage,
  LOGS_PATH,
  newActivityLogPage,
} from './assistant-pages.ts';
import { CONSENT_PATH, consentListPage, consentRequestPage, consentSignPage } from './consent-pages.ts';
import { INTERNAL_LOGS_PATH, internalActivityLogsPage } from './internal-page.ts';

/** The activity screens (C1, C2), by URL; `new` comes before `:entryId` because the first match wins. */
export const ACTIVITY_ROUTES: Route[] = [
  { path: LOGS_PATH, system: 'portal', page: activityLogsPage, roles: ['assistant'] },
  { path: `${LOGS_PATH}/new`, system: 'portal', page: newActivityLogPage, roles: ['assistant'] },
  { path: `${LOGS_PATH}/:entryId`, system: 'portal', page: editActivityLogPage, roles: ['assistant'] },
  { path: CONSENT_REQUESTS_PATH, system: 'portal', page: consentRequestPage, roles: ['assistant'] },
  { path: CONSENT_PATH, system: 'portal', page: consentListPage, roles: ['worker'] },
  { path: `${CONSENT_PATH}/:roundId`, system: 'portal', page: consentSignPage, roles: ['worker'] },
  { path: AGENCY_LOGS_PATH, system: 'agency', page: agencyActivityLogsPage, roles: ['agency'] },
  { path: `${AGENCY_LOGS_PATH}/:entryId`, system: 'agency', page: agencyEditLogPage, roles: ['agency'] },
  { path: INTERNAL_LOGS_PATH, system: 'internal', page: internalActivityLogsPage, roles: ['branch', 'hq'] },
];
