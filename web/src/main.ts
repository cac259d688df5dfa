import { followServerClock } from './core/clock.ts';
import { installSession, SessionController } from './identity/session-controller.ts';
import { fallbackPage } from './pages/fallback.ts';
import { forbiddenPage } from './pages/forbidden.ts';
import { ROUTES } from './routes.ts';
import { App } from './shell/app.ts';

const root = document.getElementById('app');
// the server's day first: month pickers and "this year" default to the day the product runs on
if (root) await followServerClock();
if (root) {
  const session = new SessionController(window.sessionStorage);
  installSession(session);
  // A session kept in this tab is restored before the first render, so a reload does not flash the
  // signed-out page or send a signed-in person to the sign-in page.
  const viewer = session.restore();
  const app = new App(root, ROUTES, fallbackPage, {
    viewer,
    forbidden: forbiddenPage,
    sessionBar: () => session.sessionBar(),
  });
  session.attach(app);
  app.start();
}
