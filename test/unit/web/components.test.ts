import { describe, expect, it } from 'vitest';
import { breadcrumb } from '../../../web/src/components/breadcrumb.ts';
import { errorSummary } from '../../../web/src/components/error-summary.ts';
import { radioGroup, selectField } from '../../../web/src/components/form-field.ts';
import { findSection, trail } from '../../../web/src/components/menu.ts';
import { pageWindow, pagination } from '../../../web/src/components/pagination.ts';
import { dataTable } from '../../../web/src/components/table.ts';
import { matchPath, routableHref } from '../../../web/src/core/router.ts';
import { documentTitle } from '../../../web/src/shell/layout.ts';
import { ANONYMOUS, linkedPages, PORTAL } from '../../../web/src/shell/systems.ts';

describe('KRDS components', () => {
  it('table: caption, column headers, row headers and labels for the stacked mobile layout; data escaped', () => {
    const out = dataTable({
      caption: '서울특별시 수행기관 목록',
      columns: [
        { header: '기관명', cell: (r: { name: string }) => r.name, rowHeader: true },
        { header: '주소', cell: () => '서울' },
      ],
      rows: [{ name: '<script>' }],
    }).value;
    expect(out).toContain('<caption>서울특별시 수행기관 목록</caption>');
    expect(out).toContain('<th scope="col">기관명</th>');
    expect(out).toContain('<th scope="row" data-label="기관명">&lt;script&gt;</th>');
    expect(out).toContain('<td data-label="주소">서울</td>');
    expect(out).toContain('class="krds-table-wrap stack"');
  });

  it('select with an error: KRDS error classes, aria-invalid and the message tied by aria-describedby', () => {
    const out = selectField({
      id: 'filter-sido',
      name: 'sido',
      label: '시/도',
      options: [
        { value: '', label: '전체' },
        { value: '11', label: '서울특별시' },
      ],
      value: '11',
      hint: '도움말',
      error: '시/도를 골라 주세요.',
    }).value;
    expect(out).toContain('<label for="filter-sido">시/도</label>');
    expect(out).toContain('class="krds-form-select completed is-error"');
    expect(out).toContain('aria-invalid="true"');
    expect(out).toContain('aria-describedby="filter-sido-hint filter-sido-error"');
    expect(out).toContain('<option value="11" selected>서울특별시</option>');
    expect(out).toMatch(/id="filter-sido-error">.*시\/도를 골라 주세요\./s);
  });

  it('radio group: a visible question names the fieldset; the first radio carries the field id', () => {
    const out = radioGroup({
      id: 'kind',
      name: 'kind',
      label: '기관 종류',
      options: [
        { value: 'agency', label: '수행기관' },
        { value: 'institution', label: '교육기관' },
      ],
      value: 'institution',
    }).value;
    expect(out).toContain('aria-labelledby="kind-question"');
    expect(out).toContain('id="kind-question">기관 종류</div>');
    expect(out).toMatch(/type="radio" name="kind" id="kind" value="agency">/);
    expect(out).toMatch(/id="kind-institution" value="institution" checked>/);
  });

  it('error summary links each problem to its field', () => {
    const out = errorSummary({
      items: [
        { fieldId: 'filter-sido', message: '시/도는 목록에 있는 시/도 중에서 골라 주세요.' },
        { message: '기타' },
      ],
    }).value;
    expect(out).toContain('role="alert"');
    expect(out).toContain(
      '<a href="#filter-sido" data-focus-field="filter-sido">시/도는 목록에 있는 시/도 중에서 골라 주세요.</a>',
    );
    expect(out).toContain('<li>기타</li>');
  });

  it('pagination: nothing for one page; real links, the current page marked, gaps for long ranges', () => {
    expect(pagination({ current: 1, total: 1, hrefFor: (p) => `?page=${p}` }).value).toBe('');
    const out = pagination({ current: 2, total: 3, hrefFor: (p) => `?page=${p}` }).value;
    expect(out).toContain('href="?page=1"');
    expect(out).toContain('aria-current="page"><span class="sr-only">현재 페이지 </span>2</a>');
    expect(pageWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
  });

  it('breadcrumb marks the last crumb as the current page', () => {
    const out = breadcrumb('/', [
      { label: '근로지원인 서비스', href: '/work-assistant' },
      { label: '근로지원인 서비스 지원기관', href: '/work-assistant/organisations' },
    ]).value;
    expect(out).toContain('aria-label="현재 경로"');
    expect(out).toContain('href="/work-assistant/organisations" class="txt" aria-current="page"');
  });
});

describe('shell', () => {
  it('finds the section and trail of a page from the menu', () => {
    const menu = PORTAL.menu(ANONYMOUS);
    expect(findSection(menu, '/work-assistant/organisations')?.label).toBe('근로지원인 서비스');
    expect(trail(menu, '/work-assistant/organisations/').map((i) => i.label)).toEqual([
      '근로지원인 서비스',
      '근로지원인 서비스 지원기관',
    ]);
  });

  it('shows 마이페이지 only to a signed-in viewer', () => {
    expect(PORTAL.menu(ANONYMOUS).map((i) => i.id)).not.toContain('my');
    expect(PORTAL.menu({ signedIn: true, name: '홍길동', roles: ['worker'] }).map((i) => i.id)).toContain('my');
    expect(linkedPages(PORTAL, ANONYMOUS).map((i) => i.href)).toContain('/policies/privacy');
  });

  it('titles every page "페이지 | 시스템", with 오류 first while errors show', () => {
    expect(documentTitle('근로지원인 서비스 지원기관', PORTAL)).toBe(
      '근로지원인 서비스 지원기관 | 장애인서비스신청포털',
    );
    expect(documentTitle('근로지원인 서비스 지원기관', PORTAL, true)).toBe(
      '오류: 근로지원인 서비스 지원기관 | 장애인서비스신청포털',
    );
    expect(documentTitle(PORTAL.name, PORTAL)).toBe('장애인서비스신청포털');
  });

  it('matches route patterns', () => {
    expect(matchPath('/work-assistant/organisations', '/work-assistant/organisations/')).toEqual({});
    expect(matchPath('/agreements/:id', '/agreements/AG%2D1')).toEqual({ id: 'AG-1' });
    expect(matchPath('/agreements/:id', '/agreements')).toBeUndefined();
    expect(matchPath('/', '/x')).toBeUndefined();
  });
});

describe('link interception', () => {
  const location = new URL('http://127.0.0.1:3000/work-assistant/organisations?kind=agency') as unknown as Location;
  const click = (over: Partial<MouseEvent> = {}) =>
    ({
      defaultPrevented: false,
      button: 0,
      metaKey: false,
      ctrlKey: false,
      shiftKey: false,
      altKey: false,
      ...over,
    }) as MouseEvent;
  const anchor = (href: string, extra: Record<string, string> = {}) =>
    ({
      target: extra.target ?? '',
      href: new URL(href, location.href).href,
      hasAttribute: (name: string) => name in extra,
      getAttribute: (name: string) => (name === 'href' ? href : (extra[name] ?? null)),
    }) as unknown as HTMLAnchorElement;

  it('routes same-origin page links inside the app', () => {
    expect(routableHref(anchor('/?x=1'), click(), location)?.pathname).toBe('/');
    expect(routableHref(anchor('/work-assistant/organisations?page=2'), click(), location)?.search).toBe('?page=2');
  });

  it('leaves to the browser: new tabs, modified clicks, in-page anchors, other origins, API, files, downloads', () => {
    expect(routableHref(anchor('/x', { target: '_blank' }), click(), location)).toBeUndefined();
    expect(routableHref(anchor('/x'), click({ ctrlKey: true }), location)).toBeUndefined();
    expect(routableHref(anchor('#main-content'), click(), location)).toBeUndefined();
    expect(routableHref(anchor('https://www.kead.or.kr/'), click(), location)).toBeUndefined();
    expect(routableHref(anchor('tel:0212345678'), click(), location)).toBeUndefined();
    expect(routableHref(anchor('/api/public/organisations'), click(), location)).toBeUndefined();
    expect(routableHref(anchor('/openapi.json'), click(), location)).toBeUndefined();
    expect(routableHref(anchor('/local/outbox'), click(), location)).toBeUndefined();
    expect(routableHref(anchor('/x', { download: '' }), click(), location)).toBeUndefined();
  });
});
