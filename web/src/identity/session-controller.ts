import * as clock from '#kernel/clock';
import { type OpenModal, openModal } from '../components/modal.ts';
import { EXTEND_ACTION, IDLE_COUNTDOWN_ID, LOGOUT_ACTION, type SessionBarInput } from '../components/session-bar.ts';
import { announce } from '../core/announcer.ts';
import { API_BASE, type ApiResult, apiGet, setApiHooks } from '../core/api.ts';
import { html } from '../core/html.ts';
import { loginHref } from '../shell/access.ts';
import type { App } from '../shell/app.ts';
import { inboxPathFor } from '../shell/paths.ts';
import { ANONYMOUS, systemForPath, type Viewer } from '../shell/systems.ts';
import {
  formatRemaining,
  type IdlePhase,
  IdleTimer,
  idleSettings,
  LAST_ACTIVITY_KEY,
  spokenRemaining,
} from './idle.ts';
import {
  clearSession,
  loadSession,
  type Me,
  needsRefresh,
  refreshedSession,
  roleText,
  type StoredSession,
  saveSession,
  sessionFrom,
  type Tokens,
  viewerOf,
} from './session.ts';

// The signed-in session in the running app: restores it from the tab, completes sign-in (GET /me),
// sends the token with every API call, runs the idle countdown and its warning dialog, and signs
// out (button, idle time-out, token refused). One instance, made by main.ts.

export type SignOutReason = 'logout' | 'idle' | 'expired' | 'withdrawn';

const DIALOG_ID = 'idle-warning';
const DIALOG_EXTEND = 'idle-extend';
const DIALOG_LOGOUT = 'idle-logout';

export class SessionController {
  private app: App | undefined;
  private session: StoredSession | undefined;
  private pendingToken: string | undefined;
  private idle: IdleTimer | undefined;
  private dialog: OpenModal | undefined;

  constructor(
    private readonly storage: Storage,
    // token lifetimes are Cognito's real time, so the session runs on the machine's clock, not the
    // product's day (which a pinned local stack moves)
    private readonly now: () => number = () => clock.machineNowMs(),
  ) {}

  /** The viewer of a session kept in this tab, if its token is still valid. */
  restore(): Viewer {
    this.session = loadSession(this.storage, this.now());
    return this.session ? viewerOf(this.session.me) : ANONYMOUS;
  }

  /** Wire the session to the app: API hooks, activity listeners, header buttons, the countdown. */
  attach(app: App): void {
    this.app = app;
    setApiHooks({
      beforeRequest: () => this.refreshIfNeeded(),
      authorization: () => this.session?.idToken ?? this.pendingToken,
      onActivity: () => this.idle?.touch(),
      onUnauthorized: () => {
        if (this.session) this.signOut('expired');
      },
    });
    const touch = () => this.idle?.touch();
    document.addEventListener('click', touch, { capture: true });
    document.addEventListener('keydown', touch, { capture: true });
    document.addEventListener('click', (event) => {
      const action = (event.target as Element | null)?.closest<HTMLElement>('[data-action]')?.dataset.action;
      if (action === EXTEND_ACTION) {
        this.extend();
        announce('자동로그아웃 시간을 다시 채웠습니다.');
      } else if (action === LOGOUT_ACTION) this.signOut('logout');
    });
    if (this.session) this.startIdle(false);
  }

  /**
   * Last step of sign-in: read who the person is with the new token, keep the session in this tab,
   * start the countdown and redraw the page for them. Returns the problem when /me fails.
   */
  async complete(tokens: Tokens): Promise<ApiResult<Viewer>> {
    this.pendingToken = tokens.idToken;
    const me = await apiGet<Me>('/me');
    this.pendingToken = undefined;
    if (!me.ok) return me;
    this.session = sessionFrom(tokens, me.data, this.now());
    saveSession(this.storage, this.session);
    this.startIdle(true);
    return { ok: true, data: viewerOf(me.data) };
  }

  private refreshing: Promise<void> | undefined;

