import { createHandler } from '#commons/http/handler';
import { payrollRoutes } from './routes.ts';

export const handler = createHandler(payrollRoutes);
