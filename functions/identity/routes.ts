import { accountRoutes } from './account-routes.ts';
import { clockRoutes } from './clock-routes.ts';
import { profileRoutes } from './profile-routes.ts';
import { signInRoutes } from './sign-in-routes.ts';
import { staffRoutes } from './staff-routes.ts';

/** Every route of the identity capability: sign-in, accounts, 회원정보수정, staff account requests, the server's clock. */
export const identityRoutes = [...signInRoutes, ...accountRoutes, ...profileRoutes, ...staffRoutes, ...clockRoutes];
