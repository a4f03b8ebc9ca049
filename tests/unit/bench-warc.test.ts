import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runWarcBench } from '../../bench/warc-crawl.ts';
import { readWebArchive } from '../../src/import/web-archive.ts';

// The web-archive import benchmark, run small to check that it works (its timings are not
// looked at here: performance is measured by `npm run bench:warc`, see docs/performance.md).

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

test('a generated crawl of 15 articles, some captured twice, imports as articles and versions', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-warc-'));
  scratch.push(dir);
  const r = await runWarcBench(dir, { articles: 15, twice: 0.3, seed: 7 });
  expect(r.crawl.secondCaptures).toBeGreaterThan(0);
  // The crawl holds what the benchmark says, counted by a reader of its own.
  let pages = 0;
  let records = 0;
  await readWebArchive(r.crawl.file, 20_000_000, {
    page: () => {
      pages++;
      records++;
      return Promise.resolve();
    },
    skipped: () => records++,
  });
  expect(pages).toBe(r.crawl.captures);
  expect(records).toBe(r.crawl.records);
  expect(r).toMatchObject({ recordsRead: r.crawl.records, imported: 15, versions: r.crawl.secondCaptures, failed: 0 });
  expect(r.peakBytes).toBeGreaterThan(0);
}, 120_000); // generates a crawl and imports it in a process of its own
