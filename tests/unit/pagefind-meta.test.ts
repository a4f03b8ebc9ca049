import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { CHUNK_TABLE_FILE, PARTS_CHUNK_TABLE_FILE, writeChunkTable } from '../../src/search/index-chunks.ts';
import { cborItem, rewriteMetadata, SIGNATURE } from '../../src/search/pagefind-meta.ts';
import { buildSearchIndex } from '../../src/search/write-part.ts';
import { buildSearchParts } from '../../src/search/write-index.ts';
import { planSearchParts, type SearchPart } from '../../src/search/parts.ts';
import { partOfResult, type SearchRecord } from '../../src/search/contract.ts';

// The sorts left out of the metadata of an index part whose pages are in their sort order, and
// its pages' fragments renamed, read back as Pagefind's own files: the entry names the new file,
// the chunk list is untouched, and each page's name leads to that page's own fragment.

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

/** The pages of an index's metadata as [fragment name, word count] (read with the module's CBOR reader). */
function pagesOf(dir: string): [string, number][] {
  const [meta] = cborItem(metaOf(dir).meta, SIGNATURE.length);
  return ((meta as unknown[])[1] as unknown[][]).map((page) => [page[0] as string, page[1] as number]);
}

/** The URL a fragment file holds (Pagefind's: gzip of the signature and the fragment's JSON). */
function fragmentUrl(dir: string, name: string): string {
  const bytes = gunzipSync(readFileSync(path.join(dir, 'fragment', `${name}.pf_fragment`)));
  return (JSON.parse(bytes.toString('utf8', SIGNATURE.length)) as { url: string }).url;
}

/** The fragment files of an index, by name without the extension, sorted. */
function fragmentFiles(dir: string): string[] {
  return readdirSync(path.join(dir, 'fragment'))
    .map((file) => file.replace(/\.pf_fragment$/, ''))
    .sort();
}

