import { createHandler } from '#commons/http/handler';
import { matchingRoutes } from './routes.ts';

export const handler = createHandler(matchingRoutes);
