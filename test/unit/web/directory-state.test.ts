import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  type DirectoryEntry,
  describeScope,
  fieldIdForProblem,
  filtersFromSearch,
  hrefFor,
  pageOf,
  sigunguOptions,
} from '../../../web/src/agencies/directory-state.ts';

const entry = (sidoCode: string, sigunguCode: string, sigunguName: string): DirectoryEntry => ({
  organisationId: `${sigunguCode}-x`,
  kind: 'agency',
  name: '기관',
  sidoCode,
  sidoName: '',
  sigunguCode,
  sigunguName,
  address: '',
  phone: '',
  designatedYears: [],
});

describe('directory URL state', () => {
  it('reads filters from the query, defaulting to 수행기관 and page 1', () => {
    expect(filtersFromSearch(new URLSearchParams(''))).toEqual({
      kind: 'agency',
      sido: '',
      sigungu: '',
      name: '',
      page: 1,
    });
    expect(filtersFromSearch(new URLSearchParams('kind=institution&sido=11&sigungu=11440&name=한빛&page=3'))).toEqual({
      kind: 'institution',
      sido: '11',
      sigungu: '11440',
      name: '한빛',
      page: 3,
    });
    expect(filtersFromSearch(new URLSearchParams('page=abc')).page).toBe(1);
    expect(filtersFromSearch(new URLSearchParams('page=-2')).page).toBe(1);
  });

  it('keeps invalid values as typed, for the server to explain', () => {
    expect(filtersFromSearch(new URLSearchParams('sido=99&kind=foo'))).toMatchObject({ sido: '99', kind: 'foo' });
  });

  it('writes short, shareable URLs and round-trips them', () => {
    const filters = { kind: 'agency', sido: '41', sigungu: '41285', name: ' 다온 ', page: 2 };
    const href = hrefFor(filters);
    expect(href).toBe('/work-assistant/organisations?kind=agency&sido=41&sigungu=41285&name=%EB%8B%A4%EC%98%A8&page=2');
    expect(filtersFromSearch(new URL(href, 'http://x').searchParams)).toEqual({ ...filters, name: '다온' });
    expect(hrefFor({ kind: 'institution', sido: '', sigungu: '', name: '', page: 1 })).toBe(
      '/work-assistant/organisations?kind=institution',
    );
  });

  it('sends the filters but not the page to the API', () => {
    expect(apiQuery({ kind: 'agency', sido: '11', sigungu: '', name: ' 한빛 ', page: 4 })).toEqual({
      kind: 'agency',
      sido: '11',
      sigungu: '',
      name: '한빛',
    });
  });
});

describe('시/군/구 options', () => {
  it('lists each 시/군/구 of the chosen 시/도 once, in Korean order', () => {
    const entries = [
      entry('41', '41285', '고양시 일산동구'),
      entry('41', '41115', '수원시 팔달구'),
      entry('41', '41285', '고양시 일산동구'),
      entry('11', '11440', '마포구'),
    ];
    expect(sigunguOptions(entries, '41')).toEqual([
      { code: '41285', name: '고양시 일산동구' },
      { code: '41115', name: '수원시 팔달구' },
    ]);
    expect(sigunguOptions(entries, '26')).toEqual([]);
  });
});

describe('paging', () => {
  const items = Array.from({ length: 23 }, (_, i) => i + 1);

  it('slices a page and says which rows it holds', () => {
    expect(pageOf(items, 2)).toEqual({
      rows: [11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
      page: 2,
      totalPages: 3,
      first: 11,
      last: 20,
    });
    expect(pageOf(items, 3).rows).toEqual([21, 22, 23]);
  });

  it('shows the last page for a page past the end, and one empty page for no rows', () => {
    expect(pageOf(items, 9).page).toBe(3);
    expect(pageOf([], 1)).toEqual({ rows: [], page: 1, totalPages: 1, first: 0, last: 0 });
  });
});

describe('problems and wording', () => {
  it('maps the API field names to the form controls', () => {
    expect(fieldIdForProblem('query.sido')).toBe('filter-sido');
    expect(fieldIdForProblem('query.sigungu')).toBe('filter-sigungu');
    expect(fieldIdForProblem('query.unknown')).toBeUndefined();
  });

  it('describes the searched scope in Korean', () => {
    expect(describeScope({ kind: 'agency', sido: '41', sigungu: '41285', name: '', page: 1 }, '고양시 일산동구')).toBe(
      '경기도 고양시 일산동구 수행기관',
    );
    expect(describeScope({ kind: 'institution', sido: '', sigungu: '', name: '', page: 1 }, undefined)).toBe(
      '전국 교육기관',
    );
  });
});
