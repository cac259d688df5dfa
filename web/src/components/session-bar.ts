import { html, type SafeHtml } from '../core/html.ts';
import { inboxLink } from './inbox-badge.ts';

// Who is signed in, the idle countdown and the logout button, at the top of every page of every
// system while signed in (SPEC §1: "자동로그아웃까지 남은 시간" that any action resets). KRDS shows the
// same facts in its header's 'my' drop-down (.my-time); here they stay visible without opening
// anything, because the countdown must be seen to be useful.

export const IDLE_COUNTDOWN_ID = 'idle-countdown';
export const EXTEND_ACTION = 'session-extend';
export const LOGOUT_ACTION = 'session-logout';

export interface SessionBarInput {
  name: string;
  /** "수행기관 · 한빛근로지원센터"; several roles are joined with commas */
  roleText: string;
  /** the countdown as it stands when the page is drawn ("59:59"); the session updates it every second */
  remaining: string;
  /** the staff member's 알림함 (issue 15 §7); none for the people the programmes serve */
  inboxHref?: string;
}

export function sessionBar(input: SessionBarInput): SafeHtml {
  return html`<div class="app-session" id="app-session">
  <div class="inner app-session-inner">
    <p class="app-session-who"><span class="sr-only">로그인한 사람: </span><strong class="app-session-name">${input.name}</strong>님 <span class="app-session-role">${input.roleText}</span></p>
    <div class="app-session-actions">
      ${input.inboxHref ? inboxLink(input.inboxHref) : ''}
      <p class="app-session-time">
        <span id="${IDLE_COUNTDOWN_ID}-label">자동로그아웃까지 남은 시간</span>
        <span class="app-session-countdown" id="${IDLE_COUNTDOWN_ID}" role="timer" aria-labelledby="${IDLE_COUNTDOWN_ID}-label ${IDLE_COUNTDOWN_ID}">${input.remaining}</span>
      </p>
      <button type="button" class="krds-btn xsmall secondary" data-action="${EXTEND_ACTION}">시간 연장</button>
      <button type="button" class="krds-btn xsmall tertiary app-logout" data-action="${LOGOUT_ACTION}"><i class="svg-icon ico-logout" aria-hidden="true"></i>로그아웃</button>
    </div>
  </div>
</div>`;
}
