import { createHandler } from '#commons/http/handler';
import { inboxRoutes } from './routes.ts';

export const handler = createHandler(inboxRoutes);
