import { createHandler } from '#commons/http/handler';
import { attendanceRoutes } from './routes.ts';

export const handler = createHandler(attendanceRoutes);