  /**
   * The ID token lasts an hour, like the idle limit; a person active for longer gets a new one shortly
   * before it ends. One refresh at a time; a failed refresh leaves the token as it is (a refused
   * token then signs the person out as before).
   */
  refreshIfNeeded(): Promise<void> {
    const session = this.session;
    if (!session || !needsRefresh(session, this.now())) return Promise.resolve();
    this.refreshing ??= fetch(`${API_BASE}/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      // the refresh token travels in its HttpOnly cookie (same origin), never through this script
      credentials: 'same-origin',
      body: '{}',
    })
      .then(async (response) => {
        if (!response.ok || this.session !== session) return;
        const { tokens } = (await response.json()) as { tokens: Tokens };
        this.session = refreshedSession(session, tokens, this.now());
        saveSession(this.storage, this.session);
      })
      .catch(() => undefined)
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  /** After the person changed their own details: read /me again and redraw the page `href` with them. */
  async reloadMe(href: string): Promise<void> {
    const session = this.session;
    if (!session) return;
    const me = await apiGet<Me>('/me');
    if (!me.ok || this.session !== session) return;
    this.session = { ...session, me: me.data };
    saveSession(this.storage, this.session);
    this.app?.setViewer(viewerOf(me.data), { navigateTo: href });
  }

  /** Redraw for the signed-in person, going to `href` (their home or the page they asked for). */
  enter(viewer: Viewer, href: string): void {
    this.app?.setViewer(viewer, { navigateTo: href });
  }

  signOut(reason: SignOutReason): void {
    // ends the session at the API too: the refresh cookie and every token issued so far stop working.
    // Not after a refused token (nothing left to end) or a withdrawal (the API ended it already).
    if ((reason === 'logout' || reason === 'idle') && this.session) endAtServer(this.session.idToken);
    const path = window.location.pathname + window.location.search;
    this.closeDialog();
    this.idle?.stop();
    this.idle = undefined;
    this.session = undefined;
    clearSession(this.storage);
    const system = systemForPath(window.location.pathname);
    // After a time-out the person comes back to where they were; after logging out, to a fresh start.
    const next = reason === 'idle' || reason === 'expired' ? path : undefined;
    const target = reason === 'withdrawn' ? '/withdrawn' : loginHref(system, next, reason);
    this.app?.setViewer(ANONYMOUS, { navigateTo: target });
  }

  sessionBar(): SessionBarInput | undefined {
    if (!this.session) return undefined;
    const viewer = viewerOf(this.session.me);
    return {
      name: this.session.me.name,
      roleText: roleText(viewer),
      remaining: formatRemaining(this.idle?.remaining() ?? idleSettings(this.storage).timeoutMs),
      inboxHref: viewer.signedIn ? inboxPathFor(viewer.roles) : undefined,
    };
  }

  private startIdle(fresh: boolean): void {
    this.idle?.stop();
    if (fresh) this.storage.removeItem(LAST_ACTIVITY_KEY);
    this.idle = new IdleTimer({
      settings: idleSettings(this.storage),
      now: this.now,
      storage: this.storage,
      onTick: (remaining, phase) => this.showRemaining(remaining, phase),
      onWarn: (remaining) => this.openDialog(remaining),
      onExpire: () => this.signOut('idle'),
    });
    this.idle.start();
  }

  private extend(): void {
    this.idle?.extend();
    this.closeDialog();
  }

  private showRemaining(remaining: number, phase: IdlePhase): void {
    const text = formatRemaining(remaining);
    const countdown = document.getElementById(IDLE_COUNTDOWN_ID);
    if (countdown) {
      countdown.textContent = text;
      countdown.classList.toggle('is-warning', phase === 'warning');
    }
    const inDialog = this.dialog?.element.querySelector('[data-idle-remaining]');
    if (inDialog) inDialog.textContent = text;
  }

  private openDialog(remaining: number): void {
    if (this.dialog) return;
    const background = document.getElementById('app');
    if (!background) return;
    this.dialog = openModal({
      id: DIALOG_ID,
      role: 'alertdialog',
      title: '곧 자동으로 로그아웃됩니다',
      body: html`<p>오랫동안 사용하지 않아 ${spokenRemaining(remaining)} 뒤에 자동으로 로그아웃됩니다.</p>
<p>계속 사용하려면 ‘연장하기’ 버튼을 누르세요.</p>
<p class="app-idle-remaining">남은 시간 <strong data-idle-remaining role="timer">${formatRemaining(remaining)}</strong></p>`,
      buttons: [
        { label: '로그아웃', action: DIALOG_LOGOUT, variant: 'tertiary' },
        { label: '연장하기', action: DIALOG_EXTEND, variant: 'primary' },
      ],
      background,
      initialAction: DIALOG_EXTEND,
      onAction: (action) => {
        if (action === DIALOG_EXTEND) this.extend();
        else if (action === DIALOG_LOGOUT) this.signOut('logout');
      },
      // WCAG 2.2.1: extending must be simple; Escape, the usual way out of a dialog, extends too.
      onCancel: () => this.extend(),
    });
  }

  private closeDialog(): void {
    this.dialog?.close();
    this.dialog = undefined;
  }
}

/** POST /api/auth/sign-out; keepalive lets it finish while the page moves on to the sign-in page. */
function endAtServer(idToken: string): void {
  void fetch(`${API_BASE}/auth/sign-out`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${idToken}` },
    credentials: 'same-origin',
    body: '{}',
    keepalive: true,
  }).catch(() => undefined);
}

let installed: SessionController | undefined;

/** main.ts installs the one controller; screens reach it through session(). */
export function installSession(controller: SessionController): void {
  installed = controller;
}

export function session(): SessionController {
  if (!installed) throw new Error('the session controller is installed by main.ts before the app starts');
  return installed;
}
