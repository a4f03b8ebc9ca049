import { defineConfig } from 'vitest/config';

// Unit tests run without a build; site tests (build output and browser) share one fixture build.
// Heavy fixtures are made once in each project's globalSetup. Both projects run two files at a
// time (vitest's default on two cores is one, and projects with different limits run one after
// the other): a site file that builds uses its own content, output and cache folders, so builds
// may overlap. A test that does heavy work (renders or generates a corpus, starts a process,
// builds an index) passes an explicit timeout, so no test depends on an idle machine:
// `npx vitest run --project unit --testTimeout=1000 --hookTimeout=2000` (every other test on a
// machine five times busier) must pass too.
/**
 * Unit files that need a process of their own: search-index.test.ts kills the Pagefind indexer
 * that the Pagefind module shares with every other file in its process.
 */
const OWN_PROCESS = ['tests/unit/search-index.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: OWN_PROCESS,
          globalSetup: ['tests/setup/unit-fixtures.ts'],
          maxWorkers: 2,
          // Unit files share their worker's modules instead of loading the importer, the renderer
          // and their libraries again for each file (a third of the unit project's time). A file
          // that changes something process-wide puts it back in afterAll/afterEach (vi.stubEnv,
          // vi.restoreAllMocks); one that breaks what others share runs in its own process below.
          isolate: false,
        },
      },
      {
        test: {
          name: 'unit-own-process',
          include: OWN_PROCESS,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/build-fixtures.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A page's answer may take more than vitest's default second to settle on a busy machine.
          expect: { poll: { timeout: 10_000 } },
          maxWorkers: 2,
        },
      },
    ],
  },
});
