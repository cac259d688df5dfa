import { createHandler } from '#commons/http/handler';
import { leaveRoutes } from './routes.ts';

export const handler = createHandler(leaveRoutes);
