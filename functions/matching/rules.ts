import { WEEKDAY_LABELS } from '#functions/applications/codes';
import { monthlyCap } from '#functions/applications/rules';
import { formatDay, parseClock, parseDay, weekdayFromMonday } from '#kernel/calendar';

// Matching rules (SPEC B3), pure. A matching assigns an assistant to a worker for a period with a
// weekly schedule. Three refusals, each explained in Korean:
//  - an assistant supports at most `max` workers at the same minute (SPEC §4.1, 3 today), and only at
//    one workplace at a time (concurrent support is "at the same time and place");
//  - a worker gets no more hours than the branch decided (a day, a week, an average month);
//  - the same assistant and worker are not matched twice over the same dates.
// Schedules repeat weekly; periods are date ranges. A check looks at every stretch of dates in the
// new matching's period over which the set of other matchings in force does not change.

export interface Slot {
  /** 0 = 월 … 6 = 일 */
  weekday: number;
  /** HH:MM */
  start: string;
  end: string;
}

export interface MatchingShape {
  matchingId?: string;
  workerId: string;
  workerName?: string;
  /** the workplace's business registration number: the "place" of concurrent support */
  workplaceKey: string;
  workplaceName?: string;
  startDate: string;
  endDate: string;
  schedule: readonly Slot[];
}

export interface Problem {
  field: string;
  message: string;
}

export const MAX_SLOTS = 21;

function minutes(slot: Slot): { start: number; end: number } {
  return { start: parseClock(slot.start, false), end: parseClock(slot.end, true) };
}

export function slotMinutes(slot: Slot): number {
  const { start, end } = minutes(slot);
  return end - start;
}

const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const hours = (m: number) => (m % 60 === 0 ? `${m / 60}시간` : `${Math.floor(m / 60)}시간 ${m % 60}분`);

/** A weekly schedule a person can read: every slot real, forward, and no two overlapping on a day. */
export function scheduleProblems(schedule: readonly Slot[]): Problem[] {
  if (schedule.length === 0) return [{ field: 'schedule', message: '주간 일정을 한 줄 이상 입력해 주세요.' }];
  if (schedule.length > MAX_SLOTS) {
    return [{ field: 'schedule', message: `주간 일정은 ${MAX_SLOTS}줄까지 입력할 수 있습니다.` }];
  }
  const problems: Problem[] = [];
  schedule.forEach((slot, i) => {
    const n = i + 1;
    const { start, end } = minutes(slot);
    if (!Number.isInteger(slot.weekday) || slot.weekday < 0 || slot.weekday > 6) {
      problems.push({ field: `schedule.${i}.weekday`, message: `일정 ${n}번째 줄의 요일을 골라 주세요.` });
    } else if (start < 0 || end < 0) {
      problems.push({ field: `schedule.${i}.start`, message: `일정 ${n}번째 줄의 시각을 09:00처럼 입력해 주세요.` });
    } else if (end <= start) {
      problems.push({
        field: `schedule.${i}.end`,
        message: `일정 ${n}번째 줄(${WEEKDAY_LABELS[slot.weekday]}요일)의 끝나는 시각이 시작 시각보다 늦어야 합니다.`,
      });
    }
  });
  if (problems.length) return problems;
  for (let i = 0; i < schedule.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = schedule[i]!;
      const b = schedule[j]!;
      const ma = minutes(a);
      const mb = minutes(b);
      if (a.weekday === b.weekday && ma.start < mb.end && mb.start < ma.end) {
        problems.push({
          field: `schedule.${i}.start`,
          message: `${WEEKDAY_LABELS[a.weekday]}요일 일정 ${j + 1}번째 줄과 ${i + 1}번째 줄의 시간이 겹칩니다. 한 줄로 합치거나 시간을 고쳐 주세요.`,
        });
      }
    }
  }
  return problems;
}

export function periodProblem(m: { startDate: string; endDate: string }): Problem | undefined {
  const start = parseDay(m.startDate);
  const end = parseDay(m.endDate);
  if (Number.isNaN(start)) return { field: 'startDate', message: '매칭 시작일을 2027-01-04처럼 입력해 주세요.' };
  if (Number.isNaN(end)) return { field: 'endDate', message: '매칭 종료일을 2027-12-31처럼 입력해 주세요.' };
  if (end < start) return { field: 'endDate', message: '매칭 종료일이 시작일보다 빠릅니다.' };
  return undefined;
}

// ── date stretches ────────────────────────────────────────────────────────────────────────────────

export interface Stretch {
  from: number;
  to: number;
  /** indexes into `others` of the matchings in force over the whole stretch */
  active: number[];
  weekdays: Set<number>;
}

