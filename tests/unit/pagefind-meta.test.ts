import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { writeChunkTable } from '../../src/search/index-chunks.ts';
import { leaveOutPageOrderSorts } from '../../src/search/pagefind-meta.ts';
import { buildSearchIndex } from '../../src/search/write-part.ts';
import { buildSearchParts } from '../../src/search/write-index.ts';
import { planSearchParts, type SearchPart } from '../../src/search/parts.ts';
import type { SearchRecord } from '../../src/search/contract.ts';

// The sorts left out of the metadata of an index part whose pages are in their sort order, read
// back as Pagefind's own files: the entry names the new file, and the chunk list is untouched.

const root = await mkdtemp(path.join(tmpdir(), 'pagefind-meta-'));
afterAll(() => rm(root, { recursive: true, force: true }));

/** `n` article records, dated one day apart from `first` on, in that order or reversed. */
function records(n: number, reversed = false): SearchRecord[] {
  const all = Array.from({ length: n }, (_, i) => ({
    url: `/articles/a${i}/`,
    content: `lantern harbour article number ${i}`,
    language: 'en',
    meta: { title: `a${i}` },
    filters: { part: ['1'] },
    sort: { date: `2020-01-${String(i + 1).padStart(2, '0')}` },
  }));
  return reversed ? all.toReversed() : all;
}

/** The index's metadata file (its language's, as the entry names it), decompressed, and the entry. */
function metaOf(dir: string): { meta: Buffer; hash: string } {
  const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const hash = entry.languages.en!.hash;
  return { meta: gunzipSync(readFileSync(path.join(dir, `pagefind.${hash}.pf_meta`))), hash };
}

describe('leaveOutPageOrderSorts', () => {
  test('an index whose pages are in date order loses its sort, under a new name the entry gives', async () => {
    const dir = path.join(root, 'in-order');
    await buildSearchIndex(records(12), dir);
    const before = metaOf(dir);
    // The sort key's name is in the metadata before, and not after.
    expect(before.meta.includes('date')).toBe(true);
    const chunks = writeChunkTable(dir);
    expect(leaveOutPageOrderSorts(dir)).toBe(1);
    const after = metaOf(dir);
    expect(after.hash).toMatch(/^en_[0-9a-f]{10}$/);
    expect(after.hash).not.toBe(before.hash);
    expect(existsSync(path.join(dir, `pagefind.${before.hash}.pf_meta`))).toBe(false);
    expect(after.meta.includes('date')).toBe(false);
    expect(after.meta.length).toBeLessThan(before.meta.length);
    // Everything else as it was: the chunk table read again from the new file is the same.
    expect(writeChunkTable(dir)).toEqual(chunks);
    expect(after.meta.subarray(0, 12).toString()).toBe('pagefind_dcd');
    // Nothing left to leave out.
    expect(leaveOutPageOrderSorts(dir)).toBe(0);
  }, 60_000);

  test('an index whose pages are not in their sort order is refused', async () => {
    const dir = path.join(root, 'reversed');
    await buildSearchIndex(records(12, true), dir);
    expect(() => leaveOutPageOrderSorts(dir)).toThrow(/the sort "date" is not the order the pages were added in/);
  }, 60_000);
});

describe('buildSearchParts', () => {
  /** Articles a0… one a day in January 2020, planned in parts of `size` records. */
  const planned = (size: number) =>
    planSearchParts(
      Array.from({ length: 12 }, (_, i) => ({
        id: `a${i}`,
        day: `2020-01-${String(i + 1).padStart(2, '0')}`,
        language: 'en',
      })),
      0,
      size,
    );
  const source = {
    recordsOf: (part: SearchPart): SearchRecord[] =>
      part.articles.map((id) => ({
        url: `/articles/${id}/`,
        content: `lantern ${id}`,
        language: 'en',
        meta: { title: id },
        filters: part.dir ? { part: [String(part.n)] } : {},
        sort: { date: `2020-01-${String(Number(id.slice(1)) + 1).padStart(2, '0')}` },
      })),
    inputsOf: (part: SearchPart) => [JSON.stringify(part)],
  };

  test('an index in parts is written without sorts; a single index keeps them', async () => {
    const parts = planned(5);
    expect(parts.length).toBeGreaterThan(1);
    await buildSearchParts(parts, source, path.join(root, 'parts'), path.join(root, 'parts-cache'));
    for (const part of parts) expect(metaOf(path.join(root, 'parts', part.dir)).meta.includes('date')).toBe(false);
    const single = planned(100);
    expect(single.map((p) => p.dir)).toEqual(['']);
    await buildSearchParts(single, source, path.join(root, 'single'), path.join(root, 'single-cache'));
    expect(metaOf(path.join(root, 'single')).meta.includes('date')).toBe(true);
  }, 120_000);
});
