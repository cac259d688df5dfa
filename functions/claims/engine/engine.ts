// The monthly claim engine: computeClaim(input) → output, a pure function of its input (no I/O, no
// clock, no AWS). The rules are numbered as in the contract (README "Claim engine"; issue 8 §1).
//
// How it runs, in one pass over the entries plus one sweep per assistant and day:
//  1. every entry is checked (rule 2) and kept in flat typed arrays, or reported and left out;
//  2. kept entries are counting-sorted into buckets by (assistant, day) — no comparison sort;
//  3. each bucket is swept over its interval boundaries: between two boundaries the set of open
//     entries is constant, so each elementary segment is classified once (rules 3 and 4);
//  4. workers' co-payments are computed and apportioned (rules 9 and 10), then the money (8, 11)
//     in exact integer arithmetic (rule 12).

import { ABSENT_TYPES, ENTRY_TYPES, type EntryType, PAID_NON_SERVICE_TYPES } from '#kernel/attendance-kinds';
import { claimPeriod, formatDay, parseClock, parseDay } from '#kernel/calendar';
import { apportion, mulFloor, RATE_SCALE, toSafeNumber, toScaled } from '#kernel/decimal';
import {
  compareProblems,
  duplicateOverlap,
  invalidTime,
  leaveServiceOverlap,
  outOfPeriod,
  overConcurrency,
  type Problem,
  unknownAssistant,
  unknownWorker,
} from './problems.ts';
import type { Amounts, AssistantLine, ClaimEntry, ClaimInput, ClaimOutput, ClaimRates, WorkerLine } from './schema.ts';

// Type codes are indexes into ENTRY_TYPES (the table of attendance kinds, functions/kernel/attendance-kinds.ts).
const SERVICE = ENTRY_TYPES.indexOf('service');
/** Codes of the types other than service that are paid like work. */
const PAID_OTHER_CODES = Int32Array.from(PAID_NON_SERVICE_TYPES, (type) => ENTRY_TYPES.indexOf(type));
/** 1 where a type code is paid like work (service is, but it is counted by the sweep instead). */
const PAID_OTHER = Uint8Array.from(ENTRY_TYPES, (_, code) => (PAID_OTHER_CODES.includes(code) ? 1 : 0));
/** 1 where a type code breaks the weekly holiday (결근). */
const ABSENT = Uint8Array.from(ENTRY_TYPES, (type) => (ABSENT_TYPES.includes(type) ? 1 : 0));
const TYPE_CODE = new Map<string, number>(ENTRY_TYPES.map((type, code) => [type, code]));

const WEEKLY_HOLIDAY_THRESHOLD = 900; // 15 paid hours in the week
const WEEKLY_HOLIDAY_CAP = 480; // at most 8 hours
const MINUTES_PER_HOUR = 60n;

export function computeClaim(input: ClaimInput): ClaimOutput {
  const period = claimPeriod(input.month);
  const rates = scaleRates(input.rates);
  const assistantIds = sortedIds(input.assistants);
  const workerIds = sortedIds(input.workers);
  const problems: Problem[] = [];

  const kept = keepValidEntries(input, period, indexById(assistantIds), indexById(workerIds), problems);
  const days = period.last - period.start + 1;
  const buckets = bucketByAssistantDay(kept, assistantIds.length, days);

  const sweep = new MonthSweep(kept, buckets, {
    days,
    firstInMonth: period.first - period.start,
    maxConcurrency: rates.maxConcurrency,
    workerIds,
    dayTexts: Array.from({ length: days }, (_, d) => formatDay(period.start + d)),
    problems,
  });
  const minuteLines = assistantIds.map((id, a) => sweep.assistant(a, id));

  const exempt = new Set(input.workers.filter((worker) => worker.copayExempt).map((worker) => worker.id));
  const assistantCopay = new Float64Array(assistantIds.length);
  const workers: WorkerLine[] = workerIds.map((id, w) => {
    const { supportedMinutes, byRatio, copay } = sweep.workerCopay(w, rates, exempt.has(id));
    const assistantsOfWorker = sweep.pairAssistants[w];
    if (assistantsOfWorker !== undefined) {
      const shares = apportion(copay, sweep.pairMinutes[w]!);
      shares.forEach((share, i) => {
        assistantCopay[assistantsOfWorker[i]!]! += share;
      });
    }
    return { id, supportedMinutes, byRatio, copay };
  });

  const totals = { pay: 0n, copay: 0n, net: 0n, socialInsurance: 0n, operatingCost: 0n, severance: 0n, total: 0n };
  const assistants: AssistantLine[] = assistantIds.map((id, a) => {
    const line = minuteLines[a]!;
    const amounts = assistantAmounts(line, BigInt(assistantCopay[a]!), rates);
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += amounts[key];
    return { id, minutes: minutesOutput(line, rates.maxConcurrency), amounts: amountsOutput(amounts) };
  });

  problems.sort(compareProblems);
  return { month: input.month, assistants, workers, totals: amountsOutput(totals), problems };
}

