import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, expect, test } from 'vitest';
import {
  chunkBytesFor,
  FULL_INDEX_BYTES,
  FULL_INDEX_CHUNK_BYTES,
  MIN_CHUNK_BYTES,
} from '../../src/search/chunk-size.ts';
import type { SearchRecord } from '../../src/search/contract.ts';
import { cborItem, SIGNATURE } from '../../src/search/pagefind-meta.ts';
import { chunkRanges, groupedEntries, KEEP_TOGETHER, rechunkIndex } from '../../src/search/rechunk.ts';
import { buildSearchIndex } from '../../src/search/write-part.ts';

// The word chunks cut again by the build (src/search/rechunk.ts): the same words' entries, in
// the same order, in chunks whose size grows with the square root of the index, each listed under
// a range that holds its words and no other chunk's.

const root = await mkdtemp(path.join(tmpdir(), 'rechunk-'));
afterAll(() => rm(root, { recursive: true, force: true }));

test('a full index keeps the measured chunk size; a smaller one gets it times the square root of its share', () => {
  expect(chunkBytesFor(FULL_INDEX_BYTES)).toBe(FULL_INDEX_CHUNK_BYTES);
  expect(chunkBytesFor(FULL_INDEX_BYTES / 4)).toBe(FULL_INDEX_CHUNK_BYTES / 2);
  expect(chunkBytesFor(4 * FULL_INDEX_BYTES)).toBe(2 * FULL_INDEX_CHUNK_BYTES);
  expect(chunkBytesFor(10)).toBe(MIN_CHUNK_BYTES);
});

/** Entries of the given sizes, for the grouping rule. */
const entries = (list: [string, number][]) => list.map(([word, size]) => ({ word, bytes: { length: size } }));

test('a chunk ends before a word that would overflow it, unless the two words share a start', () => {
  const words = (groups: { word: string }[][]) => groups.map((g) => g.map((e) => e.word));
  // A frequent word does not drag the rare words before it into its chunk.
  expect(
    words(
      groupedEntries(
        entries([
          ['aisha', 300],
          ['airport', 9000],
          ['all', 200],
          ['alp', 100],
        ]),
        1000,
      ),
    ),
  ).toEqual([['aisha'], ['airport'], ['all', 'alp']]);
  // Words sharing KEEP_TOGETHER letters stay together, past the size.
  expect(KEEP_TOGETHER).toBe(4);
  expect(
    words(
      groupedEntries(
        entries([
          ['polic', 900],
          ['polici', 900],
          ['polit', 900],
          ['port', 900],
        ]),
        1000,
      ),
    ),
  ).toEqual([['polic', 'polici', 'polit'], ['port']]);
});

test('ranges hold their words, sort apart, and are as short as Pagefind’s where they can be', () => {
  const ends: [string, string][] = [
    ['aa', 'airport'],
    ['aisha', 'aisha'],
    ['all', 'antitrust'],
    ['apple', 'azure'],
    ['ba', 'bz'],
  ];
  const ranges = chunkRanges(ends);
  expect(ranges).toEqual([
    ['aa', 'airq'],
    ['ais', 'aj'],
    ['al', 'ao'],
    ['ap', 'a{'],
    ['b', 'bz'],
  ]);
  for (const [i, [first, last]] of ends.entries()) {
    const [from, to] = ranges[i]!;
    expect(from <= first && last <= to).toBe(true);
    if (i + 1 < ranges.length) expect(to < ranges[i + 1]![0]).toBe(true);
  }
});

/** `n` records whose words repeat at different rates, so the index has rare and frequent words. */
function records(n: number): SearchRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    url: `/articles/a${i}/`,
    content: `${'harbour '.repeat(40)}lantern${i % 7} ferry${i} ${'tide '.repeat(i % 13)}quay${i % 3}`,
    language: 'en',
    meta: { title: `a${i}` },
    filters: {},
  }));
}

/** The words' entries of an index in `dir`, in order, as the bytes of each, and its chunk list. */
function indexOf(dir: string): { entries: string[]; chunks: [string, string, string][] } {
  const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const meta = gunzipSync(readFileSync(path.join(dir, `pagefind.${entry.languages.en!.hash}.pf_meta`)));
  const chunks = (cborItem(meta, SIGNATURE.length)[0] as unknown[])[2] as [string, string, string][];
  const all: string[] = [];
  for (const [from, to, name] of chunks) {
    const raw = gunzipSync(readFileSync(path.join(dir, 'index', `${name}.pf_index`)));
    const [[words]] = cborItem(raw, SIGNATURE.length) as [[[string, unknown][]], number];
    for (const word of words) {
      all.push(JSON.stringify(word));
      expect(from <= word[0] && word[0] <= to, `${word[0]} in ${from}..${to}`).toBe(true);
    }
  }
  return { entries: all, chunks };
}

test('an index cut again holds the same words with the same pages and positions, in smaller chunks', async () => {
  const dir = path.join(root, 'index');
  await buildSearchIndex(records(300), dir);
  const before = indexOf(dir);
  const made = rechunkIndex(dir);
  const after = indexOf(dir);
  expect(after.entries).toEqual(before.entries);
  expect(made).toBe(after.chunks.length);
  expect(after.chunks.length).toBeGreaterThan(before.chunks.length);
  // Only the chunk files the list names are left.
  const files = readdirSync(path.join(dir, 'index'))
    .map((f) => f.replace(/\.pf_index$/, ''))
    .sort();
  expect(files).toEqual(after.chunks.map(([, , name]) => name).sort());
  for (const [, , name] of before.chunks) expect(existsSync(path.join(dir, 'index', `${name}.pf_index`))).toBe(false);
}, 60_000);
