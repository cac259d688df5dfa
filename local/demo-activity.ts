import { sha256Hex, writeDocument } from '#commons/documents';
import { bindEntity } from '#commons/entities';
import type { PublicHolidays } from '#commons/holidays';
import type { ContentCode } from '#functions/activity/codes';
import { storeSnapshot } from '#functions/activity/consent-service';
import { activityLogPdf } from '#functions/activity/document';
import {
  ActivityLogEntry,
  type ActivityLogEntryItem,
  ConsentRound,
  type ConsentRoundItem,
} from '#functions/activity/entities';
import { entryProblems, sortEntries } from '#functions/activity/entry-rules';
import { digestOf, listed } from '#functions/activity/entry-service';
import { scanKey } from '#functions/activity/storage';
import { label, SUPPORT_TYPES } from '#functions/applications/codes';
import { Matching, type MatchingItem } from '#functions/matching/entities';
import * as clock from '#kernel/clock';
import { daysOfMonth, koreaDay, nextMonth, weekdayOf } from '#kernel/korea-time';
import { type DemoCalendar, demoCalendar, demoHolidays, monthsBefore, workingWeekday } from './demo-calendar.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS } from './demo-data.ts';
import type { SeedStep } from './seed.ts';

// Demo data of the activity capability (C1, C2), hanging off the demo matchings (local/demo-people.ts):
// for every matching, last month's entries (signed: electronically, or for 다온's assistant03 and
// worker03 on paper with 본인 확인) and this month's up to yesterday — the first half signed or
// waiting for the worker's signature, the rest not yet sent. 늘봄's assistant02 and worker02 show a
// correction after signing (a new round with the agency's reason). Each assistant took a half or full
// day of 연차 and a training day last month. Every entry is checked with the same rules the API uses.

const two = (n: number) => String(n).padStart(2, '0');
const short = (userId: string) =>
  userId
    .replace(/^assistant/, 'A')
    .replace(/^worker/, 'W')
    .toUpperCase();

/** Entry and round ids of the demo, predictable so that tests can name them. */
export function demoEntryId(assistantUserId: string, workerId: string, date: string): string {
  return `AL-DEMO-${short(assistantUserId)}-${short(workerId)}-${date.replace(/-/g, '')}`;
}

export function demoRoundId(assistantUserId: string, workerId: string, month: string, n: number): string {
  return `CR-DEMO-${short(assistantUserId)}-${short(workerId)}-${month.replace('-', '')}-${n}`;
}

/** The months the demo fills: last month and this one (Korea time), and yesterday, the last day written. */
export function demoMonths(now = clock.now()): { previous: string; current: string; yesterday: string } {
  const { previous, current, yesterday } = demoCalendar(koreaDay(now));
  return { previous, current, yesterday };
}

/**
 * Last month's days of leave (연차, the 2nd Wednesday) and training (the 3rd Friday) of each demo
 * assistant, moved a week when they fall on a public holiday.
 */
export function demoLeaveAndTrainingDays(month: string, holidays: PublicHolidays): { leave: string; training: string } {
  return { leave: workingWeekday(month, 2, 2, holidays), training: workingWeekday(month, 4, 3, holidays) };
}

const WORK_CONTENT: ContentCode[] = ['C01', 'C02', 'C03', 'C09', 'C02', 'C04', 'C08', 'C06'];
const NOTES = [
  '오전 회의 자료 인쇄와 배부를 함께 했습니다.',
  '근로자 컨디션이 좋지 않아 업무 순서를 바꾸어 진행했습니다.',
  '엘리베이터 점검으로 계단 이동을 보조했습니다.',
  '새 전산 프로그램 사용법을 천천히 함께 익혔습니다.',
];

interface Plan {
  matching: MatchingItem;
  /** the assistant's matchings in a fixed order: leave and training are written in the first one's log */
  first: boolean;
}

function minutesBetween(start: string, end: string): number {
  const at = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return at(end) - at(start);
}

function addMinutes(start: string, minutes: number): string {
  const total = Number(start.slice(0, 2)) * 60 + Number(start.slice(3)) + minutes;
  return `${two(Math.floor(total / 60))}:${two(total % 60)}`;
}

