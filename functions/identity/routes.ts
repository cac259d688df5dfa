import { accountRoutes } from './account-routes.ts';
import { signInRoutes } from './sign-in-routes.ts';
import { staffRoutes } from './staff-routes.ts';

/** Every route of the identity capability: sign-in, accounts, staff account requests. */
export const identityRoutes = [...signInRoutes, ...accountRoutes, ...staffRoutes];
