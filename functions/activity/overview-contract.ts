import { z } from 'zod';
import { SCOPE_LABELS, scopeQueryFields } from '#functions/agencies/scope-contract';
import { monthField } from '#kernel/fields';
import { agencyLogsResponse } from './entry-contract.ts';

// 활동일지 관리 of the internal system (branch, hq): every agency's logs in scope, read only.

export const logsOverviewQuery = z.object({ ...scopeQueryFields, month: monthField('활동년월') });

const agencyLog = agencyLogsResponse.shape.logs.element;

export const logsOverviewResponse = z.object({
  month: z.string(),
  logs: z.array(agencyLog.extend({ agencyId: z.string(), agencyName: z.string() })),
});

export const LOGS_OVERVIEW_LABELS = { ...SCOPE_LABELS, month: '활동년월' };

export type LogsOverview = z.output<typeof logsOverviewResponse>;
