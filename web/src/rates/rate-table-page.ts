import type { RateTableView } from '#functions/rates/contract';
import * as clock from '#kernel/clock';
import { button } from '../components/button.ts';
import { selectField, textareaField, textField } from '../components/form-field.ts';
import { type FormProblemTarget, missing, problemsOf, showProblems } from '../components/form-problems.ts';
import { dataTable } from '../components/table.ts';
import { apiGet, apiPost } from '../core/api.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { loadSection } from '../core/page.ts';
import type { PageContext, PageView } from '../shell/app.ts';

// 연도별 요율표 (SPEC §4.5, issue 8 §2): hq reads the year's rate table and its history, and saves a
// new version with a reason. Each field is one rate as the engine uses it; percentages are entered as
// decimals (0.0475 = 4.75%), exactly as the table stores them, so nothing is rounded on the way.

export const RATES_PATH = '/internal/rates';
const TITLE = '연도별 요율표';

type RateContent = RateTableView['current']['content'];

type Override = RateContent['agencyOverrides'][string];

/** The content with one agency's own rates set (blank = the table's default, both blank = none). */
export function contentWithOverride(
  content: RateContent,
  agencyId: string,
  override: { industrialAccident?: number; operatingCostRate?: number },
): RateContent {
  const next = structuredClone(content);
  const overrides = next.agencyOverrides as Record<string, Override>;
  const kept = Object.fromEntries(Object.entries(override).filter(([, v]) => v !== undefined)) as Override;
  if (Object.keys(kept).length === 0) delete overrides[agencyId];
  else overrides[agencyId] = kept;
  return next;
}

/** One editable figure: where it lives in the content, its Korean name and a note on the unit. */
interface RateField {
  path: string;
  label: string;
  hint: string;
}

const FIELDS: RateField[] = [
  { path: 'rates.hourlyWage', label: '시간급(원)', hint: '근로지원인 시간당 임금. 2026년 최저임금 10,320원' },
  {
    path: 'rates.maxConcurrency',
    label: '동시 지원 최대 인원(명)',
    hint: '한 근로지원인이 같은 시간에 지원할 수 있는 근로자 수',
  },
  {
    path: 'rates.copayPerHourByRatio.1',
    label: '본인부담금 단가 1:1(원/시간)',
    hint: '혼자 지원받을 때 근로자가 시간당 내는 금액',
  },
  {
    path: 'rates.copayPerHourByRatio.2',
    label: '본인부담금 단가 1:2(원/시간)',
    hint: '두 명이 함께 지원받을 때 1명이 내는 금액',
  },
  {
    path: 'rates.copayPerHourByRatio.3',
    label: '본인부담금 단가 1:3(원/시간)',
    hint: '세 명이 함께 지원받을 때 1명이 내는 금액',
  },
  { path: 'rates.socialInsurance.pension', label: '국민연금 사업주 요율', hint: '소수로 입력 (4.75% → 0.0475)' },
  { path: 'rates.socialInsurance.health', label: '건강보험 사업주 요율', hint: '소수로 입력 (3.595% → 0.03595)' },
  {
    path: 'rates.socialInsurance.longTermCare',
    label: '장기요양보험 요율(건강보험료 대비)',
    hint: '소수로 입력 (13.14% → 0.1314)',
  },
  {
    path: 'rates.socialInsurance.employment',
    label: '고용보험 사업주 요율',
    hint: '소수로 입력 (0.9% + 0.25% → 0.0115)',
  },
  {
    path: 'rates.socialInsurance.industrialAccident',
    label: '산재보험 요율(기본)',
    hint: '소수로 입력. 기관별 요율이 있으면 그 값을 씁니다',
  },
  { path: 'rates.operatingCostRate', label: '운영비 비율', hint: '급여 대비, 소수로 입력' },
  { path: 'rates.severanceRate', label: '퇴직적립금 비율', hint: '급여 대비, 소수로 입력 (1/12 ≈ 0.0833)' },
  { path: 'limits.dailyServiceHours', label: '하루 서비스 한도(시간)', hint: '평가와 매칭이 지키는 한도' },
  { path: 'limits.weeklyServiceHours', label: '주 서비스 한도(시간)', hint: '평가와 매칭이 지키는 한도' },
  {
    path: 'training.completionAttendance',
    label: '교육 수료 출석률',
    hint: '교육 회차 중 출석해야 하는 비율, 소수로 입력 (80% → 0.8)',
  },
];

