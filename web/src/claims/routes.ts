import type { Route } from '../shell/app.ts';
import { AGENCY_CLAIMS_PATH, BRANCH_CLAIMS_PATH, claimDetailPage, claimListPage } from './pages.ts';

/** The claim screens (C5), by URL: the agency's 사업비 신청 and the branch's 사업비 신청 결정. */
export const CLAIM_ROUTES: Route[] = [
  { path: AGENCY_CLAIMS_PATH, system: 'agency', page: claimListPage('agency'), roles: ['agency'] },
  { path: `${AGENCY_CLAIMS_PATH}/:claimId`, system: 'agency', page: claimDetailPage('agency'), roles: ['agency'] },
  { path: BRANCH_CLAIMS_PATH, system: 'internal', page: claimListPage('branch'), roles: ['branch'] },
  { path: `${BRANCH_CLAIMS_PATH}/:claimId`, system: 'internal', page: claimDetailPage('branch'), roles: ['branch'] },
];
