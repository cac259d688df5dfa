import { decisionsOf } from '#functions/applications/decisions';
import { birthDatesOf } from '#functions/assistants/birth-dates';
import { pairsOfAgencyMonth } from '#functions/matching/roster';
import { pairMinutes } from './claim-activity-rules.ts';
import type { PairRow, SourceEntry } from './claim-contract.ts';

/**
 * The people side of 사업비 신청 내용 (seed 000): each assistant's 생년월일, and per assistant × worker
 * the workplace (사업장명, 사업장구분), the branch's 결정시간 and the minutes by 근태 and ratio. Reads
 * the owners' own read modules (matching, applications, assistants); the figures come from the
 * claim's stored entries, so they match the claim however the matchings changed since.
 */
export async function claimPeople(
  agencyId: string,
  month: string,
  entries: readonly SourceEntry[],
): Promise<{ birthDates: Map<string, string>; pairs: PairRow[] }> {
  const minutes = pairMinutes(month, entries);
  const [roster, birthDates] = await Promise.all([
    minutes.length ? pairsOfAgencyMonth(agencyId, month) : Promise.resolve([]),
    birthDatesOf([...new Set(entries.map((e) => e.assistantId))]),
  ]);
  const decisions = await decisionsOf(roster.map((p) => p.applicationId));
  const names = new Map<string, string>();
  for (const e of entries) {
    names.set(`a|${e.assistantId}`, e.assistantName);
    names.set(`w|${e.workerId}`, e.workerName);
  }
  const pairs = minutes.map((m): PairRow => {
    const matched = roster.find((p) => p.assistantId === m.assistantId && p.workerId === m.workerId);
    const decision = matched ? decisions.get(matched.applicationId) : undefined;
    const birthDate = birthDates.get(m.assistantId);
    return {
      ...m,
      assistantName: names.get(`a|${m.assistantId}`) ?? m.assistantId,
      workerName: names.get(`w|${m.workerId}`) ?? m.workerId,
      ...(birthDate ? { birthDate } : {}),
      ...(matched ? { workplaceName: matched.workplaceName } : {}),
      ...(decision ? { workplaceKind: decision.workplaceKind } : {}),
      ...(decision?.monthlyHours !== undefined ? { decidedMonthlyHours: decision.monthlyHours } : {}),
    };
  });
  return { birthDates, pairs };
}
