import { BRANCHES } from '#commons/branches';
import { apiGet } from '../core/api.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { hasRole } from '../core/viewer.ts';
import type { PageContext } from '../shell/app.ts';
import { selectField } from './form-field.ts';

// The internal system's scope filters (seed 000: 관할지사, 수행기관), shared by every list that branch
// and hq staff search: hq picks a branch or 전체, a branch is its own; the agencies offered are those
// of the chosen scope, loaded once the page is shown.

export interface ScopeFilter {
  /** the 관할지사 select (hq only) and a slot for the 수행기관 select */
  fields: SafeHtml;
  /** fills the 수행기관 select with the agencies in scope */
  mount(main: HTMLElement): Promise<void>;
}

export function scopeFilter(
  ctx: PageContext,
  options: { prefix: string; branchId?: string; agencyId?: string; branchLabel?: string },
): ScopeFilter {
  const hq = hasRole(ctx.viewer, 'hq');
  const staff = hq || hasRole(ctx.viewer, 'branch');
  const slotId = `${options.prefix}-agency-slot`;
  const fields = html`${
    hq
      ? selectField({
          id: `${options.prefix}-branch`,
          name: 'branchId',
          label: options.branchLabel ?? '관할지사',
          value: options.branchId ?? '',
          options: [{ value: '', label: '전체' }, ...BRANCHES.map((b) => ({ value: b.branchId, label: b.name }))],
        })
      : ''
  }${staff ? html`<div id="${slotId}"></div>` : ''}`;
  return {
    fields,
    async mount(main) {
      if (!staff) return;
      const result = await apiGet<{ items: { organisationId: string; name: string; kind: string }[] }>(
        '/organisations',
        { branchId: hq ? options.branchId : undefined, kind: 'agency' },
        { signal: ctx.signal },
      ).catch(() => undefined);
      const agencies = result?.ok
        ? result.data.items.filter((o) => o.kind === 'agency').map((o) => ({ value: o.organisationId, label: o.name }))
        : [];
      const slot = main.querySelector<HTMLElement>(`#${slotId}`);
      if (!slot) return;
      slot.outerHTML = selectField({
        id: `${options.prefix}-agency`,
        name: 'agencyId',
        label: '수행기관',
        value: options.agencyId ?? '',
        options: [{ value: '', label: '전체' }, ...agencies],
      }).value;
    },
  };
}