/** One month of one matching: what the assistant wrote, day by day. */
function monthEntries(
  plan: Plan,
  month: string,
  calendar: DemoCalendar,
  holidays: PublicHolidays,
): ActivityLogEntryItem[] {
  const m = plan.matching;
  const last = calendar.yesterday;
  const assistantUserId = m.assistantUserId!;
  const { leave: leaveDay, training: trainingDay } = demoLeaveAndTrainingDays(month, holidays);
  const entries: ActivityLogEntryItem[] = [];
  daysOfMonth(month)
    .filter((date) => date <= last && date >= m.startDate && date <= m.endDate)
    .forEach((date, index) => {
      const slot = m.schedule.find((s) => s.weekday === weekdayOf(date));
      if (!slot) return;
      const isPrevious = month === calendar.previous;
      let fields: Pick<
        ActivityLogEntryItem,
        'attendance' | 'start' | 'end' | 'leaveMinutes' | 'contentCode' | 'otherContent' | 'specialNotes'
      >;
      if (isPrevious && date === leaveDay) {
        // leave and training are the assistant's own time: written once, in one worker's log
        if (!plan.first) return;
        const length = Math.min(480, minutesBetween(slot.start, slot.end));
        fields = {
          attendance: 'annualLeave',
          start: slot.start,
          end: addMinutes(slot.start, length),
          leaveMinutes: length,
        };
      } else if (isPrevious && date === trainingDay) {
        if (!plan.first) return;
        fields = {
          attendance: 'training',
          start: slot.start,
          end: slot.end,
          specialNotes: '수행기관 보수교육(근로지원인 직무교육)에 참석했습니다.',
        };
      } else {
        const sign = m.supportType === 'T2';
        const code: ContentCode = sign ? 'C07' : WORK_CONTENT[(index + Number(m.matchingId.slice(-2))) % 8]!;
        const other = index % 9 === 4;
        fields = {
          attendance: 'work',
          start: slot.start,
          end: slot.end,
          contentCode: other ? 'C99' : code,
          otherContent: other ? '사내 행사 준비물 정리와 안내문 부착을 보조했습니다.' : undefined,
          specialNotes: index % 6 === 2 ? NOTES[index % NOTES.length] : undefined,
        };
      }
      const at = `${date}T09:00:00.000Z`;
      entries.push({
        entryId: demoEntryId(assistantUserId, m.workerId, date),
        assistantId: m.assistantId,
        assistantUserId,
        assistantName: m.assistantName,
        workerId: m.workerId,
        workerName: m.workerName,
        matchingId: m.matchingId,
        agencyId: m.agencyId,
        agencyName: m.agencyName,
        branchId: m.branchId,
        month,
        date,
        ...fields,
        consent: 'unsigned',
        corrections: [],
        createdBy: assistantUserId,
        createdAt: at,
        updatedBy: assistantUserId,
        updatedAt: at,
        revision: 1,
      });
    });
  return entries;
}

function roundOf(
  m: MatchingItem,
  month: string,
  n: number,
  entries: readonly ActivityLogEntryItem[],
  requestedAt: string,
): ConsentRoundItem {
  return {
    roundId: demoRoundId(m.assistantUserId!, m.workerId, month, n),
    assistantId: m.assistantId,
    assistantUserId: m.assistantUserId!,
    assistantName: m.assistantName,
    workerId: m.workerId,
    workerName: m.workerName,
    agencyId: m.agencyId,
    agencyName: m.agencyName,
    branchId: m.branchId,
    month,
    kind: 'initial',
    status: 'requested',
    entryIds: sortEntries(entries).map((e) => e.entryId),
    requestedBy: m.assistantUserId!,
    requestedAt,
    revision: 1,
    updatedAt: requestedAt,
  };
}

/** Signs `entries` in `round` (mutating both to their signed state) and stores the snapshot. */
async function sign(
  round: ConsentRoundItem,
  entries: ActivityLogEntryItem[],
  method: 'electronic' | 'paper',
  signedAt: string,
): Promise<void> {
  const digest = digestOf(entries);
  const key = await storeSnapshot(round, entries, method, signedAt, digest);
  Object.assign(round, {
    status: 'signed',
    method,
    signedAt,
    signedBy: method === 'electronic' ? round.workerId : round.assistantUserId,
    typedName: method === 'electronic' ? round.workerName : undefined,
    digest,
    entryCount: entries.length,
    snapshotKey: key,
    sourceIp: '127.0.0.1',
    revision: 2,
    updatedAt: signedAt,
  });
  for (const e of entries)
    Object.assign(e, { consent: 'signed', roundId: round.roundId, signedBy: method, revision: 2 });
}

function request(round: ConsentRoundItem, entries: ActivityLogEntryItem[]): void {
  for (const e of entries) Object.assign(e, { consent: 'requested', roundId: round.roundId, revision: 2 });
}

