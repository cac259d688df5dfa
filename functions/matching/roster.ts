import { lastDayOfMonth } from '#kernel/korea-time';
import { inForce, listByAgency } from './repository.ts';

/** One assistant–worker pair of an agency's month, with the workplace they met at. */
export interface MonthPair {
  assistantId: string;
  workerId: string;
  workplaceName: string;
  applicationId: string;
}

/**
 * The pairs an agency's matchings had in force during a month (claims' 세부 활동내용 names each pair's
 * workplace and reads the branch's decided hours through the application). Matching owns the data, so
 * other capabilities read it here rather than through its repository.
 */
export async function pairsOfAgencyMonth(agencyId: string, month: string): Promise<MonthPair[]> {
  const first = `${month}-01`;
  const last = lastDayOfMonth(month);
  const pairs = new Map<string, MonthPair>();
  for (const m of inForce(await listByAgency(agencyId))) {
    const end = m.endedOn && m.endedOn < m.endDate ? m.endedOn : m.endDate;
    if (m.startDate > last || end < first) continue;
    const key = `${m.assistantId}|${m.workerId}`;
    // the latest matching of a pair names the workplace (listByAgency is newest first)
    if (!pairs.has(key)) {
      pairs.set(key, {
        assistantId: m.assistantId,
        workerId: m.workerId,
        workplaceName: m.workplaceName,
        applicationId: m.applicationId,
      });
    }
  }
  return [...pairs.values()];
}
