// Property tests: the contract's invariants, plus agreement with a naive per-minute reading of the
// rules (oracle.ts) on random small months full of overlaps, bad entries and ratio limits.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeClaim } from '#functions/claims/engine/engine';
import type { ClaimEntry, ClaimInput, ClaimOutput } from '#functions/claims/engine/schema';
import { entryProblem, isoDay, oracle, oraclePeriod } from './oracle.ts';
import { exampleRates, problemKeys } from './support.ts';

const ASSISTANTS = ['A1', 'A2', 'A3'];
const WORKERS = ['W1', 'W2', 'W3', 'W4', 'W5'];
const TYPES = ['paidLeave', 'holiday', 'officialLeave', 'training', 'unpaidLeave', 'absence'] as const;

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A start minute and a length, mostly on a quarter-hour grid in working hours so entries collide. */
const interval = fc
  .oneof(
    {
      weight: 4,
      arbitrary: fc.tuple(
        fc.integer({ min: 32, max: 72 }).map((q) => q * 15),
        fc.integer({ min: 1, max: 16 }).map((q) => q * 15),
      ),
    },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 600 })) },
  )
  .map(([start, length]) => [start, Math.min(1440, start + length)] as const);

const entry = (month: string, valid: boolean): fc.Arbitrary<ClaimEntry> => {
  const period = oraclePeriod(month);
  const days = period.last - period.start + 1;
  // Few distinct days so that entries of one assistant meet on the same day.
  const dayOffsets = [0, 1, 2, 6, 7, 8, 9, days - 1, days - 2, Math.floor(days / 2)];
  const date = valid
    ? fc.constantFrom(...dayOffsets).map((d) => isoDay(period.start + d))
    : fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...dayOffsets).map((d) => isoDay(period.start + d)) },
        { weight: 1, arbitrary: fc.constantFrom(-1, days, days + 5).map((d) => isoDay(period.start + d)) },
        { weight: 1, arbitrary: fc.constantFrom(`${month}-32`, `${month}-00`, '2026-02-29', '2026-13-01') },
      );
  const times = valid
    ? interval.map(([start, end]) => [hhmm(start), hhmm(end)] as const)
    : fc.oneof(
        { weight: 9, arbitrary: interval.map(([start, end]) => [hhmm(start), hhmm(end)] as const) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            ['24:00', '24:00'],
            ['10:00', '09:00'],
            ['09:00', '09:00'],
            ['25:00', '26:00'],
            ['09:00', '24:01'],
            ['09:60', '10:00'],
          ),
        },
      );
  const assistantId = valid ? fc.constantFrom(...ASSISTANTS) : fc.constantFrom(...ASSISTANTS, 'AX');
  const workerId = valid ? fc.constantFrom(...WORKERS) : fc.constantFrom(...WORKERS, 'WX');
  const type = fc.oneof(
    { weight: 6, arbitrary: fc.constant('service' as const) },
    { weight: 2, arbitrary: fc.constantFrom(...TYPES) },
  );
  return fc
    .record({ assistantId, workerId, date, times, type })
    .map(({ assistantId, workerId, date, times, type }) =>
      type === 'service'
        ? { assistantId, workerId, date, start: times[0], end: times[1], type }
        : { assistantId, date, start: times[0], end: times[1], type },
    );
};

const claim = (valid = false): fc.Arbitrary<ClaimInput> =>
  fc
    .record({
      month: fc.constantFrom('2026-03', '2026-06', '2028-02', '2026-11'),
      maxConcurrency: fc.integer({ min: 1, max: 4 }),
      cap: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
      exempt: fc.subarray(WORKERS, { maxLength: 2 }),
      premium: fc.constantFrom(1, 1.25, 1.333333),
    })
    .chain(({ month, maxConcurrency, cap, exempt, premium }) =>
      fc.array(entry(month, valid), { maxLength: 40 }).map((entries): ClaimInput => {
        const ratios = Array.from({ length: maxConcurrency }, (_, i) => String(i + 1));
        return {
          month,
          rates: {
            ...exampleRates(),
            maxConcurrency,
            premiumByRatio: Object.fromEntries(ratios.map((k) => [k, k === '1' ? 1 : premium])),
            copayPerHourByRatio: Object.fromEntries(ratios.map((k) => [k, Math.floor(300 / Number(k))])),
            copayMonthlyCap: cap,
          },
          assistants: ASSISTANTS.map((id) => ({ id })),
          workers: WORKERS.map((id) => ({ id, copayExempt: exempt.includes(id) })),
          entries,
        };
      }),
    );

const RUNS = { numRuns: 150 };

function engineAsOracle(input: ClaimInput, output: ClaimOutput) {
  const assistants: Record<string, Record<string, number>> = {};
  for (const line of output.assistants) {
    const { byRatio, ...rest } = line.minutes;
    assistants[line.id] = { ...rest };
    for (let k = 1; k <= input.rates.maxConcurrency; k++) assistants[line.id]![`byRatio${k}`] = byRatio[String(k)]!;
  }
  const workers = Object.fromEntries(output.workers.map(({ id, ...rest }) => [id, rest]));
  return { assistants, workers, problems: problemKeys(output.problems).sort() };
}