const fieldId = (path: string) => `rate-${path.replace(/\./g, '-')}`;

function valueAt(content: RateContent, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], content);
}

/** The content with the form's figures put in place (pure: unit-tested). */
export function contentWithFigures(content: RateContent, figures: Record<string, string>): RateContent {
  const next = structuredClone(content);
  for (const field of FIELDS) {
    const raw = figures[field.path]?.trim().replace(/,/g, '');
    if (raw === undefined || raw === '') continue;
    const keys = field.path.split('.');
    const parent = keys
      .slice(0, -1)
      .reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, next as never);
    parent[keys.at(-1)!] = Number(raw);
  }
  return next;
}

function formatValue(value: unknown): string {
  return typeof value === 'number'
    ? value.toLocaleString('ko-KR', { maximumFractionDigits: 6 })
    : String(value ?? '없음');
}

function fieldLabel(path: string, agencyNames: ReadonlyMap<string, string> = new Map()): string {
  const override = path.match(/^agencyOverrides\.([^.]+)\.(industrialAccident|operatingCostRate)$/);
  if (override) {
    const what = override[2] === 'industrialAccident' ? '산재보험 요율' : '운영비 비율';
    return `${agencyNames.get(override[1]!) ?? override[1]} ${what}`;
  }
  return FIELDS.find((f) => f.path === path)?.label ?? path;
}

