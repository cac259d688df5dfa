import type { ThreadDetail, ThreadList, ThreadSummary } from '#functions/oversight/board-contract';
import { THREAD_STATUS_LABELS } from '#functions/oversight/board-rules';
import { koreaDay, koreaMinute } from '#kernel/korea-time';
import { button, buttonLink } from '../components/button.ts';
import { selectField, textareaField, textField } from '../components/form-field.ts';
import { formText } from '../components/form-problems.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiGet, apiPost } from '../core/api.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { loadInto, loadSection, onAction, onFilter } from '../core/page.ts';
import { onSubmit, problemTarget, refused } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';

// 담당자 업무 소통 공간 (SPEC F2) in the agency and internal systems: the branch's space with its
// organisations, a question and its answers, answered or waiting.

export type BoardSystem = 'agency' | 'internal';
export const BOARD_PATHS: Record<BoardSystem, string> = { agency: '/agency/board', internal: '/internal/board' };

const TITLE = '담당자 업무 소통 공간';

function columns(base: string, system: BoardSystem): Column<ThreadSummary>[] {
  return [
    { header: '상태', cell: (t) => THREAD_STATUS_LABELS[t.status], width: 'medium' },
    {
      header: '제목',
      cell: (t) => html`<a href="${base}/${t.threadId}">${t.title}</a>`,
      rowHeader: true,
      width: 'wide',
    },
    ...(system === 'internal'
      ? [{ header: '지사', cell: (t: ThreadSummary) => t.branchName, width: 'medium' as const }]
      : []),
    { header: '기관', cell: (t) => t.organisationName, width: 'medium' },
    { header: '글 수', cell: (t) => `${t.postCount}개`, width: 'narrow' },
    { header: '마지막 글', cell: (t) => koreaDay(t.lastPostAt), width: 'medium' },
  ];
}

export function boardListPage(system: BoardSystem): (ctx: PageContext) => PageView {
  return (ctx) => {
    const base = BOARD_PATHS[system];
    const status = ctx.url.searchParams.get('status') ?? '';
    // hq reads and answers every branch's space; questions start at a branch or an organisation
    const canAsk = !(ctx.viewer.signedIn && ctx.viewer.roles.includes('hq'));
    return {
      title: TITLE,
      lead: '지사와 관할 수행기관·교육기관 담당자가 묻고 답하는 곳입니다. 같은 지사의 기관과 본부만 볼 수 있습니다.',
      content: html`<form class="app-search-form" id="board-filter" novalidate>
  <div class="app-search-grid">${selectField({
    id: 'board-status',
    name: 'status',
    label: '답변 상태',
    value: status,
    options: [
      { value: '', label: '전체' },
      ...Object.entries(THREAD_STATUS_LABELS).map(([value, label]) => ({ value, label })),
    ],
  })}</div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit' })}</div>
</form>
${canAsk ? html`<p class="app-actions">${buttonLink({ label: '새 질문 쓰기', href: `${base}/new`, variant: 'primary' })}</p>` : ''}
<div class="app-results" id="board-results" aria-live="polite"></div>`,
      mount(main) {
        onFilter(ctx, main.querySelector<HTMLElement>('#board-filter')!, base, ['status'], { dropEmptyQuery: true });
        const box = main.querySelector<HTMLElement>('#board-results')!;
        const load = () =>
          loadInto<ThreadList>(ctx, box, {
            path: '/board-threads',
            query: { status: status || undefined },
            loading: '글을 불러오는 중입니다…',
            failure: '글을 불러오지 못했습니다.',
            retry: 'retry-board',
            render: ({ threads }) =>
              threads.length
                ? html`<p class="app-count" id="board-count">총 ${threads.length}건</p>
${dataTable({ id: 'board-table', caption: `${TITLE} 글 목록 (최근 글 순)`, columns: columns(base, system), rows: threads })}`
                : emptyState('아직 글이 없습니다.', '궁금한 점을 새 질문으로 남겨 주세요.'),
          });
        onAction(main, 'retry-board', load);
        void load();
      },
    };
  };
}

function thread(t: ThreadDetail): SafeHtml {
  return html`<article aria-labelledby="thread-title">
  <h2 class="app-section-title" id="thread-title">${t.title}</h2>
  <p id="thread-status">${THREAD_STATUS_LABELS[t.status]} · ${t.branchName} · ${t.organisationName}</p>
  <ol class="app-bullets" id="thread-posts">${t.posts.map(
    (
      p,
    ) => html`<li><p><strong>${p.authorOffice}</strong> (${p.side === 'kead' ? '공단' : '기관'}, ${koreaMinute(p.createdAt)})</p>
  ${p.body.split('\n').map((line) => html`<p>${line}</p>`)}</li>`,
  )}</ol>
</article>`;
}

