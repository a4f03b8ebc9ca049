import { describe, expect, test } from 'vitest';
import snowball from 'snowball-stemmers';
import { pastEveryWord, searchEngine } from '../../src/search/browser/search-engine.ts';
import { parseWordCuts, wordCutsLine } from '../../src/search/word-cuts.ts';
import type { PagefindSearchResult } from '../../src/search/browser/pagefind-types.ts';
import type { SearchState } from '../../src/search/browser/search-state.ts';
import { fakePagefind, type FakePagefind, type FakeRecord } from '../helpers/fake-pagefind.ts';

// What a word finds does not depend on where Pagefind cut its index into word chunks, on what
// earlier searches loaded, or on whether the archive is one index or several: Pagefind loads one
// chunk per query word and matches the loaded words that begin with the word's stem, so "police"
// (stem "polic") finds the policy articles ("polici") only when their chunk happens to be loaded.
// The fake Pagefind models that loading (tests/helpers/fake-pagefind.ts, from Pagefind's
// pagefind_web/src/lib.rs and search.rs) with Snowball's English stems. Expected answers follow the
// oracles' rule (tests/e2e/search-oracle.test.ts): a record matches when the query word's stem
// begins one of its words' stems.

const english = snowball.newStemmer('english');
const stem = (w: string) => english.stem(w);

/** The records: part 1 has "police" only, part 2 "policy" only, part 3 both. */
const TEXTS: [slug: string, part: number, text: string][] = [
  ['r1', 1, 'police arrest'],
  ['r2', 1, 'police patrol'],
  ['r3', 2, 'policy paper'],
  ['r4', 2, 'policies debate'],
  ['r5', 3, 'policy review'],
  ['r6', 3, 'police budget'],
  ['r7', 3, 'harbor board'],
];

/** The records as one index (`parted` false: all in part 0) or in parts 1-3 with the part filter. */
function records(parted: boolean): FakeRecord[] {
  return TEXTS.map(([slug, part, text]) => ({
    url: `/articles/${slug}/`,
    part: parted ? part : 0,
    content: text,
    meta: {},
    filters: { topic: [part === 2 ? 'policy' : 'other'], ...(parted && { part: [String(part)] }) },
    date: `2020-01-0${slug.slice(1)}`,
  }));
}

/** The records a query word finds by the oracles' rule. */
function expected(word: string): string[] {
  const s = stem(word);
  return TEXTS.filter(([, , text]) => text.split(' ').some((w) => stem(w).startsWith(s)))
    .map(([slug]) => `/articles/${slug}/`)
    .sort();
}

const ONE = { dirs: [''], byDate: [0], undated: [] };
const PARTS = { dirs: ['part-1/', 'part-2/', 'part-3/'], byDate: [1, 2, 3], undated: [] };
const state = (q: string, sort: SearchState['sort'] = 'relevance'): SearchState => ({ q, sort, filters: {} });
const sorted = (results: PagefindSearchResult[] | null) => results?.map((r) => r.id).toSorted() ?? null;

/**
 * The words per chunk that cut one index's words right after "polic", as a frequent word does.
 * Chunks of one word are left out: Pagefind shortens a chunk's first word against the chunk before
 * and its last word against the chunk after, so a chunk of one word can have its range backwards
 * ("polici" to "p"), and no word beginning with "polic" loads it (a limit of Pagefind itself).
 */
function cutAfterPolic(): number {
  for (let n = 2; n < 20; n++)
    if (
      fakePagefind(records(false), { stem, chunkWords: n })
        .chunkRanges(0)
        .some(([, to]) => to === 'polic')
    )
      return n;
  throw new Error('no chunk size cuts after "polic"');
}

/** An engine over the records as one index or in parts, with the chunk tables the build writes. */
function engineOver(parted: boolean, chunkWords: number, withTables = true) {
  const pagefind: FakePagefind = fakePagefind(records(parted), { stem, chunkWords });
  const parts = parted ? [1, 2, 3] : [0];
  const engine = searchEngine(pagefind, parted ? PARTS : ONE, {
    // As the build writes them (src/search/index-chunks.ts) and the page reads them.
    wordCuts: withTables ? parts.map((p) => parseWordCuts(wordCutsLine(pagefind.chunkRanges(p)))!) : [],
  });
  return { pagefind, engine };
}

