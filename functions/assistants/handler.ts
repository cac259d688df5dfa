import { createHandler } from '#commons/http/handler';
import { assistantRoutes } from './routes.ts';

export const handler = createHandler(assistantRoutes);
