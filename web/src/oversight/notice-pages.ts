import type { Acknowledgements, NoticeDetail, NoticeList, NoticeSummary } from '#functions/oversight/notice-contract';
import { ACK_STATE_LABELS, AUDIENCES, NOTICE_KINDS } from '#functions/oversight/notice-rules';
import { koreaDay } from '#kernel/korea-time';
import { button, buttonLink } from '../components/button.ts';
import { facts } from '../components/facts.ts';
import { checkboxField, radioGroup, selectField, textareaField, textField } from '../components/form-field.ts';
import { formText } from '../components/form-problems.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiPost, apiPut } from '../core/api.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { showOutcome } from '../core/outcome.ts';
import { loadInto, loadSection, onAction, onFilter } from '../core/page.ts';
import { onSubmit, problemTarget, refused } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';

// 공지사항 및 서식 자료실 (SPEC F2) in the three systems: the portal's 알림마당 (notices for everyone,
// no sign-in), the agency system (what the organisation's audience allows, with its acknowledgement)
// and the internal system (publish, edit, and who has and has not read a notice).

export type NoticeSystem = 'portal' | 'agency' | 'internal';

export const NOTICE_PATHS: Record<NoticeSystem, string> = {
  portal: '/notices',
  agency: '/agency/notices',
  internal: '/internal/notices',
};
export const PORTAL_FORMS_PATH = '/notices/forms';

const api = (system: NoticeSystem) => (system === 'portal' ? '/public/notices' : '/notices');
const day = (iso: string) => koreaDay(iso);
const kindLabel = (kind: string) => NOTICE_KINDS.find((k) => k.code === kind)?.label ?? kind;

function columns(system: NoticeSystem, base: string): Column<NoticeSummary>[] {
  return [
    { header: '구분', cell: (n) => (n.pinned ? `[고정] ${kindLabel(n.kind)}` : kindLabel(n.kind)), width: 'medium' },
    {
      header: '제목',
      cell: (n) => html`<a href="${base}/${n.noticeId}">${n.title}</a>`,
      rowHeader: true,
      width: 'wide',
    },
    ...(system === 'portal'
      ? []
      : [{ header: '대상', cell: (n: NoticeSummary) => n.audienceLabel, width: 'medium' as const }]),
    { header: '올린 곳', cell: (n) => n.publisherName, width: 'medium' },
    { header: '올린 날', cell: (n) => day(n.publishedAt), width: 'medium' },
    ...(system === 'agency'
      ? [
          {
            header: '확인',
            cell: (n: NoticeSummary) => (n.ackState ? ACK_STATE_LABELS[n.ackState] : '-'),
            width: 'medium' as const,
          },
        ]
      : []),
  ];
}

