import { createHandler } from '#commons/http/handler';
import { exemptionRoutes } from './exemption-routes.ts';
import { applicationRoutes } from './routes.ts';

export const handler = createHandler([...applicationRoutes, ...exemptionRoutes]);