interface ScaledRates {
  hourlyWage: bigint;
  maxConcurrency: number;
  /** indexed by k; index 0 unused */
  premiumByRatio: bigint[];
  copayPerHourByRatio: bigint[];
  /** whole won: a copay is an integer, so "at most 1000.5" is "at most 1000" */
  copayMonthlyCap: bigint | null;
  pension: bigint;
  health: bigint;
  longTermCare: bigint;
  employment: bigint;
  industrialAccident: bigint;
  operatingCostRate: bigint;
  severanceRate: bigint;
}

function scaleRates(rates: ClaimRates): ScaledRates {
  const byRatio = (table: Record<string, number>) =>
    Array.from({ length: rates.maxConcurrency + 1 }, (_, k) => (k === 0 ? 0n : toScaled(table[String(k)] ?? 0)));
  const si = rates.socialInsurance;
  return {
    hourlyWage: toScaled(rates.hourlyWage),
    maxConcurrency: rates.maxConcurrency,
    premiumByRatio: byRatio(rates.premiumByRatio),
    copayPerHourByRatio: byRatio(rates.copayPerHourByRatio),
    copayMonthlyCap: rates.copayMonthlyCap === null ? null : toScaled(rates.copayMonthlyCap) / RATE_SCALE,
    pension: toScaled(si.pension),
    health: toScaled(si.health),
    longTermCare: toScaled(si.longTermCare),
    employment: toScaled(si.employment),
    industrialAccident: toScaled(si.industrialAccident),
    operatingCostRate: toScaled(rates.operatingCostRate),
    severanceRate: toScaled(rates.severanceRate),
  };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedIds(list: readonly { id: string }[]): string[] {
  return list.map((item) => item.id).sort(compareIds);
}

function indexById(ids: readonly string[]): Map<string, number> {
  return new Map(ids.map((id, index) => [id, index]));
}

/** Entries that passed rule 2, as parallel arrays (one slot per kept entry). */
interface KeptEntries {
  count: number;
  assistant: Int32Array;
  /** days since the period's first day (the Monday of the 1st's week) */
  day: Int32Array;
  start: Int32Array;
  end: Int32Array;
  type: Uint8Array;
  /** worker index for service entries, -1 otherwise */
  worker: Int32Array;
}

/** Rules 1 and 2: check each entry in the contract's order; report the first failure and leave the entry out. */
function keepValidEntries(
  input: ClaimInput,
  period: ReturnType<typeof claimPeriod>,
  assistantIndex: Map<string, number>,
  workerIndex: Map<string, number>,
  problems: Problem[],
): KeptEntries {
  const entries = input.entries;
  const n = entries.length;
  const kept: KeptEntries = {
    count: 0,
    assistant: new Int32Array(n),
    day: new Int32Array(n),
    start: new Int32Array(n),
    end: new Int32Array(n),
    type: new Uint8Array(n),
    worker: new Int32Array(n),
  };
  // A month's entries use a few dozen distinct dates; parse each once.
  const dayOf = new Map<string, number>();
  const periodStart = formatDay(period.start);
  const periodEnd = formatDay(period.last);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const entry = entries[i]!;
    let day = dayOf.get(entry.date);
    if (day === undefined) {
      day = parseDay(entry.date);
      dayOf.set(entry.date, day);
    }
    const start = parseClock(entry.start, false);
    const end = parseClock(entry.end, true);
    const badDate = Number.isNaN(day);
    if (badDate || start < 0 || end < 0 || end <= start) {
      const endNotAfterStart = start >= 0 && end >= 0 && end <= start;
      problems.push(invalidTime(entry, { badDate, badStart: start < 0, badEnd: end < 0, endNotAfterStart }));
      continue;
    }
    if (day < period.start || day > period.last) {
      problems.push(outOfPeriod(entry, input.month, periodStart, periodEnd));
      continue;
    }
    const assistant = assistantIndex.get(entry.assistantId);
    if (assistant === undefined) {
      problems.push(unknownAssistant(entry));
      continue;
    }
    const type = typeCode(entry);
    let worker = -1;
    if (type === SERVICE) {
      const found = workerIndex.get(entry.workerId ?? '');
      if (found === undefined) {
        problems.push(unknownWorker(entry));
        continue;
      }
      worker = found;
    }
    kept.assistant[count] = assistant;
    kept.day[count] = day - period.start;
    kept.start[count] = start;
    kept.end[count] = end;
    kept.type[count] = type;
    kept.worker[count] = worker;
    count++;
  }
  kept.count = count;
  return kept;
}

