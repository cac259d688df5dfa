import { BRANCHES } from '#commons/branches';
import { SIDO } from '#commons/regions';
import { sigunguOf } from '#commons/regions-sigungu';
import type { OrganisationKind } from '#functions/agencies/codes';
import type { OrganisationSummary, OrganisationView } from '#functions/agencies/organisation-contract';
import { button, buttonLink } from '../components/button.ts';
import { bindSelectState, selectField, textField } from '../components/form-field.ts';
import { formText, missing, type Problem, showProblems } from '../components/form-problems.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiPost, apiPut } from '../core/api.ts';
import { dateTime } from '../core/dates.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { loadSection, onAction } from '../core/page.ts';
import { onSubmit, problemTarget, refused } from '../core/submit.ts';
import { hasRole } from '../core/viewer.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { BRANCH_OPTIONS, branchFilter, ownOrganisation } from './common.ts';

// 수행기관 관리 / 양성교육기관 관리 (A1): hq and branch staff list, register and edit the organisations
// of their branch. The agency's own staff see their organisation's record (기관 정보) read-only.

type Kind = OrganisationKind;

/** An organisation as its routes answer it (inferred from the organisation contract). */
export type { OrganisationView };

const KIND_LABEL: Record<Kind, string> = { agency: '수행기관', institution: '교육기관' };
const LIST_PATH: Record<Kind, string> = { agency: '/internal/agencies', institution: '/internal/institutions' };
export const ORGANISATION_FORM_PATH = '/internal/organisations';
const MAX_CONTACTS = 3;

const years = (list: number[]) => (list.length ? list.map((y) => `${y}년`).join(', ') : '-');

/** The internal list of one kind: 수행기관 관리 or 양성교육기관 관리. */
export function organisationsPage(kind: Kind) {
  return (ctx: PageContext): PageView => {
    let main: HTMLElement;
    const branchId = branchFilter(ctx.viewer, ctx.url.searchParams.get('branchId'));
    const title = kind === 'agency' ? '수행기관 관리' : '양성교육기관 관리';
    const columns: Column<OrganisationSummary>[] = [
      {
        header: '기관명',
        cell: (o) => html`<a href="${ORGANISATION_FORM_PATH}/${encodeURIComponent(o.organisationId)}">${o.name}</a>`,
        rowHeader: true,
        width: 'wide',
      },
      { header: '관할 지사', cell: (o) => o.branchName, width: 'narrow' },
      { header: '지역', cell: (o) => `${o.sidoName} ${o.sigunguName}`, width: 'medium' },
      { header: '대표자', cell: (o) => o.representative, width: 'narrow' },
      { header: '전화번호', cell: (o) => o.phone, width: 'medium' },
      { header: '지정 연도', cell: (o) => years(o.designatedYears), width: 'medium' },
    ];

    async function load() {
      const body = main.querySelector<HTMLElement>('#organisations-body')!;
      const loaded = await loadSection<{ items: OrganisationSummary[] }>(ctx, body, {
        path: '/organisations',
        query: { kind, branchId },
        loading: '기관 목록을 불러오는 중입니다…',
        failure: '기관 목록을 불러오지 못했습니다',
        retry: 'retry-organisations',
      });
      if (loaded === undefined) return;
      const items = loaded.items;
      body.innerHTML = items.length
        ? html`<p class="app-count">총 <strong>${items.length}</strong>곳</p>
${dataTable({ id: 'organisations-table', caption: `${KIND_LABEL[kind]} 목록 (대표자 이름 일부 가림)`, columns, rows: items })}`
            .value
        : emptyState(`등록된 ${KIND_LABEL[kind]}이 없습니다.`, '‘기관 등록’으로 새 기관을 등록해 주세요.').value;
      ctx.announce(`${KIND_LABEL[kind]} ${items.length}곳`);
    }

    return {
      title,
      lead: `관할 ${KIND_LABEL[kind]}의 주소, 대표자, 담당자, 계좌, 연도별 지정 내역을 등록하고 고칩니다.`,
      content: html`${
        hasRole(ctx.viewer, 'hq')
          ? html`<form id="organisations-filter" class="app-search-form" role="search" aria-label="기관 검색 조건">
  <div class="app-search-grid">${selectField({ id: 'filter-branch', name: 'branchId', label: '관할 지사', options: BRANCH_OPTIONS, value: branchId ?? '' })}</div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}</div>
</form>`
          : ''
      }
<p class="app-actions">${buttonLink({ label: '기관 등록', href: `${ORGANISATION_FORM_PATH}/new?kind=${kind}`, variant: 'primary', size: 'large' })}</p>
<section class="app-results" aria-labelledby="organisations-title">
  <h2 class="app-section-title" id="organisations-title">${KIND_LABEL[kind]} 목록</h2>
  <div id="organisations-body"></div>
</section>`,
      mount(m) {
        main = m;
        main.querySelector('#organisations-filter')?.addEventListener('submit', (event) => {
          event.preventDefault();
          const chosen = formText(event.target as HTMLFormElement, 'branchId');
          ctx.navigate(`${LIST_PATH[kind]}${chosen ? `?branchId=${encodeURIComponent(chosen)}` : ''}`);
        });
        onAction(main, 'retry-organisations', load);
        void load();
      },
    };
  };
}

