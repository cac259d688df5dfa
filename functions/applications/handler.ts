import { createHandler } from '#commons/http/handler';
import { applicationRoutes } from './routes.ts';

export const handler = createHandler(applicationRoutes);