function typeCode(entry: ClaimEntry): number {
  const code = TYPE_CODE.get(entry.type);
  if (code === undefined) throw new TypeError(`Unknown entry type ${entry.type}: validate input with ClaimInputSchema`);
  return code;
}

/** Kept-entry indexes grouped by (assistant, day): bucket b = assistant × days + day is order[start[b] … start[b+1]). */
interface Buckets {
  order: Int32Array;
  start: Int32Array;
}

function bucketByAssistantDay(kept: KeptEntries, assistantCount: number, days: number): Buckets {
  const bucketCount = assistantCount * days;
  const start = new Int32Array(bucketCount + 1);
  for (let i = 0; i < kept.count; i++) start[kept.assistant[i]! * days + kept.day[i]! + 1]!++;
  for (let b = 0; b < bucketCount; b++) start[b + 1]! += start[b]!;
  const cursor = start.slice(0, bucketCount);
  const order = new Int32Array(kept.count);
  for (let i = 0; i < kept.count; i++) order[cursor[kept.assistant[i]! * days + kept.day[i]!]!++] = i;
  return { order, start };
}

/** Per assistant: minutes in the month (rule 5), by field. */
interface MinuteLine {
  service: number;
  /** indexed by k; index 0 unused */
  byRatio: Float64Array;
  overConcurrency: number;
  weeklyHoliday: number;
  /** indexed by type code; only non-service codes are used */
  byType: Float64Array;
}

interface SweepSettings {
  days: number;
  /** index of the 1st of the month among the period's days */
  firstInMonth: number;
  maxConcurrency: number;
  workerIds: readonly string[];
  dayTexts: readonly string[];
  problems: Problem[];
}

/** Appends [from, to) to flat [start, end, …] segments, merging with the last one when they touch. */
function appendSegment(segments: number[], from: number, to: number): void {
  const last = segments.length - 1;
  if (last > 0 && segments[last] === from) segments[last] = to;
  else segments.push(from, to);
}

class MonthSweep {
  /** Per worker: the assistants who supported them in k ≤ max segments, in assistant-id order… */
  readonly pairAssistants: (number[] | undefined)[];
  /** …and the minutes each of them did so (rule 10's weights). */
  readonly pairMinutes: (number[] | undefined)[];
  /** Per k: minutes per worker supported in segments of exactly k workers (rule 9). */
  private readonly workerMinutesByK: (Float64Array | undefined)[];
  private readonly lastPairAssistant: Int32Array;

  // Scratch, reused for every assistant and day.
  private events = new Float64Array(64);
  private readonly openPerWorker: Int32Array;
  private readonly openWorkers: number[] = [];
  private readonly openPerType = new Int32Array(ENTRY_TYPES.length);
  private readonly dayPaid: Float64Array;
  private readonly dayAbsent: Uint8Array;

