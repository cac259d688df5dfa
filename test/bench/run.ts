// `npm run bench` (node --expose-gc --import tsx test/bench/run.ts [name …]): runs every bench module
// listed below, or only those named on the command line. Benches print their figures; they never fail
// on timing. To add one, write test/bench/<name>.ts exporting `run(): Promise<void>` and list it here.

export interface BenchModule {
  run(): Promise<void>;
}

const BENCHES: Record<string, () => Promise<BenchModule>> = {
  'claims-engine': () => import('./claims-engine.ts'),
  'attendance-import': () => import('./attendance-import.ts'),
};

async function main(names: string[]): Promise<void> {
  const unknown = names.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    console.error(`Unknown bench: ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}`);
    process.exitCode = 1;
    return;
  }
  if (!(globalThis as { gc?: unknown }).gc) console.warn('(run with --expose-gc for steadier timings)');
  for (const name of names.length > 0 ? names : Object.keys(BENCHES)) {
    const bench = await BENCHES[name]!();
    await bench.run();
  }
}

await main(process.argv.slice(2));
