import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that take longest, longest first (the eleven longest of a whole run on a 2-core
 * machine; docs/performance.md, "The test command", has their figures).
 * Vitest orders files by the durations it cached on the last run, and a fresh clone has none, so
 * it would start them in an order of file sizes and might leave one of these to run alone at the
 * end. Read from the durations vitest caches; keep the list in step when a file grows or shrinks.
 */
const LONGEST = [
  'tests/build/site-address.test.ts',
  'tests/e2e/search-oracle.test.ts',
  'tests/build/import-output.test.ts',
  'tests/e2e/search-oracle-versions-languages-days.test.ts',
  'tests/e2e/search-oracle-shown-once.test.ts',
  'tests/e2e/hostile.test.ts',
  'tests/e2e/search.test.ts',
  'tests/e2e/search-page-reader.test.ts',
  'tests/e2e/search-oracle-authors.test.ts',
  'tests/e2e/csp.test.ts',
  'tests/e2e/search-oracle-query.test.ts',
].map((file) => path.resolve(file));

/** Vitest's own order (failed first, then longest cached), with the files known to be longest first. */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const i = LONGEST.indexOf(path.resolve(spec.moduleId));
      return i < 0 ? LONGEST.length : i;
    };
    return (await super.sort(files)).toSorted((a, b) => rank(a) - rank(b));
  }
}