/** The engine's final answer for a query, as the page shows it (scope, then results). */
async function answer(engine: ReturnType<typeof searchEngine>, q: string, sort: SearchState['sort'] = 'relevance') {
  return sorted(await engine.resultsFor(state(q, sort), await engine.scopeOf(q)));
}

describe('a word finds the same whatever the word chunks loaded', () => {
  test('the fake cuts one index between "polic" and "polici", as Pagefind does after a frequent word', () => {
    const ranges = fakePagefind(records(false), { stem, chunkWords: cutAfterPolic() }).chunkRanges(0);
    const cut = ranges.findIndex(([, to]) => to === 'polic');
    expect(ranges[cut + 1]![0]).toBe('polici');
    expect(expected('police')).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((s) => `/articles/${s}/`));
  });

  test('"police" finds the policy records in a fresh index, as it does after "policy" was searched', async () => {
    const n = cutAfterPolic();
    const fresh = engineOver(false, n).engine;
    expect(await answer(fresh, 'police')).toEqual(expected('police'));
    const after = engineOver(false, n).engine;
    expect(await answer(after, 'policy')).toEqual(expected('policy'));
    expect(await answer(after, 'police')).toEqual(expected('police'));
  });

  test('one index and parts give the same results and counts, at every chunk size', async () => {
    for (let n = 2; n <= 8; n++)
      for (const word of ['police', 'policy', 'polic', 'policies', 'poli', 'harbor', 'patrols']) {
        const [one, many] = [engineOver(false, n).engine, engineOver(true, n).engine];
        const oneResults = await answer(one, word);
        expect(oneResults, `one index, ${n} words a chunk, "${word}"`).toEqual(expected(word));
        expect(await answer(many, word), `parts, ${n} words a chunk, "${word}"`).toEqual(oneResults);
        expect(await answer(many, word, 'newest')).toEqual(oneResults);
        const counts = async (engine: typeof one) =>
          (await engine.countsFor(state(word), await engine.scopeOf(word))).topic;
        expect(await counts(many), `counts, ${n} words a chunk, "${word}"`).toEqual(await counts(one));
      }
  });

  test('a part where no word begins with the stem is left out, though Pagefind answers it with a shorter word', async () => {
    const { engine, pagefind } = engineOver(true, 2);
    // Part 1 has "polic" only: Pagefind answers "policies" (stem "polici") there with "polic".
    expect(sorted((await pagefind.search('policies', { filters: { part: { any: ['1'] } } }))!.results)).toEqual([
      '/articles/r1/',
      '/articles/r2/',
    ]);
    expect((await engine.scopeOf('policies'))?.toSorted()).toEqual(['2', '3']);
    expect(await answer(engine, 'policies')).toEqual(expected('policies'));
  });

  test('without the chunk tables a fresh index answers by where it was cut (what the tables are for)', async () => {
    const { engine } = engineOver(false, cutAfterPolic(), false);
    expect(await answer(engine, 'police')).not.toEqual(expected('police'));
  });

  test('the chunks are loaded once per word, and a word far from every cut loads nothing more', async () => {
    const { engine, pagefind } = engineOver(false, cutAfterPolic());
    await answer(engine, 'police');
    await answer(engine, 'police');
    expect(pagefind.preloads).toHaveLength(1);
    await answer(engine, 'harbor');
    expect(pagefind.preloads).toHaveLength(1);
  });
});

// A word no record holds: Pagefind answers it with the longest loaded word it begins with, and the
// engine tells that from a real match by comparing what the word and the word with letters no word
// has appended match (search-engine.ts, Scope). Both match the same records, positions and metadata
// fields, but Pagefind lists the fields in a hash map's order, which changes from search to search
// (the fake turns it at each search): compared as lists, "judgesxyz" looked like a real match in a
// person page whose aliases and quotes both have "judges".

/** Records with words in several metadata fields, as person pages carry aliases and quotes. */
const FIELDED: [slug: string, part: number, content: string, meta: Record<string, string>][] = [
  ['a1', 1, 'immigration judges said the court was full', { title: 'judges hit back', people: 'Ashley Tabaddor' }],
  ['a2', 2, 'the harbor board met at noon', { title: 'harbor board', people: 'Maria Okafor' }],
  [
    'p1',
    3,
    'Dana Marks, an immigration judge',
    { title: 'Dana Marks', aliases: 'Judge Marks', quotes: 'judges are tired' },
  ],
];

