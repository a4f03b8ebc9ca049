import * as pagefind from 'pagefind';
import type { SearchRecord } from '../lib/search-records.ts';

// Pagefind's Node API over custom records: createIndex, add every record, write, close.

/** Throws when Pagefind reports errors, naming the step that failed. */
function assertNoErrors(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** Indexes the records and writes the bundle into `outputPath`. */
export async function buildSearchIndex(
  records: Iterable<SearchRecord>,
  outputPath: string,
): Promise<{ pages: number; seconds: number }> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({});
    assertNoErrors('createIndex', errors);
    if (!index) throw new Error('Pagefind returned no index');
    // A bounded number of records in flight: sending 100,000 at once overflows the service's pipe.
    const failures: string[] = [];
    const queue = records[Symbol.iterator]();
    let pages = 0;
    const worker = async () => {
      for (let r = queue.next(); !r.done; r = queue.next()) {
        pages++;
        failures.push(...(await index.addCustomRecord(r.value)).errors);
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    assertNoErrors('indexing', failures);
    const written = await index.writeFiles({ outputPath });
    assertNoErrors('writing', written.errors);
    return { pages, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pagefind.close();
  }
}
