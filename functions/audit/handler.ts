import { createHandler } from '#commons/http/handler';
import { auditRoutes } from './routes.ts';

export const handler = createHandler(auditRoutes);
