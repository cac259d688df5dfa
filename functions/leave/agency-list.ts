import { listAssistantsByAgency } from '#functions/assistants/repository';
import { listByAgency as listMatchingsByAgency } from '#functions/matching/repository';
import { employedIn } from './inputs.ts';
import { listAgencyNotices, listAgencyReasons, listAgencySettings } from './repository.ts';
import { listRow, loadAssistantLeave } from './service.ts';

// One agency's 연차관리 목록 for a year (a row per assistant employed in it): the agency's own screen
// and the internal system's view of every agency in scope read the same thing.

const LIST_CONCURRENCY = 5;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export async function agencyLeaveRows(agencyId: string, year: number, day: string) {
  // one Query per kind of record for the whole agency; only the activity log is read per assistant
  const [assistants, settings, reasons, notices, matchings] = await Promise.all([
    listAssistantsByAgency(agencyId),
    listAgencySettings(agencyId),
    listAgencyReasons(agencyId),
    listAgencyNotices(agencyId),
    listMatchingsByAgency(agencyId),
  ]);
  const settingOf = new Map(settings.map((s) => [s.assistantId, s]));
  const reasonsOf = groupBy(reasons, (r) => r.assistantId);
  const noticesOf = groupBy(notices, (n) => n.assistantId);
  const matchingsOf = groupBy(matchings, (m) => m.assistantId);
  const employed = assistants
    .filter((a) => employedIn(year, a.hireDate, a.leaveDate) && `${year}-01-01` <= day)
    .sort((a, b) => a.name.localeCompare(b.name, 'ko') || a.assistantId.localeCompare(b.assistantId));
  const rows = [];
  // a few assistants at a time: each reads its activity log (paged Queries)
  for (let i = 0; i < employed.length; i += LIST_CONCURRENCY) {
    const batch = employed.slice(i, i + LIST_CONCURRENCY);
    const leaves = await Promise.all(
      batch.map((assistant) =>
        loadAssistantLeave(assistant, year, day, {
          setting: settingOf.get(assistant.assistantId) ?? null,
          reasons: reasonsOf.get(assistant.assistantId) ?? [],
          notices: noticesOf.get(assistant.assistantId) ?? [],
          matchings: matchingsOf.get(assistant.assistantId) ?? [],
        }),
      ),
    );
    rows.push(...leaves.map(listRow));
  }
  /** the people the answer names, for the audit record of the read */
  const subjects = employed.map((assistant) => assistant.userId ?? assistant.assistantId);
  return { rows, subjects };
}
