import { createHandler } from '#commons/http/handler';
import { accountRoutes } from './account-routes.ts';
import { identityRoutes } from './routes.ts';

export const handler = createHandler([...identityRoutes, ...accountRoutes]);
