import type { UnreadCount } from '#functions/inbox/contract';
import { apiGet } from '../core/api.ts';
import { html, type SafeHtml } from '../core/html.ts';

// The staff inbox's link in the header (issue 15 §7) with the number of unread messages. The link is
// drawn with the page; the count is asked for once the page is in the document, and the inbox page
// tells it of every change (INBOX_CHANGED), so it never waits for the next navigation.

export const INBOX_LINK_ID = 'inbox-link';
const COUNT_ID = 'inbox-unread';

/** Dispatched on document with the new unread count as `detail` when the inbox page marks messages. */
export const INBOX_CHANGED = 'inbox-changed';

/** The link, its count hidden until known (`unread` draws it at once: the contrast gallery). */
export function inboxLink(href: string, unread = 0): SafeHtml {
  return html`<a class="krds-btn xsmall text app-inbox-link" id="${INBOX_LINK_ID}" href="${href}">알림함<span class="app-inbox-count" id="${COUNT_ID}"${unread > 0 ? '' : ' hidden'}>${unread > 0 ? ` 읽지 않은 알림 ${unread}건` : ''}</span></a>`;
}

function show(frame: ParentNode, unread: number): void {
  const count = frame.querySelector<HTMLElement>(`#${COUNT_ID}`);
  if (!count) return;
  count.hidden = unread === 0;
  count.textContent = unread > 0 ? ` 읽지 않은 알림 ${unread}건` : '';
}

/** Fills the count of the frame's inbox link (when it has one); returns the cleanup. */
export function bindInboxBadge(frame: HTMLElement): () => void {
  if (!frame.querySelector(`#${INBOX_LINK_ID}`)) return () => {};
  const controller = new AbortController();
  void apiGet<UnreadCount>('/me/inbox/unread-count', {}, { signal: controller.signal })
    .then((result) => {
      if (result.ok) show(frame, result.data.unread);
    })
    .catch(() => {});
  const changed = (event: Event) => show(frame, (event as CustomEvent<number>).detail);
  document.addEventListener(INBOX_CHANGED, changed);
  return () => {
    controller.abort();
    document.removeEventListener(INBOX_CHANGED, changed);
  };
}

/** What the inbox page calls after marking messages: the header shows the new count. */
export function announceUnread(unread: number): void {
  document.dispatchEvent(new CustomEvent(INBOX_CHANGED, { detail: unread }));
}
