import { createHandler } from '#commons/http/handler';
import { rateRoutes } from './routes.ts';

export const handler = createHandler(rateRoutes);
