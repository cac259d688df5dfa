import { button, buttonLink } from '../components/button.ts';
import { showProblems } from '../components/form-problems.ts';
import { spinner } from '../components/notice.ts';
import { emptyState } from '../components/table.ts';
import { apiPut } from '../core/api.ts';
import { attrs, html, type SafeHtml } from '../core/html.ts';
import { loadSection, onAction } from '../core/page.ts';
import { problemTarget, refused } from '../core/submit.ts';
import { ownAgencyOf } from '../core/viewer.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import {
  AGENCY_PAYROLL_PATH,
  DEDUCTION_KINDS,
  DEDUCTION_LABELS,
  type DeductionItem,
  type DeductionKind,
  type PayItem,
  type Settings,
  TIME_LABELS,
  TIME_SOURCES,
  type TimeSource,
  takesAmount,
} from './model.ts';

// 지급·공제 항목 설정 (SPEC D2): up to 10 pay items and 10 deduction items, each named by the agency.
// A pay item is paid by the hour for the kinds of time it lists, or is a fixed amount; a deduction is
// one of the four insurances (rates from the rate table), income tax or another amount the agency
// enters, or local income tax (10% of income tax when left empty). Rows left without a name are dropped.

const TITLE = '지급·공제 항목 설정';
const ROWS = 10;

/** Control ids by the API's field names; `payRows[k]` is the form row of the k-th item sent. */
const fieldIds = (payRows: readonly number[], dedRows: readonly number[]): Record<string, string> => {
  const ids: Record<string, string> = { payItems: 'ps-pay-0-name', deductionItems: 'ps-ded-0-name' };
  payRows.forEach((row, k) => {
    ids[`payItems.${k}`] = `ps-pay-${row}-name`;
    ids[`payItems.${k}.name`] = `ps-pay-${row}-name`;
    ids[`payItems.${k}.sources`] = `ps-pay-${row}-src-service`;
    ids[`payItems.${k}.amount`] = `ps-pay-${row}-amount`;
  });
  dedRows.forEach((row, k) => {
    ids[`deductionItems.${k}`] = `ps-ded-${row}-name`;
    ids[`deductionItems.${k}.name`] = `ps-ded-${row}-name`;
    ids[`deductionItems.${k}.kind`] = `ps-ded-${row}-kind`;
    ids[`deductionItems.${k}.amount`] = `ps-ded-${row}-amount`;
  });
  return ids;
};

function payRow(item: PayItem | undefined, i: number): SafeHtml {
  const kind = item?.kind ?? 'time';
  const sources: readonly TimeSource[] = item?.kind === 'time' ? item.sources : [];
  return html`<fieldset class="app-payroll-item" aria-labelledby="ps-pay-${i}-legend">
  <p class="form-tit" id="ps-pay-${i}-legend">지급항목 ${i + 1}</p>
  <div class="form-group"><label for="ps-pay-${i}-name">이름</label>
    <input class="krds-input" id="ps-pay-${i}-name" name="pay-${i}-name" maxlength="20" value="${item?.name ?? ''}" autocomplete="off"></div>
  <div class="form-group"><label for="ps-pay-${i}-kind">계산 방식</label>
    <select class="krds-form-select completed" id="ps-pay-${i}-kind" name="pay-${i}-kind">
      <option${attrs({ value: 'time', selected: kind === 'time' })}>시간 × 시급</option>
      <option${attrs({ value: 'fixed', selected: kind === 'fixed' })}>정액</option>
    </select></div>
  <fieldset class="app-payroll-sources" aria-labelledby="ps-pay-${i}-src-legend">
    <p id="ps-pay-${i}-src-legend">시간 종류 (시간 × 시급일 때)</p>
    ${TIME_SOURCES.map(
      (s) =>
        html`<div class="krds-form-check app-check"><input type="checkbox"${attrs({ id: `ps-pay-${i}-src-${s}`, name: `pay-${i}-src`, value: s, checked: sources.includes(s) })}><label for="ps-pay-${i}-src-${s}">${TIME_LABELS[s]}</label></div>`,
    )}
  </fieldset>
  <div class="form-group"><label for="ps-pay-${i}-amount">금액(원, 정액일 때)</label>
    <input class="krds-input" id="ps-pay-${i}-amount" name="pay-${i}-amount" inputmode="numeric" value="${item?.kind === 'fixed' ? String(item.amount) : ''}"></div>
  <div class="krds-form-check app-check"><input type="checkbox"${attrs({ id: `ps-pay-${i}-insurable`, name: `pay-${i}-insurable`, checked: item?.insurable ?? true })}><label for="ps-pay-${i}-insurable">사회보험료 계산에 넣기</label></div>
</fieldset>`;
}

