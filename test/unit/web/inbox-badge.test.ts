import { describe, expect, it } from 'vitest';
import { inboxLink } from '../../../web/src/components/inbox-badge.ts';
import { sessionBar } from '../../../web/src/components/session-bar.ts';
import { AGENCY_INBOX_PATH, INTERNAL_INBOX_PATH, inboxPathFor } from '../../../web/src/shell/paths.ts';

// The staff inbox's place in the header (issue 15 §7): staff get 알림함 in the signed-in bar, the
// people the programmes serve do not; the count is said in words, hidden while there is none.

describe('the staff inbox in the header', () => {
  it('links each staff member to the inbox of the system they work in, and nobody else', () => {
    expect(inboxPathFor(['hq'])).toBe(INTERNAL_INBOX_PATH);
    expect(inboxPathFor(['branch'])).toBe(INTERNAL_INBOX_PATH);
    expect(inboxPathFor(['agency'])).toBe(AGENCY_INBOX_PATH);
    expect(inboxPathFor(['trainer'])).toBe(AGENCY_INBOX_PATH);
    expect(inboxPathFor(['worker'])).toBeUndefined();
    expect(inboxPathFor(['assistant'])).toBeUndefined();
  });

  it('draws 알림함 in the session bar only when given, the count hidden until known', () => {
    const staff = sessionBar({
      name: '윤서진',
      roleText: '수행기관',
      remaining: '59:59',
      inboxHref: AGENCY_INBOX_PATH,
    }).value;
    expect(staff).toContain(`href="${AGENCY_INBOX_PATH}"`);
    expect(staff).toContain('알림함<span class="app-inbox-count" id="inbox-unread" hidden></span>');
    expect(sessionBar({ name: '서준우', roleText: '장애인 근로자', remaining: '59:59' }).value).not.toContain('알림함');
    expect(inboxLink('/agency/inbox', 3).value).toContain('id="inbox-unread"> 읽지 않은 알림 3건</span>');
  });
});
