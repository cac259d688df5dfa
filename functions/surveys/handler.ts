import { createHandler } from '#commons/http/handler';
import { surveyRoutes } from './routes.ts';

export const handler = createHandler(surveyRoutes);
