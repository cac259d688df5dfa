import { label, SUPPORT_TYPES, scheduleSummary } from '#functions/applications/codes';
import type { ApplicationView } from '#functions/applications/contract';
import type { HoursMeterView } from '#functions/applications/hours-meter-contract';
import { hoursText } from '#functions/applications/hours-meter-rules';
import { STATUS_LABELS } from '#functions/applications/rules';
import type { MyMatching } from '#functions/matching/contract';
import { buttonLink } from '../components/button.ts';
import { facts, statusTag } from '../components/facts.ts';
import { hoursMeterTable } from '../components/hours-meter.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { dateTime, day } from '../core/dates.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { loadInto, onAction } from '../core/page.ts';
import { hasRole } from '../core/viewer.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { APPLY_PATH } from './apply-page.ts';

// 마이페이지 › 신청 이력 (B1): the worker's service applications, each with every step and its date
// (신청 → 접수 → 평가 → 매칭의뢰 → 매칭 완료), the decision and the agency. An assistant finds the
// way to their activity-application history here too. 근로지원인 서비스이력: the worker's matchings.

/** An application as its routes answer it (inferred from the applications contract). */

function steps(item: ApplicationView): SafeHtml {
  return html`<ol class="app-bullets" aria-label="${item.applicationId} 처리 단계">
  ${item.history.map(
    (h) =>
      html`<li><strong>${STATUS_LABELS[h.status]}</strong> <span class="app-nowrap">${dateTime(h.at)}</span>${h.note ? html` <span class="app-muted">(${h.note})</span>` : ''}</li>`,
  )}
</ol>`;
}

function applicationCard(item: ApplicationView): SafeHtml {
  const e = item.evaluation;
  return html`<section class="app-section" aria-labelledby="app-${item.applicationId}">
  <h2 class="app-section-title" id="app-${item.applicationId}">신청 번호 ${item.applicationId} ${statusTag(STATUS_LABELS[item.status])}</h2>
  ${facts([
    ['신청일', day(item.submittedAt)],
    ['신청 지사', item.branchName],
    ['사업장', item.workplace.companyName],
    [
      '희망 시간',
      `하루 ${item.requested.hoursPerDay}시간, 주 ${item.requested.daysPerWeek}일 (${item.requested.startDate} ~ ${item.requested.endDate})`,
    ],
    [
      '평가 결과',
      e
        ? `월 ${e.monthlyHours}시간 (하루 ${e.hoursPerDay}시간, 주 ${e.daysPerWeek}일), ${e.startDate} ~ ${e.endDate}, ${label(SUPPORT_TYPES, e.supportType)}`
        : '평가 전',
    ],
    ['수행기관', item.requestedAgencyName ?? '매칭의뢰 전'],
    ...(item.rejectionReason ? ([['반려 사유', item.rejectionReason]] as [string, string][]) : []),
    ['전자서명', `${item.signature.name} · ${dateTime(item.signature.consentedAt)}`],
  ])}
  <h3 class="app-subsection-title">처리 단계</h3>
  ${steps(item)}
</section>`;
}

export function myApplicationsPage(ctx: PageContext): PageView {
  const worker = hasRole(ctx.viewer, 'worker');
  const assistant = hasRole(ctx.viewer, 'assistant');
  return {
    title: '신청 이력',
    lead: '내가 신청한 서비스와 처리 단계를 날짜와 함께 볼 수 있습니다.',
    content: html`${
      assistant
        ? html`<p class="app-form-note">근로지원인 활동 신청 이력은 <a href="/my/activity-applications">근로지원인 활동 신청 이력</a>에서 볼 수 있습니다.</p>`
        : ''
    }
${worker ? html`<div id="my-applications"></div>` : emptyState('근로지원인 서비스 신청 이력이 없습니다.', '장애인 근로자로 가입하면 서비스를 신청할 수 있습니다.')}`,
    mount(main) {
      if (!worker) return;
      const box = main.querySelector<HTMLElement>('#my-applications')!;
      const load = () =>
        loadInto<{ items: ApplicationView[] }>(ctx, box, {
          path: '/me/service-applications',
          loading: '신청 이력을 불러오는 중입니다…',
          failure: '신청 이력을 불러오지 못했습니다',
          retry: 'retry',
          render: ({ items }) =>
            items.length
              ? html`${items.map(applicationCard)}`
              : html`${emptyState('아직 신청한 서비스가 없습니다.')}<p>${buttonLink({ label: '근로지원인 서비스 신청하기', href: APPLY_PATH, variant: 'primary' })}</p>`,
        });
      onAction(main, 'retry', load);
      void load();
    },
  };
}

/** A worker's own service history, as the matching contract answers it. */
type OwnMatching = MyMatching;

const SERVICE_COLUMNS: Column<OwnMatching>[] = [
  { header: '근로지원인', cell: (m) => m.assistantName, rowHeader: true, width: 'narrow' },
  { header: '수행기관', cell: (m) => m.agencyName },
  { header: '기간', cell: (m) => `${m.startDate} ~ ${m.endDate}`, width: 'medium' },
  { header: '일정', cell: (m) => scheduleSummary(m.schedule), width: 'wide' },
  { header: '지원 유형', cell: (m) => label(SUPPORT_TYPES, m.supportType) },
  {
    header: '상태',
    cell: (m) => statusTag(m.status === 'active' ? '지원 중' : `종료(${m.endedOn ?? m.endDate})`),
    width: 'narrow',
  },
];

export function myServicesPage(ctx: PageContext): PageView {
  return {
    title: '근로지원인 서비스이력',
    lead: '나를 지원한(지원하는) 근로지원인과 기간, 일정을 볼 수 있습니다.',
    content: html`<section class="app-section" aria-labelledby="my-meter-title"><h2 class="app-section-title" id="my-meter-title">이번 달 남은 지원 시간</h2><div id="my-hours-meter"></div></section><div id="my-services"></div>`,
    mount(main) {
      // the remaining-hours meter (issue 15 §5): this month's decided hours against the hours used
      const loadMeter = () =>
        loadInto<{ month: string; meters: HoursMeterView[] }>(
          ctx,
          main.querySelector<HTMLElement>('#my-hours-meter')!,
          {
            path: '/me/hours-meters',
            loading: '남은 지원 시간을 불러오는 중입니다…',
            failure: '남은 지원 시간을 불러오지 못했습니다',
            retry: 'retry-meter',
            render: ({ month, meters }) =>
              meters.length
                ? hoursMeterTable({
                    id: 'my-hours-meter-table',
                    caption: `${month} 월 결정 시간 대비 사용 시간`,
                    rows: meters,
                    minutes: hoursText,
                    withName: false,
                  })
                : html`<p>이번 달에 결정된 지원 시간이 없습니다.</p>`,
          },
        );
      onAction(main, 'retry-meter', loadMeter);
      void loadMeter();
      const box = main.querySelector<HTMLElement>('#my-services')!;
      const load = () =>
        loadInto<{ items: OwnMatching[] }>(ctx, box, {
          path: '/me/matchings',
          loading: '서비스 이력을 불러오는 중입니다…',
          failure: '서비스 이력을 불러오지 못했습니다',
          retry: 'retry',
          render: ({ items }) =>
            items.length
              ? dataTable({
                  id: 'my-services-table',
                  caption: '근로지원인 서비스 이력',
                  columns: SERVICE_COLUMNS,
                  rows: items,
                })
              : emptyState('아직 근로지원인 서비스 이력이 없습니다.'),
        });
      onAction(main, 'retry', load);
      void load();
    },
  };
}
