import { monthInWords } from '#kernel/korea-time';
import { button, buttonLink } from '../components/button.ts';
import { facts } from '../components/facts.ts';
import { nativeField, type Option, selectField, textField } from '../components/form-field.ts';
import { type FormProblemTarget, problemsOf, showProblems } from '../components/form-problems.ts';
import { emptyState } from '../components/table.ts';
import { apiPost, apiPut } from '../core/api.ts';
import { koreanDateTime } from '../core/dates.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { loadSection } from '../core/page.ts';
import { withQuery } from '../core/router.ts';
import { singleFlight } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { ATTENDANCE_PATH, agencyIdOf, COMPARISON_PATH, monthOf } from './attendance-page.ts';
import { dayTable } from './day-table.ts';
import type { Comparison } from './model.ts';

// 근무 이력 비교 (seed 000: 출퇴근 이력 ↔ 활동일지 비교 > 이상 여부 확인 > 사업비 신청을 위한 활동일지
// 제출). Per assistant and day: the clock beside the logs, each finding in words with its figures and
// its state written out (제출 전 조치 필요 / 참고 / 소명함), never by colour alone. The agency corrects a
// log (the activity screen, which asks the worker again) or justifies the finding, sets its
// tolerance, and submits the month once nothing blocks it.

const TITLE = '근무 이력 비교';

