import { fallbackPage } from './pages/fallback.ts';
import { ROUTES } from './routes.ts';
import { App } from './shell/app.ts';

const root = document.getElementById('app');
if (root) new App(root, ROUTES, fallbackPage).start();