  constructor(
    private readonly kept: KeptEntries,
    private readonly buckets: Buckets,
    private readonly settings: SweepSettings,
  ) {
    const workerCount = settings.workerIds.length;
    this.pairAssistants = new Array(workerCount);
    this.pairMinutes = new Array(workerCount);
    this.workerMinutesByK = new Array(settings.maxConcurrency + 1);
    this.lastPairAssistant = new Int32Array(workerCount).fill(-1);
    this.openPerWorker = new Int32Array(workerCount);
    this.dayPaid = new Float64Array(settings.days);
    this.dayAbsent = new Uint8Array(settings.days);
  }

  /** Rules 3, 4, 5 and 7 for one assistant (called in assistant-id order). */
  assistant(a: number, assistantId: string): MinuteLine {
    const { days, firstInMonth } = this.settings;
    const { kept } = this;
    const { order, start: bucketStart } = this.buckets;
    const line: MinuteLine = {
      service: 0,
      byRatio: new Float64Array(this.settings.maxConcurrency + 1),
      overConcurrency: 0,
      weeklyHoliday: 0,
      byType: new Float64Array(ENTRY_TYPES.length),
    };
    this.dayPaid.fill(0);
    this.dayAbsent.fill(0);
    for (let d = 0; d < days; d++) {
      const lo = bucketStart[a * days + d]!;
      const hi = bucketStart[a * days + d + 1]!;
      if (lo === hi) continue;
      const inMonth = d >= firstInMonth;
      // Rule 4: other types count their whole interval, overlaps or not.
      for (let j = lo; j < hi; j++) {
        const e = order[j]!;
        const type = kept.type[e]!;
        if (type === SERVICE) continue;
        const length = kept.end[e]! - kept.start[e]!;
        if (inMonth) line.byType[type]! += length;
        if (PAID_OTHER[type] === 1) this.dayPaid[d]! += length;
        else if (ABSENT[type] === 1) this.dayAbsent[d] = 1;
      }
      this.sweepDay(a, assistantId, d, lo, hi, inMonth, line);
    }
    // Rule 7: weeks whose Sunday is in the month; the period starts on a Monday and ends on the month's
    // last day, so those are exactly the whole weeks from the period's start.
    for (let monday = 0; monday + 6 < days; monday += 7) {
      let paid = 0;
      let absent = 0;
      for (let d = monday; d < monday + 7; d++) {
        paid += this.dayPaid[d]!;
        absent |= this.dayAbsent[d]!;
      }
      if (paid >= WEEKLY_HOLIDAY_THRESHOLD && absent === 0) {
        line.weeklyHoliday += Math.min(WEEKLY_HOLIDAY_CAP, Math.floor(paid / 5));
      }
    }
    return line;
  }

