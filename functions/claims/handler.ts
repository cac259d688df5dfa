import { createHandler } from '#commons/http/handler';
import { claimRoutes } from './routes.ts';

export const handler = createHandler(claimRoutes);
