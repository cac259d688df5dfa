// `npm start`: the whole product on 127.0.0.1, with demo data, no Docker and no download.
//   npm start                        web and API on http://127.0.0.1:3000, data kept in .local-data/
//   npm start -- --reset             start from empty data (demo data is seeded again)
//   npm start -- --port 3100         another web port
//   npm start -- --today 2027-01-04  run as if that were today in Korea (as PLATFORM_TODAY=… does)
// Flags used by the test harness (test/support/stack.ts): --data-dir <dir>, --free-ports,
// --no-seed, --ready-json (one machine-readable line when ready), --stop-on-stdin-end.
//
// This file only pins the day: the demo data and the handlers read the clock as their modules load,
// so the rest (local/run-stack.ts) is imported after PLATFORM_TODAY is set.
import * as clock from '#kernel/clock';

const at = process.argv.indexOf('--today');
const asked = at >= 0 ? process.argv[at + 1] : process.argv.find((a) => a.startsWith('--today='))?.slice(8);
if (asked !== undefined) process.env[clock.PINNED_DAY_VARIABLE] = asked;
const pinned = process.env[clock.PINNED_DAY_VARIABLE]?.trim();
try {
  clock.pinToday(pinned || undefined);
} catch {
  process.stdout.write(
    `--today(또는 ${clock.PINNED_DAY_VARIABLE}) 값 "${pinned}"은(는) 날짜가 아닙니다. 2027-01-04처럼 YYYY-MM-DD로 적어 주세요.\n`,
  );
  process.exit(2);
}

await import('./run-stack.ts');