export const FIELD_IDS: Record<string, string> = {
  kind: 'org-kind',
  name: 'org-name',
  branchId: 'org-branch',
  businessNumber: 'org-business-number',
  representative: 'org-representative',
  sidoCode: 'org-sido',
  sigunguCode: 'org-sigungu',
  postalCode: 'org-postal-code',
  address: 'org-address',
  addressDetail: 'org-address-detail',
  phone: 'org-phone',
  fax: 'org-fax',
  email: 'org-email',
  contacts: 'org-contact-0-name',
  bankName: 'org-bank-name',
  bankAccount: 'org-bank-account',
  bankHolder: 'org-bank-holder',
  designatedYears: 'org-designated-years',
  revision: 'org-name',
  ...Object.fromEntries(
    Array.from({ length: MAX_CONTACTS }, (_, i) => [
      [`contacts.${i}.name`, `org-contact-${i}-name`],
      [`contacts.${i}.position`, `org-contact-${i}-position`],
      [`contacts.${i}.phone`, `org-contact-${i}-phone`],
      [`contacts.${i}.email`, `org-contact-${i}-email`],
    ]).flat(),
  ),
};

/** "2025, 2026" → [2025, 2026]; a token that is not a year is a problem of its own. */
export function parseYears(text: string): { years: number[]; problem?: string } {
  const tokens = text.split(/[\s,]+/).filter(Boolean);
  const bad = tokens.filter((t) => !/^\d{4}$/.test(t.replace(/년$/, '')));
  if (bad.length)
    return {
      years: [],
      problem: `지정 연도는 2026처럼 숫자 네 자리로, 여러 해는 쉼표로 나눠 입력해 주세요. (${bad.join(', ')})`,
    };
  return { years: tokens.map((t) => Number(t.replace(/년$/, ''))) };
}

function sigunguOptions(sidoCode: string) {
  return [
    { value: '', label: sidoCode ? '시/군/구를 골라 주세요' : '시/도를 먼저 골라 주세요' },
    ...(sidoCode ? sigunguOf(sidoCode).map((s) => ({ value: s.code, label: s.name })) : []),
  ];
}

