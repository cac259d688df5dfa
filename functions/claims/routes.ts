import { claimWorkflowRoutes } from './claim-routes.ts';
import { copayRoutes } from './copay-routes.ts';
import { correctionRoutes } from './correction-routes.ts';
import { precheckRoutes } from './precheck-routes.ts';
import { settlementRoutes } from './settlement-routes.ts';

export const claimRoutes = [
  ...claimWorkflowRoutes,
  ...copayRoutes,
  ...settlementRoutes,
  ...correctionRoutes,
  ...precheckRoutes,
];