/** The list with its search (title and text, 초성 too) and, outside the portal, the kind. */
export function noticeListPage(system: NoticeSystem, fixedKind?: 'form'): (ctx: PageContext) => PageView {
  return (ctx) => {
    const base = NOTICE_PATHS[system];
    const path = fixedKind ? PORTAL_FORMS_PATH : base;
    const q = ctx.url.searchParams.get('q') ?? '';
    const kind = fixedKind ?? (system === 'portal' ? 'notice' : (ctx.url.searchParams.get('kind') ?? ''));
    const title = system === 'portal' ? (fixedKind ? '서식 자료실' : '공지사항') : '공지사항 및 서식 자료실';
    const canPublish = system === 'internal';
    return {
      title,
      content: html`<form class="app-search-form" id="notice-search" role="search" novalidate>
  <div class="app-search-grid">
    ${
      system === 'portal'
        ? ''
        : selectField({
            id: 'notice-kind',
            name: 'kind',
            label: '구분',
            value: kind,
            options: [{ value: '', label: '전체' }, ...NOTICE_KINDS.map((k) => ({ value: k.code, label: k.label }))],
          })
    }
    ${textField({ id: 'notice-q', name: 'q', label: '검색어', type: 'search', value: q, maxLength: 100, hint: '제목과 내용에서 찾습니다. 초성(예: ㅅㅇㅂ)으로도 찾을 수 있습니다.' })}
  </div>
  <div class="app-form-actions">${button({ label: '검색', type: 'submit' })}</div>
</form>
${canPublish ? html`<p class="app-actions">${buttonLink({ label: '새 공지 쓰기', href: `${base}/new`, variant: 'primary' })}</p>` : ''}
<div class="app-results" id="notice-results" aria-live="polite"></div>`,
      mount(main) {
        onFilter(
          ctx,
          main.querySelector<HTMLElement>('#notice-search')!,
          path,
          system === 'portal' ? ['q'] : ['kind', 'q'],
          {
            dropEmptyQuery: true,
          },
        );
        const box = main.querySelector<HTMLElement>('#notice-results')!;
        const load = () =>
          loadInto<NoticeList>(ctx, box, {
            path: api(system),
            query: { q: q || undefined, kind: kind || undefined },
            loading: '공지를 불러오는 중입니다…',
            failure: '공지를 불러오지 못했습니다.',
            retry: 'retry-notices',
            render: ({ notices }) =>
              notices.length
                ? html`<p class="app-count" id="notice-count">총 ${notices.length}건</p>
${dataTable({ id: 'notice-table', caption: `${title} 목록 (상단 고정 먼저, 최근 순)`, columns: columns(system, base), rows: notices })}`
                : emptyState(
                    q ? `'${q}'(으)로 찾은 공지가 없습니다.` : '올린 공지가 없습니다.',
                    q ? '다른 검색어로 찾아 보세요.' : undefined,
                  ),
          });
        onAction(main, 'retry-notices', load);
        void load();
      },
    };
  };
}

const paragraphs = (text: string): SafeHtml =>
  html`${text
    .split(/\n{2,}|\n/)
    .filter((line) => line.trim())
    .map((line) => html`<p>${line}</p>`)}`;

function ackTable(acks: Acknowledgements): SafeHtml {
  return html`<p class="app-count" id="notice-ack-counts">확인함 ${acks.counts.acknowledged}곳 · 바뀐 내용 확인 전 ${acks.counts.changed}곳 · 확인 전 ${acks.counts.pending}곳</p>
${dataTable({
  id: 'notice-ack-table',
  caption: `대상 기관별 확인 현황 (현재 버전 ${acks.revision})`,
  columns: [
    { header: '기관', cell: (o) => o.name, rowHeader: true, width: 'wide' },
    { header: '관할', cell: (o) => o.branchName, width: 'medium' },
    { header: '확인 상태', cell: (o) => ACK_STATE_LABELS[o.state], width: 'medium' },
    {
      header: '확인한 때',
      cell: (o) => (o.at ? `${day(o.at)} (버전 ${o.revision}, ${o.userId})` : '-'),
      width: 'wide',
    },
  ],
  rows: acks.organisations,
})}`;
}