function weekdaysBetween(from: number, to: number): Set<number> {
  const out = new Set<number>();
  for (let d = from; d <= to && out.size < 7; d++) out.add(weekdayFromMonday(d));
  return out;
}

/** The new matching's period cut where another matching starts or ends. */
export function stretches(target: { startDate: string; endDate: string }, others: readonly MatchingShape[]): Stretch[] {
  const from = parseDay(target.startDate);
  const to = parseDay(target.endDate);
  const spans = others.map((o) => [parseDay(o.startDate), parseDay(o.endDate)] as const);
  const cuts = new Set<number>([from, to + 1]);
  for (const [s, e] of spans) {
    if (s > from && s <= to) cuts.add(s);
    if (e + 1 > from && e + 1 <= to) cuts.add(e + 1);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Stretch[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]! - 1;
    const active = spans.flatMap(([s, e], k) => (s <= a && e >= b ? [k] : []));
    out.push({ from: a, to: b, active, weekdays: weekdaysBetween(a, b) });
  }
  return out;
}

function stretchText(s: Stretch): string {
  return s.from === s.to ? formatDay(s.from) : `${formatDay(s.from)}~${formatDay(s.to)}`;
}

// ── concurrent support (one assistant) ───────────────────────────────────────────────────────────

interface Interval {
  start: number;
  end: number;
  owner: number;
}

/**
 * The most distinct workers supported at one minute within `window` intervals, and where. `owners`
 * map each interval to its worker; the window is the new matching's slots of the day.
 */
export function peakWithin(
  intervals: readonly Interval[],
  workerOf: (owner: number) => string,
  window: readonly { start: number; end: number }[],
): { count: number; start: number; end: number; workers: string[] } {
  const points = new Set<number>();
  for (const i of [...intervals, ...window]) {
    points.add(i.start);
    points.add(i.end);
  }
  const sorted = [...points].sort((a, b) => a - b);
  let best = { count: 0, start: 0, end: 0, workers: [] as string[] };
  for (let k = 0; k + 1 < sorted.length; k++) {
    const a = sorted[k]!;
    const b = sorted[k + 1]!;
    if (!window.some((w) => w.start <= a && w.end >= b)) continue;
    const workers = [...new Set(intervals.filter((i) => i.start <= a && i.end >= b).map((i) => workerOf(i.owner)))];
    if (workers.length > best.count) best = { count: workers.length, start: a, end: b, workers };
    else if (workers.length === best.count && best.end === a && best.count > 0) best = { ...best, end: b };
  }
  return best;
}

/**
 * Refusals for adding `candidate` to an assistant who already has `others` (matchings in force, not
 * ended): more than `max` workers at a minute, two workplaces at the same minute, or the same worker
 * twice over the same dates.
 */
export function assistantProblems(candidate: MatchingShape, others: readonly MatchingShape[], max: number): Problem[] {
  const overlapping = others.filter(
    (o) => parseDay(o.startDate) <= parseDay(candidate.endDate) && parseDay(o.endDate) >= parseDay(candidate.startDate),
  );
  const twin = overlapping.find((o) => o.workerId === candidate.workerId);
  if (twin) {
    return [
      {
        field: 'assistantId',
        message: `이 근로지원인은 같은 기간(${twin.startDate}~${twin.endDate})에 이미 이 근로자와 매칭되어 있습니다. 기존 매칭의 일정을 바꾸려면 그 매칭을 종료한 뒤 새로 매칭해 주세요.`,
      },
    ];
  }
  const all = [candidate, ...overlapping];
  for (const stretch of stretches(candidate, overlapping)) {
    const inForce = [0, ...stretch.active.map((k) => k + 1)];
    for (const weekday of [...stretch.weekdays].sort()) {
      const mine = candidate.schedule.filter((s) => s.weekday === weekday).map(minutes);
      if (!mine.length) continue;
      const intervals: Interval[] = inForce.flatMap((owner) =>
        all[owner]!.schedule.filter((s) => s.weekday === weekday).map((s) => ({ ...minutes(s), owner })),
      );
      const elsewhere = intervals.find(
        (i) =>
          i.owner !== 0 &&
          all[i.owner]!.workplaceKey !== candidate.workplaceKey &&
          mine.some((m) => m.start < i.end && i.start < m.end),
      );
      if (elsewhere) {
        const other = all[elsewhere.owner]!;
        return [
          {
            field: 'schedule',
            message: `이 근로지원인은 ${stretchText(stretch)} ${WEEKDAY_LABELS[weekday]}요일 ${hm(elsewhere.start)}~${hm(elsewhere.end)}에 다른 사업장(${other.workplaceName ?? other.workplaceKey})에서 근로자를 지원합니다. 동시 지원은 같은 사업장에서만 할 수 있습니다. 시간을 바꾸거나 다른 근로지원인을 골라 주세요.`,
          },
        ];
      }
      const peak = peakWithin(intervals, (owner) => all[owner]!.workerId, mine);
      if (peak.count > max) {
        return [
          {
            field: 'schedule',
            message: `이 일정으로 매칭하면 ${stretchText(stretch)} ${WEEKDAY_LABELS[weekday]}요일 ${hm(peak.start)}~${hm(peak.end)}에 이 근로지원인이 ${peak.count}명을 동시에 지원하게 됩니다. 한 근로지원인이 동시에 지원할 수 있는 근로자는 최대 ${max}명입니다. 시간을 바꾸거나 다른 근로지원인을 골라 주세요.`,
          },
        ];
      }
    }
  }
  return [];
}

