import { bindEntity, isConditionFailure } from '#commons/entities';
import { ActivityLogEntry, type ActivityLogEntryItem } from '#functions/activity/entities';
import { LeaveProfileSetting, type LeaveProfileSettingItem } from '#functions/leave/entities';
import { Matching, type MatchingItem } from '#functions/matching/entities';
import * as clock from '#kernel/clock';
import { nthWeekdayOf, shiftMonth, yearOf } from '#kernel/korea-time';
import { type DemoCalendar, demoCalendar, demoHolidays, monthsBefore, workingWeekday } from './demo-calendar.ts';
import type { SeedStep } from './seed.ts';

// Demo data of annual leave (D1), on top of the demo assistants, matchings and activity logs
// (demo-people.ts, demo-activity.ts; every assistant already took a half or full day of 연차 last month):
// - 한빛's assistant01 (hired two years before last year) also took 연차 in earlier months of the service
//   year (last month's), one of them on a Saturday (a day off by the schedule: a restricted day, 사용제한일);
// - 한빛's assistant04 has a setting with a fiscal year (회계연도 기준) that starts six months from
//   today, so the 1st-round promotion notice of the running use period is due today;
// - 한빛's assistant10 has a contract of 14 hours a week (초단시간: no annual leave), so the leave
//   logged last month is use beyond the entitlement and asks for a reason.

const two = (n: number) => String(n).padStart(2, '0');
const AGENCY_STAFF = 'agency_hanbit';

/**
 * The fiscal year start six months from today (a day up to the 28th, which every month has): the
 * running period ends the day before, so its 1st-round promotion window opens today.
 */
export function demoFiscalYearStart(calendar: DemoCalendar = demoCalendar()): string {
  const day = Math.min(Number(calendar.today.slice(8, 10)), 28);
  return `${shiftMonth(calendar.current, 6).slice(5, 7)}-${two(day)}`;
}

export interface DemoLeaveDay {
  date: string;
  minutes: number;
  /** why the day is a restricted day (사용제한일), when it is one: the demo makes only the Saturday so */
  restricted?: string;
}

/**
 * assistant01's extra 연차 in the service year (last month's year), in the months before last month
 * (demo-activity.ts writes last month on): weekdays that are not public holidays, and one Saturday, a
 * day off by the schedule and so a restricted day. In the first months of a year there are fewer.
 */
export async function demoLeaveDates(calendar: DemoCalendar = demoCalendar()): Promise<DemoLeaveDay[]> {
  const holidays = await demoHolidays(calendar);
  const plan = [
    { offset: 2, weekday: 1, n: 2, minutes: 240 },
    { offset: 3, weekday: 5, n: 1, minutes: 240 },
    { offset: 4, weekday: 4, n: 3, minutes: 120 },
    { offset: 6, weekday: 0, n: 2, minutes: 240 },
  ];
  return plan
    .map((p) => ({ ...p, month: monthsBefore(calendar, p.offset) }))
    .filter((p) => yearOf(p.month) === calendar.serviceYear)
    .map((p) =>
      p.weekday === 5
        ? { date: nthWeekdayOf(p.month, 5, p.n)!, minutes: p.minutes, restricted: '근무일이 아닌 토요일' }
        : { date: workingWeekday(p.month, p.weekday, p.n, holidays), minutes: p.minutes },
    );
}

async function firstMatching(assistantId: string): Promise<MatchingItem | undefined> {
  const { data } = await bindEntity(Matching).query.byAssistant({ assistantId }).go({ pages: 'all' });
  return data
    .filter((m) => m.matchingId.startsWith('MT-DEMO-'))
    .sort((a, b) => a.matchingId.localeCompare(b.matchingId))[0];
}

function leaveEntry(m: MatchingItem, date: string, minutes: number): ActivityLogEntryItem {
  const at = `${date}T09:00:00.000Z`;
  const start = m.schedule[0]?.start ?? '09:00';
  const startMinutes = Number(start.slice(0, 2)) * 60 + Number(start.slice(3, 5));
  const endMinutes = startMinutes + minutes;
  return {
    entryId: `AL-DEMO-LEAVE-${m.assistantId}-${date.replace(/-/g, '')}`,
    assistantId: m.assistantId,
    assistantUserId: m.assistantUserId!,
    assistantName: m.assistantName,
    workerId: m.workerId,
    workerName: m.workerName,
    matchingId: m.matchingId,
    agencyId: m.agencyId,
    agencyName: m.agencyName,
    branchId: m.branchId,
    month: date.slice(0, 7),
    date,
    attendance: 'annualLeave',
    leaveMinutes: minutes,
    start,
    end: `${two(Math.floor(endMinutes / 60))}:${two(endMinutes % 60)}`,
    consent: 'unsigned',
    corrections: [],
    createdBy: m.assistantUserId!,
    createdAt: at,
    updatedBy: m.assistantUserId!,
    updatedAt: at,
    revision: 1,
  };
}

async function createOnce<T>(run: () => Promise<T>): Promise<void> {
  await run().catch((error) => {
    if (!isConditionFailure(error)) throw error;
  });
}

function setting(
  assistantId: string,
  values: Pick<LeaveProfileSettingItem, 'weeklyContractMinutes' | 'basis'> & { fiscalYearStart?: string },
): LeaveProfileSettingItem {
  return {
    assistantId,
    agencyId: 'AG-HANBIT',
    branchId: 'BR-SEOUL',
    contractChanges: [],
    ...values,
    revision: 1,
    updatedBy: AGENCY_STAFF,
    updatedAt: clock.nowIso(),
  };
}

const leaveStep: SeedStep = {
  name: 'annual leave (연차: 올해 사용, 회계연도 기준 설정, 초단시간 계약의 초과 사용)',
  async run(ctx) {
    const matching = await firstMatching('AS-DEMO-01');
    if (!matching) {
      ctx.log('데모 데이터: assistant01의 매칭이 없어 연차 사용 기록을 더하지 않았습니다.');
    } else {
      for (const { date, minutes } of await demoLeaveDates()) {
        await createOnce(() =>
          bindEntity(ActivityLogEntry)
            .create(leaveEntry(matching, date, minutes))
            .go(),
        );
      }
    }
    const settings = bindEntity(LeaveProfileSetting);
    await createOnce(() =>
      settings
        .create(
          setting('AS-DEMO-04', {
            weeklyContractMinutes: 1800,
            basis: 'fiscalYear',
            fiscalYearStart: demoFiscalYearStart(),
          }),
        )
        .go(),
    );
    await createOnce(() =>
      settings.create(setting('AS-DEMO-10', { weeklyContractMinutes: 840, basis: 'hireDate' })).go(),
    );
  },
};

export const LEAVE_SEED_STEPS: SeedStep[] = [leaveStep];
