import { postingRoutes } from './posting-routes.ts';
import { registryRoutes } from './registry-routes.ts';
import { workforceRoutes } from './workforce-routes.ts';

/** 근로지원인: registry (B2), job postings and activity applications (B4), workforce lookup (B5). */
export const assistantRoutes = [...registryRoutes, ...postingRoutes, ...workforceRoutes];
