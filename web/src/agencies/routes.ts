import type { Route } from '../shell/app.ts';
import {
  agencyAgreementsPage,
  agreementDetailPage,
  agreementDraftPage,
  internalAgreementsPage,
} from './agreement-pages.ts';
import { organisationFormPage, organisationsPage, ownOrganisationPage } from './organisation-pages.ts';
import { agencySealPage, sealApprovalsPage, sealDecisionPage } from './seal-pages.ts';

// The agencies screens (A1–A3), in both staff systems; the menus of web/src/shell/systems.ts link
// to them. `/new` comes before `/:agreementId` because the first matching route wins.
export const AGENCY_ROUTES: Route[] = [
  { path: '/agency/organisation', system: 'agency', page: ownOrganisationPage },
  { path: '/agency/seal', system: 'agency', page: agencySealPage, roles: ['agency'] },
  { path: '/agency/agreements', system: 'agency', page: agencyAgreementsPage, roles: ['agency'] },
  { path: '/agency/agreements/:agreementId', system: 'agency', page: agreementDetailPage, roles: ['agency'] },

  { path: '/internal/agencies', system: 'internal', page: organisationsPage('agency') },
  { path: '/internal/institutions', system: 'internal', page: organisationsPage('institution') },
  { path: '/internal/organisations/:organisationId', system: 'internal', page: organisationFormPage },
  { path: '/internal/seals', system: 'internal', page: sealApprovalsPage },
  { path: '/internal/seals/:organisationId/:version', system: 'internal', page: sealDecisionPage },
  { path: '/internal/agreements', system: 'internal', page: internalAgreementsPage },
  { path: '/internal/agreements/new', system: 'internal', page: agreementDraftPage },
  { path: '/internal/agreements/:agreementId', system: 'internal', page: agreementDetailPage },
];
