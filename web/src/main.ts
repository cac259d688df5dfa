import * as clock from '#kernel/clock';
import { followPageClock, followServerClock } from './core/clock.ts';
import { installSession, SessionController } from './identity/session-controller.ts';
import { fallbackPage } from './pages/fallback.ts';
import { forbiddenPage } from './pages/forbidden.ts';
import { ROUTES } from './routes.ts';
import { App } from './shell/app.ts';

const root = document.getElementById('app');
if (root) {
  // The server's day: from the page when it carries it (a local stack on a pinned day), else asked
  // at once without making the first page wait: when its day is not the device's (a wrong device
  // clock), the page is drawn again with the server's day, before anyone has had time to type.
  const deviceDay = clock.today();
  const serverClock = followPageClock() ? Promise.resolve(false) : followServerClock();
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
  void serverClock.then((followed) => {
    if (followed && clock.today() !== deviceDay) app.redraw();
  });
}
