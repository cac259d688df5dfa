#!/usr/bin/env bash
# The one test command (npm test): static checks, then the four vitest tiers in order, each tier
# on its own so that the integration and browser tiers (which start whole local stacks) never
# compete for the machine's two cores. Ends with a plain "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
bash scripts/system-deps.sh java chromium || exit 1
mkdir -p test-results

failed_step=""
step() {
  local name="$1"; shift
  echo "── $name"
  if ! "$@"; then failed_step="${failed_step} ${name}"; fi
}

step typecheck tsc --noEmit -p tsconfig.json
step lint biome check .
for project in unit cdk integration browser; do
  step "$project" vitest run --project "$project" --reporter=default --reporter=json \
    --outputFile.json="test-results/$project.json"
done

node scripts/test-summary.mjs test-results/unit.json test-results/cdk.json test-results/integration.json test-results/browser.json
if [ -n "$failed_step" ]; then
  echo "failed steps:${failed_step}"
  exit 1
fi
