import type { InboxList, InboxMessage, MarkRead } from '#functions/inbox/contract';
import { button } from '../components/button.ts';
import { announceUnread } from '../components/inbox-badge.ts';
import { notice } from '../components/notice.ts';
import { dataTable, emptyState } from '../components/table.ts';
import { apiGet, apiPost } from '../core/api.ts';
import { dateTime } from '../core/dates.ts';
import { html } from '../core/html.ts';
import { showOutcome } from '../core/outcome.ts';
import { loadSection, onAction } from '../core/page.ts';
import { singleFlight } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';

// 알림함 (issue 15 §7): the signed-in staff member's notices, newest first, a page at a time; each
// marked read on its own, on following its link, or all at once. The header's count follows.

const PAGE_SIZE = 20;

/** Only a path of this site is a link (the server writes them; anything else is left out). */
const linkOf = (message: InboxMessage) => (message.link && /^\/(?!\/)/.test(message.link) ? message.link : undefined);

export function inboxPage(ctx: PageContext): PageView {
  let messages: InboxMessage[] = [];
  let next: string | undefined;
  let unread = 0;
  return {
    title: '알림함',
    lead: '사업비 신청·정산의 결정, 직인과 약정의 단계, 새 신청처럼 처리할 일을 알려 드립니다. 최근 알림부터 보입니다.',
    content: html`<div id="inbox-outcome"></div>
<div class="app-form-actions">${button({ label: '모두 읽음으로 표시', variant: 'secondary', id: 'inbox-read-all', data: { action: 'inbox-read-all' } })}</div>
<div class="app-results" id="inbox-results" aria-live="polite"></div>
<div class="app-form-actions" id="inbox-more"></div>`,
    mount(main) {
      const box = main.querySelector<HTMLElement>('#inbox-results')!;
      const more = main.querySelector<HTMLElement>('#inbox-more')!;
      const outcome = main.querySelector<HTMLElement>('#inbox-outcome')!;
      const once = singleFlight();

      const render = () => {
        box.innerHTML = (
          messages.length === 0
            ? emptyState('받은 알림이 없습니다.', '사업비 신청이 반려되거나 새 신청이 오면 여기에 보입니다.')
            : html`<p class="app-count" id="inbox-count">읽지 않은 알림 ${unread}건</p>
${dataTable({
  id: 'inbox-table',
  caption: '받은 알림 (최근 알림부터)',
  columns: [
    { header: '받은 일시', cell: (m: InboxMessage) => dateTime(m.sentAt), width: 'medium' },
    { header: '상태', cell: (m) => (m.read ? '읽음' : html`<strong>안 읽음</strong>`), width: 'narrow' },
    { header: '내용', cell: (m) => m.text, rowHeader: true, width: 'wide' },
    {
      header: '처리',
      cell: (m) =>
        html`${linkOf(m) ? html`<a href="${linkOf(m)!}" data-inbox-open="${m.messageId}">바로 가기</a> ` : ''}${
          m.read
            ? ''
            : button({
                label: '읽음으로 표시',
                variant: 'tertiary',
                size: 'xsmall',
                data: { action: 'inbox-read', 'message-id': m.messageId },
              })
        }`,
    },
  ],
  rows: messages,
})}`
        ).value;
        more.innerHTML = next
          ? button({ label: '알림 더 보기', variant: 'secondary', data: { action: 'inbox-more' } }).value
          : '';
      };

      const load = async () => {
        const data = await loadSection<InboxList>(ctx, box, {
          path: '/me/inbox',
          query: { limit: PAGE_SIZE },
          loading: '알림을 불러오는 중입니다…',
          failure: '알림을 불러오지 못했습니다.',
          retry: 'retry-inbox',
        });
        if (!data) return;
        messages = data.messages;
        next = data.next;
        unread = data.unread;
        announceUnread(unread);
        render();
      };

      const loadMore = () =>
        once(async () => {
          if (!next) return;
          const result = await apiGet<InboxList>(
            '/me/inbox',
            { limit: PAGE_SIZE, cursor: next },
            { signal: ctx.signal },
          );
          if (!result.ok) {
            outcome.innerHTML = notice('danger', result.problem.message).value;
            return;
          }
          messages = [...messages, ...result.data.messages];
          next = result.data.next;
          unread = result.data.unread;
          render();
        });

      const marked = (ids: string[], data: MarkRead) => {
        for (const m of messages) if (ids.includes(m.messageId)) m.read = true;
        unread = data.unread;
        announceUnread(unread);
      };

      const markOne = async (messageId: string) => {
        const result = await apiPost<MarkRead>(`/me/inbox/${encodeURIComponent(messageId)}/read`, {});
        if (result.ok) marked([messageId], result.data);
        return result;
      };

      main.addEventListener('click', (event) => {
        const target = event.target as Element | null;
        const read = target?.closest?.<HTMLElement>('[data-action="inbox-read"]');
        if (read) {
          void once(async () => {
            const result = await markOne(read.dataset.messageId!);
            if (!result.ok) {
              outcome.innerHTML = notice('danger', result.problem.message).value;
              return;
            }
            render();
            ctx.announce('알림을 읽음으로 표시했습니다.');
          });
          return;
        }
        // following a message's link reads it: marked on the way (the page it opens does not wait)
        const open = target?.closest?.<HTMLElement>('[data-inbox-open]');
        if (open) void markOne(open.dataset.inboxOpen!);
      });
      onAction(main, 'inbox-read-all', () =>
        once(async () => {
          const result = await apiPost<MarkRead>('/me/inbox/read-all', {});
          if (!result.ok) {
            outcome.innerHTML = notice('danger', result.problem.message).value;
            return;
          }
          marked(
            messages.map((m) => m.messageId),
            result.data,
          );
          render();
          showOutcome(
            outcome,
            result.data.marked ? `알림 ${result.data.marked}건을 읽음으로 표시했습니다.` : '읽지 않은 알림이 없습니다.',
          );
        }),
      );
      onAction(main, 'inbox-more', loadMore);
      onAction(main, 'retry-inbox', load);
      void load();
    },
  };
}
