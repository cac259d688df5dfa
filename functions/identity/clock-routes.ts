import { defineRoute } from '#commons/http/route';
import * as clock from '#kernel/clock';
import { clockResponse } from './clock-contract.ts';

/**
 * The server's day, so that a browser shows the day the product runs on (month-picker defaults,
 * "this year"), not the device's: the two differ when the device's clock is wrong, and on a local
 * stack pinned to another day (PLATFORM_TODAY).
 */
export const clockRoutes = [
  defineRoute({
    method: 'GET',
    path: '/public/clock',
    summary: '서버의 오늘 날짜와 현재 시각(한국 시간)',
    access: 'public',
    response: clockResponse,
    handle: async () => ({ body: { today: clock.today(), nowMs: clock.nowMs() } }),
  }),
];
