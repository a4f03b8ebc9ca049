import * as pagefind from 'pagefind';
import type { SearchRecord } from '../lib/search-records.ts';

// Pagefind's Node API over custom records: createIndex, add every record, write, close.

/** Throws when Pagefind reports errors, naming the step that failed. */
function assertNoErrors(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** Indexes the records and writes the bundle into `outputPath`. */
export async function buildSearchIndex(
  records: SearchRecord[],
  outputPath: string,
): Promise<{ pages: number; seconds: number }> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({});
    assertNoErrors('createIndex', errors);
    if (!index) throw new Error('Pagefind returned no index');
    const added = await Promise.all(records.map((r) => index.addCustomRecord(r)));
    assertNoErrors(
      'indexing',
      added.flatMap((a) => a.errors),
    );
    const written = await index.writeFiles({ outputPath });
    assertNoErrors('writing', written.errors);
    return { pages: records.length, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pagefind.close();
  }
}
