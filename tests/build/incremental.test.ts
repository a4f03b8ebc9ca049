import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { astroBuild } from '../helpers/build.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { FIXTURE_CONTENT, TMP } from '../helpers/paths.ts';

// A rebuild after editing one article reuses the unchanged pages from the build cache, and gives
// exactly what a build from scratch gives: no page anywhere keeps the old text. The two builds run
// seconds apart, from different caches, so the same bytes also show the build is reproducible:
// nothing in the output depends on the clock, on chance or on what the cache held.

const content = path.join(TMP, 'incremental-content');
const env = { ARCHIVE_SITE: 'https://archive.example.org', ARCHIVE_PAGE_SIZE: '5', ARCHIVE_SEARCH_PART_SIZE: '6' };
afterAll(() => rm(content, { recursive: true, force: true }));

test('editing one article re-renders the pages that show it and reuses the rest; the bytes equal a build from nothing', async () => {
  await rm(content, { recursive: true, force: true });
  await cp(FIXTURE_CONTENT, content, { recursive: true });
  const [warm, cold] = [path.join(TMP, 'incremental-cache'), path.join(TMP, 'incremental-cold-cache')];
  await Promise.all([warm, cold].map((dir) => rm(dir, { recursive: true, force: true })));
  const dist = path.join(TMP, 'dist-incremental');
  const first = await astroBuild(content, dist, { ...env, ARCHIVE_CACHE_DIR: warm });
  expect(first.code).toBe(0);
  // Every body was rendered on the render-ahead thread, which the bundled integration found.
  const [, ready, all] = /render-ahead: (\d+) of (\d+) article bodies/.exec(first.output) ?? [];
  expect(Number(all)).toBeGreaterThan(10);
  expect(ready).toBe(all);
  expect(first.output).not.toMatch(/rendering ahead stopped/);

  const seed = path.join(content, 'articles/2018/09/immigration-judges-sessions.md');
  const text = await readFile(seed, 'utf8');
  await writeFile(seed, text.replace(/^title: .*$/m, 'title: Judges told to clear the backlog, a corrected headline'));
  // The rebuild, then a build of the same content from nothing to compare it with. One after the
  // other, seconds apart: two builds at the same moment would hide output that depends on the clock.
  const fresh = path.join(TMP, 'dist-incremental-cold');
  const rebuild = await astroBuild(content, dist, { ...env, ARCHIVE_CACHE_DIR: warm });
  const scratch = await astroBuild(content, fresh, { ...env, ARCHIVE_CACHE_DIR: cold });
  expect(rebuild.code).toBe(0);
  // Most pages come from the cache; the search index parts that did not change are reused.
  const restored = rebuild.output.match(/\(restored\)/g)?.length ?? 0;
  expect(restored).toBeGreaterThan(50);
  expect(rebuild.output).toMatch(/search index: \d+ pages in \d+ parts \(\d+ unchanged, reused\)/);
  const article = await readFile(path.join(dist, 'articles/2018/09/immigration-judges-sessions/index.html'), 'utf8');
  expect(article).toContain('a corrected headline');
  const person = await readFile(path.join(dist, 'people/jeff-sessions/index.html'), 'utf8');
  expect(person).toContain('a corrected headline');

  // The same content built from nothing gives the same files, byte for byte.
  expect(scratch.code).toBe(0);
  const [a, b] = await Promise.all([fingerprint(dist), fingerprint(fresh)]);
  expect(Object.keys(a).filter((f) => a[f] !== b[f])).toEqual([]);
  expect(Object.keys(b).filter((f) => a[f] !== b[f])).toEqual([]);
}, 180_000);
