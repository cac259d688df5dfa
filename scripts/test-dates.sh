#!/usr/bin/env bash
# `npm run test:dates`: the integration and browser tiers on four pinned days (PLATFORM_TODAY), the
# days a calendar bug shows: the last day of a year, the first working week of January (last month is
# last year's December), the 1st of a month after a short February, and a leap day. One line a day.
# Not part of `npm test`, for time (about 20 minutes a day on 2 cores).
#   npm run test:dates                       all four days
#   npm run test:dates -- 2027-01-04         chosen days
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
bash scripts/system-deps.sh java chromium || exit 1
mkdir -p test-results/dates

days=("$@")
[ ${#days[@]} -eq 0 ] && days=(2026-12-31 2027-01-04 2027-03-01 2028-02-29)

summary=()
status=0
for day in "${days[@]}"; do
  echo "── PLATFORM_TODAY=$day"
  began=$SECONDS
  for project in integration browser; do
    PLATFORM_TODAY="$day" vitest run --project "$project" --reporter=default --reporter=json \
      --outputFile.json="test-results/dates/$day-$project.json" || status=1
  done
  line=$(node scripts/test-summary.mjs "test-results/dates/$day-integration.json" "test-results/dates/$day-browser.json")
  summary+=("$day: $line ($((SECONDS - began)) s)")
done

echo
printf '%s\n' "${summary[@]}"
exit $status