function formMarkup(o: Partial<OrganisationView>, kind: Kind, viewer: PageContext['viewer']): SafeHtml {
  const ownBranch = branchFilter(viewer, null);
  const branchOptions = hasRole(viewer, 'hq')
    ? BRANCHES.map((b) => ({ value: b.branchId, label: b.name }))
    : BRANCHES.filter((b) => b.branchId === ownBranch).map((b) => ({ value: b.branchId, label: b.name }));
  const contact = (i: number) => o.contacts?.[i];
  return html`<form id="organisation-form" class="app-form app-narrow" novalidate>
  <input type="hidden" name="kind" value="${o.kind ?? kind}">
  <fieldset class="app-fieldset" aria-labelledby="org-section-basic"><h3 class="app-subsection-title" id="org-section-basic">기관</h3>
    ${textField({ id: FIELD_IDS.name!, name: 'name', label: '기관명', value: o.name ?? '', maxLength: 60, required: true })}
    ${selectField({ id: FIELD_IDS.branchId!, name: 'branchId', label: '관할 지사', options: branchOptions, value: o.branchId ?? branchOptions[0]?.value ?? '', required: true })}
    ${textField({ id: FIELD_IDS.businessNumber!, name: 'businessNumber', label: '사업자등록번호', value: o.businessNumber ?? '', maxLength: 12, inputMode: 'numeric', hint: '숫자 10자리. 예: 123-45-67890' })}
    ${textField({ id: FIELD_IDS.representative!, name: 'representative', label: '대표자 이름', value: o.representative ?? '', maxLength: 40, required: true })}
    ${textField({ id: FIELD_IDS.designatedYears!, name: 'designatedYears', label: '지정 연도', value: (o.designatedYears ?? []).join(', '), hint: '지정된 해를 쉼표로 나눠 입력해 주세요. 예: 2025, 2026' })}
  </fieldset>
  <fieldset class="app-fieldset" aria-labelledby="org-section-address"><h3 class="app-subsection-title" id="org-section-address">주소와 연락처</h3>
    ${selectField({ id: FIELD_IDS.sidoCode!, name: 'sidoCode', label: '시/도', options: [{ value: '', label: '시/도를 골라 주세요' }, ...SIDO.map((s) => ({ value: s.code, label: s.name }))], value: o.sidoCode ?? '', required: true })}
    ${selectField({ id: FIELD_IDS.sigunguCode!, name: 'sigunguCode', label: '시/군/구', options: sigunguOptions(o.sidoCode ?? ''), value: o.sigunguCode ?? '', required: true, hint: '행정표준코드의 시/군/구입니다.' })}
    ${textField({ id: FIELD_IDS.postalCode!, name: 'postalCode', label: '우편번호', value: o.postalCode ?? '', maxLength: 5, inputMode: 'numeric', required: true })}
    ${textField({ id: FIELD_IDS.address!, name: 'address', label: '도로명주소', value: o.address ?? '', maxLength: 200, required: true })}
    ${textField({ id: FIELD_IDS.addressDetail!, name: 'addressDetail', label: '상세주소', value: o.addressDetail ?? '', maxLength: 100 })}
    ${textField({ id: FIELD_IDS.phone!, name: 'phone', label: '기관 대표 전화번호', type: 'tel', value: o.phone ?? '', maxLength: 14, required: true, hint: '지역번호부터 입력해 주세요. 예: 02-1234-5678' })}
    ${textField({ id: FIELD_IDS.fax!, name: 'fax', label: '팩스번호', type: 'tel', value: o.fax ?? '', maxLength: 14 })}
    ${textField({ id: FIELD_IDS.email!, name: 'email', label: '기관 이메일', value: o.email ?? '', maxLength: 120, autocomplete: 'email' })}
  </fieldset>
  ${Array.from(
    { length: MAX_CONTACTS },
    (
      _,
      i,
    ) => html`<fieldset class="app-fieldset" aria-labelledby="org-section-contact-${i}"><h3 class="app-subsection-title" id="org-section-contact-${i}">담당자 ${i + 1}${i === 0 ? ' (필수)' : ' (선택)'}</h3>
    ${textField({ id: `org-contact-${i}-name`, name: `contact-${i}-name`, label: `담당자 ${i + 1} 이름`, value: contact(i)?.name ?? '', maxLength: 40, required: i === 0 })}
    ${textField({ id: `org-contact-${i}-position`, name: `contact-${i}-position`, label: `담당자 ${i + 1} 직위`, value: contact(i)?.position ?? '', maxLength: 40 })}
    ${textField({ id: `org-contact-${i}-phone`, name: `contact-${i}-phone`, label: `담당자 ${i + 1} 연락처`, type: 'tel', value: contact(i)?.phone ?? '', maxLength: 14, required: i === 0 })}
    ${textField({ id: `org-contact-${i}-email`, name: `contact-${i}-email`, label: `담당자 ${i + 1} 이메일`, value: contact(i)?.email ?? '', maxLength: 120 })}
  </fieldset>`,
  )}
  <fieldset class="app-fieldset" aria-labelledby="org-section-bank"><h3 class="app-subsection-title" id="org-section-bank">사업비 입금 계좌</h3>
    ${textField({ id: FIELD_IDS.bankName!, name: 'bankName', label: '은행명', value: o.bankName ?? '', maxLength: 20, required: true })}
    ${textField({ id: FIELD_IDS.bankAccount!, name: 'bankAccount', label: '계좌번호', value: o.bankAccount ?? '', maxLength: 24, inputMode: 'numeric', required: true })}
    ${textField({ id: FIELD_IDS.bankHolder!, name: 'bankHolder', label: '예금주', value: o.bankHolder ?? '', maxLength: 40, required: true })}
  </fieldset>
  <div class="app-form-actions">
    ${button({ label: o.organisationId ? '수정 내용 저장' : '기관 등록', type: 'submit', size: 'large' })}
    ${buttonLink({ label: '목록으로', href: LIST_PATH[o.kind ?? kind], size: 'large' })}
  </div>
</form>`;
}

