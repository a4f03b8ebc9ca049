import { afterAll, describe, expect, test } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { CHUNK_TABLE_FILE, PARTS_CHUNK_TABLE_FILE, writeChunkTable } from '../../src/search/index-chunks.ts';
import { MIN_SHARED, parseWordCuts, wordCutsLine } from '../../src/search/word-cuts.ts';
import {
  chunkProbes,
  PARTS_WORD_CUTS_FILE,
  STEM_SLACK,
  WORD_CUTS_FILE,
  wordCutsOf,
} from '../../src/search/browser/word-chunks.ts';

// The table of an index's word-chunk cuts: read from what Pagefind writes, kept compact, and the
// rule by which the search page picks the chunks a typed word needs (word-chunks.ts).

describe('the cuts line', () => {
  const ranges: [string, string][] = [
    ['arrest', 'd'],
    ['h', 'polic'],
    ['polici', 'pr'],
    ['pu', 'review'],
  ];

  test('keeps the ends and the cuts whose sides share at least MIN_SHARED letters, and reads back', () => {
    expect(MIN_SHARED).toBe(3);
    const line = wordCutsLine(ranges);
    expect(line).toBe('arrest review polic polici');
    expect(parseWordCuts(line)).toEqual({ first: 'arrest', last: 'review', cuts: [['polic', 'polici']] });
  });

  test('an index without chunks, and a malformed line, give nothing', () => {
    expect(wordCutsLine([])).toBe('');
    expect(parseWordCuts('')).toBeNull();
    expect(parseWordCuts('a b c')).toBeNull();
  });
});

describe('the chunks a typed word needs', () => {
  const cuts = {
    first: 'aardvark',
    last: 'zoo',
    cuts: [
      ['polic', 'polici'],
      ['nationwi', 'nationwo'],
    ] as [string, string][],
  };

  test('a word whose stem the words on both sides begin with loads both', () => {
    // "police" (stem "polic"), "polices", "policy" (stem "polici": the cut shares five letters).
    for (const word of ['police', 'polices', 'policy', 'polic', 'poli'])
      expect(chunkProbes(word, [cuts], 'en'), word).toEqual(['polic', 'polici']);
  });

  test('a word far from every cut, or shorter than MIN_SHARED letters, loads nothing more', () => {
    for (const word of ['harbor', 'po', 'plank', 'polarities'])
      expect(chunkProbes(word, [cuts], 'en'), word).toEqual([]);
    // A short word sharing MIN_SHARED letters with a cut loads it, whatever its stem ("pole").
    expect(chunkProbes('pole', [cuts], 'en')).toEqual(['polic', 'polici']);
  });

  test('in English, the cuts the stem is sure to reach, however much shorter than the word it is', () => {
    // "nationalizations" stems to "nation", which both sides of "nationwi | nationwo" begin with.
    expect(chunkProbes('nationalizations', [cuts], 'en-GB')).toEqual(['nationwi', 'nationwo']);
    // "nationwide" stems to "nationwid", which "nationwo" does not begin with.
    expect(chunkProbes('nationwide', [cuts], 'en')).toEqual([]);
    // Not a cut whose sides share only a short start of a long word (the chunk of "and" is large).
    expect(chunkProbes('anderson', [{ ...cuts, cuts: [['and', 'ande']] }], 'en')).toEqual([]);
    expect(chunkProbes('andes', [{ ...cuts, cuts: [['and', 'ande']] }], 'en')).toEqual(['and', 'ande']);
    // Nor a cut the stem cannot reach, though it shares all of the word but its last letters:
    // "grace" and "park" are their own stems.
    const near = {
      ...cuts,
      cuts: [
        ['grad', 'gran'],
        ['parl', 'parti'],
        ['grace', 'gracef'],
      ] as [string, string][],
    };
    expect(chunkProbes('grace', [near], 'en')).toEqual(['grace', 'gracef']);
    expect(chunkProbes('park', [near], 'en')).toEqual([]);
  });

  test('in another language, a stem more than STEM_SLACK letters shorter than the word is not followed across a cut', () => {
    expect(STEM_SLACK).toBe(4);
    expect(chunkProbes('nationalizations', [cuts], 'fr')).toEqual([]);
    expect(chunkProbes('nationwide', [cuts], 'fr')).toEqual(['nationwi', 'nationwo']);
    expect(chunkProbes('anderson', [{ ...cuts, cuts: [['and', 'ande']] }], 'fr')).toEqual([]);
    expect(chunkProbes('andes', [{ ...cuts, cuts: [['and', 'ande']] }], 'fr')).toEqual(['and', 'ande']);
    expect(chunkProbes('grace', [{ ...cuts, cuts: [['grad', 'gran']] }], 'fr')).toEqual(['grad', 'gran']);
  });

  test('a word past an index’s first or last word loads the chunk at that end', () => {
    expect(chunkProbes('zoos', [cuts], 'en')).toEqual(['zoo']);
    expect(chunkProbes('zoology', [{ ...cuts, last: 'zoolog' }], 'en')).toEqual(['zoolog']);
    expect(chunkProbes('aardvarks', [cuts], 'en')).toEqual(['aardvark']);
  });

  test('the page reads each folder’s file for its language, and leaves out one it cannot read', async () => {
    expect(WORD_CUTS_FILE).toBe(CHUNK_TABLE_FILE);
    const files: Record<string, unknown> = {
      '/p/a/word-chunks.json': { en: 'aardvark zoo polic polici', fr: 'abri zut' },
      '/p/b/word-chunks.json': { fr: 'abri zut' },
    };
    const fetchJson = async (url: string) => {
      if (!(url in files)) throw new Error('404');
      return files[url];
    };
    expect(await wordCutsOf(['/p/a/', '/p/b/', '/p/c/'], 'en-GB', fetchJson)).toEqual([
      { first: 'aardvark', last: 'zoo', cuts: [['polic', 'polici']] },
      { first: 'abri', last: 'zut', cuts: [] },
    ]);
  });
});

