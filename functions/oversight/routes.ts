import { boardRoutes } from './board-routes.ts';
import { feedbackRoutes } from './feedback-routes.ts';
import { noticeRoutes } from './notice-routes.ts';

/** Oversight and communication (SPEC F1–F4): each sub-domain's routes, gathered. */
export const oversightRoutes = [...noticeRoutes, ...boardRoutes, ...feedbackRoutes];
