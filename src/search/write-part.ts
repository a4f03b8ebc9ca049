import * as pagefind from 'pagefind';
import type { SearchRecord } from './contract.ts';
import { watchIndexer, type IndexerWatch } from './pagefind-process.ts';

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

/** The indexing itself, on an index just created: add every record, write. */
async function index(
  created: Promise<pagefind.NewIndexResponse>,
  records: Iterable<SearchRecord>,
  outputPath: string,
): Promise<number> {
  const { index, errors } = await created;
  assertNoErrors('createIndex', errors);
  if (!index) throw new Error('Pagefind returned no index');
  const pages = await addAll(index, records);
  assertNoErrors('writing', (await index.writeFiles({ outputPath })).errors);
  return pages;
}

/**
 * Indexes the records and writes the bundle into `outputPath`, in a Pagefind indexer process of
 * its own (closed at the end, whatever happened).
 *
 * @returns the number of pages indexed and the time taken in seconds.
 * @throws Error naming the step when Pagefind reports errors, and "Pagefind's indexer stopped"
 *   when its process dies (such as when the kernel kills it for want of memory).
 */
export async function buildSearchIndex(
  records: Iterable<SearchRecord>,
  outputPath: string,
): Promise<{ pages: number; seconds: number }> {
  const started = performance.now();
  let indexer: IndexerWatch | undefined;
  try {
    const watched = watchIndexer(() => pagefind.createIndex({}));
    indexer = watched.indexer;
    const pages = await Promise.race([index(watched.started, records, outputPath), indexer.death]);
    return { pages, seconds: (performance.now() - started) / 1000 };
  } catch (err) {
    // A killed indexer first shows as a broken pipe; its exit status follows a moment later.
    for (let i = 0; i < 20 && indexer && !indexer.deathNow(); i++) await new Promise((r) => setTimeout(r, 100));
    throw indexer?.deathNow() ?? err;
  } finally {
    indexer?.stop();
    await pagefind.close();
  }
}