describe('rewriteMetadata', () => {
  test('an index whose pages are in date order loses its sort, under a new name the entry gives', async () => {
    const dir = path.join(root, 'in-order');
    await buildSearchIndex(records(12), dir);
    const before = metaOf(dir);
    // The sort key's name is in the metadata before, and not after.
    expect(before.meta.includes('date')).toBe(true);
    const chunks = writeChunkTable(dir);
    expect(rewriteMetadata(dir, { leaveOutSorts: true })).toBe(1);
    const after = metaOf(dir);
    expect(after.hash).toMatch(/^en_[0-9a-f]{10}$/);
    expect(after.hash).not.toBe(before.hash);
    expect(existsSync(path.join(dir, `pagefind.${before.hash}.pf_meta`))).toBe(false);
    expect(after.meta.includes('date')).toBe(false);
    expect((cborItem(after.meta, SIGNATURE.length)[0] as unknown[])[4]).toEqual([]);
    // Everything else as it was: the chunk table read again from the new file is the same.
    expect(writeChunkTable(dir)).toEqual(chunks);
    expect(after.meta.subarray(0, 12).toString()).toBe('pagefind_dcd');
    // Nothing left to leave out.
    expect(rewriteMetadata(dir, { leaveOutSorts: true })).toBe(0);
  }, 60_000);

  test('each page names its own fragment under a short name, and no other fragment file is left', async () => {
    const dir = path.join(root, 'fragments');
    await buildSearchIndex(records(40), dir);
    const before = pagesOf(dir);
    expect(rewriteMetadata(dir, { leaveOutSorts: false })).toBe(1);
    const after = pagesOf(dir);
    // The word counts as they were; the names: one digest, then the page number.
    expect(after.map(([, words]) => words)).toEqual(before.map(([, words]) => words));
    const digest = after[0]![0].split('_')[0]!;
    expect(digest).toMatch(/^[0-9a-f]{10}$/);
    expect(after.map(([name]) => name)).toEqual(after.map((_, i) => `${digest}_${i}`));
    // Page i is the record added i-th (the order Pagefind numbers pages in): its fragment holds its URL.
    expect(after.map(([name]) => fragmentUrl(dir, name))).toEqual(after.map((_, i) => `/articles/a${i}/`));
    expect(fragmentFiles(dir)).toEqual(after.map(([name]) => name).sort());
    // The sort is kept when asked to, and a second pass changes nothing.
    expect(metaOf(dir).meta.includes('date')).toBe(true);
    expect(rewriteMetadata(dir, { leaveOutSorts: false })).toBe(0);
    expect(pagesOf(dir)).toEqual(after);
  }, 60_000);

  test('each word chunk is renamed as the chunk list names it, its bytes unchanged, and no other chunk file is left', async () => {
    const dir = path.join(root, 'chunks');
    // Enough words for several chunks.
    const many = records(30).map((r, i) => ({
      ...r,
      content: Array.from({ length: 400 }, (_, k) => `w${(i * 7919 + k * 104729) % 100000}`).join(' '),
    }));
    await buildSearchIndex(many, dir);
    const chunksOf = () =>
      ((cborItem(metaOf(dir).meta, SIGNATURE.length)[0] as unknown[])[2] as [string, string, string][]).map(
        ([from, to, name]) => ({ from, to, name }),
      );
    const before = chunksOf();
    expect(before.length).toBeGreaterThan(1);
    const bytesBefore = before.map(({ name }) => readFileSync(path.join(dir, 'index', `${name}.pf_index`)));
    rewriteMetadata(dir, { leaveOutSorts: false });
    const after = chunksOf();
    expect(after.map(({ from, to }) => [from, to])).toEqual(before.map(({ from, to }) => [from, to]));
    const digest = after[0]!.name.split('_')[0]!;
    expect(digest).toMatch(/^[0-9a-f]{10}$/);
    expect(after.map(({ name }) => name)).toEqual(after.map((_, i) => `${digest}_${i}`));
    expect(after.map(({ name }) => readFileSync(path.join(dir, 'index', `${name}.pf_index`)))).toEqual(bytesBefore);
    expect(readdirSync(path.join(dir, 'index')).sort()).toEqual(after.map(({ name }) => `${name}.pf_index`).sort());
    // A second pass changes nothing.
    expect(rewriteMetadata(dir, { leaveOutSorts: false })).toBe(0);
  }, 60_000);

  test("a part of an index in parts names its fragments with its number, which the page reads from a result's id", async () => {
    const dir = path.join(root, 'part-named');
    await buildSearchIndex(records(12), dir);
    expect(rewriteMetadata(dir, { leaveOutSorts: true, part: 3 })).toBe(1);
    const names = pagesOf(dir).map(([name]) => name);
    const digest = names[0]!.split('_')[0]!;
    expect(names).toEqual(names.map((_, i) => `${digest}_3_${i}`));
    expect(names.map((name) => fragmentUrl(dir, name))).toEqual(names.map((_, i) => `/articles/a${i}/`));
    expect(names.map(partOfResult)).toEqual(names.map(() => 3));
    // A single index's names carry no part.
    expect(partOfResult(`${digest}_7`)).toBeUndefined();
  }, 60_000);

  test('fragment names are the same for the same pages and all new when any page changes', async () => {
    const names = async (name: string, edited: boolean) => {
      const dir = path.join(root, name);
      const all = records(12);
      if (edited) all[7] = { ...all[7]!, content: `${all[7]!.content} corrected` };
      await buildSearchIndex(all, dir);
      rewriteMetadata(dir, { leaveOutSorts: true });
      return pagesOf(dir).map(([page]) => page);
    };
    const first = await names('same-1', false);
    expect(await names('same-2', false)).toEqual(first);
    // One article edited: no name is given again, to its fragment or any other of the index.
    const edited = await names('edited', true);
    expect(edited.filter((name) => first.includes(name))).toEqual([]);
  }, 120_000);

  test('an index whose pages are not in their sort order is refused', async () => {
    const dir = path.join(root, 'reversed');
    await buildSearchIndex(records(12, true), dir);
    expect(() => rewriteMetadata(dir, { leaveOutSorts: true })).toThrow(
      /the sort "date" is not the order the pages were added in/,
    );
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

  test('an index in parts is written without sorts; a single index keeps them; both with fragments renamed, the parts with their number', async () => {
    const parts = planned(5);
    expect(parts.length).toBeGreaterThan(1);
    await buildSearchParts(parts, source, path.join(root, 'parts'), path.join(root, 'parts-cache'));
    for (const part of parts) {
      const dir = path.join(root, 'parts', part.dir);
      expect(metaOf(dir).meta.includes('date')).toBe(false);
      expect(fragmentFiles(dir)).toEqual(
        pagesOf(dir)
          .map(([name]) => name)
          .sort(),
      );
      // Named with the part's number, which the search page reads from a result's id.
      expect(pagesOf(dir)[0]![0]).toMatch(new RegExp(`^[0-9a-f]{10}_${part.n}_0$`));
    }
    // Every part's chunk table, in one file beside them.
    expect(JSON.parse(readFileSync(path.join(root, 'parts', PARTS_CHUNK_TABLE_FILE), 'utf8'))).toEqual(
      Object.fromEntries(
        parts.map((part) => [
          part.dir,
          JSON.parse(readFileSync(path.join(root, 'parts', part.dir, CHUNK_TABLE_FILE), 'utf8')) as unknown,
        ]),
      ),
    );
    const single = planned(100);
    expect(single.map((p) => p.dir)).toEqual(['']);
    await buildSearchParts(single, source, path.join(root, 'single'), path.join(root, 'single-cache'));
    expect(metaOf(path.join(root, 'single')).meta.includes('date')).toBe(true);
    expect(fragmentFiles(path.join(root, 'single'))).toEqual(
      pagesOf(path.join(root, 'single'))
        .map(([name]) => name)
        .sort(),
    );
    expect(pagesOf(path.join(root, 'single'))[0]![0]).toMatch(/^[0-9a-f]{10}_0$/);
  }, 120_000);
});
