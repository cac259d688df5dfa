import { createHandler } from '#commons/http/handler';
import { identityRoutes } from './routes.ts';

export const handler = createHandler(identityRoutes);
