import { listByAgency } from '#functions/matching/repository';
import { listAgencyRounds } from './consent-repository.ts';
import { roundView } from './consent-service.ts';
import type { ActivityLogEntryItem } from './entities.ts';
import { listAgencyMonth } from './entry-repository.ts';
import { monthRows, monthTotals } from './entry-rules.ts';
import { listed } from './entry-service.ts';

// One agency's month of activity logs, per assistant and worker, as 활동일지 관리 shows it: the
// agency's own screen and the internal system's view of every agency in scope read the same thing.

export async function agencyMonthLogs(
  agencyId: string,
  query: { month: string; assistantId?: string; workerId?: string },
) {
  const [entries, rounds, matchings] = await Promise.all([
    listAgencyMonth(agencyId, query.month, query.assistantId, query.workerId),
    listAgencyRounds(agencyId, query.month),
    listByAgency(agencyId),
  ]);
  const groups = new Map<string, ActivityLogEntryItem[]>();
  for (const entry of entries) {
    const key = `${entry.assistantId}|${entry.workerId}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const logs = [...groups.values()]
    .map((items) => {
      const first = items[0]!;
      const pairRounds = rounds
        .filter((r) => r.assistantId === first.assistantId && r.workerId === first.workerId)
        .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
      return {
        assistantId: first.assistantId,
        assistantName: first.assistantName,
        workerId: first.workerId,
        workerName: first.workerName,
        rows: monthRows(items.map(listed)),
        totals: monthTotals(items.map(listed)),
        rounds: pairRounds.map(roundView),
      };
    })
    .sort(
      (a, b) => a.assistantName.localeCompare(b.assistantName, 'ko') || a.workerName.localeCompare(b.workerName, 'ko'),
    );
  const unique = <T extends { id: string }>(list: T[]) => [...new Map(list.map((x) => [x.id, x])).values()];
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'ko');
  return {
    logs,
    filters: {
      assistants: unique(matchings.map((m) => ({ id: m.assistantId, name: m.assistantName }))).sort(byName),
      workers: unique(matchings.map((m) => ({ id: m.workerId, name: m.workerName }))).sort(byName),
    },
    /** the people the answer names, for the audit record of the read */
    subjects: [...entries, ...rounds, ...matchings].flatMap((item) => [item.workerId, item.assistantUserId]),
  };
}
