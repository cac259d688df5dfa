import { z } from 'zod';
import { idField } from '#kernel/fields';

// The scope filters of the internal system's read-only views (seed 000: 관할지사, 수행기관): one
// shape for every capability's scoped list, which adds its own period (연도 or 연월).

export const scopeQueryFields = {
  branchId: idField('관할지사', 40).optional(),
  agencyId: idField('수행기관', 40).optional(),
};

export const scopeQuery = z.object(scopeQueryFields);
export type ScopeQuery = z.infer<typeof scopeQuery>;

export const SCOPE_LABELS = { branchId: '관할지사', agencyId: '수행기관' } as const;