  /** Sweeps one assistant-day over its interval boundaries (rules 3 and 4) and reports its problems. */
  private sweepDay(
    a: number,
    assistantId: string,
    d: number,
    lo: number,
    hi: number,
    inMonth: boolean,
    line: MinuteLine,
  ) {
    const { kept } = this;
    const { order } = this.buckets;
    const max = this.settings.maxConcurrency;
    const openPerWorker = this.openPerWorker;
    const openWorkers = this.openWorkers;
    const openPerType = this.openPerType;

    // Event = time × span + (2 × local index + 1 for a start, + 0 for an end): one number sorts by time.
    // The order of events at the same time does not matter: segments are read only between times.
    const count = hi - lo;
    const eventCount = 2 * count;
    const span = eventCount;
    if (this.events.length < eventCount) this.events = new Float64Array(Math.max(eventCount, 2 * this.events.length));
    const events = this.events;
    for (let j = 0; j < count; j++) {
      const e = order[lo + j]!;
      events[2 * j] = kept.start[e]! * span + 2 * j + 1;
      events[2 * j + 1] = kept.end[e]! * span + 2 * j;
    }
    sortPrefix(events, eventCount);

    let open = 0;
    let duplicatedWorkers = 0;
    let overSegments: number[] | undefined;
    let overWorkers: Set<number> | undefined;
    let highest = 0;
    let duplicateSegments: Map<number, number[]> | undefined;
    let leaveSegments: number[] | undefined;
    let leaveTypes = 0;

    let i = 0;
    while (i < eventCount) {
      const time = Math.floor(events[i]! / span);
      do {
        const payload = events[i]! - time * span;
        const e = order[lo + (payload >> 1)]!;
        const type = kept.type[e]!;
        if (payload & 1) {
          open++;
          openPerType[type]!++;
          if (type === SERVICE) {
            const w = kept.worker[e]!;
            const before = openPerWorker[w]!++;
            if (before === 0) openWorkers.push(w);
            else if (before === 1) duplicatedWorkers++;
          }
        } else {
          open--;
          openPerType[type]!--;
          if (type === SERVICE) {
            const w = kept.worker[e]!;
            const before = openPerWorker[w]!--;
            if (before === 1) openWorkers.splice(openWorkers.indexOf(w), 1);
            else if (before === 2) duplicatedWorkers--;
          }
        }
        i++;
      } while (i < eventCount && Math.floor(events[i]! / span) === time);
      if (i === eventCount) break;

      const next = Math.floor(events[i]! / span);
      const minutes = next - time;
      const k = openWorkers.length;
      if (k > 0) {
        this.dayPaid[d]! += minutes;
        if (inMonth) line.service += minutes;
        if (k <= max) {
          if (inMonth) {
            line.byRatio[k]! += minutes;
            for (const w of openWorkers) this.credit(a, w, k, minutes);
          }
        } else {
          if (inMonth) line.overConcurrency += minutes;
          overSegments ??= [];
          overWorkers ??= new Set();
          appendSegment(overSegments, time, next);
          for (const w of openWorkers) overWorkers.add(w);
          if (k > highest) highest = k;
        }
        if (duplicatedWorkers > 0) {
          duplicateSegments ??= new Map();
          for (const w of openWorkers) {
            if (openPerWorker[w]! < 2) continue;
            const segments = duplicateSegments.get(w);
            if (segments === undefined) duplicateSegments.set(w, [time, next]);
            else appendSegment(segments, time, next);
          }
        }
      }
      if (open >= 2 && open > openPerType[SERVICE]!) {
        leaveSegments ??= [];
        appendSegment(leaveSegments, time, next);
        for (let type = 0; type < openPerType.length; type++) if (openPerType[type]! > 0) leaveTypes |= 1 << type;
      }
    }
    // Every interval has closed: the scratch counters are back to zero for the next day.

    const { workerIds, dayTexts, problems } = this.settings;
    const date = dayTexts[d]!;
    if (duplicateSegments !== undefined) {
      for (const [w, segments] of duplicateSegments) {
        problems.push(duplicateOverlap(assistantId, date, workerIds[w]!, segments));
      }
    }
    if (overSegments !== undefined && overWorkers !== undefined) {
      const ids = [...overWorkers].sort((x, y) => x - y).map((w) => workerIds[w]!);
      problems.push(overConcurrency(assistantId, date, overSegments, ids, highest, max));
    }
    if (leaveSegments !== undefined) {
      const types = ENTRY_TYPES.filter((_, type) => (leaveTypes & (1 << type)) !== 0) as EntryType[];
      problems.push(leaveServiceOverlap(assistantId, date, leaveSegments, types));
    }
  }

  /** Records that assistant a supported worker w for `minutes` in a segment of k workers (k ≤ max, in month). */
  private credit(a: number, w: number, k: number, minutes: number): void {
    let byWorker = this.workerMinutesByK[k];
    if (byWorker === undefined) {
      byWorker = new Float64Array(this.settings.workerIds.length);
      this.workerMinutesByK[k] = byWorker;
    }
    byWorker[w]! += minutes;
    if (this.lastPairAssistant[w] === a) {
      const list = this.pairMinutes[w]!;
      list[list.length - 1]! += minutes;
    } else {
      this.lastPairAssistant[w] = a;
      const assistants = this.pairAssistants[w];
      if (assistants === undefined) {
        this.pairAssistants[w] = [a];
        this.pairMinutes[w] = [minutes];
      } else {
        assistants.push(a);
        this.pairMinutes[w]!.push(minutes);
      }
    }
  }

