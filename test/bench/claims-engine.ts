// Claim-engine bench (issue 8 §6): a generated month of 2,000 assistants, 5,000 workers and about
// 150,000 entries. The figure is engine time ÷ (JSON.parse of the same input + sorting its entries by
// assistant, date, start), measured in the same run; the target is at most 3. Prints, never fails.

import { computeClaim } from '#functions/claims/engine/engine';
import { type ClaimEntry, type ClaimInput, ClaimInputSchema } from '#functions/claims/engine/schema';
import { generateMonth } from './claims-data.ts';
import { collectGarbage, count, mb, ms, peakRss, time } from './measure.ts';

const RUNS = 5;
const TARGET_RATIO = 3;

function byAssistantDateStart(a: ClaimEntry, b: ClaimEntry): number {
  if (a.assistantId !== b.assistantId) return a.assistantId < b.assistantId ? -1 : 1;
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}

export async function run(): Promise<void> {
  const input = generateMonth({ assistants: 2000, workers: 5000, seed: 8 });
  const text = JSON.stringify(input);
  console.log(
    `claims-engine: ${input.month}, ${count(input.assistants.length)} assistants, ${count(input.workers.length)} workers, ` +
      `${count(input.entries.length)} entries in random order (${mb(text.length)} of JSON)`,
  );

  const parseAndSort = time(
    RUNS,
    () => text,
    (json) => (JSON.parse(json) as ClaimInput).entries.sort(byAssistantDateStart),
  );
  let heapPeak = 0;
  let result: ReturnType<typeof computeClaim> | undefined;
  const engine = time(
    RUNS,
    () => JSON.parse(text) as ClaimInput,
    (parsed) => {
      result = computeClaim(parsed);
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    },
  );
  const validation = time(
    RUNS,
    () => JSON.parse(text) as unknown,
    (parsed) => ClaimInputSchema.parse(parsed),
  );
  const ratio = engine.median / parseAndSort.median;

  console.log(
    `  parse + sort entries (assistant, date, start)  median ${ms(parseAndSort.median)}  min ${ms(parseAndSort.min)}`,
  );
  console.log(`  engine computeClaim                            median ${ms(engine.median)}  min ${ms(engine.min)}`);
  console.log(
    `  ratio engine / (parse + sort): ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})`,
  );
  console.log(
    `  for information: zod input validation median ${ms(validation.median)} (the command runs it before the engine)`,
  );
  if (result) {
    console.log(
      `  result: ${count(result.problems.length)} problems, claim total ${count(result.totals.total)} won, ` +
        `${mb(JSON.stringify(result).length)} of JSON`,
    );
  }
  collectGarbage();
  const memory = process.memoryUsage();
  console.log(
    `  memory: peak RSS ${mb(peakRss())} (whole bench process), heap used after the engine ≤ ${mb(heapPeak)}, ` +
      `now rss ${mb(memory.rss)} heap ${mb(memory.heapUsed)}`,
  );
}
