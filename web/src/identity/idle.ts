// Idle timeout (SPEC §1, WCAG 2.2.1): 60 minutes without activity signs the person out; 5 minutes
// before, a warning offers to extend. Any click, key press or API call counts as activity. The
// clock, the timers and the storage are injected so that the rules are unit-tested without waiting
// and a browser test can run the whole thing in seconds.

export const DEFAULT_TIMEOUT_SECONDS = 60 * 60;
export const DEFAULT_WARNING_SECONDS = 5 * 60;

/**
 * Test hook: a browser test may shorten the timings for its own tab by putting
 * {"timeoutSeconds": 20, "warningSeconds": 10} under this sessionStorage key before signing in.
 * Only shorter-than-default values are taken, so the hook can never lengthen a real session.
 */
export const IDLE_SETTINGS_KEY = 'kead.idleSettings';
/** When the person was last active (ms since epoch), so a reload does not restart the countdown. */
export const LAST_ACTIVITY_KEY = 'kead.lastActivity';

export interface IdleSettings {
  timeoutMs: number;
  warningMs: number;
}

export const DEFAULT_IDLE: IdleSettings = {
  timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000,
  warningMs: DEFAULT_WARNING_SECONDS * 1000,
};

export function idleSettings(storage: Pick<Storage, 'getItem'> | undefined): IdleSettings {
  const raw = storage?.getItem(IDLE_SETTINGS_KEY);
  if (!raw) return DEFAULT_IDLE;
  try {
    const parsed = JSON.parse(raw) as { timeoutSeconds?: unknown; warningSeconds?: unknown };
    const timeout = Number(parsed.timeoutSeconds);
    const warning = Number(parsed.warningSeconds);
    const valid =
      Number.isFinite(timeout) &&
      Number.isFinite(warning) &&
      warning > 0 &&
      warning < timeout &&
      timeout <= DEFAULT_TIMEOUT_SECONDS;
    return valid ? { timeoutMs: timeout * 1000, warningMs: warning * 1000 } : DEFAULT_IDLE;
  } catch {
    return DEFAULT_IDLE;
  }
}

/** "59:59"; whole seconds rounded up, so 0:00 shows only when the time is really up. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** "4분 59초", for the warning read out by screen readers (MM:SS is read poorly). */
export function spokenRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (!minutes) return `${seconds}초`;
  return seconds ? `${minutes}분 ${seconds}초` : `${minutes}분`;
}

export type IdlePhase = 'active' | 'warning' | 'expired';

export interface IdleTimerOptions {
  settings: IdleSettings;
  now(): number;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** every second: the time left and the phase, for the countdown */
  onTick(remainingMs: number, phase: IdlePhase): void;
  /** the warning time is reached: show the dialog */
  onWarn(remainingMs: number): void;
  /** the time is up: sign out */
  onExpire(): void;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export class IdleTimer {
  private lastActivity = 0;
  private phase: IdlePhase = 'active';
  private handle: unknown;
  private lastSaved = 0;

  constructor(private readonly options: IdleTimerOptions) {}

  /** Start counting; continues from the stored last activity when it is still within the timeout. */
  start(): void {
    const now = this.options.now();
    const stored = Number(this.options.storage?.getItem(LAST_ACTIVITY_KEY));
    const fresh = Number.isFinite(stored) && stored > 0 && stored <= now;
    this.lastActivity = fresh ? stored : now;
    this.phase = 'active';
    this.save(true);
    const every = this.options.setInterval ?? ((fn, ms) => setInterval(fn, ms));
    this.stopTicking();
    this.handle = every(() => this.tick(), 1000);
    this.tick();
  }

  stop(): void {
    this.stopTicking();
    this.options.storage?.removeItem(LAST_ACTIVITY_KEY);
  }

  /**
   * Activity (click, key press, API call). While the warning shows, only the explicit choice in the
   * dialog (extend) counts: a stray key press must not silently dismiss a time-out warning.
   */
  touch(): void {
    if (this.phase !== 'active') return;
    this.lastActivity = this.options.now();
    this.save(false);
    // the countdown shows the reset at once, not at the next second's tick
    this.options.onTick(this.remaining(), this.phase);
  }

  /** The person chose to continue (연장하기, Escape in the dialog, 시간 연장 in the header). */
  extend(): void {
    if (this.phase === 'expired') return;
    this.lastActivity = this.options.now();
    this.phase = 'active';
    this.save(true);
    this.tick();
  }

  remaining(): number {
    return this.options.settings.timeoutMs - (this.options.now() - this.lastActivity);
  }

  currentPhase(): IdlePhase {
    return this.phase;
  }

  tick(): void {
    if (this.phase === 'expired') return;
    const remaining = this.remaining();
    if (remaining <= 0) {
      this.phase = 'expired';
      this.stopTicking();
      this.options.onTick(0, 'expired');
      this.options.onExpire();
      return;
    }
    if (this.phase === 'active' && remaining <= this.options.settings.warningMs) {
      this.phase = 'warning';
      this.options.onTick(remaining, 'warning');
      this.options.onWarn(remaining);
      return;
    }
    this.options.onTick(remaining, this.phase);
  }

  private stopTicking(): void {
    if (this.handle === undefined) return;
    const clear = this.options.clearInterval ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>));
    clear(this.handle);
    this.handle = undefined;
  }

  // Key presses come many per second; the stored time only needs to be right to the second.
  private save(force: boolean): void {
    if (!force && this.lastActivity - this.lastSaved < 1000) return;
    this.lastSaved = this.lastActivity;
    this.options.storage?.setItem(LAST_ACTIVITY_KEY, String(this.lastActivity));
  }
}
