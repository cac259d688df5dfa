import { createHandler } from '#commons/http/handler';
import { fileRoutes } from './routes.ts';

export const handler = createHandler(fileRoutes);
