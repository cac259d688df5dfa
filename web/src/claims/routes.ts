import type { Route } from '../shell/app.ts';
import { AGENCY_COPAY_PATH, agencyCopayPage, MY_COPAY_PATH, myCopayPage } from './copay-pages.ts';
import { RATE_CORRECTIONS_PATH, rateCorrectionPage } from './correction-page.ts';
import { AGENCY_CLAIMS_PATH, BRANCH_CLAIMS_PATH, claimDetailPage, claimListPage } from './pages.ts';
import { PRECHECK_PATH, precheckPage } from './precheck-page.ts';
import { AGENCY_SETTLEMENTS_PATH, BRANCH_SETTLEMENTS_PATH, settlementPage } from './settlement-pages.ts';

/** The claim screens (C5), settlements (C6) and co-payments (C7), by URL. */
export const CLAIM_ROUTES: Route[] = [
  { path: AGENCY_CLAIMS_PATH, system: 'agency', page: claimListPage('agency'), roles: ['agency'] },
  // 월말 사전점검 (issue 15 §5), reached from the claim list and the claim
  { path: PRECHECK_PATH, system: 'agency', page: precheckPage, roles: ['agency'] },
  { path: `${AGENCY_CLAIMS_PATH}/:claimId`, system: 'agency', page: claimDetailPage('agency'), roles: ['agency'] },
  { path: AGENCY_COPAY_PATH, system: 'agency', page: agencyCopayPage, roles: ['agency'] },
  { path: MY_COPAY_PATH, system: 'portal', page: myCopayPage, roles: ['worker'] },
  { path: AGENCY_SETTLEMENTS_PATH, system: 'agency', page: settlementPage('agency'), roles: ['agency'] },
  // hq reads every branch's claims and settlements; the decisions stay the branch's
  { path: BRANCH_SETTLEMENTS_PATH, system: 'internal', page: settlementPage('branch'), roles: ['branch', 'hq'] },
  { path: BRANCH_CLAIMS_PATH, system: 'internal', page: claimListPage('internal'), roles: ['branch', 'hq'] },
  {
    path: `${BRANCH_CLAIMS_PATH}/:claimId`,
    system: 'internal',
    page: claimDetailPage('branch'),
    roles: ['branch', 'hq'],
  },
  // 요율 정정 차액 (issue 15 §6): hq and branches read; the branch carries a difference into a settlement
  { path: RATE_CORRECTIONS_PATH, system: 'internal', page: rateCorrectionPage, roles: ['branch', 'hq'] },
];
