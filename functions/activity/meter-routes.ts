import { recordPersonalDataRead } from '#commons/audit-trail';
import { defineRoute } from '#commons/http/route';
import { decisionsIn } from '#functions/applications/exemptions';
import { ownMetersQuery, ownMetersResponse } from '#functions/applications/hours-meter-contract';
import { hoursMeter } from '#functions/applications/hours-meter-rules';
import { listByWorker } from '#functions/matching/repository';
import { parseClock } from '#kernel/calendar';
import * as clock from '#kernel/clock';
import { listPairMonth } from './entry-repository.ts';
import { toEngineEntry } from './entry-rules.ts';
import { assistantScope } from './entry-service.ts';

// The remaining-hours meter (issue 15 §5) for the people who write and sign the logs: the assistant
// sees it for each worker they support when writing a log, the worker on My page. A worker's hours are
// every assistant's support for them in the month (a worker may have two assistants).

/** One worker's support minutes in the month over every assistant matched with them, and their name. */
async function usedByWorker(workerId: string, month: string): Promise<{ minutes: number; name?: string }> {
  const assistants = [...new Set((await listByWorker(workerId)).map((m) => m.assistantId))];
  const entries = (await Promise.all(assistants.map((a) => listPairMonth(a, workerId, month)))).flat();
  const minutes = entries
    .filter((e) => toEngineEntry(e).type === 'service')
    .reduce((sum, e) => sum + parseClock(e.end, true) - parseClock(e.start, false), 0);
  return { minutes, name: entries[0]?.workerName };
}

export const meterRoutes = [
  defineRoute({
    method: 'GET',
    path: '/me/hours-meters',
    summary: '남은 지원 시간: 월 결정 시간 대비 이번 달 사용 시간 — 근로자 본인, 또는 근로지원인이 지원하는 근로자',
    response: ownMetersResponse,
    access: { action: 'read', resource: 'ownHoursMeters', roles: ['worker', 'assistant'] },
    query: ownMetersQuery,
    labels: { month: '월' },
    handle: async ({ query, caller, allow }) => {
      allow({ userId: caller!.userId });
      const month = query.month ?? clock.thisMonth();
      const isAssistant = caller!.roles.includes('assistant');
      const workers = new Map<string, string>();
      if (isAssistant) {
        for (const m of (await assistantScope(caller!.userId)).matchings) workers.set(m.workerId, m.workerName);
      } else {
        workers.set(caller!.userId, '');
      }
      const decisions = await decisionsIn([...workers.keys()], month);
      const meters = await Promise.all(
        [...workers].map(async ([workerId, name]) => {
          const used = await usedByWorker(workerId, month);
          return hoursMeter(workerId, name || used.name || '', decisions.get(workerId)?.monthlyHours, used.minutes);
        }),
      );
      if (isAssistant) {
        await recordPersonalDataRead(caller!, {
          action: 'activityLog.hoursMeters',
          targetType: 'assistant',
          targetId: caller!.userId,
          subjects: meters.map((m) => m.workerId),
        });
      }
      meters.sort((a, b) => a.workerName.localeCompare(b.workerName, 'ko'));
      return { body: { month, meters } };
    },
  }),
];