export function rateTablePage(ctx: PageContext): PageView {
  let main: HTMLElement;
  let busy = false;
  let view: RateTableView | undefined;
  let agencyNames = new Map<string, string>();
  const year = Number(ctx.url.searchParams.get('year') ?? clock.thisYear());
  const canEdit = ctx.viewer.signedIn && ctx.viewer.roles.includes('hq');
  const fieldIds = Object.fromEntries([
    ...FIELDS.map((f) => [`content.${f.path}`, fieldId(f.path)]),
    ['reason', 'rate-reason'],
    ['agencyId', 'override-agency'],
    ['industrialAccident', 'override-industrialAccident'],
    ['operatingCostRate', 'override-operatingCostRate'],
    ['overrideReason', 'override-reason'],
    ['content.agencyOverrides', 'override-agency'],
  ]);
  const target = (): FormProblemTarget => ({
    root: main,
    summary: main.querySelector<HTMLElement>('#rate-errors')!,
    fieldIds,
    setTitle: (error) => ctx.setTitle(TITLE, { error }),
  });

  function render(data: RateTableView): SafeHtml {
    const content = data.current.content;
    const figures = dataTable({
      caption: `${year}년 요율표 (버전 ${data.current.version})`,
      columns: [
        { header: '항목', cell: (f: RateField) => f.label, rowHeader: true },
        { header: '값', cell: (f: RateField) => formatValue(valueAt(content, f.path)) },
        { header: '근거', cell: (f: RateField) => content.notes[f.path.split('.').at(-1)!] ?? f.hint },
      ],
      rows: FIELDS,
    });
    const history = dataTable({
      caption: '변경 이력',
      columns: [
        { header: '버전', cell: (h: RateTableView['history'][number]) => String(h.version), rowHeader: true },
        { header: '변경 사유', cell: (h: RateTableView['history'][number]) => h.reason },
        {
          header: '바뀐 값',
          cell: (h: RateTableView['history'][number]) =>
            h.changes.length
              ? h.changes
                  .map((c) => `${fieldLabel(c.field, agencyNames)}: ${formatValue(c.from)} → ${formatValue(c.to)}`)
                  .join(', ')
              : '처음 만든 버전',
        },
        { header: '저장한 사람', cell: (h: RateTableView['history'][number]) => h.createdBy },
        { header: '저장한 때', cell: (h: RateTableView['history'][number]) => h.createdAt.slice(0, 10) },
      ],
      rows: data.history,
    });
    const overrides = Object.entries(content.agencyOverrides as Record<string, Override>);
    const overrideTable = overrides.length
      ? dataTable({
          caption: '기관별 요율 (기본값 대신 쓰는 값)',
          columns: [
            { header: '수행기관', cell: ([id]: [string, Override]) => agencyNames.get(id) ?? id, rowHeader: true },
            {
              header: '산재보험 요율',
              cell: ([, o]: [string, Override]) => formatValue(o.industrialAccident ?? '기본값'),
            },
            {
              header: '운영비 비율',
              cell: ([, o]: [string, Override]) => formatValue(o.operatingCostRate ?? '기본값'),
            },
          ],
          rows: overrides,
        })
      : html`<p>기관별 요율이 없습니다. 모든 수행기관이 기본값을 씁니다.</p>`;
    const overrideForm = canEdit
      ? html`<form id="override-form" class="app-form" novalidate>
  ${selectField({ id: 'override-agency', name: 'agencyId', label: '수행기관', options: [{ value: '', label: '수행기관을 골라 주세요' }, ...[...agencyNames].map(([value, label]) => ({ value, label }))], value: '', required: true })}
  ${textField({ id: 'override-industrialAccident', name: 'industrialAccident', label: '산재보험 요율', hint: '소수로 입력. 비우면 기본값을 씁니다', value: '', inputMode: 'text' })}
  ${textField({ id: 'override-operatingCostRate', name: 'operatingCostRate', label: '운영비 비율', hint: '소수로 입력. 비우면 기본값을 씁니다', value: '', inputMode: 'text' })}
  ${textareaField({ id: 'override-reason', name: 'reason', label: '변경 사유', value: '', maxLength: 500, required: true })}
  <div class="app-form-actions">${button({ label: '기관별 요율 저장', type: 'submit', size: 'large' })}</div>
</form>`
      : html``;
    const form = canEdit
      ? html`<h2>요율 고치기</h2>
<p>저장하면 새 버전이 됩니다. 이미 계산한 사업비는 그때 쓴 버전을 그대로 간직합니다.</p>
<form id="rate-form" class="app-form" novalidate>
  ${FIELDS.map((f) => textField({ id: fieldId(f.path), name: f.path, label: f.label, hint: f.hint, value: String(valueAt(content, f.path) ?? ''), inputMode: 'text', required: true }))}
  ${textareaField({ id: 'rate-reason', name: 'reason', label: '변경 사유', value: '', maxLength: 500, hint: '예: 2027년 최저임금 고시 반영', required: true })}
  <div class="app-form-actions">${button({ label: '새 버전으로 저장', type: 'submit', size: 'large' })}</div>
</form>`
      : html`<p>요율표는 본부가 고칩니다.</p>`;
    return html`${figures}<h2>기관별 요율</h2>${overrideTable}${overrideForm}<h2>변경 이력</h2>${history}${form}`;
  }

  async function load(): Promise<void> {
    const body = main.querySelector<HTMLElement>('#rate-body')!;
    // the agencies' names only label the overrides: the table shows without them
    const agencies = apiGet<{ items: { organisationId: string; name: string }[] }>(
      '/public/organisations',
      { kind: 'agency' },
      { signal: ctx.signal },
    ).catch(() => undefined);
    const table = await loadSection<RateTableView>(ctx, body, {
      path: `/rate-tables/${year}`,
      loading: '요율표를 불러오는 중입니다…',
      failure: '요율표를 불러오지 못했습니다',
      retry: 'retry-rates',
    });
    const names = await agencies;
    if (names?.ok) agencyNames = new Map(names.data.items.map((a) => [a.organisationId, a.name]));
    if (!table) return;
    view = table;
    body.innerHTML = render(table).value;
  }

  async function save(content: RateContent, reason: string): Promise<void> {
    const result = await apiPost<{ version: number }>(
      `/rate-tables/${year}/versions`,
      { basedOn: view!.current.version, reason, content },
      { signal: ctx.signal },
    );
    if (!result.ok) return showProblems(target(), problemsOf(result.problem));
    main.querySelector('#rate-errors')!.innerHTML = '';
    ctx.setTitle(TITLE);
    await load();
    const done = main.querySelector<HTMLElement>('#rate-done')!;
    done.innerHTML =
      html`<div class="app-notice app-notice-success" role="status" tabindex="-1"><p class="app-notice-title">버전 ${result.data.version}(으)로 저장했습니다.</p></div>`.value;
    done.querySelector<HTMLElement>('.app-notice')?.focus();
  }

  async function onOverrideSubmit(formEl: HTMLFormElement): Promise<void> {
    if (!view) return;
    const problems = missing(formEl, [
      ['agencyId', '수행기관을 골라 주세요.'],
      ['reason', '변경 사유를 입력해 주세요.'],
    ]).map((p) => (p.field === 'reason' ? { ...p, field: 'overrideReason' } : p));
    const data = new FormData(formEl);
    const figure = (name: string) => {
      const raw = String(data.get(name) ?? '').trim();
      return raw === '' ? undefined : Number(raw);
    };
    for (const [name, label] of [
      ['industrialAccident', '산재보험 요율'],
      ['operatingCostRate', '운영비 비율'],
    ] as const) {
      if (Number.isNaN(figure(name))) problems.push({ field: name, message: `${label}은(는) 숫자로 입력해 주세요.` });
    }
    if (problems.length) return showProblems(target(), problems);
    const agencyId = String(data.get('agencyId'));
    const content = contentWithOverride(view.current.content, agencyId, {
      industrialAccident: figure('industrialAccident'),
      operatingCostRate: figure('operatingCostRate'),
    });
    await save(content, String(data.get('reason') ?? '').trim());
  }

  async function onSubmit(formEl: HTMLFormElement): Promise<void> {
    if (!view) return;
    const problems = missing(formEl, [
      ...FIELDS.map((f) => [f.path, `${f.label}을(를) 입력해 주세요.`] as [string, string]),
      ['reason', '변경 사유를 입력해 주세요.'],
    ]).map((p) => (p.field === 'reason' ? p : { ...p, field: `content.${p.field}` }));
    if (problems.length) return showProblems(target(), problems);
    const data = new FormData(formEl);
    const figures = Object.fromEntries(FIELDS.map((f) => [f.path, String(data.get(f.path) ?? '')]));
    const notNumber = FIELDS.filter((f) => Number.isNaN(Number(figures[f.path]!.trim().replace(/,/g, ''))));
    if (notNumber.length) {
      return showProblems(
        target(),
        notNumber.map((f) => ({ field: `content.${f.path}`, message: `${f.label}은(는) 숫자로 입력해 주세요.` })),
      );
    }
    await save(contentWithFigures(view.current.content, figures), String(data.get('reason') ?? '').trim());
  }

  return {
    title: TITLE,
    lead: `${year}년 사업비 계산에 쓰는 시간급, 보험 요율, 본인부담금 단가와 서비스 한도입니다.`,
    content: html`<div id="rate-errors"></div><div id="rate-done"></div><div id="rate-body"></div>`,
    mount(m) {
      main = m;
      main.addEventListener('submit', async (event) => {
        event.preventDefault();
        if (busy) return;
        busy = true;
        try {
          const formEl = event.target as HTMLFormElement;
          await (formEl.id === 'override-form' ? onOverrideSubmit(formEl) : onSubmit(formEl));
        } finally {
          busy = false;
        }
      });
      main.addEventListener('click', (event) => {
        if ((event.target as Element).closest('[data-action="retry-rates"]')) void load();
      });
      void load();
    },
  };
}