/** What the form says, as the API's body (the server normalises and checks it again). */
export function readOrganisation(form: HTMLFormElement): { body: Record<string, unknown>; problems: Problem[] } {
  const problems = missing(form, [
    ['name', '기관명을 입력해 주세요.'],
    ['representative', '대표자 이름을 입력해 주세요.'],
    ['sidoCode', '시/도를 골라 주세요.'],
    ['sigunguCode', '시/군/구를 골라 주세요.'],
    ['postalCode', '우편번호를 입력해 주세요.'],
    ['address', '도로명주소를 입력해 주세요.'],
    ['phone', '기관 대표 전화번호를 입력해 주세요.'],
    ['bankName', '은행명을 입력해 주세요.'],
    ['bankAccount', '계좌번호를 입력해 주세요.'],
    ['bankHolder', '예금주를 입력해 주세요.'],
  ]);
  const contacts = Array.from({ length: MAX_CONTACTS }, (_, i) => ({
    name: formText(form, `contact-${i}-name`).trim(),
    position: formText(form, `contact-${i}-position`).trim() || undefined,
    phone: formText(form, `contact-${i}-phone`).trim(),
    email: formText(form, `contact-${i}-email`).trim() || undefined,
  })).filter((c, i) => i === 0 || c.name || c.phone || c.email || c.position);
  contacts.forEach((c, i) => {
    if (!c.name) problems.push({ field: `contacts.${i}.name`, message: `담당자 ${i + 1} 이름을 입력해 주세요.` });
    if (!c.phone) problems.push({ field: `contacts.${i}.phone`, message: `담당자 ${i + 1} 연락처를 입력해 주세요.` });
  });
  const { years, problem } = parseYears(formText(form, 'designatedYears'));
  if (problem) problems.push({ field: 'designatedYears', message: problem });
  const text = (name: string) => formText(form, name).trim();
  return {
    body: {
      kind: text('kind'),
      name: text('name'),
      branchId: text('branchId'),
      businessNumber: text('businessNumber') || undefined,
      representative: text('representative'),
      sidoCode: text('sidoCode'),
      sigunguCode: text('sigunguCode'),
      postalCode: text('postalCode'),
      address: text('address'),
      addressDetail: text('addressDetail') || undefined,
      phone: text('phone'),
      fax: text('fax') || undefined,
      email: text('email') || undefined,
      contacts,
      bankName: text('bankName'),
      bankAccount: text('bankAccount'),
      bankHolder: text('bankHolder'),
      designatedYears: years,
    },
    problems,
  };
}