test('the page reads every part’s table from the one file beside them, and a part it lacks from the part’s own', async () => {
  expect(PARTS_WORD_CUTS_FILE).toBe(PARTS_CHUNK_TABLE_FILE);
  const asked: string[] = [];
  const files: Record<string, unknown> = {
    '/p/word-chunks-parts.json': { 'a/': { en: 'aardvark zoo polic polici' }, 'b/': { fr: 'abri zut' } },
    '/p/c/word-chunks.json': { en: 'cab cub' },
  };
  const fetchJson = async (url: string) => {
    asked.push(url);
    if (!(url in files)) throw new Error('404');
    return files[url];
  };
  expect(await wordCutsOf(['/p/a/', '/p/b/', '/p/c/'], 'en-GB', fetchJson, '/p/')).toEqual([
    { first: 'aardvark', last: 'zoo', cuts: [['polic', 'polici']] },
    { first: 'abri', last: 'zut', cuts: [] },
    { first: 'cab', last: 'cub', cuts: [] },
  ]);
  expect(asked).toEqual(['/p/word-chunks-parts.json', '/p/c/word-chunks.json']);
  // Without the file, each part's own.
  delete files['/p/word-chunks-parts.json'];
  files['/p/a/word-chunks.json'] = { en: 'aardvark zoo' };
  expect(await wordCutsOf(['/p/a/', '/p/c/'], 'en', fetchJson, '/p/')).toEqual([
    { first: 'aardvark', last: 'zoo', cuts: [] },
    { first: 'cab', last: 'cub', cuts: [] },
  ]);
});

describe('the table of an index Pagefind wrote', () => {
  let dir = '';
  afterAll(async () => {
    await pagefind.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('lists as many chunks as the index has chunk files, first and last words in order', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'word-chunks-'));
    // Small chunks, so that the index is cut many times.
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = '40';
    try {
      const { index } = await pagefind.createIndex({});
      const words = ['police', 'policy', 'policies', 'policeman', 'harbour', 'harbours', 'lantern', 'orchard'];
      for (let i = 0; i < 40; i++)
        await index!.addCustomRecord({
          url: `/r${i}/`,
          content: Array.from({ length: 30 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' '),
          language: 'en',
        });
      await index!.writeFiles({ outputPath: dir });
    } finally {
      delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    }
    const table = writeChunkTable(dir);
    expect(Object.keys(table)).toEqual(['en']);
    expect(JSON.parse(await readFile(path.join(dir, CHUNK_TABLE_FILE), 'utf8'))).toEqual(table);
    const cuts = parseWordCuts(table.en!)!;
    // Pagefind stems: "harbours" is "harbour", "police" is "polic", "policy" is "polici".
    expect(cuts.first).toBe('harbour');
    expect(cuts.last).toBe('polici');
    expect((await readdir(path.join(dir, 'index'))).length).toBeGreaterThan(2);
    for (const [before, after] of cuts.cuts) expect(before < after || after.startsWith(before)).toBe(true);
  }, 60_000);
});
