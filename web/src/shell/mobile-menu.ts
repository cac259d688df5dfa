import { MOBILE_MENU_ID } from '../components/mobile-menu.ts';

// Behaviour of the KRDS mobile menu. KRDS's own ui-script.js initialises once on DOMContentLoaded
// with global selectors, which does not fit a page that re-renders on navigation; this keeps KRDS's
// classes (is-open, is-backdrop, body.is-gnb-mobile) and does the rest: inert background, focus in
// and back out, Escape to close.

const BACKGROUND = [
  '#krds-skip-link',
  '#krds-header .header-in',
  '#krds-masthead',
  '#app-session',
  '#container',
  '#krds-footer',
];

export function bindMobileMenu(root: HTMLElement): () => void {
  const panel = root.querySelector<HTMLElement>(`#${MOBILE_MENU_ID}`);
  const opener = root.querySelector<HTMLButtonElement>(`[aria-controls="${MOBILE_MENU_ID}"]`);
  if (!panel || !opener) return () => {};
  const closer = panel.querySelector<HTMLButtonElement>('#close-nav');
  const wrap = panel.querySelector<HTMLElement>('.gnb-wrap');

  const setBackgroundInert = (inert: boolean) => {
    for (const selector of BACKGROUND) {
      root.querySelectorAll<HTMLElement>(selector).forEach((el) => {
        el.inert = inert;
      });
    }
  };

  const open = () => {
    panel.hidden = false;
    // KRDS fades visibility in with a transition; a still-hidden panel cannot take focus.
    panel.style.visibility = 'visible';
    opener.setAttribute('aria-expanded', 'true');
    setBackgroundInert(true);
    document.body.classList.add('is-gnb-mobile');
    requestAnimationFrame(() => {
      panel.classList.add('is-backdrop', 'is-open');
      (wrap ?? panel).focus();
    });
  };

  const close = (returnFocus = true) => {
    if (panel.hidden) return;
    panel.classList.remove('is-backdrop', 'is-open');
    opener.setAttribute('aria-expanded', 'false');
    setBackgroundInert(false);
    document.body.classList.remove('is-gnb-mobile');
    panel.hidden = true;
    panel.style.visibility = '';
    if (returnFocus) opener.focus();
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close();
  };
  // A click on the dimmed area outside the panel closes it, as KRDS does.
  const onPanelClick = (event: MouseEvent) => {
    if (!(event.target as Element).closest('.gnb-wrap')) close();
  };
  // Following a link inside the menu navigates; the panel must not stay open over the new page.
  const onLink = (event: MouseEvent) => {
    if ((event.target as Element).closest('a[href]')) close(false);
  };
  const onResize = () => {
    if (window.matchMedia('(min-width: 1024px)').matches) close(false);
  };

  opener.addEventListener('click', open);
  closer?.addEventListener('click', () => close());
  panel.addEventListener('keydown', onKey);
  panel.addEventListener('click', onPanelClick);
  panel.addEventListener('click', onLink);
  window.addEventListener('resize', onResize);
  return () => {
    window.removeEventListener('resize', onResize);
    document.body.classList.remove('is-gnb-mobile');
  };
}