export function comparisonPage(initial: PageContext): PageView {
  let ctx = initial;
  let main: HTMLElement;
  let data: Comparison | undefined;

  const target = (fieldIds: Record<string, string> = {}): FormProblemTarget => ({
    root: main,
    summary: main.querySelector<HTMLElement>('#cf-problems')!,
    fieldIds: { toleranceMinutes: 'cf-tolerance', ...fieldIds },
    setTitle: (error) => ctx.setTitle(TITLE, { error }),
  });
  const filters = () => ({
    month: monthOf(ctx),
    assistantId: ctx.url.searchParams.get('assistantId') ?? '',
    code: ctx.url.searchParams.get('code') ?? '',
  });

  function searchForm(): SafeHtml {
    const f = filters();
    const options = (list: { id: string; name: string }[], all: string): Option[] => [
      { value: '', label: all },
      ...list.map((x) => ({ value: x.id, label: x.name })),
    ];
    return html`<form id="cf-filter" class="app-search-form" novalidate role="search" aria-label="근무 이력 비교 조건">
  <div class="app-search-grid">
    ${nativeField({ id: 'cf-month', name: 'month', label: '년월', type: 'month', value: f.month, required: true, hint: '예: 2026-03' })}
    ${selectField({ id: 'cf-assistant', name: 'assistantId', label: '근로지원인', options: options(data?.filters.assistants ?? [], '전체 근로지원인'), value: f.assistantId })}
    ${selectField({ id: 'cf-code', name: 'code', label: '확인 유형', options: options(data?.filters.codes.map((c) => ({ id: c.id, name: `${c.name}${c.blocking ? ' (조치 필요)' : ' (참고)'}` })) ?? [], '전체 (일치한 날 포함)'), value: f.code })}
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}${buttonLink({ label: '조건 초기화', href: COMPARISON_PATH, variant: 'tertiary', size: 'large' })}</div>
</form>`;
  }

  function submissionPart(d: Comparison): SafeHtml {
    if (d.submission) {
      return html`<div class="app-notice app-notice-success" role="status"><p class="app-notice-title">${monthInWords(d.month)} 근무 이력을 제출했습니다</p>
<p>${koreanDateTime(d.submission.submittedAt)}, ${d.submission.submittedBy}. 소명한 항목 ${d.submission.justified.length}건이 함께 기록되었습니다.</p></div>`;
    }
    const why = !d.currentImportId
      ? html`<p>이 달의 출퇴근 자료가 없습니다. ${html`<a href="${withQuery(ATTENDANCE_PATH, { month: d.month })}">출퇴근 관리</a>`}에서 먼저 올려 주세요.</p>`
      : d.summary.blockingOpen > 0
        ? html`<p>제출 전 조치가 필요한 항목이 <strong>${d.summary.blockingOpen}건</strong> 남아 있습니다. 활동일지를 고치거나 소명하면 제출할 수 있습니다.</p>`
        : html`<p>조치가 필요한 항목이 없습니다. 제출하면 사업비 신청에 이 달의 활동일지를 씁니다.</p>`;
    return html`${why}<div class="app-form-actions">${button({ label: `${monthInWords(d.month)} 근무 이력 제출`, data: { action: 'submit' }, size: 'large' })}</div><div id="cf-submit-status" role="status"></div>`;
  }

  async function load(): Promise<void> {
    const agencyId = agencyIdOf(ctx);
    const body = main.querySelector<HTMLElement>('#cf-body')!;
    if (!agencyId) {
      body.innerHTML = emptyState('수행기관 담당자만 볼 수 있습니다.').value;
      return;
    }
    const f = filters();
    const loaded = await loadSection<Comparison>(ctx, body, {
      path: `/organisations/${encodeURIComponent(agencyId)}/attendance-comparison`,
      query: { month: f.month, assistantId: f.assistantId, code: f.code },
      loading: '출퇴근 기록과 활동일지를 비교하는 중입니다…',
      failure: '근무 이력을 비교하지 못했습니다',
      retry: 'retry',
    });
    if (loaded === undefined) return;
    data = loaded;
    const d = data;
    main.querySelector('#cf-search')!.innerHTML = searchForm().value;
    body.innerHTML = html`<section class="app-section" aria-labelledby="cf-summary-title">
  <h2 class="app-section-title" id="cf-summary-title">${d.agencyName} ${monthInWords(d.month)} 요약</h2>
  ${facts([
    ['확인 항목', `${d.summary.findings}건`],
    ['제출 전 조치 필요', `${d.summary.blockingOpen}건`],
    ['소명함', `${d.summary.justified}건`],
    ['참고(제출을 막지 않음)', `${d.summary.notBlocking}건`],
    ['동시 지원 최대 인원', `${d.maxConcurrency}명 (요율표)`],
  ])}
  <form id="cf-settings" class="app-form" novalidate aria-label="허용 오차 설정">
    ${textField({ id: 'cf-tolerance', name: 'toleranceMinutes', label: '허용 오차(분)', value: String(d.toleranceMinutes), inputMode: 'numeric', maxLength: 3, hint: '출퇴근 시각과 활동 시작·끝이 이만큼까지 다르면 같은 것으로 봅니다. 기본 10분, 0~120분.' })}
    <div class="app-form-actions">${button({ label: '허용 오차 저장', type: 'submit', variant: 'secondary' })}</div>
  </form>
  ${submissionPart(d)}
</section>
<section class="app-section" aria-labelledby="cf-days-title">
  <h2 class="app-section-title" id="cf-days-title" tabindex="-1">날짜별 비교 (${d.rows.length}일)</h2>
  ${d.rows.length ? dayTable(d.rows, d.month) : emptyState('조건에 맞는 날이 없습니다.', '다른 근로지원인이나 확인 유형을 골라 보세요.')}
</section>`.value;
    ctx.announce(`${d.rows.length}일을 비교했습니다. 제출 전 조치 필요 ${d.summary.blockingOpen}건.`);
  }

  const act = singleFlight();

  return {
    title: TITLE,
    lead: '시프티 출퇴근 기록과 활동일지를 근로지원인·날짜별로 나란히 놓고 다른 곳을 찾습니다. 조치가 필요한 항목은 활동일지를 고치거나(근로자 동의를 다시 받습니다) 이유를 소명한 뒤, 그 달을 사업비 신청용으로 제출합니다.',
    content: html`<div id="cf-problems"></div><div id="cf-search">${searchForm()}</div><div id="cf-body"></div>`,
    mount(m) {
      main = m;
      const agencyPath = () => `/organisations/${encodeURIComponent(agencyIdOf(ctx) ?? '')}`;
      main.addEventListener('submit', (event) => {
        const form = event.target as HTMLFormElement;
        event.preventDefault();
        if (form.id === 'cf-filter') {
          const values = new FormData(form);
          ctx.navigate(
            withQuery(COMPARISON_PATH, {
              month: String(values.get('month') ?? ''),
              assistantId: String(values.get('assistantId') ?? ''),
              code: String(values.get('code') ?? ''),
            }),
          );
          return;
        }
        if (form.id === 'cf-settings') {
          void act(async () => {
            const raw = String(new FormData(form).get('toleranceMinutes') ?? '').trim();
            if (!/^\d{1,3}$/.test(raw)) {
              return showProblems(target(), [
                { field: 'toleranceMinutes', message: '허용 오차를 10처럼 0~120 사이의 분 단위 숫자로 입력해 주세요.' },
              ]);
            }
            const saved = await apiPut(
              `${agencyPath()}/attendance-settings`,
              { toleranceMinutes: Number(raw) },
              {
                signal: ctx.signal,
              },
            );
            if (!saved.ok) return showProblems(target(), problemsOf(saved.problem));
            showProblems(target(), []);
            await load();
            ctx.announce(`허용 오차를 ${raw}분으로 저장했습니다.`);
          });
          return;
        }
        const findingId = form.dataset.justify;
        if (findingId && data) {
          void act(async () => {
            const textarea = form.querySelector<HTMLTextAreaElement>('textarea')!;
            const fieldIds = { reason: textarea.id };
            const reason = textarea.value.trim();
            if (reason.length < 5) {
              return showProblems(target(fieldIds), [
                {
                  field: 'reason',
                  message: '소명 사유를 5자 이상 적어 주세요. 예: 출퇴근 앱 장애로 출근 기록이 늦게 찍힘',
                },
              ]);
            }
            const saved = await apiPost(
              `${agencyPath()}/attendance-justifications`,
              { month: data!.month, findingId, reason },
              { signal: ctx.signal },
            );
            if (!saved.ok) return showProblems(target(fieldIds), problemsOf(saved.problem));
            showProblems(target(), []);
            await load();
            ctx.announce('소명을 저장했습니다.');
          });
        }
      });
      main.addEventListener('click', (event) => {
        const el = (event.target as Element).closest<HTMLElement>('[data-action]');
        if (!el) return;
        if (el.dataset.action === 'retry') void load();
        if (el.dataset.action === 'submit' && data) {
          void act(async () => {
            const submitted = await apiPost(
              `${agencyPath()}/attendance-submissions`,
              { month: data!.month },
              { signal: ctx.signal },
            );
            if (!submitted.ok) return showProblems(target(), problemsOf(submitted.problem));
            showProblems(target(), []);
            await load();
            ctx.announce(`${monthInWords(data!.month)} 근무 이력을 제출했습니다.`);
          });
        }
      });
      void load();
    },
    update(next) {
      ctx = next;
      void load();
      return true;
    },
  };
}