/** 기관 등록 (new) and 기관 정보 수정 (:organisationId). */
export function organisationFormPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  let current: OrganisationView | undefined;
  const organisationId = ctx.params.organisationId;
  const isNew = !organisationId || organisationId === 'new';
  const kind: Kind = ctx.url.searchParams.get('kind') === 'institution' ? 'institution' : 'agency';
  const title = isNew ? `${KIND_LABEL[kind]} 등록` : '기관 정보 수정';
  const target = () => problemTarget(ctx, main, 'organisation-errors', FIELD_IDS, title);

  function draw(o: Partial<OrganisationView>) {
    const body = main.querySelector<HTMLElement>('#organisation-body')!;
    body.innerHTML =
      html`${o.updatedAt ? html`<p class="app-form-note">마지막 수정: ${dateTime(o.updatedAt)}${o.updatedBy ? ` (${o.updatedBy})` : ''}</p>` : ''}
${formMarkup(o, kind, ctx.viewer)}`.value;
    const sido = body.querySelector<HTMLSelectElement>(`#${FIELD_IDS.sidoCode}`)!;
    const sigungu = body.querySelector<HTMLSelectElement>(`#${FIELD_IDS.sigunguCode}`)!;
    sido.addEventListener('change', () => {
      sigungu.innerHTML = sigunguOptions(sido.value)
        .map((option) => html`<option value="${option.value}">${option.label}</option>`.value)
        .join('');
    });
  }

  async function load() {
    if (isNew) return draw({ kind });
    const body = main.querySelector<HTMLElement>('#organisation-body')!;
    const loaded = await loadSection<OrganisationView>(ctx, body, {
      path: `/organisations/${encodeURIComponent(organisationId)}`,
      loading: '기관 정보를 불러오는 중입니다…',
      failure: '기관 정보를 불러오지 못했습니다',
      retry: 'retry-organisation',
    });
    if (loaded === undefined) return;
    current = loaded;
    draw(current);
  }

  async function submit(form: HTMLFormElement) {
    const { body, problems } = readOrganisation(form);
    if (problems.length) return showProblems(target(), problems);
    const result = current
      ? await apiPut<OrganisationView>(
          `/organisations/${encodeURIComponent(current.organisationId)}`,
          { ...body, revision: current.revision },
          { signal: ctx.signal },
        )
      : await apiPost<OrganisationView>('/organisations', body, { signal: ctx.signal });
    if (refused(target(), result)) return;
    const saved = result.data;
    if (!current) {
      ctx.navigate(`${ORGANISATION_FORM_PATH}/${encodeURIComponent(saved.organisationId)}?saved=1`);
      return;
    }
    current = saved;
    draw(saved);
    showSaved();
  }

  function showSaved() {
    const box = main.querySelector<HTMLElement>('#organisation-done')!;
    box.innerHTML =
      html`<div class="app-notice app-notice-success" role="status" tabindex="-1"><p class="app-notice-title">저장했습니다.</p></div>`.value;
    box.querySelector<HTMLElement>('.app-notice')?.focus();
    ctx.announce('저장했습니다.');
  }

  return {
    title,
    lead: '필수 항목을 모두 입력해 주세요. 대표자와 담당자, 계좌 정보는 공개 목록에 나오지 않습니다.',
    content: html`<div id="organisation-errors"></div><div id="organisation-done"></div><div id="organisation-body"></div>`,
    mount(m) {
      main = m;
      bindSelectState(main);
      onSubmit(main, submit);
      onAction(main, 'retry-organisation', load);
      void load().then(() => {
        if (ctx.url.searchParams.has('saved')) showSaved();
      });
    },
  };
}

/** 수행기관·교육기관 시스템 › 기관 정보: the organisation's own record, read-only. */
export function ownOrganisationPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const organisationId = ownOrganisation(ctx.viewer);

  async function load() {
    const body = main.querySelector<HTMLElement>('#own-organisation-body')!;
    if (!organisationId) {
      body.innerHTML = emptyState('기관 담당자 계정으로 로그인해 주세요.').value;
      return;
    }
    const loaded = await loadSection<OrganisationView>(ctx, body, {
      path: `/organisations/${encodeURIComponent(organisationId)}`,
      loading: '기관 정보를 불러오는 중입니다…',
      failure: '기관 정보를 불러오지 못했습니다',
      retry: 'retry-own-organisation',
    });
    if (loaded === undefined) return;
    const o = loaded;
    body.innerHTML = html`<dl class="app-facts">
  <div><dt>기관명</dt><dd>${o.name} (${KIND_LABEL[o.kind]})</dd></div>
  <div><dt>관할 지사</dt><dd>${o.branchName}</dd></div>
  <div><dt>사업자등록번호</dt><dd>${o.businessNumber ?? '-'}</dd></div>
  <div><dt>대표자</dt><dd>${o.representative}</dd></div>
  <div><dt>주소</dt><dd>(${o.postalCode ?? ''}) ${o.address} ${o.addressDetail ?? ''}<br><span class="app-muted">${o.sidoName} ${o.sigunguName}</span></dd></div>
  <div><dt>전화번호</dt><dd>${o.phone}${o.fax ? ` · 팩스 ${o.fax}` : ''}</dd></div>
  <div><dt>기관 이메일</dt><dd>${o.email ?? '-'}</dd></div>
  <div><dt>담당자</dt><dd>${o.contacts.map((c) => html`${c.name}${c.position ? ` (${c.position})` : ''} ${c.phone}<br>`)}</dd></div>
  <div><dt>사업비 입금 계좌</dt><dd>${o.bankName ?? '-'} ${o.bankAccount ?? ''} (예금주 ${o.bankHolder ?? '-'})</dd></div>
  <div><dt>지정 연도</dt><dd>${years(o.designatedYears)}</dd></div>
</dl>
<p class="app-form-note">기관 정보를 바꾸려면 관할 지사(${o.branchName})에 요청해 주세요.</p>`.value;
  }

  return {
    title: '기관 정보',
    lead: '관할 지사에 등록된 우리 기관의 정보입니다.',
    content: html`<div id="own-organisation-body"></div>`,
    mount(m) {
      main = m;
      onAction(main, 'retry-own-organisation', load);
      void load();
    },
  };
}