function fieldedRecords(parted: boolean): FakeRecord[] {
  return FIELDED.map(([slug, part, content, meta]) => ({
    url: `/records/${slug}/`,
    part: parted ? part : 0,
    content,
    meta,
    filters: { topic: ['any'], ...(parted && { part: [String(part)] }) },
    date: '2020-01-01',
  }));
}

/** The records a query word finds by the oracles' rule (its stem begins a word's stem), in content or metadata. */
function fieldedExpected(word: string): string[] {
  const s = stem(word);
  const wordsOf = (text: string) =>
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter(Boolean);
  return FIELDED.filter(([, , content, meta]) =>
    [content, ...Object.values(meta)].flatMap(wordsOf).some((w) => stem(w).startsWith(s)),
  )
    .map(([slug]) => `/records/${slug}/`)
    .sort();
}

describe('a word in no record finds nothing, rather than records with a shorter word', () => {
  test('the fake lists the metadata fields matched in another order at the next search, as Pagefind may', async () => {
    const pagefind = fakePagefind(fieldedRecords(false), { stem });
    const fields = async (q: string) =>
      (await pagefind.search(q))!.results.find((r) => r.id === '/records/p1/')!.matchedMetaFields;
    const [first, second] = [await fields('judgesxyz'), await fields('judgesxyz')];
    expect(first?.toSorted()).toEqual(['aliases', 'quotes']);
    expect(second).toEqual(first?.toReversed());
  });

  test('one index and parts, at every chunk size, whatever order the fields come in', async () => {
    const words = [
      'judgesxyz',
      'judgesxyzqxzjq',
      'tiredness',
      'harborside',
      'okaforianism',
      'judg',
      'judges',
      'tired',
      'harbor',
    ];
    expect(words.filter((w) => fieldedExpected(w).length === 0)).toEqual(words.slice(0, 5));
    const wrong: string[] = [];
    for (const chunkWords of [undefined, 2, 3, 4, 5, 6, 7, 8])
      for (const parted of [false, true])
        for (const word of words) {
          const pagefind = fakePagefind(fieldedRecords(parted), { stem, ...(chunkWords && { chunkWords }) });
          const partsOf = parted ? [1, 2, 3] : [0];
          const engine = searchEngine(pagefind, parted ? PARTS : ONE, {
            wordCuts: partsOf.map((p) => parseWordCuts(wordCutsLine(pagefind.chunkRanges(p)))!),
          });
          const where = `${parted ? 'parts' : 'one index'}, ${chunkWords ?? 'all'} words a chunk, "${word}"`;
          const got = await answer(engine, word);
          if (JSON.stringify(got) !== JSON.stringify(fieldedExpected(word))) wrong.push(`${where}: ${got?.join(' ')}`);
        }
    expect(wrong).toEqual([]);
  });
});

describe('warming Pagefind up before the first search', () => {
  test('one search over every part, which loads no chunk and finds nothing', async () => {
    for (const parted of [false, true]) {
      const { pagefind, engine } = engineOver(parted, 2);
      await engine.warm();
      expect(pagefind.searches).toHaveLength(1);
      expect(pagefind.preloads).toEqual([]);
      for (const part of parted ? [1, 2, 3] : [0]) expect(pagefind.loadedChunks(part)).toBe(0);
      expect((await pagefind.search(pagefind.searches[0]![0], {}))?.results).toEqual([]);
      // What is searched next is as on a fresh page.
      expect(await answer(engine, 'police')).toEqual(expected('police'));
    }
  });

  test("the word comes after the first letter of every index's last word; none is asked without the cuts", async () => {
    expect(pastEveryWord([{ first: 'a', last: 'yellow', cuts: [] }])).toBe('z');
    expect(
      pastEveryWord([
        { first: 'a', last: 'yellow', cuts: [] },
        { first: 'b', last: 'zulu', cuts: [] },
      ]),
    ).toBe('þ');
    expect(pastEveryWord([{ first: 'a', last: '中文', cuts: [] }])).toBeUndefined();
    const { pagefind, engine } = engineOver(true, 2, false);
    await engine.warm();
    expect(pagefind.searches).toEqual([]);
  });
});
