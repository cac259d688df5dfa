import type { Route } from '../shell/app.ts';
import { INTERNAL_MATCHINGS_PATH, internalMatchingsPage } from './internal-page.ts';
import { endMatchingPage, MATCHINGS_PATH, matchingsPage, newMatchingPage } from './matching-pages.ts';

// Matching screens (B3) in the agency system; `/new` comes before `/:matchingId`.
export const MATCHING_ROUTES: Route[] = [
  { path: MATCHINGS_PATH, system: 'agency', page: matchingsPage, roles: ['agency'] },
  { path: `${MATCHINGS_PATH}/new`, system: 'agency', page: newMatchingPage, roles: ['agency'] },
  { path: `${MATCHINGS_PATH}/:matchingId`, system: 'agency', page: endMatchingPage, roles: ['agency'] },
  { path: INTERNAL_MATCHINGS_PATH, system: 'internal', page: internalMatchingsPage, roles: ['branch', 'hq'] },
];
