import { createHandler } from '#commons/http/handler';
import { activityRoutes } from './routes.ts';

export const handler = createHandler(activityRoutes);
