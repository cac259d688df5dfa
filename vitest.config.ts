import { defineConfig } from 'vitest/config';

// Four tiers, one runner. Integration and browser tiers start their own local stack on free ports
// (see test/support/stack.ts), so they run one file at a time to stay within a 2-core machine.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          env: { POWERTOOLS_LOG_LEVEL: 'SILENT' },
          // a few unit tests build PDFs or spawn the claim command: seconds on a busy 2-core machine
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: { name: 'cdk', include: ['test/cdk/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 240_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
