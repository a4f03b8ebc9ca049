import { configDefaults, defineConfig } from 'vitest/config';
import LongestFirst from './tests/setup/sequencer.ts';

// Unit tests run without a build; site tests (build output and browser) share one fixture build.
// Heavy fixtures are made once in each project's globalSetup. Both projects run two files at a
// time (vitest's default on two cores is one, and projects with different limits run one after
// the other): a site file that builds uses its own content, output and cache folders, so builds
// may overlap. A test that does heavy work (renders or generates a corpus, starts a process,
// builds an index) passes an explicit timeout, so no test depends on an idle machine:
// `npx vitest run --project unit --testTimeout=1000 --hookTimeout=2000` (every other test on a
// machine five times busier) must pass too.
export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          globalSetup: ['tests/setup/unit-fixtures.ts'],
          maxWorkers: 2,
          // Unit files share their worker's modules instead of loading the importer, the renderer
          // and their libraries again for each file (a third of the unit project's time). A file
          // that changes something process-wide puts it back in afterAll/afterEach (vi.stubEnv,
          // vi.restoreAllMocks). A test that breaks what others share (killing the Pagefind indexer
          // that the Pagefind module keeps for its whole process) belongs with the site tests,
          // which keep one process per file.
          isolate: false,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          // The check that many index parts answer as one index builds a generated archive twice
          // and asks it 54 queries in three orders: minutes of work, so it runs on its own
          // (`npm run check:search-parts`), not in every test run.
          exclude: [
            ...configDefaults.exclude,
            ...(process.env.SEARCH_AGREE_ARTICLES ? [] : ['tests/e2e/search-parts-agree.test.ts']),
          ],
          globalSetup: ['tests/setup/build-fixtures.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A page's answer may take more than vitest's default second to settle on a busy machine.
          expect: { poll: { timeout: 10_000 } },
          maxWorkers: 2,
        },
      },
      // The benchmark run end to end at 30 articles (three builds, 50 timed searches in Chromium,
      // the large diffs measured three times each) is a benchmark's work rather than a test's: it
      // runs on its own (`npm run check:bench`), without the fixture builds it does not use.
      ...(process.env.BENCH_CHECK ? [{ test: { name: 'bench', include: ['tests/bench/**/*.test.ts'] } }] : []),
    ],
  },
});
