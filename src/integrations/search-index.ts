import { deathSince, indexerDeath, processMark } from './pagefind-process.ts';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../lib/search-records.ts';

// Pagefind's Node API over custom records: createIndex, add every record, write, close.

/** Throws when Pagefind reports errors, naming the step that failed. */
function assertNoErrors(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** Adds every record, a bounded number in flight (100,000 at once overflow the service's pipe). */
async function addAll(index: pagefind.PagefindIndex, records: Iterable<SearchRecord>): Promise<number> {
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
  return pages;
}

/** The indexing itself: create, add every record, write. */
async function index(records: Iterable<SearchRecord>, outputPath: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  assertNoErrors('createIndex', errors);
  if (!index) throw new Error('Pagefind returned no index');
  const pages = await addAll(index, records);
  assertNoErrors('writing', (await index.writeFiles({ outputPath })).errors);
  return pages;
}

/** Indexes the records and writes the bundle into `outputPath`; fails if the indexer dies. */
export async function buildSearchIndex(
  records: Iterable<SearchRecord>,
  outputPath: string,
): Promise<{ pages: number; seconds: number }> {
  const started = performance.now();
  const mark = processMark();
  const death = indexerDeath(mark);
  try {
    const pages = await Promise.race([index(records, outputPath), death.promise]);
    await pagefind.close();
    return { pages, seconds: (performance.now() - started) / 1000 };
  } catch (err) {
    // A killed indexer first shows as a broken pipe; its exit status follows a moment later.
    for (let i = 0; i < 20 && !deathSince(mark); i++) await new Promise((r) => setTimeout(r, 100));
    throw deathSince(mark) ?? err;
  } finally {
    death.stop();
  }
}
