import { createHandler } from '#commons/http/handler';
import { agencyRoutes } from './routes.ts';

export const handler = createHandler(agencyRoutes);