// ── the worker's decided hours ────────────────────────────────────────────────────────────────────

export interface Decision {
  hoursPerDay: number;
  daysPerWeek: number;
  monthlyHours: number;
  startDate: string;
  endDate: string;
}

/** Weekly minutes of a schedule. */
export function weeklyMinutes(schedule: readonly Slot[]): number {
  return schedule.reduce((sum, slot) => sum + slotMinutes(slot), 0);
}

/**
 * Refusals for giving `candidate` to a worker who already has `others` (matchings in force): the
 * period must lie inside the decided one, and over every stretch of dates the day, the number of
 * days, the week and the average month stay within the decision.
 */
export function workerProblems(
  candidate: MatchingShape,
  others: readonly MatchingShape[],
  decision: Decision,
): Problem[] {
  if (candidate.startDate < decision.startDate || candidate.endDate > decision.endDate) {
    return [
      {
        field: 'startDate',
        message: `매칭 기간(${candidate.startDate}~${candidate.endDate})이 지사가 결정한 지원 기간(${decision.startDate}~${decision.endDate})을 벗어납니다. 결정된 기간 안으로 골라 주세요.`,
      },
    ];
  }
  const overlapping = others.filter(
    (o) => parseDay(o.startDate) <= parseDay(candidate.endDate) && parseDay(o.endDate) >= parseDay(candidate.startDate),
  );
  const dailyCap = Math.round(decision.hoursPerDay * 60);
  const weeklyCap = Math.round(decision.hoursPerDay * decision.daysPerWeek * 60);
  for (const stretch of stretches(candidate, overlapping)) {
    const schedules = [candidate.schedule, ...stretch.active.map((k) => overlapping[k]!.schedule)];
    const slots = schedules.flat();
    const when = stretch.active.length ? ` ${stretchText(stretch)}에는 다른 매칭과 합쳐` : '';
    for (let weekday = 0; weekday < 7; weekday++) {
      const day = slots.filter((s) => s.weekday === weekday).reduce((sum, s) => sum + slotMinutes(s), 0);
      if (day > dailyCap) {
        return [
          {
            field: 'schedule',
            message: `${when ? `${when.trim()} ` : ''}${WEEKDAY_LABELS[weekday]}요일 지원 시간이 ${hours(day)}입니다. 이 근로자의 하루 결정 시간은 ${hours(dailyCap)}입니다. 시간을 줄여 주세요.`,
          },
        ];
      }
    }
    const days = new Set(slots.map((s) => s.weekday)).size;
    if (days > decision.daysPerWeek) {
      return [
        {
          field: 'schedule',
          message: `${when ? `${when.trim()} ` : ''}일주일에 ${days}일을 지원하게 됩니다. 이 근로자의 결정된 주 지원 일수는 ${decision.daysPerWeek}일입니다. 요일을 줄여 주세요.`,
        },
      ];
    }
    const week = weeklyMinutes(slots);
    if (week > weeklyCap) {
      return [
        {
          field: 'schedule',
          message: `${when ? `${when.trim()} ` : ''}주 지원 시간이 ${hours(week)}입니다. 이 근로자의 결정된 주 시간(하루 ${decision.hoursPerDay}시간 × ${decision.daysPerWeek}일)은 ${hours(weeklyCap)}입니다. 시간을 줄여 주세요.`,
        },
      ];
    }
    // whole hours of an average month, rounded down as the evaluation's monthly cap is
    const month = monthlyCap(week / 60);
    if (month > decision.monthlyHours) {
      return [
        {
          field: 'schedule',
          message: `${when ? `${when.trim()} ` : ''}주 ${hours(week)}이면 한 달 평균(약 4.35주) ${month}시간을 지원하게 되어, 이 근로자의 월 결정 시간 ${decision.monthlyHours}시간을 넘습니다. 주 시간을 줄여 주세요.`,
        },
      ];
    }
  }
  return [];
}
