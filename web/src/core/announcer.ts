// One polite live region for the whole app, outside the part that is re-rendered on navigation,
// so screen readers hear result counts and status changes without losing their place.

export const ANNOUNCER_ID = 'app-announcer';

let pending: ReturnType<typeof setTimeout> | undefined;

export function announce(message: string): void {
  const region = document.getElementById(ANNOUNCER_ID);
  if (!region) return;
  // Clearing first makes a repeated message (the same count twice) be read again.
  region.textContent = '';
  clearTimeout(pending);
  pending = setTimeout(() => {
    region.textContent = message;
  }, 100);
}
