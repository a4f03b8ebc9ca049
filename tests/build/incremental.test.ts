import { cp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { astroBuild } from '../helpers/build.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { DIST_ARCHIVE, FIXTURE_BUILDS, FIXTURE_CONTENT, TMP } from '../helpers/paths.ts';

// A rebuild after editing one article reuses the unchanged pages from the build cache, and gives
// exactly what a build from nothing gives: no page anywhere keeps the old text. The archive is
// first built with one headline edited, then the edit is undone and the archive rebuilt from that
// cache; the result must equal, byte for byte, the global setup's /archive/ build of the same
// content, made from nothing earlier in the run, from another folder and another cache. So the
// same bytes also show the build is reproducible: nothing in the output depends on the clock, on
// chance, on where the content lives or on what the cache held.

const content = path.join(TMP, 'incremental-content');
const [reference] = FIXTURE_BUILDS.filter((b) => b.outDir === DIST_ARCHIVE);
const env = reference!.env;
const EDITED = 'Judges told to clear the backlog, a corrected headline';
afterAll(() => rm(content, { recursive: true, force: true }));

test('undoing an edit re-renders the pages that showed it and reuses the rest; the bytes equal a build from nothing', async () => {
  await rm(content, { recursive: true, force: true });
  await cp(FIXTURE_CONTENT, content, { recursive: true });
  const cache = path.join(TMP, 'incremental-cache');
  await rm(cache, { recursive: true, force: true });
  const dist = path.join(TMP, 'dist-incremental');
  const seed = path.join(content, 'articles/2018/09/immigration-judges-sessions.md');
  const text = await readFile(seed, 'utf8');
  await writeFile(seed, text.replace(/^title: .*$/m, `title: ${EDITED}`));
  const first = await astroBuild(content, dist, { ...env, ARCHIVE_CACHE_DIR: cache });
  expect(first.code, first.output).toBe(0);
  // Every body was rendered on the render-ahead thread, which the bundled integration found.
  const [, ready, all] = /render-ahead: (\d+) of (\d+) article bodies/.exec(first.output) ?? [];
  expect(Number(all)).toBeGreaterThan(10);
  expect(ready).toBe(all);
  expect(first.output).not.toMatch(/rendering ahead stopped/);
  const person = path.join(dist, 'people/jeff-sessions/index.html');
  expect(await readFile(person, 'utf8')).toContain(EDITED);
  // The data files are written in one pass, each file from the build cache by a hard link, or
  // written anew (a new file) when its cache key changed.
  const dataFiles = [
    'topics/housing.csv',
    'articles.csv',
    'articles.jsonl',
    'people/jeff-sessions.jsonl',
    'quotes.csv',
    'quotes.jsonl',
  ];
  const inode = async (file: string) => (await stat(path.join(dist, 'data', file))).ino;
  const before = new Map(await Promise.all(dataFiles.map(async (f) => [f, await inode(f)] as const)));
  expect(first.output).toMatch(/data files: [1-9]\d* written, 0 unchanged/);

  await writeFile(seed, text);
  const rebuild = await astroBuild(content, dist, { ...env, ARCHIVE_CACHE_DIR: cache });
  expect(rebuild.code, rebuild.output).toBe(0);
  // Most pages come from the cache; the search index parts that did not change are reused.
  const restored = rebuild.output.match(/\(restored\)/g)?.length ?? 0;
  expect(restored).toBeGreaterThan(50);
  // The data files holding the article's line are written again; a slice without it comes from the cache.
  const [, written, unchanged] = /data files: (\d+) written, (\d+) unchanged/.exec(rebuild.output) ?? [];
  expect(Number(written)).toBeGreaterThan(3);
  expect(Number(unchanged)).toBeGreaterThan(Number(written));
  expect(await inode('topics/housing.csv')).toBe(before.get('topics/housing.csv'));
  for (const file of ['articles.csv', 'articles.jsonl', 'people/jeff-sessions.jsonl'])
    expect(await inode(file)).not.toBe(before.get(file));
  // A headline is in no quote's line: the quotes' files come from the cache.
  for (const file of ['quotes.csv', 'quotes.jsonl']) expect(await inode(file)).toBe(before.get(file));
  expect(rebuild.output).toMatch(/search index: \d+ pages in \d+ parts \([1-9]\d* unchanged, reused\)/);
  expect(await readFile(person, 'utf8')).not.toContain(EDITED);

  // The same content built from nothing gives the same files, byte for byte.
  const [a, b] = await Promise.all([fingerprint(dist), fingerprint(reference!.outDir)]);
  expect(Object.keys(a).length).toBeGreaterThan(50);
  expect(Object.keys(a).filter((f) => a[f] !== b[f])).toEqual([]);
  expect(Object.keys(b).filter((f) => a[f] !== b[f])).toEqual([]);
}, 180_000);
