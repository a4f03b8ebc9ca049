import { spawnSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { BenchResult } from '../../bench/run-bench.ts';
import { TMP } from '../helpers/paths.ts';

// The benchmark runs end to end at a tiny size and produces every figure (the targets are
// checked by running it at 10,000 articles and reading the table, not here). 30 articles and 25
// people are the least that still give its 50 search queries (25 names, 25 topic words).

test('npm run bench at 30 articles prints the table and writes every figure as JSON', async () => {
  const dir = path.join(TMP, 'bench');
  // From nothing, corpus included: no global setup empties the scratch folder before this file.
  await rm(dir, { recursive: true, force: true });
  const run = spawnSync(process.execPath, ['scripts/bench.ts', '--articles', '30', '--people', '25', '--dir', dir], {
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('| cold build, pages and search index |');
  expect(run.stdout).toContain('| search: typing to results, 95th percentile |');
  const result = JSON.parse(await readFile(path.join(dir, 'results-30.json'), 'utf8')) as BenchResult;
  const numbers = [
    result.cold.seconds,
    result.cold.indexSeconds,
    result.cold.peakMemoryBytes,
    result.rebuildAfterEdit.seconds,
    result.rebuildAfterAdd.seconds,
    result.size.distBytes,
    result.size.pagefindBytes,
    result.size.articlePageGzipBytes,
    result.search?.firstResultsBytes,
    result.search?.medianMs,
    result.search?.p95Ms,
  ];
  for (const n of numbers) expect(n).toBeGreaterThan(0);
  expect(result.size.articlePages).toBe(31); // sizes are read after the last build, which added one article
  expect(result.size.articlePageScripts).toBe(0);
  expect(result.search?.queries).toBe(50);
}, 300_000);
