import { describe, expect, it, vi } from 'vitest';
import { apiGet, apiPost, setApiHooks } from '../../../web/src/core/api.ts';
import {
  DEFAULT_IDLE,
  formatRemaining,
  IDLE_SETTINGS_KEY,
  type IdlePhase,
  IdleTimer,
  idleSettings,
  LAST_ACTIVITY_KEY,
  spokenRemaining,
} from '../../../web/src/identity/idle.ts';
import {
  clearSession,
  describeDestination,
  loadSession,
  type Me,
  roleText,
  SESSION_KEY,
  saveSession,
  sessionFrom,
  tokenExpiry,
  viewerOf,
} from '../../../web/src/identity/session.ts';

/** A Storage over a Map, as sessionStorage behaves. */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, String(value)),
  };
}

/** A hand-driven clock and interval: advance() moves time and runs the tick like setInterval would. */
function fakeTime(start = 1_800_000_000_000) {
  let now = start;
  let tick: (() => void) | undefined;
  return {
    now: () => now,
    setInterval: (fn: () => void) => {
      tick = fn;
      return 1;
    },
    clearInterval: () => {
      tick = undefined;
    },
    advance(seconds: number) {
      for (let i = 0; i < seconds; i++) {
        now += 1000;
        tick?.();
      }
    },
    running: () => tick !== undefined,
  };
}

function timer(settings = { timeoutMs: 60_000, warningMs: 10_000 }, storage = memoryStorage()) {
  const time = fakeTime();
  const events: { ticks: [number, IdlePhase][]; warned: number[]; expired: number } = {
    ticks: [],
    warned: [],
    expired: 0,
  };
  const idle = new IdleTimer({
    settings,
    now: time.now,
    storage,
    onTick: (remaining, phase) => events.ticks.push([remaining, phase]),
    onWarn: (remaining) => events.warned.push(remaining),
    onExpire: () => {
      events.expired++;
    },
    setInterval: time.setInterval,
    clearInterval: time.clearInterval,
  });
  return { idle, time, events, storage };
}

describe('idle timeout (SPEC §1, WCAG 2.2.1)', () => {
  it('defaults to 60 minutes with the warning 5 minutes before', () => {
    expect(DEFAULT_IDLE).toEqual({ timeoutMs: 3_600_000, warningMs: 300_000 });
    expect(idleSettings(memoryStorage())).toBe(DEFAULT_IDLE);
  });

  it('takes shorter timings from the test hook, and never longer or nonsensical ones', () => {
    const storage = memoryStorage();
    storage.setItem(IDLE_SETTINGS_KEY, JSON.stringify({ timeoutSeconds: 20, warningSeconds: 10 }));
    expect(idleSettings(storage)).toEqual({ timeoutMs: 20_000, warningMs: 10_000 });
    for (const bad of [
      { timeoutSeconds: 7200, warningSeconds: 60 },
      { timeoutSeconds: 10, warningSeconds: 10 },
      { timeoutSeconds: 10, warningSeconds: 0 },
      { timeoutSeconds: 'x', warningSeconds: 5 },
    ]) {
      storage.setItem(IDLE_SETTINGS_KEY, JSON.stringify(bad));
      expect(idleSettings(storage)).toBe(DEFAULT_IDLE);
    }
    storage.setItem(IDLE_SETTINGS_KEY, '{not json');
    expect(idleSettings(storage)).toBe(DEFAULT_IDLE);
  });

  it('shows MM:SS rounded up, and says the time in words for screen readers', () => {
    expect(formatRemaining(3_600_000)).toBe('60:00');
    expect(formatRemaining(299_001)).toBe('05:00');
    expect(formatRemaining(59_000)).toBe('00:59');
    expect(formatRemaining(1)).toBe('00:01');
    expect(formatRemaining(-5)).toBe('00:00');
    expect(spokenRemaining(299_000)).toBe('4분 59초');
    expect(spokenRemaining(300_000)).toBe('5분');
    expect(spokenRemaining(9_000)).toBe('9초');
  });

  it('counts down every second, warns once at the warning time, and expires at zero', () => {
    const { idle, time, events } = timer();
    idle.start();
    expect(events.ticks[0]).toEqual([60_000, 'active']);
    time.advance(49);
    expect(events.warned).toEqual([]);
    time.advance(1);
    expect(events.warned).toEqual([10_000]);
    expect(idle.currentPhase()).toBe('warning');
    time.advance(5);
    expect(events.warned).toHaveLength(1);
    expect(events.ticks.at(-1)).toEqual([5_000, 'warning']);
    time.advance(5);
    expect(events.expired).toBe(1);
    expect(idle.currentPhase()).toBe('expired');
    expect(time.running()).toBe(false);
  });

  it('resets on any activity while active, and shows the reset at once', () => {
    const { idle, time, events } = timer();
    idle.start();
    time.advance(30);
    idle.touch();
    expect(events.ticks.at(-1)).toEqual([60_000, 'active']);
    time.advance(45);
    expect(events.warned).toEqual([]);
    expect(idle.remaining()).toBe(15_000);
  });

  it('ignores stray activity once the warning shows: only extending (연장하기, Escape) continues', () => {
    const { idle, time, events } = timer();
    idle.start();
    time.advance(52);
    expect(idle.currentPhase()).toBe('warning');
    idle.touch();
    expect(idle.remaining()).toBe(8_000);
    idle.extend();
    expect(idle.currentPhase()).toBe('active');
    expect(idle.remaining()).toBe(60_000);
    time.advance(50);
    expect(events.warned).toHaveLength(2);
    time.advance(10);
    expect(events.expired).toBe(1);
    // nothing brings an expired session back
    idle.extend();
    expect(idle.currentPhase()).toBe('expired');
  });

  it('continues from the last activity kept in the tab after a reload, and expires a stale one at once', () => {
    const storage = memoryStorage();
    const first = timer(undefined, storage);
    first.idle.start();
    first.time.advance(20);
    first.idle.touch();
    expect(storage.getItem(LAST_ACTIVITY_KEY)).toBe(String(first.time.now()));

    const again = timer(undefined, storage);
    storage.setItem(LAST_ACTIVITY_KEY, String(again.time.now() - 30_000));
    again.idle.start();
    expect(again.idle.remaining()).toBe(30_000);

    const stale = timer(undefined, storage);
    storage.setItem(LAST_ACTIVITY_KEY, String(stale.time.now() - 61_000));
    stale.idle.start();
    expect(stale.events.expired).toBe(1);

    stale.idle.stop();
    expect(storage.getItem(LAST_ACTIVITY_KEY)).toBeNull();
  });
});