/** One notice; the agency acknowledges it here, the publisher sees who has read it. */
export function noticeDetailPage(system: NoticeSystem): (ctx: PageContext) => PageView {
  return (ctx) => {
    const base = NOTICE_PATHS[system];
    const id = ctx.params.noticeId!;
    return {
      title: system === 'portal' ? '공지사항' : '공지사항 및 서식 자료실',
      content: html`<div id="notice-detail" aria-live="polite"></div>
<div id="notice-outcome"></div>
<div id="notice-ack"></div>
<p class="app-actions">${buttonLink({ label: '목록으로', href: base })}</p>`,
      mount(main) {
        const box = main.querySelector<HTMLElement>('#notice-detail')!;
        const ackBox = main.querySelector<HTMLElement>('#notice-ack')!;
        const render = (n: NoticeDetail): SafeHtml => html`<article aria-labelledby="notice-title">
  <h2 class="app-section-title" id="notice-title">${n.pinned ? '[고정] ' : ''}${n.title}</h2>
  ${facts([
    ['구분', kindLabel(n.kind)],
    ['대상', n.audienceLabel],
    ['올린 곳', n.publisherName],
    ['올린 날', day(n.publishedAt)],
    ['고친 날', n.updatedAt !== n.publishedAt ? day(n.updatedAt) : '-'],
    ...(n.requiresAck ? ([['버전', String(n.revision)]] as [string, string][]) : []),
    ...(n.ackState && n.ackState !== 'notRequired'
      ? ([['우리 기관 확인', html`<span id="notice-ack-state">${ACK_STATE_LABELS[n.ackState]}</span>`]] as [
          string,
          SafeHtml,
        ][])
      : []),
  ])}
  <div class="app-section" id="notice-body">${paragraphs(n.body)}</div>
  ${
    n.canAcknowledge && n.ackState !== 'acknowledged'
      ? html`<div class="app-notice app-notice-info"><p class="app-notice-title">${n.ackState === 'changed' ? '공지 내용이 바뀌었습니다. 다시 읽고 확인해 주세요.' : '이 공지는 읽고 확인했다고 알려 주셔야 합니다.'}</p>
  <p class="app-actions">${button({ label: '읽고 확인했습니다', data: { action: 'acknowledge' }, id: 'notice-acknowledge' })}</p></div>`
      : ''
  }
  ${n.editable ? html`<p class="app-actions">${buttonLink({ label: '공지 고치기', href: `${base}/${n.noticeId}/edit` })}</p>` : ''}
</article>`;
        const load = async () => {
          const n = await loadSection<NoticeDetail>(ctx, box, {
            path: `${api(system)}/${id}`,
            loading: '공지를 불러오는 중입니다…',
            failure: '공지를 불러오지 못했습니다.',
            retry: 'retry-notice',
          });
          if (!n) return;
          box.innerHTML = render(n).value;
          ctx.setTitle(n.title);
          if (system === 'internal' && n.requiresAck)
            await loadInto<Acknowledgements>(ctx, ackBox, {
              path: `/notices/${id}/acknowledgements`,
              loading: '확인 현황을 불러오는 중입니다…',
              failure: '확인 현황을 불러오지 못했습니다.',
              retry: 'retry-notice',
              render: (acks) => html`<section class="app-section" aria-labelledby="notice-ack-title">
  <h2 class="app-section-title" id="notice-ack-title">확인 현황</h2>${ackTable(acks)}</section>`,
            });
        };
        onAction(main, 'retry-notice', load);
        let busy = false;
        onAction(main, 'acknowledge', async () => {
          if (busy) return;
          busy = true;
          const result = await apiPost<NoticeDetail>(`/notices/${id}/acknowledge`, {});
          busy = false;
          const outcome = main.querySelector<HTMLElement>('#notice-outcome')!;
          if (!result.ok) {
            outcome.innerHTML =
              html`<div class="app-notice app-notice-danger" role="alert"><p>${result.problem.message}</p></div>`.value;
            return;
          }
          box.innerHTML = render(result.data).value;
          showOutcome(
            outcome,
            `확인했다고 기록했습니다. (${day(result.data.acknowledgedAt ?? result.data.updatedAt)})`,
          );
        });
        void load();
      },
    };
  };
}

const FIELD_IDS = {
  kind: 'notice-form-kind',
  title: 'notice-form-title',
  body: 'notice-form-body',
  audience: 'notice-form-audience',
  audienceBranchId: 'notice-form-audience',
  pinned: 'notice-form-pinned',
  requiresAck: 'notice-form-ack',
};

