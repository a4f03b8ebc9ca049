import { execSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildSearchIndex } from '../../src/integrations/search-index.ts';
import type { SearchRecord } from '../../src/lib/search-records.ts';

// If Pagefind's indexer process dies (the kernel kills it when memory runs out), the build must
// fail with a clear message, not finish without a search index. The normal build runs first:
// after a kill, Pagefind's Node API does not start a new indexer in the same process.

/** A few records; the i-th can run a side effect first. */
function* records(n: number, before: (i: number) => void = () => {}): Generator<SearchRecord> {
  for (let i = 0; i < n; i++) {
    before(i);
    yield { url: `/a/${i}/`, content: `words number ${i}`, language: 'en', meta: { title: `A ${i}` }, filters: {} };
  }
}

const root = await mkdtemp(path.join(tmpdir(), 'pagefind-'));
afterAll(() => rm(root, { recursive: true, force: true }));

test('a normal index build reports its page count', async () => {
  const out = path.join(root, 'ok');
  expect((await buildSearchIndex(records(20), out)).pages).toBe(20);
});

test('a killed indexer fails the index build with a clear message', async () => {
  const out = path.join(root, 'killed');
  const killHalfway = (i: number) => i === 200 && execSync('pkill -KILL -x pagefind_extend');
  await expect(buildSearchIndex(records(400, killHalfway), out)).rejects.toThrow(
    /Pagefind's indexer stopped \(SIGKILL\): most likely out of memory/,
  );
}, 30_000);