/** An unsigned JWT with the given payload (only the payload is read in the browser). */
function jwt(payload: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(payload)}.signature`;
}

const ME: Me = {
  userId: 'agency_hanbit',
  name: '윤서진',
  phone: '010-****-0104',
  roles: [{ role: 'agency', agencyId: 'AG-HANBIT', label: '수행기관', organisationName: '한빛근로지원센터' }],
};

describe('session in sessionStorage', () => {
  it('reads the expiry of the ID token, or falls back to expiresIn', () => {
    expect(tokenExpiry(jwt({ exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
    expect(tokenExpiry('not-a-token')).toBeUndefined();
    expect(sessionFrom({ idToken: 'x.e30.y', accessToken: 'a', expiresIn: 3600 }, ME, 1000).expiresAt).toBe(3_601_000);
  });

  it('keeps the session until the token expires; a broken or expired entry is removed', () => {
    const storage = memoryStorage();
    const session = sessionFrom({ idToken: jwt({ exp: 2000 }), accessToken: 'a', expiresIn: 3600 }, ME, 0);
    saveSession(storage, session);
    expect(loadSession(storage, 1_999_000)).toEqual(session);
    expect(loadSession(storage, 2_000_000)).toBeUndefined();
    expect(storage.getItem(SESSION_KEY)).toBeNull();
    storage.setItem(SESSION_KEY, '{broken');
    expect(loadSession(storage, 0)).toBeUndefined();
    expect(storage.getItem(SESSION_KEY)).toBeNull();
    saveSession(storage, session);
    clearSession(storage);
    expect(storage.getItem(SESSION_KEY)).toBeNull();
  });

  it('turns GET /me into the viewer, and says the role with its organisation', () => {
    const viewer = viewerOf({
      ...ME,
      roles: [...ME.roles, { role: 'worker', label: '장애인 근로자' }, { role: 'nobody' as never, label: '?' }],
    });
    expect(viewer).toMatchObject({ signedIn: true, name: '윤서진', roles: ['agency', 'worker'] });
    expect(roleText(viewer)).toBe('수행기관 · 한빛근로지원센터, 장애인 근로자');
    expect(roleText({ signedIn: false })).toBe('');
  });

  it('says where a code went by the last four digits only', () => {
    expect(describeDestination('+********0104')).toBe('휴대전화(끝자리 0104)');
    expect(describeDestination('')).toBe('등록된 휴대전화');
  });
});

describe('API calls of a signed-in person', () => {
  const respond =
    (status: number, body: unknown): typeof fetch =>
    async () =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('carry the ID token as a Bearer header and count as activity', async () => {
    const onActivity = vi.fn();
    let headers: Record<string, string> = {};
    setApiHooks({ authorization: () => 'id.token.value', onActivity, onUnauthorized: vi.fn() });
    const fetchImpl: typeof fetch = async (_url, init) => {
      headers = init?.headers as Record<string, string>;
      return new Response('{}', { status: 200 });
    };
    await apiGet('/me', {}, { fetchImpl });
    expect(headers.authorization).toBe('Bearer id.token.value');
    expect(onActivity).toHaveBeenCalledOnce();
    setApiHooks(undefined);
  });

  it('end the session when the server refuses the token, but not for a wrong password', async () => {
    const onUnauthorized = vi.fn();
    const error = { error: { code: 'UNAUTHENTICATED', message: '로그인이 필요합니다. 다시 로그인해 주세요.' } };
    setApiHooks({ authorization: () => undefined, onActivity: vi.fn(), onUnauthorized });
    const wrong = await apiPost('/auth/login', {}, { fetchImpl: respond(401, error) });
    expect(wrong.ok).toBe(false);
    expect(onUnauthorized).not.toHaveBeenCalled();
    setApiHooks({ authorization: () => 'expired.token', onActivity: vi.fn(), onUnauthorized });
    await apiGet('/me', {}, { fetchImpl: respond(401, error) });
    expect(onUnauthorized).toHaveBeenCalledOnce();
    setApiHooks(undefined);
  });
});