function noticeForm(options: { editing?: NoticeDetail; isHq: boolean }): SafeHtml {
  const n = options.editing;
  const audiences = options.isHq
    ? AUDIENCES.filter((a) => a.code !== 'branchAgencies').map((a) => ({ value: a.code, label: a.label }))
    : [
        { value: 'branchAgencies', label: '우리 지사 관할 수행기관' },
        { value: 'everyone', label: '모두 (포털 공개)' },
      ];
  return html`<div id="notice-form-errors"></div>
<form class="app-form" id="notice-form" novalidate>
  ${
    n
      ? facts([
          ['구분', kindLabel(n.kind)],
          ['대상', n.audienceLabel],
        ])
      : html`${radioGroup({ id: FIELD_IDS.kind, name: 'kind', label: '구분', value: 'notice', inline: true, required: true, options: NOTICE_KINDS.map((k) => ({ value: k.code, label: k.label })) })}
  ${selectField({ id: FIELD_IDS.audience, name: 'audience', label: '공지 대상', value: audiences[0]!.value, options: audiences, required: true })}`
  }
  ${textField({ id: FIELD_IDS.title, name: 'title', label: '제목', value: n?.title ?? '', maxLength: 200, required: true })}
  ${textareaField({ id: FIELD_IDS.body, name: 'body', label: '내용', value: n?.body ?? '', maxLength: 10000, rows: 10, required: true })}
  ${checkboxField({ id: FIELD_IDS.pinned, name: 'pinned', label: '목록 맨 위에 고정합니다.', checked: n?.pinned ?? false })}
  ${checkboxField({ id: FIELD_IDS.requiresAck, name: 'requiresAck', label: '대상 기관에 읽고 확인했다는 표시를 요청합니다.', checked: n?.requiresAck ?? false, hint: n ? '제목이나 내용을 고치면 이미 확인한 기관에도 다시 확인을 요청합니다.' : undefined })}
  <div class="app-form-actions">${button({ label: n ? '고친 내용 저장' : '공지 올리기', type: 'submit', size: 'large' })}</div>
</form>`;
}

const checked = (form: HTMLFormElement, name: string) =>
  (form.elements.namedItem(name) as HTMLInputElement | null)?.checked ?? false;

/** hq or a branch writes a notice (a branch to its own agencies or to everyone). */
export function newNoticePage(ctx: PageContext): PageView {
  const title = '새 공지 쓰기';
  const isHq = ctx.viewer.signedIn && ctx.viewer.roles.includes('hq');
  const branchId = ctx.viewer.signedIn ? ctx.viewer.grants?.find((g) => g.role === 'branch')?.branchId : undefined;
  return {
    title,
    content: noticeForm({ isHq }),
    mount(main) {
      onSubmit(main, async (form) => {
        const audience = formText(form, 'audience');
        const result = await apiPost<NoticeDetail>('/notices', {
          kind: formText(form, 'kind') || 'notice',
          title: formText(form, 'title'),
          body: formText(form, 'body'),
          audience,
          audienceBranchId: audience === 'branchAgencies' ? branchId : undefined,
          pinned: checked(form, 'pinned'),
          requiresAck: checked(form, 'requiresAck'),
        });
        if (refused(problemTarget(ctx, main, 'notice-form-errors', FIELD_IDS, title), result)) return;
        ctx.navigate(`${NOTICE_PATHS.internal}/${result.data.noticeId}`);
      });
    },
  };
}

/** The publishing office edits its notice; a changed title or text asks every reader again. */
export function editNoticePage(ctx: PageContext): PageView {
  const title = '공지 고치기';
  const id = ctx.params.noticeId!;
  return {
    title,
    content: html`<div id="notice-edit"></div>`,
    mount(main) {
      const box = main.querySelector<HTMLElement>('#notice-edit')!;
      const load = async () => {
        const n = await loadSection<NoticeDetail>(ctx, box, {
          path: `/notices/${id}`,
          loading: '공지를 불러오는 중입니다…',
          failure: '공지를 불러오지 못했습니다.',
          retry: 'retry-notice-edit',
        });
        if (!n) return;
        box.innerHTML = noticeForm({ editing: n, isHq: false }).value;
        onSubmit(box, async (form) => {
          const result = await apiPut<NoticeDetail>(`/notices/${id}`, {
            title: formText(form, 'title'),
            body: formText(form, 'body'),
            pinned: checked(form, 'pinned'),
            requiresAck: checked(form, 'requiresAck'),
            updatedAt: n.updatedAt,
          });
          if (refused(problemTarget(ctx, main, 'notice-form-errors', FIELD_IDS, title), result)) return;
          ctx.navigate(`${NOTICE_PATHS.internal}/${id}`);
        });
      };
      onAction(main, 'retry-notice-edit', load);
      void load();
    },
  };
}