/** Checks every demo entry with the API's own rules, against the entries of the same assistant before it. */
function check(all: readonly ActivityLogEntryItem[], matchings: readonly MatchingItem[], today: string): void {
  const byAssistant = new Map<string, ActivityLogEntryItem[]>();
  for (const entry of all) {
    const seen = byAssistant.get(entry.assistantId) ?? [];
    const problems = entryProblems(entry, {
      workerId: entry.workerId,
      matchings: matchings.filter((m) => m.assistantId === entry.assistantId),
      sameDay: seen.filter((e) => e.date === entry.date),
      today,
    });
    if (problems.length) throw new Error(`demo entry ${entry.entryId}: ${problems.map((p) => p.message).join(' ')}`);
    byAssistant.set(entry.assistantId, [...seen, entry]);
  }
}

async function demoMatchings(): Promise<MatchingItem[]> {
  const agencies = DEMO_ORGANISATIONS.filter((o) => o.kind === 'agency');
  const pages = await Promise.all(
    agencies.map((a) => bindEntity(Matching).query.byAgency({ agencyId: a.organisationId }).go({ pages: 'all' })),
  );
  const demoAssistants = new Set(DEMO_ACCOUNTS.filter((a) => a.roles.includes('assistant')).map((a) => a.username));
  return pages
    .flatMap((p) => p.data)
    .filter((m) => m.matchingId.startsWith('MT-DEMO-') && m.assistantUserId && demoAssistants.has(m.assistantUserId))
    .sort((a, b) => a.matchingId.localeCompare(b.matchingId));
}

/** Whether a pair's demo month is already there (a seed run before): then it is left as it is. */
async function alreadySeeded(entries: readonly ActivityLogEntryItem[]): Promise<boolean> {
  const first = entries[0];
  if (!first) return true;
  const { data } = await bindEntity(ActivityLogEntry).get({ entryId: first.entryId }).go();
  return !!data;
}

const activityStep: SeedStep = {
  name: 'activity logs (지난달·이번 달 활동일지, 전자서명·수기 서명·정정 후 재동의)',
  async run(ctx) {
    const calendar = demoCalendar();
    const { previous, current } = calendar;
    const holidays = await demoHolidays(calendar);
    const matchings = await demoMatchings();
    if (!matchings.length) {
      ctx.log('데모 데이터: 매칭이 없어 활동일지를 만들지 않았습니다.');
      return;
    }
    const firstOf = new Map<string, string>();
    for (const m of matchings) if (!firstOf.has(m.assistantId)) firstOf.set(m.assistantId, m.matchingId);
    const plans = matchings.map((matching) => ({
      matching,
      first: firstOf.get(matching.assistantId) === matching.matchingId,
    }));
    const previousEntries = plans.map((p) => monthEntries(p, previous, calendar, holidays));
    const currentEntries = plans.map((p) => monthEntries(p, current, calendar, holidays));
    check(
      [...previousEntries.flat(), ...currentEntries.flat()].sort((a, b) => a.date.localeCompare(b.date)),
      matchings,
      clock.today(),
    );

    // pairs are independent: seeded side by side
    await Promise.all(
      plans.map(async (plan, i) => {
        const m = plan.matching;
        const before = previousEntries[i]!;
        const now = currentEntries[i]!;
        if (await alreadySeeded([...before, ...now])) return;
        const rounds: ConsentRoundItem[] = [];
        const paper = m.assistantUserId === 'assistant03' && m.workerId === 'worker03';

        // last month: asked on the 1st of this month, signed the next day
        if (before.length) {
          const round = roundOf(m, previous, 1, before, `${current}-01T00:30:00.000Z`);
          await sign(round, before, paper ? 'paper' : 'electronic', `${current}-01T08:10:00.000Z`);
          if (paper) {
            const printout = await activityLogPdf({
              month: previous,
              workerName: m.workerName,
              assistantName: m.assistantName,
              agencyName: m.agencyName,
              matchingPeriod: `${m.startDate}~${m.endDate}`,
              supportType: label(SUPPORT_TYPES, m.supportType),
              entries: before.map(listed),
              rounds: [],
              generatedAt: round.requestedAt,
            });
            const sha256 = sha256Hex(printout);
            const key = scanKey(round.roundId, sha256, 'application/pdf');
            await writeDocument(key, printout, 'application/pdf');
            round.scan = {
              key,
              fileName: `${previous} 활동일지 서명본.pdf`,
              contentType: 'application/pdf',
              sha256,
              identityConfirmed: true,
            };
          }
          rounds.push(round);
          if (m.assistantUserId === 'assistant02' && m.workerId === 'worker02') {
            // the agency corrected a signed day: the worker is asked again, the signed round stays
            const corrected = before[before.length - 1]!;
            const at = `${current}-03T01:00:00.000Z`;
            const reason = '근로자 조기 퇴근을 반영해 끝 시각을 정정합니다.';
            const again = {
              ...roundOf(m, previous, 2, [corrected], at),
              kind: 'correction' as const,
              reason,
              requestedBy: 'agency_neulbom',
            };
            Object.assign(corrected, {
              end: addMinutes(corrected.end, -30),
              leaveMinutes: corrected.leaveMinutes ? corrected.leaveMinutes - 30 : undefined,
              consent: 'requested',
              roundId: again.roundId,
              signedBy: undefined,
              corrections: [{ at, by: 'agency_neulbom', reason, signedRoundId: round.roundId }],
              updatedBy: 'agency_neulbom',
              updatedAt: at,
              revision: 3,
            });
            rounds.push(again);
          }
        }

        // this month: the first half asked for; odd matchings signed, even ones still waiting
        const half = now.filter((e) => Number(e.date.slice(8, 10)) <= 14);
        if (half.length) {
          const round = roundOf(m, current, 1, half, `${current}-15T00:30:00.000Z`);
          if (Number(m.matchingId.slice(-2)) % 2 === 1 && m.workerId !== 'worker01') {
            await sign(round, half, 'electronic', `${current}-15T06:00:00.000Z`);
          } else {
            request(round, half);
          }
          rounds.push(round);
        }

        const entries = [...before, ...now];
        await bindEntity(ActivityLogEntry).put(entries).go();
        await bindEntity(ConsentRound).put(rounds).go();
      }),
    );
  },
};