export function boardThreadPage(system: BoardSystem): (ctx: PageContext) => PageView {
  return (ctx) => {
    const id = ctx.params.threadId!;
    return {
      title: TITLE,
      content: html`<div id="thread" aria-live="polite"></div>
<section class="app-section" aria-labelledby="reply-title">
  <h2 class="app-section-title" id="reply-title">답변 쓰기</h2>
  <div id="reply-errors"></div>
  <form class="app-form" id="reply-form" novalidate>
    ${textareaField({ id: 'reply-body', name: 'body', label: '내용', value: '', maxLength: 5000, rows: 5, required: true })}
    <div class="app-form-actions">${button({ label: '답변 남기기', type: 'submit' })}</div>
  </form>
</section>
<p class="app-actions">${buttonLink({ label: '목록으로', href: BOARD_PATHS[system] })}</p>`,
      mount(main) {
        const box = main.querySelector<HTMLElement>('#thread')!;
        const load = async () => {
          const t = await loadSection<ThreadDetail>(ctx, box, {
            path: `/board-threads/${id}`,
            loading: '글을 불러오는 중입니다…',
            failure: '글을 불러오지 못했습니다.',
            retry: 'retry-thread',
          });
          if (!t) return;
          box.innerHTML = thread(t).value;
          ctx.setTitle(t.title);
        };
        onAction(main, 'retry-thread', load);
        onSubmit(main, async (form) => {
          const result = await apiPost<ThreadDetail>(`/board-threads/${id}/posts`, { body: formText(form, 'body') });
          if (refused(problemTarget(ctx, main, 'reply-errors', { body: 'reply-body' }, TITLE), result)) return;
          box.innerHTML = thread(result.data).value;
          form.reset();
          ctx.announce('답변을 남겼습니다.');
        });
        void load();
      },
    };
  };
}

export function newThreadPage(system: BoardSystem): (ctx: PageContext) => PageView {
  return (ctx) => {
    const title = '새 질문 쓰기';
    const fieldIds = { title: 'thread-title-input', body: 'thread-body', organisationId: 'thread-organisation' };
    return {
      title,
      content: html`<div id="thread-errors"></div>
<form class="app-form" id="thread-form" novalidate>
  ${system === 'internal' ? html`<div id="thread-organisations"></div>` : ''}
  ${textField({ id: fieldIds.title, name: 'title', label: '제목', value: '', maxLength: 200, required: true })}
  ${textareaField({ id: fieldIds.body, name: 'body', label: '내용', value: '', maxLength: 5000, rows: 8, required: true })}
  <div class="app-form-actions">${button({ label: '질문 올리기', type: 'submit', size: 'large' })}</div>
</form>`,
      mount(main) {
        if (system === 'internal') {
          const slot = main.querySelector<HTMLElement>('#thread-organisations')!;
          const branchId = ctx.viewer.signedIn
            ? ctx.viewer.grants?.find((g) => g.role === 'branch')?.branchId
            : undefined;
          void (async () => {
            const result = await apiGet<{ items?: { organisationId: string; name: string }[] }>(
              '/organisations',
              { branchId },
              { signal: ctx.signal },
            );
            const items = result.ok ? (result.data.items ?? []) : [];
            slot.innerHTML = selectField({
              id: fieldIds.organisationId,
              name: 'organisationId',
              label: '질문할 관할 기관',
              value: '',
              required: true,
              options: [
                { value: '', label: '기관을 골라 주세요' },
                ...items.map((o) => ({ value: o.organisationId, label: o.name })),
              ],
            }).value;
          })();
        }
        onSubmit(main, async (form) => {
          const result = await apiPost<ThreadDetail>('/board-threads', {
            title: formText(form, 'title'),
            body: formText(form, 'body'),
            organisationId: system === 'internal' ? formText(form, 'organisationId') || undefined : undefined,
          });
          if (refused(problemTarget(ctx, main, 'thread-errors', fieldIds, title), result)) return;
          ctx.navigate(`${BOARD_PATHS[system]}/${result.data.threadId}`);
        });
      },
    };
  };
}