function deductionRow(item: DeductionItem | undefined, i: number): SafeHtml {
  const kind: DeductionKind = item?.kind ?? 'other';
  return html`<fieldset class="app-payroll-item" aria-labelledby="ps-ded-${i}-legend">
  <p class="form-tit" id="ps-ded-${i}-legend">공제항목 ${i + 1}</p>
  <div class="form-group"><label for="ps-ded-${i}-name">이름</label>
    <input class="krds-input" id="ps-ded-${i}-name" name="ded-${i}-name" maxlength="20" value="${item?.name ?? ''}" autocomplete="off"></div>
  <div class="form-group"><label for="ps-ded-${i}-kind">종류</label>
    <select class="krds-form-select completed" id="ps-ded-${i}-kind" name="ded-${i}-kind">
      ${DEDUCTION_KINDS.map((k) => html`<option${attrs({ value: k, selected: k === kind })}>${DEDUCTION_LABELS[k]}</option>`)}
    </select></div>
  <div class="form-group"><label for="ps-ded-${i}-amount">기본 금액(원, 직접 입력하는 종류만)</label>
    <input class="krds-input" id="ps-ded-${i}-amount" name="ded-${i}-amount" inputmode="numeric" value="${item?.amount != null ? String(item.amount) : ''}"></div>
</fieldset>`;
}

/** The items in use, then the empty rows up to 10 folded under a summary (a shorter page to read). */
function rowsWithMore(used: number, row: (i: number) => SafeHtml, more: string): SafeHtml {
  const shown = Array.from({ length: used }, (_, i) => row(i));
  if (used >= ROWS) return html`${shown}`;
  const empty = Array.from({ length: ROWS - used }, (_, k) => row(used + k));
  return html`${shown}<details class="app-payroll-more"><summary>${more} (${ROWS - used}개까지)</summary>${empty}</details>`;
}

/** The form's rows as the API's items; rows without a name are left out. Problems name the field. */
function readForm(form: HTMLFormElement): {
  payItems: PayItem[];
  deductionItems: DeductionItem[];
  problems: { field: string; message: string }[];
  payRows: number[];
  dedRows: number[];
} {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const problems: { field: string; message: string }[] = [];
  const payItems: PayItem[] = [];
  const deductionItems: DeductionItem[] = [];
  const payRows: number[] = [];
  const dedRows: number[] = [];
  const amountOf = (raw: string, field: string, title: string): number => {
    if (!/^\d+$/.test(raw)) {
      problems.push({ field, message: `${title}의 금액을 0 이상의 원 단위 숫자로 넣어 주세요. 예: 100000` });
      return 0;
    }
    return Number(raw);
  };
  for (let i = 0; i < ROWS; i++) {
    const name = text(`pay-${i}-name`);
    if (!name) continue;
    const insurable = data.get(`pay-${i}-insurable`) !== null;
    const index = payItems.length;
    payRows.push(i);
    if (text(`pay-${i}-kind`) === 'fixed') {
      const amount = amountOf(text(`pay-${i}-amount`), `payItems.${index}.amount`, `지급항목 ${i + 1}(${name})`);
      payItems.push({ name, kind: 'fixed', amount, insurable });
    } else {
      const sources = data.getAll(`pay-${i}-src`).map(String) as TimeSource[];
      payItems.push({ name, kind: 'time', sources, insurable });
    }
  }
  for (let i = 0; i < ROWS; i++) {
    const name = text(`ded-${i}-name`);
    if (!name) continue;
    const kind = text(`ded-${i}-kind`) as DeductionKind;
    const raw = text(`ded-${i}-amount`);
    const index = deductionItems.length;
    dedRows.push(i);
    if (kind === 'localIncomeTax') {
      deductionItems.push({
        name,
        kind,
        amount: raw === '' ? null : amountOf(raw, `deductionItems.${index}.amount`, `공제항목 ${i + 1}(${name})`),
      });
    } else if (takesAmount(kind)) {
      deductionItems.push({
        name,
        kind,
        amount: raw === '' ? 0 : amountOf(raw, `deductionItems.${index}.amount`, `공제항목 ${i + 1}(${name})`),
      });
    } else {
      deductionItems.push({ name, kind });
    }
  }
  return { payItems, deductionItems, problems, payRows, dedRows };
}

