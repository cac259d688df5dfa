// Builders for claim-engine inputs: the example rates, and entries written the way a
// reader checks them by hand ("A1 serves W1 on 2026-03-03 09:00–13:00").

import type { ClaimEntry, ClaimInput, ClaimRates } from '#functions/claims/engine/schema';
import { DEFAULT_RATE_TABLE_2026 } from '#functions/rates/rules';

/** The 2026 defaults of the rate table (functions/rates/rules.ts), a copy each call: the examples' figures are worked out from these. */
export const exampleRates = (): ClaimRates => structuredClone(DEFAULT_RATE_TABLE_2026.rates);

export function claimInput(
  entries: ClaimEntry[],
  options: {
    month?: string;
    assistants?: string[];
    workers?: string[];
    exempt?: string[];
    rates?: Partial<ClaimRates>;
  } = {},
): ClaimInput {
  const exempt = new Set(options.exempt ?? []);
  return {
    month: options.month ?? '2026-03',
    rates: { ...exampleRates(), ...options.rates },
    assistants: (options.assistants ?? ['A1']).map((id) => ({ id })),
    workers: (options.workers ?? ['W1', 'W2', 'W3', 'W4']).map((id) => ({ id, copayExempt: exempt.has(id) })),
    entries,
  };
}

export function service(assistantId: string, workerId: string, date: string, start: string, end: string): ClaimEntry {
  return { assistantId, workerId, date, start, end, type: 'service' };
}

type NonServiceType = Exclude<ClaimEntry['type'], 'service'>;

export function other(type: NonServiceType, assistantId: string, date: string, start: string, end: string): ClaimEntry {
  return { assistantId, date, start, end, type };
}

/** The codes of a result's problems with the fields that identify them, for compact assertions. */
export function problemKeys(problems: { code: string; assistantId: string; date: string; workerId?: string }[]) {
  return problems.map((p) =>
    [p.code, p.assistantId, p.date, p.workerId].filter((part) => part !== undefined).join(' '),
  );
}
