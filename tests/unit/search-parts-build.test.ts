import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildSearchParts } from '../../src/integrations/search-parts-build.ts';
import { planSearchParts, type SearchPart } from '../../src/lib/search-parts.ts';
import type { SearchRecord } from '../../src/lib/search-records.ts';

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

/** Records for a part; `edited` changes one article's words. */
function recordsOf(edited?: string) {
  return (part: SearchPart): SearchRecord[] =>
    part.articles.map((id) => ({
      url: `/articles/${id}/`,
      content: `article ${id} ${id === edited ? 'rewritten' : 'original'}`,
      language: 'en',
      meta: { title: id },
      filters: { part: [String(part.n)] },
    }));
}

test('every part is written in its own folder, and unchanged parts are reused on the next build', async () => {
  expect(parts.map((p) => p.dir)).toEqual(['part-0/', 'part-1/', 'part-2/']);
  const cache = path.join(root, 'cache');
  const first = await buildSearchParts(parts, recordsOf(), path.join(root, 'one'), cache);
  expect(first).toMatchObject({ parts: 3, indexed: 3, pages: 30 });
  for (const dir of ['part-0/', 'part-1/', 'part-2/']) {
    expect(existsSync(path.join(root, 'one', dir, 'pagefind-entry.json'))).toBe(true);
    expect(existsSync(path.join(root, 'one', dir, '.complete'))).toBe(false);
  }
  const second = await buildSearchParts(parts, recordsOf('a15'), path.join(root, 'two'), cache);
  expect(second).toMatchObject({ parts: 3, indexed: 1, pages: 30 });
  // The cache keeps only the parts the last build used.
  expect(await readdir(cache)).toHaveLength(3);
}, 60_000);
