import * as clock from '#kernel/clock';
import { apiGet } from './api.ts';

/** How long the first render waits for the server's clock before it uses the device's. */
const CLOCK_WAIT_MS = 2_000;

/**
 * The server's instant when the page itself carries it (the local stack on a pinned day does): the
 * clock follows it at once, before the first page is drawn. False when the page has none.
 */
export function followPageClock(): boolean {
  const meta = document.querySelector(`meta[name="${clock.PAGE_CLOCK_META}"]`)?.getAttribute('content');
  const serverNowMs = Number(meta);
  if (!meta || !Number.isFinite(serverNowMs)) return false;
  clock.followClock(serverNowMs);
  return true;
}

/**
 * Makes the kernel clock follow the server's, so that "today", "this month" and "this year" on every
 * screen are the day the product runs on, whatever the device's clock says. Called once before the
 * first render; when the server does not answer in time, the device's clock stands.
 */
export async function followServerClock(fetchImpl?: typeof fetch): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), CLOCK_WAIT_MS);
  try {
    const result = await apiGet<{ today: string; nowMs: number }>(
      '/public/clock',
      {},
      { signal: controller.signal, fetchImpl },
    );
    if (!result.ok || typeof result.data.nowMs !== 'number') return false;
    clock.followClock(result.data.nowMs);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