  /** Rule 9: a worker's supported minutes and co-payment for the month. */
  workerCopay(
    w: number,
    rates: ScaledRates,
    exempt: boolean,
  ): { supportedMinutes: number; byRatio: Record<string, number>; copay: number } {
    let supportedMinutes = 0;
    let perHourMinutes = 0n; // Σ minutes_k × rate_k, scaled by 10^6
    // the worker's minutes by support ratio (SPEC §4.2), keyed as the assistant lines are
    const byRatio: Record<string, number> = {};
    for (let k = 1; k <= rates.maxConcurrency; k++) {
      const minutes = this.workerMinutesByK[k]?.[w] ?? 0;
      byRatio[String(k)] = minutes;
      if (minutes === 0) continue;
      supportedMinutes += minutes;
      perHourMinutes += BigInt(minutes) * rates.copayPerHourByRatio[k]!;
    }
    let copay = exempt ? 0n : perHourMinutes / (MINUTES_PER_HOUR * RATE_SCALE);
    if (rates.copayMonthlyCap !== null && copay > rates.copayMonthlyCap) copay = rates.copayMonthlyCap;
    return { supportedMinutes, byRatio, copay: toSafeNumber(copay, 'copay') };
  }
}

/** Sorts the first `length` numbers ascending; insertion sort for the usual handful of events. */
function sortPrefix(values: Float64Array, length: number): void {
  if (length > 32) {
    values.subarray(0, length).sort();
    return;
  }
  for (let i = 1; i < length; i++) {
    const value = values[i]!;
    let j = i - 1;
    while (j >= 0 && values[j]! > value) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = value;
  }
}

type BigAmounts = { [K in keyof Amounts]: bigint };

/** Rules 8 and 11 for one assistant. */
function assistantAmounts(line: MinuteLine, copay: bigint, rates: ScaledRates): BigAmounts {
  // payable minutes, scaled by 10^6 because premiums are decimals
  let payable = 0n;
  for (let k = 1; k <= rates.maxConcurrency; k++) payable += BigInt(line.byRatio[k]!) * rates.premiumByRatio[k]!;
  let paidOther = line.weeklyHoliday;
  for (const type of PAID_OTHER_CODES) paidOther += line.byType[type]!;
  payable += BigInt(paidOther) * RATE_SCALE;
  const pay = (rates.hourlyWage * payable) / (MINUTES_PER_HOUR * RATE_SCALE * RATE_SCALE);
  const net = pay - copay;
  const health = mulFloor(pay, rates.health);
  const socialInsurance =
    mulFloor(pay, rates.pension) +
    health +
    mulFloor(health, rates.longTermCare) +
    mulFloor(pay, rates.employment) +
    mulFloor(pay, rates.industrialAccident);
  const operatingCost = mulFloor(pay, rates.operatingCostRate);
  const severance = mulFloor(pay, rates.severanceRate);
  return {
    pay,
    copay,
    net,
    socialInsurance,
    operatingCost,
    severance,
    total: net + socialInsurance + operatingCost + severance,
  };
}

function amountsOutput(amounts: BigAmounts): Amounts {
  return {
    pay: toSafeNumber(amounts.pay, 'pay'),
    copay: toSafeNumber(amounts.copay, 'copay'),
    net: toSafeNumber(amounts.net, 'net'),
    socialInsurance: toSafeNumber(amounts.socialInsurance, 'socialInsurance'),
    operatingCost: toSafeNumber(amounts.operatingCost, 'operatingCost'),
    severance: toSafeNumber(amounts.severance, 'severance'),
    total: toSafeNumber(amounts.total, 'total'),
  };
}

function minutesOutput(line: MinuteLine, maxConcurrency: number): AssistantLine['minutes'] {
  const byRatio: Record<string, number> = {};
  for (let k = 1; k <= maxConcurrency; k++) byRatio[String(k)] = line.byRatio[k]!;
  const byType = (type: EntryType) => line.byType[ENTRY_TYPES.indexOf(type)]!;
  return {
    service: line.service,
    byRatio,
    overConcurrency: line.overConcurrency,
    weeklyHoliday: line.weeklyHoliday,
    paidLeave: byType('paidLeave'),
    holiday: byType('holiday'),
    officialLeave: byType('officialLeave'),
    training: byType('training'),
    unpaidLeave: byType('unpaidLeave'),
    absence: byType('absence'),
  };
}
