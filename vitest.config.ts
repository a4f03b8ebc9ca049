import { defineConfig } from 'vitest/config';

// Unit tests run without a build; site tests (build output and browser) share one fixture build.
// Heavy fixtures are made once in each project's globalSetup. A test that does heavy work (renders
// or generates a corpus, starts a process, builds an index) passes an explicit timeout, so no test
// depends on an idle machine: `npx vitest run --project unit --testTimeout=1000 --hookTimeout=2000`
// (every other test on a machine five times busier) must pass too.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], globalSetup: ['tests/setup/unit-fixtures.ts'] } },
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/build-fixtures.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