export function payrollSettingsPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  let revision = 0;
  let rows = { payRows: [] as number[], dedRows: [] as number[] };
  const agencyId = ownAgencyOf(ctx.viewer);

  const target = () => problemTarget(ctx, main, 'ps-summary', fieldIds(rows.payRows, rows.dedRows), TITLE);

  function render(settings: Settings, message?: SafeHtml): void {
    revision = settings.revision;
    const body = main.querySelector<HTMLElement>('#ps-body')!;
    body.innerHTML = html`<div id="ps-message">${message ?? ''}</div>
<form id="ps-form" novalidate>
  <h2>지급항목 (10개까지)</h2>
  ${rowsWithMore(settings.payItems.length, (i) => payRow(settings.payItems[i], i), '지급항목 더 넣기')}
  <h2>공제항목 (10개까지)</h2>
  <p>국민연금·건강보험·장기요양보험·고용보험은 요율표의 근로자 부담률로 계산합니다. 소득세는 간이세액표에 따라 근로지원인마다 급여 상세에서 넣습니다.</p>
  ${rowsWithMore(settings.deductionItems.length, (i) => deductionRow(settings.deductionItems[i], i), '공제항목 더 넣기')}
  <div class="app-form-actions">
    ${button({ label: '항목 저장', type: 'submit' })}
    ${buttonLink({ label: '급여 목록으로', href: AGENCY_PAYROLL_PATH })}
  </div>
</form>`.value;
    if (message) main.querySelector<HTMLElement>('#ps-message .app-notice')?.focus();
  }

  async function load(message?: SafeHtml): Promise<void> {
    const body = main.querySelector<HTMLElement>('#ps-body')!;
    if (!agencyId) {
      body.innerHTML = emptyState('수행기관 담당자만 볼 수 있습니다.').value;
      return;
    }
    const loaded = await loadSection<Settings>(ctx, body, {
      path: `/organisations/${encodeURIComponent(agencyId)}/payroll-settings`,
      failure: '급여 항목을 불러오지 못했습니다',
      retry: 'retry',
    });
    if (loaded === undefined) return;
    render(loaded, message);
  }

  return {
    title: TITLE,
    lead: '급여명세서에 나올 지급항목과 공제항목의 이름과 계산 방식을 정합니다. 저장한 뒤 급여를 다시 계산하면 반영됩니다.',
    content: html`<div id="ps-summary"></div><div id="ps-body">${spinner('급여 항목을 불러오는 중입니다…')}</div>`,
    mount(m) {
      main = m;
      onAction(main, 'retry', load);
      main.addEventListener('submit', async (event) => {
        const form = event.target as HTMLFormElement;
        if (form.id !== 'ps-form' || !agencyId) return;
        event.preventDefault();
        const { payItems, deductionItems, problems, payRows, dedRows } = readForm(form);
        rows = { payRows, dedRows };
        if (problems.length) {
          showProblems(target(), problems);
          return;
        }
        const result = await apiPut<Settings>(
          `/organisations/${encodeURIComponent(agencyId)}/payroll-settings`,
          { payItems, deductionItems, revision },
          { signal: ctx.signal },
        );
        if (refused(target(), result)) return;
        ctx.announce('급여 항목을 저장했습니다.');
        render(
          result.data,
          html`<div class="app-notice app-notice-success" role="status" tabindex="-1"><p class="app-notice-title">급여 항목을 저장했습니다. 급여 목록에서 ‘급여 계산’을 누르면 새 항목으로 계산합니다.</p></div>`,
        );
      });
      void load();
    },
  };
}
