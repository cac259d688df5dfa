import { directoryPage } from './agencies/directory-page.ts';
import { homePage } from './portal/home.ts';
import type { Route } from './shell/app.ts';

// Every screen, by URL. Screens live in folders named after the back end's capabilities
// (agencies, claims, …); add a screen by adding its route here.
export const ROUTES: Route[] = [
  { path: '/', system: 'portal', page: homePage },
  { path: '/work-assistant/organisations', system: 'portal', page: directoryPage },
];
