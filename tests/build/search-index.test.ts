import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildSearchIndex } from '../../src/search/write-part.ts';
import type { SearchRecord } from '../../src/search/contract.ts';

// If Pagefind's indexer process dies (the kernel kills it when memory runs out), the build must
// fail with a clear message, not finish without a search index; other processes of the build
// (such as the one deleting the previous output) are none of the indexer's business.

/** The search record of the i-th test page. */
function record(i: number): SearchRecord {
  return { url: `/a/${i}/`, content: `words number ${i}`, language: 'en', meta: { title: `A ${i}` }, filters: {} };
}

/** A few records; the i-th can run a side effect first. */
function* records(n: number, before: (i: number) => void = () => {}): Generator<SearchRecord> {
  for (let i = 0; i < n; i++) {
    before(i);
    yield record(i);
  }
}

const root = await mkdtemp(path.join(tmpdir(), 'pagefind-'));
afterAll(() => rm(root, { recursive: true, force: true }));

test('a normal index build reports its page count', async () => {
  const out = path.join(root, 'ok');
  expect((await buildSearchIndex(records(20), out)).pages).toBe(20);
}, 30_000); // starts Pagefind's indexer

test('another process of the build failing while the index is built is not the indexer stopping', async () => {
  // As the build's delete of the previous output does when it fails: a process exiting with 1.
  let other: ChildProcess | undefined;
  let exitedAt = 0;
  function* alongside(): Generator<SearchRecord> {
    other = spawn('sh', ['-c', 'exit 1'], { stdio: 'ignore' });
    other.on('exit', () => (exitedAt = performance.now()));
    // Records keep coming (each one a turn of the event loop) until the other process has
    // failed and well after: a watcher of any process would have seen it by then.
    let i = 0;
    while (exitedAt === 0 || performance.now() - exitedAt < 1000) yield record(i++);
  }
  const { pages } = await buildSearchIndex(alongside(), path.join(root, 'alongside'));
  expect(other?.exitCode).toBe(1);
  expect(pages).toBeGreaterThan(0);
}, 60_000);

test('a killed indexer fails the index build with a clear message', async () => {
  const out = path.join(root, 'killed');
  // Only this test process's own indexer: other builds on the machine are left alone.
  const killHalfway = (i: number) =>
    i === 200 && execFileSync('pkill', ['-KILL', '-P', String(process.pid), '-x', 'pagefind_extend']);
  await expect(buildSearchIndex(records(400, killHalfway), out)).rejects.toThrow(
    /Pagefind's indexer stopped \(SIGKILL\): most likely out of memory/,
  );
}, 30_000);
