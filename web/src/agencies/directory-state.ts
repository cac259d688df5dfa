// The directory screen's state lives in the URL query (shareable, back-button friendly). This module
// is pure: URL ⇄ filters, the API query, the 시/군/구 options and the page slice.

import { SIDO } from '#commons/regions';
import type { DirectoryEntry } from '#functions/agencies/organisation-contract';
import type { Query } from '../core/api.ts';
import { type PageSlice, pageOf as slicePage } from '../core/paging.ts';

export type { DirectoryEntry, PageSlice };

export const DIRECTORY_PATH = '/work-assistant/organisations';
export const PAGE_SIZE = 10;

export const KINDS = [
  { value: 'agency', label: '수행기관' },
  { value: 'institution', label: '교육기관' },
] as const;

export type Kind = (typeof KINDS)[number]['value'];

/** Raw values as found in the URL: the server validates them and says in Korean what is wrong. */
export interface DirectoryFilters {
  kind: string;
  sido: string;
  sigungu: string;
  name: string;
  page: number;
}

export const DEFAULT_FILTERS: DirectoryFilters = { kind: 'agency', sido: '', sigungu: '', name: '', page: 1 };

export function filtersFromSearch(search: URLSearchParams): DirectoryFilters {
  const page = Number.parseInt(search.get('page') ?? '', 10);
  return {
    kind: search.get('kind') ?? DEFAULT_FILTERS.kind,
    sido: search.get('sido') ?? '',
    sigungu: search.get('sigungu') ?? '',
    name: search.get('name') ?? '',
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

/** The page's URL for these filters; empty filters and page 1 are left out to keep links short. */
export function hrefFor(filters: DirectoryFilters): string {
  const params = new URLSearchParams();
  params.set('kind', filters.kind);
  if (filters.sido) params.set('sido', filters.sido);
  if (filters.sigungu) params.set('sigungu', filters.sigungu);
  if (filters.name.trim()) params.set('name', filters.name.trim());
  if (filters.page > 1) params.set('page', String(filters.page));
  return `${DIRECTORY_PATH}?${params.toString()}`;
}

/** What GET /api/public/organisations receives; the page number stays on the client. */
export function apiQuery(filters: DirectoryFilters): Query {
  return { kind: filters.kind, sido: filters.sido, sigungu: filters.sigungu, name: filters.name.trim() };
}

export function kindLabel(kind: string): string | undefined {
  return KINDS.find((k) => k.value === kind)?.label;
}

export function sidoLabel(code: string): string | undefined {
  return SIDO.find((s) => s.code === code)?.name;
}

export function isKnownSido(code: string): boolean {
  return SIDO.some((s) => s.code === code);
}

export interface SigunguOption {
  code: string;
  name: string;
}

/**
 * The 시/군/구 that have organisations in the chosen 시/도, from a result list. The full national
 * 시/군/구 code list is not in the product yet; offering only places with results also spares
 * people a choice that can only find nothing.
 */
export function sigunguOptions(entries: readonly DirectoryEntry[], sido: string): SigunguOption[] {
  const byCode = new Map<string, string>();
  for (const entry of entries) {
    if (entry.sidoCode === sido && !byCode.has(entry.sigunguCode)) byCode.set(entry.sigunguCode, entry.sigunguName);
  }
  const collator = new Intl.Collator('ko');
  return [...byCode].map(([code, name]) => ({ code, name })).sort((a, b) => collator.compare(a.name, b.name));
}

/** The rows of one page of the directory. */
export function pageOf<T>(items: readonly T[], page: number, size = PAGE_SIZE): PageSlice<T> {
  return slicePage(items, page, size);
}

/** Form control ids of the filters, keyed by the API's query field names (problem.fields[].field). */
export const FIELD_IDS: Record<string, string> = {
  kind: 'filter-kind',
  sido: 'filter-sido',
  sigungu: 'filter-sigungu',
  name: 'filter-name',
};

export function fieldIdForProblem(field: string): string | undefined {
  return FIELD_IDS[field.replace(/^query\./, '')];
}

/** "서울특별시 강남구 수행기관" style description of what was searched, for the caption and announcements. */
export function describeScope(filters: DirectoryFilters, sigunguName: string | undefined): string {
  const parts = [sidoLabel(filters.sido) ?? '전국'];
  if (filters.sigungu && sigunguName) parts.push(sigunguName);
  parts.push(kindLabel(filters.kind) ?? '기관');
  return parts.join(' ');
}
