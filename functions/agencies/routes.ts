import { agreementRoutes } from './agreement-routes.ts';
import { organisationRoutes } from './organisation-routes.ts';
import { sealRoutes } from './seal-routes.ts';

// The agencies capability's routes, gathered from its sub-domains: organisations (A1), seals (A2),
// agreements (A3).
export const agencyRoutes = [...organisationRoutes, ...sealRoutes, ...agreementRoutes];
