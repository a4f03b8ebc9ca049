import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that take longest (each 25 s or more on a 2-core machine), longest first.
 * Vitest orders files by the durations it cached on the last run, and a fresh clone has none, so
 * it would start them in an order of file sizes and might leave one of these to run alone at the
 * end. Measured with the JSON reporter; keep the list in step when a file grows or shrinks.
 */
const LONGEST = [
  'tests/e2e/search-oracle.test.ts',
  'tests/e2e/hostile.test.ts',
  'tests/e2e/search.test.ts',
  'tests/build/import-output.test.ts',
  'tests/build/bench.test.ts',
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