describe('claim engine properties', () => {
  it('agrees with a per-minute reading of the rules', () => {
    fc.assert(
      fc.property(claim(), (input) => {
        expect(engineAsOracle(input, computeClaim(input))).toEqual(oracle(input));
      }),
      RUNS,
    );
  });

  it('conserves co-payments: Σ workers’ copay = Σ assistants’ copay = totals.copay', () => {
    fc.assert(
      fc.property(claim(), (input) => {
        const output = computeClaim(input);
        const byWorkers = output.workers.reduce((sum, w) => sum + w.copay, 0);
        const byAssistants = output.assistants.reduce((sum, a) => sum + a.amounts.copay, 0);
        expect(byAssistants).toBe(byWorkers);
        expect(output.totals.copay).toBe(byWorkers);
      }),
      RUNS,
    );
  });

  it('splits service exactly: Σ byRatio + overConcurrency = service, and Σ supported = Σ k × byRatio[k]', () => {
    fc.assert(
      fc.property(claim(), (input) => {
        const output = computeClaim(input);
        let workerMinutes = 0;
        for (const line of output.assistants) {
          const ratios = Object.entries(line.minutes.byRatio);
          expect(ratios.reduce((sum, [, m]) => sum + m, 0) + line.minutes.overConcurrency).toBe(line.minutes.service);
          workerMinutes += ratios.reduce((sum, [k, m]) => sum + Number(k) * m, 0);
        }
        expect(output.workers.reduce((sum, w) => sum + w.supportedMinutes, 0)).toBe(workerMinutes);
      }),
      RUNS,
    );
  });

  it('keeps the money identities: total = net + insurance + operating + severance; totals are sums', () => {
    fc.assert(
      fc.property(claim(), (input) => {
        const output = computeClaim(input);
        const keys = ['pay', 'copay', 'net', 'socialInsurance', 'operatingCost', 'severance', 'total'] as const;
        for (const { amounts: a } of output.assistants) {
          expect(a.net).toBe(a.pay - a.copay);
          expect(a.total).toBe(a.net + a.socialInsurance + a.operatingCost + a.severance);
          expect(a.pay).toBeGreaterThanOrEqual(0);
          expect(a.copay).toBeGreaterThanOrEqual(0);
        }
        for (const key of keys)
          expect(output.totals[key]).toBe(output.assistants.reduce((s, a) => s + a.amounts[key], 0));
        for (const worker of output.workers) {
          const exempt = input.workers.find((w) => w.id === worker.id)!.copayExempt;
          if (exempt) expect(worker.copay).toBe(0);
          if (input.rates.copayMonthlyCap !== null)
            expect(worker.copay).toBeLessThanOrEqual(input.rates.copayMonthlyCap);
        }
      }),
      RUNS,
    );
  });

  it('lists every assistant and worker of the input once, sorted by id', () => {
    fc.assert(
      fc.property(claim(), (input) => {
        const output = computeClaim(input);
        expect(output.assistants.map((a) => a.id)).toEqual(input.assistants.map((a) => a.id).sort());
        expect(output.workers.map((w) => w.id)).toEqual(input.workers.map((w) => w.id).sort());
      }),
      RUNS,
    );
  });

  it('does not depend on the order of entries, assistants or workers', () => {
    fc.assert(
      fc.property(claim(), fc.infiniteStream(fc.nat()), (input, randomness) => {
        const shuffle = <T>(list: T[]): T[] => {
          const copy = [...list];
          const rng = randomness[Symbol.iterator]();
          for (let i = copy.length - 1; i > 0; i--) {
            const j = rng.next().value! % (i + 1);
            [copy[i], copy[j]] = [copy[j]!, copy[i]!];
          }
          return copy;
        };
        const shuffled = {
          ...input,
          assistants: shuffle(input.assistants),
          workers: shuffle(input.workers),
          entries: shuffle(input.entries),
        };
        expect(computeClaim(shuffled)).toEqual(computeClaim(input));
      }),
      RUNS,
    );
  });

  it('gives the same result, messages included, when an entry is split in two at any minute', () => {
    fc.assert(
      fc.property(claim(), fc.nat(), fc.nat(), (input, which, where) => {
        const splittable = input.entries
          .map((e, i) => ({ e, i }))
          .filter(({ e }) => entryProblem(input, e) === undefined && minutesOf(e.end) - minutesOf(e.start) >= 2);
        fc.pre(splittable.length > 0);
        const { e, i } = splittable[which % splittable.length]!;
        const start = minutesOf(e.start);
        const at = start + 1 + (where % (minutesOf(e.end) - start - 1));
        const entries = [...input.entries];
        entries.splice(i, 1, { ...e, end: hhmm(at) }, { ...e, start: hhmm(at) });
        expect(computeClaim({ ...input, entries })).toEqual(computeClaim(input));
      }),
      RUNS,
    );
  });

  it('counts valid months without any problem when entries never meet', () => {
    // One entry per assistant and day: nothing can overlap, so the only problems are none at all.
    fc.assert(
      fc.property(claim(true), (input) => {
        const seen = new Set<string>();
        const entries = input.entries.filter((e) => {
          const key = `${e.assistantId}|${e.date}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        const output = computeClaim({ ...input, entries });
        expect(output.problems).toEqual([]);
        const minutes = entries.reduce((sum, e) => sum + minutesOf(e.end) - minutesOf(e.start), 0);
        const period = oraclePeriod(input.month);
        const inMonth = entries
          .filter((e) => e.date >= isoDay(period.first))
          .reduce((sum, e) => sum + minutesOf(e.end) - minutesOf(e.start), 0);
        const counted = output.assistants.reduce(
          (sum, a) =>
            sum +
            a.minutes.service +
            a.minutes.paidLeave +
            a.minutes.holiday +
            a.minutes.officialLeave +
            a.minutes.training +
            a.minutes.unpaidLeave +
            a.minutes.absence,
          0,
        );
        expect(counted).toBe(inMonth);
        expect(counted).toBeLessThanOrEqual(minutes);
      }),
      RUNS,
    );
  });
});

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
