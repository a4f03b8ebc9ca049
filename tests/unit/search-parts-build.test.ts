import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, expect, test } from 'vitest';
import { cborItem, SIGNATURE } from '../../src/search/pagefind-meta.ts';
import { buildSearchParts } from '../../src/search/write-index.ts';
import { planSearchParts, type SearchPart } from '../../src/search/parts.ts';
import type { SearchRecord } from '../../src/search/contract.ts';

// The search index written part by part, and a part whose records did not change reused from the
// build cache instead of being indexed again.

const root = await mkdtemp(path.join(tmpdir(), 'search-parts-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const articles = Array.from({ length: 30 }, (_, i) => ({
  id: `a${i}`,
  day: `2020-${String(Math.floor(i / 10) + 1).padStart(2, '0')}-0${(i % 9) + 1}`,
  language: 'en',
}));
const parts = planSearchParts(articles, 0, 10);

/** Records for a part, and their inputs; `edited` changes one article's words. */
function source(edited?: string) {
  const recordsOf = (part: SearchPart): SearchRecord[] =>
    part.articles.map((id) => ({
      url: `/articles/${id}/`,
      content: `article ${id} ${id === edited ? 'rewritten' : 'original'}`,
      language: 'en',
      meta: { title: id },
      filters: { part: [String(part.n)] },
    }));
  return { recordsOf, inputsOf: (part: SearchPart) => [JSON.stringify(recordsOf(part))] };
}

/** The fragment names a part's metadata gives its pages, in page order. */
function fragmentNames(dir: string): string[] {
  const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const meta = gunzipSync(readFileSync(path.join(dir, `pagefind.${entry.languages.en!.hash}.pf_meta`)));
  return ((cborItem(meta, SIGNATURE.length)[0] as unknown[])[1] as string[][]).map((page) => page[0]!);
}

/** The fragment files of a part, by name without the extension. */
const fragmentFiles = (dir: string) =>
  readdirSync(path.join(dir, 'fragment')).map((f) => f.replace(/\.pf_fragment$/, ''));

test('every part is written in its own folder, and unchanged parts are reused on the next build', async () => {
  expect(parts.map((p) => p.dir)).toEqual(['part-0/', 'part-1/', 'part-2/']);
  const cache = path.join(root, 'cache');
  const first = await buildSearchParts(parts, source(), path.join(root, 'one'), cache);
  expect(first).toMatchObject({ parts: 3, indexed: 3, pages: 30 });
  for (const dir of ['part-0/', 'part-1/', 'part-2/']) {
    expect(existsSync(path.join(root, 'one', dir, 'pagefind-entry.json'))).toBe(true);
    expect(existsSync(path.join(root, 'one', dir, '.complete'))).toBe(false);
  }
  const second = await buildSearchParts(parts, source('a15'), path.join(root, 'two'), cache);
  expect(second).toMatchObject({ parts: 3, indexed: 1, pages: 30 });
  // The cache keeps only the parts the last build used (and the note of what is in the output).
  expect((await readdir(cache)).filter((f) => !f.endsWith('.json'))).toHaveLength(3);
}, 60_000);

test('unchanged parts are moved over from the previous output; a part changed since is not', async () => {
  const cache = path.join(root, 'cache-output');
  const output = path.join(root, 'output');
  const first = await buildSearchParts(parts, source(), path.join(output, 'pagefind'), cache, {
    outDir: output,
    pagefind: undefined,
    release: () => {},
  });
  await first.recordOutput();
  let released = false;
  const second = await buildSearchParts(parts, source('a25'), path.join(root, 'next'), cache, {
    outDir: output,
    pagefind: path.join(output, 'pagefind'),
    release: () => (released = true),
  });
  expect(released).toBe(true);
  expect(second).toMatchObject({ parts: 3, indexed: 1, pages: 30 });
  // Two parts were taken from the previous output; the changed one is still there, unused (and
  // the file of every part's chunk table, written anew by each build).
  expect((await readdir(path.join(output, 'pagefind'))).toSorted()).toEqual(['part-2', 'word-chunks-parts.json']);
  for (const dir of ['part-0/', 'part-1/', 'part-2/'])
    expect(existsSync(path.join(root, 'next', dir, 'pagefind-entry.json'))).toBe(true);
  // Another output folder's parts are never taken.
  await second.recordOutput();
  const third = await buildSearchParts(parts, source('a25'), path.join(root, 'third'), cache, {
    outDir: path.join(root, 'elsewhere'),
    pagefind: path.join(root, 'next'),
    release: () => {},
  });
  expect(third.indexed).toBe(0);
  expect((await readdir(path.join(root, 'next'))).toSorted()).toEqual([
    'part-0',
    'part-1',
    'part-2',
    'word-chunks-parts.json',
  ]);
  // Moved or linked, every part's fragments are the ones its metadata names, and the part
  // changed since the first build names none of its fragments as that build did.
  for (const dir of ['next/part-0', 'next/part-1', 'next/part-2', 'third/part-0', 'third/part-2'].map((d) =>
    path.join(root, d),
  ))
    expect(fragmentFiles(dir).toSorted()).toEqual(fragmentNames(dir).toSorted());
  const before = fragmentNames(path.join(output, 'pagefind', 'part-2'));
  expect(fragmentNames(path.join(root, 'next', 'part-2')).filter((name) => before.includes(name))).toEqual([]);
}, 60_000);