/**
 * The months before last month that the demo's claims cover (demo-claims.ts): up to five, none before
 * the matchings begin (so in February, when last month is the first of the service year, there are none).
 */
export function earlierDemoMonths(calendar: DemoCalendar = demoCalendar()): string[] {
  const first = calendar.period.start.slice(0, 7);
  return [1, 2, 3, 4, 5].map((offset) => monthsBefore(calendar, offset)).filter((month) => month >= first);
}

const earlierStep: SeedStep = {
  name: 'activity logs of earlier months (지난달 이전 최대 다섯 달, 근로자 전자서명)',
  async run() {
    const calendar = demoCalendar();
    const months = earlierDemoMonths(calendar);
    if (!months.length) return;
    const holidays = await demoHolidays(calendar);
    // one assistant per agency is enough for each claim to have real rows; fewer items keep every
    // stack start (and so every test) quick
    const matchings = await demoMatchings();
    const kept = new Map<string, string[]>();
    for (const m of matchings) {
      const assistants = kept.get(m.agencyId) ?? [];
      if (!assistants.includes(m.assistantId) && assistants.length < 1) assistants.push(m.assistantId);
      kept.set(m.agencyId, assistants);
    }
    const plans = matchings
      .filter((m) => kept.get(m.agencyId)!.includes(m.assistantId))
      .map((matching) => ({ matching, first: false }));
    await Promise.all(
      plans.map(async (plan) => {
        const m = plan.matching;
        const byMonth = months.map((month) => ({ month, entries: monthEntries(plan, month, calendar, holidays) }));
        if (await alreadySeeded(byMonth.flatMap((b) => b.entries))) return;
        const rounds: ConsentRoundItem[] = [];
        for (const { month, entries } of byMonth) {
          if (!entries.length) continue;
          // asked on the 1st of the next month and signed by the worker the same day
          const next = nextMonth(month);
          const round = roundOf(m, month, 1, entries, `${next}-01T00:30:00.000Z`);
          await sign(round, entries, 'electronic', `${next}-01T08:10:00.000Z`);
          rounds.push(round);
        }
        const entries = byMonth.flatMap((b) => b.entries);
        if (!entries.length) return;
        await bindEntity(ActivityLogEntry).put(entries).go();
        await bindEntity(ConsentRound).put(rounds).go();
      }),
    );
  },
};

export const ACTIVITY_SEED_STEPS: SeedStep[] = [activityStep, earlierStep];

/**
 * Ids the authorisation matrix probes: an entry and the first round of assistant01/worker01 (한빛) and
 * of assistant02/worker02 (늘봄), in last month, which the demo matchings always cover. The entries
 * exist from the month's first weekday on.
 */
export function demoActivityProbes(now = clock.now()) {
  const { previous: month } = demoMonths(now);
  const day = daysOfMonth(month).find((d) => weekdayOf(d) < 5) ?? `${month}-01`;
  return {
    month,
    own: {
      entryId: demoEntryId('assistant01', 'worker01', day),
      roundId: demoRoundId('assistant01', 'worker01', month, 1),
    },
    other: {
      entryId: demoEntryId('assistant02', 'worker02', day),
      roundId: demoRoundId('assistant02', 'worker02', month, 1),
    },
  };
}
