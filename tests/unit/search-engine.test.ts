import { describe, expect, test } from 'vitest';
import { searchEngine } from '../../src/search/browser/search-engine.ts';
import type { PagefindSearchResult } from '../../src/search/browser/pagefind-types.ts';
import type { SearchState } from '../../src/search/browser/search-state.ts';
import { figureTokens } from '../../src/search/figures.ts';
import { fakePagefind, type FakeRecord } from '../helpers/fake-pagefind.ts';

// The search page's engine against a fake Pagefind (tests/helpers/fake-pagefind.ts): which words
// find what (word scope), an index in parts, date order across parts, where person pages go,
// and the filter counts. Expected answers are written out by hand from the records below.

/** An article record; `part` also becomes the hidden part filter when `parted`. */
function article(
  slug: string,
  date: string,
  content: string,
  facets: { person?: string[]; source: string; topic?: string[] },
  part = 0,
  parted = false,
): FakeRecord {
  return {
    url: `/articles/${slug}/`,
    part,
    content,
    meta: { title: slug, source: facets.source, date },
    filters: {
      person: facets.person ?? [],
      source: [facets.source],
      topic: facets.topic ?? [],
      year: [date.slice(0, 4)],
      ...(parted && { part: [String(part)] }),
    },
    date,
  };
}

/** A person page record: no source, no date, no filter but the part. */
function person(slug: string, name: string, description: string, part = 0, parted = false): FakeRecord {
  return {
    url: `/people/${slug}/`,
    part,
    content: description,
    meta: { title: name },
    filters: parted ? { part: [String(part)] } : {},
    // The people's order is by id, as the records' (src/search/records.ts).
    person: slug,
  };
}

const state = (q: string, more: Partial<SearchState> = {}): SearchState => ({
  q,
  sort: 'relevance',
  filters: {},
  ...more,
});

const urls = (results: PagefindSearchResult[] | null) => results?.map((r) => r.id) ?? null;

// One index (a single part): three articles, two person pages.
const ONE = { dirs: [''], byDate: [0], undated: [] };
const single = () =>
  fakePagefind([
    article('judges-hit-back', '2018-09-01', 'Judge Ashley Tabaddor said the judges were independent.', {
      person: ['Jeff Sessions', 'Ashley Tabaddor'],
      source: 'The Hill',
      topic: ['immigration'],
    }),
    article('harbor-board', '2020-01-15', 'The harbor board went ashore at noon to report.', {
      person: ['Maria Okafor'],
      source: 'Harbor Gazette',
      topic: ['harbors'],
    }),
    article('lantern-case', '2015-06-30', 'Two judges ruled on the lantern case.', {
      source: 'Harbor Gazette',
      topic: ['courts'],
    }),
    // Found by "judges" through the description only, and ranked first by it.
    person(
      'ashley-tabaddor',
      'Ashley Tabaddor',
      'Tabaddor led the judges union; judges and more judges elected Tabaddor twice.',
    ),
    person('jeff-sessions', 'Jeff Sessions', 'Former attorney general.'),
  ]);

// An index in four parts: people in part 0, articles of 2015-16, 2017-18 and 2019-20 in parts 1-3.
const PARTS = { dirs: ['part-1/', 'part-0/', 'part-2/', 'part-3/'], byDate: [1, 2, 3], undated: [0] };
const PARTED_RECORDS = () => [
  article('a2015', '2015-03-01', 'A lantern report from the quay.', { source: 'Gazette' }, 1, true),
  article('a2016', '2016-11-20', 'Quay report number two.', { source: 'Ledger' }, 1, true),
  article('a2017', '2017-05-05', 'The lant and lantana hedge report.', { source: 'Gazette' }, 2, true),
  article('a2018', '2018-08-08', 'Another report on hedges.', { source: 'Ledger' }, 2, true),
  article('a2019', '2019-01-10', 'A report on the lantern fair.', { source: 'Ledger' }, 3, true),
  article('a2020', '2020-12-31', 'Year-end report: lanterns lit.', { source: 'Gazette' }, 3, true),
  person('rita-report', 'Rita Quay', 'Wrote every report.', 0, true),
];
const parted = () => fakePagefind(PARTED_RECORDS());

describe('word scope: a word is kept to where it occurs', () => {
  test('a word in no record finds nothing, though Pagefind would search a shorter word', async () => {
    const pagefind = single();
    const engine = searchEngine(pagefind, ONE);
    // Pagefind on its own answers "ashleyish" with the records that have "ashley", a word it begins with.
    expect((await pagefind.search('ashleyish'))!.results.length).toBeGreaterThan(0);
    const scope = await engine.scopeOf('ashleyish');
    expect(scope).toEqual([]);
    expect(await engine.resultsFor(state('ashleyish'), scope)).toEqual([]);
    expect(await engine.countsFor(state('ashleyish'), scope)).toEqual({});
    // One word nowhere: the query finds nothing (Pagefind would drop or shorten the word).
    expect(await engine.scopeOf('judges ashleyish')).toEqual([]);
    expect(await engine.answerFor(state('judges ashleyish'))).toEqual({ scope: [], results: [] });
  });

  test('a word that occurs, a word still being typed and a quoted phrase search everywhere', async () => {
    const engine = searchEngine(single(), ONE);
    expect(await engine.scopeOf('judges')).toBeNull();
    expect(await engine.scopeOf('Tabadd')).toBeNull();
    expect(await engine.scopeOf('"lantern case"')).toBeNull();
    expect(urls(await engine.resultsFor(state('Tabadd'), null))).toEqual(
      expect.arrayContaining(['/articles/judges-hit-back/', '/people/ashley-tabaddor/']),
    );
  });
});

describe('an index in parts', () => {
  test('a word is kept to the parts where it occurs, not where a shorter word does', async () => {
    const engine = searchEngine(parted(), PARTS);
    // Unchecked, "lantern" also finds the part that has no word beginning with it but has "lant",
    // a word it begins with (Pagefind's fallback).
    expect(urls(await engine.resultsFor(state('lantern'), null))).toContain('/articles/a2017/');
    const scope = await engine.scopeOf('lantern');
    expect(scope?.toSorted()).toEqual(['1', '3']);
    expect(urls(await engine.resultsFor(state('lantern'), scope))?.toSorted()).toEqual([
      '/articles/a2015/',
      '/articles/a2019/',
      '/articles/a2020/',
    ]);
    // A word still being typed is kept to the part where a word begins with it.
    expect(await engine.scopeOf('lantan')).toEqual(['2']);
    // Words in different parts only: no part has both.
    expect(await engine.scopeOf('lantana quay')).toEqual([]);
    // A word in every part is searched everywhere.
    expect(await engine.scopeOf('report')).toBeNull();
  });

  test('in date order, every part is searched on its own and the lists joined; people come last', async () => {
    const engine = searchEngine(parted(), PARTS);
    const newest = urls(await engine.resultsFor(state('report', { sort: 'newest' }), null));
    expect(newest).toEqual([
      '/articles/a2020/',
      '/articles/a2019/',
      '/articles/a2018/',
      '/articles/a2017/',
      '/articles/a2016/',
      '/articles/a2015/',
      '/people/rita-report/',
    ]);
    const oldest = urls(await engine.resultsFor(state('report', { sort: 'oldest' }), null));
    expect(oldest).toEqual([...newest!.slice(0, -1).toReversed(), '/people/rita-report/']);
    // Within a scope, only its parts.
    expect(urls(await engine.resultsFor(state('report', { sort: 'newest' }), ['1', '0']))).toEqual([
      '/articles/a2016/',
      '/articles/a2015/',
      '/people/rita-report/',
    ]);
  });

  test('the first answer is the final one: a word in every part beside a word in none finds nothing', async () => {
    const pagefind = parted();
    // Unchecked, Pagefind answers "quayside" with "quay", a word it begins with, in the parts that
    // have it, and drops it from the query in the others: "report" alone.
    expect((await pagefind.search('report quayside'))!.results.length).toBeGreaterThan(0);
    const engine = searchEngine(pagefind, PARTS);
    for (const sort of ['relevance', 'newest', 'oldest'] as const)
      expect(await engine.answerFor(state('report quayside', { sort }))).toEqual({ scope: [], results: [] });
  });

  test('the first answer of every query is the one it keeps, in parts and in one index', async () => {
    const queries = ['report lantern', 'lantern', 'lantan', 'report quay', 'lantana quay', '"lantern fair"', 'report'];
    for (const sort of ['relevance', 'newest', 'oldest'] as const)
      for (const q of queries) {
        // A fresh page's first answer, and the answer once every word has been checked and searched.
        const first = await searchEngine(parted(), PARTS).answerFor(state(q, { sort }));
        const engine = searchEngine(parted(), PARTS);
        for (const other of queries) await engine.answerFor(state(other, { sort }));
        const settled = await engine.resultsFor(state(q, { sort }), await engine.scopeOf(q));
        expect(urls(first!.results), `${q} (${sort})`).toEqual(urls(settled));
      }
  });

  test('with ids that name their part, the same scopes without the part filter before the results', async () => {
    const queries = ['lantern', 'lantan', 'lantana quay', 'report', 'report quayside', 'lant', 'hedges', 'zzz'];
    const fake = (partIds: boolean) => fakePagefind(PARTED_RECORDS(), { partIds });
    const byUrl = searchEngine(fake(false), PARTS);
    const byIdFake = fake(true);
    const byId = searchEngine(byIdFake, PARTS);
    for (const q of queries) expect(await byId.scopeOf(q), q).toEqual(await byUrl.scopeOf(q));
    // No search of the check asked for the part filter (whose data every part would then load).
    expect(byIdFake.searches.filter(([, o]) => o.filters?.part)).toEqual([]);
  });

  test('a word found whole in every part is checked by one search, which also orders its results', async () => {
    const pagefind = fakePagefind(PARTED_RECORDS(), { partIds: true });
    const engine = searchEngine(pagefind, PARTS);
    expect(await engine.answerFor(state('report'))).toMatchObject({ scope: null });
    const terms = pagefind.searches.map(([term]) => term);
    // The exact search (the check, and the words-as-typed order), and the search itself.
    expect(terms.toSorted()).toEqual(['"report"', 'report']);
  });

  test('with ids that do not name their part, a part where the word only falls back to a shorter one is told apart without searching it alone', async () => {
    const pagefind = parted();
    const engine = searchEngine(pagefind, PARTS);
    // Part 2 has "lant" and "lantana": "lantern" and "lanternqxzjq" both fall back to "lant" there
    // (as many records each), and "lantan" matches "lantana" there, not "lant".
    expect((await engine.scopeOf('lantern'))?.toSorted()).toEqual(['1', '3']);
    expect(await engine.scopeOf('lantan')).toEqual(['2']);
    // Only the searches of each word over every part, and the list of part 2's records.
    // (The searches asked first without filters tell that the ids do not name their parts; "lantan"
    // is found whole nowhere, so its plain and padded searches are the first with results to tell.)
    const oneWord = pagefind.searches.filter(([term, options]) => term !== null && options.filters?.part);
    expect(oneWord.every(([, options]) => options.filters?.part?.any.length === 4)).toBe(true);
    expect(
      pagefind.searches.filter(([term, options]) => term !== null && !options.filters?.part).map(([term]) => term),
    ).toEqual(['"lantern"', '"lantan"', 'lantan', 'lantanqxzjq']);
    expect(pagefind.searches.filter(([term]) => term === null)).toEqual([
      [null, { filters: { part: { any: ['2'] } } }],
    ]);
  });

  test('with ids that name their part, a part where the word only falls back to a shorter one is told apart from the searches over every part', async () => {
    const pagefind = fakePagefind(PARTED_RECORDS(), { partIds: true });
    const engine = searchEngine(pagefind, PARTS);
    expect((await engine.scopeOf('lantern'))?.toSorted()).toEqual(['1', '3']);
    expect(await engine.scopeOf('lantan')).toEqual(['2']);
    // The exact, plain and padded searches of each word, unfiltered, and nothing else.
    expect(pagefind.searches.every(([term, options]) => term !== null && !options.filters?.part)).toBe(true);
    expect(pagefind.searches).toHaveLength(6);
  });

  test('with ids that name their part, a word missing from some parts is answered without the part filter, as the filter answers', async () => {
    for (const q of ['lantern', 'lantan', 'report lantern', 'lantern report', 'hedges']) {
      const byIdFake = fakePagefind(PARTED_RECORDS(), { partIds: true });
      const found = await searchEngine(byIdFake, PARTS).answerFor(state(q));
      // Nothing before the results asked for the part filter, whose data every part would load.
      expect(
        byIdFake.searches.filter(([, o]) => o.filters?.part),
        q,
      ).toEqual([]);
      const expected = await searchEngine(parted(), PARTS).answerFor(state(q));
      expect(found?.scope, q).toEqual(expected?.scope);
      const shown = await Promise.all((found?.results ?? []).map(async (r) => (await r.data()).url));
      expect(shown, q).toEqual(urls(expected?.results ?? null));
    }
  });

  test('with ids that name their part, date order comes from one search without the part filter, as the parts searched alone give it', async () => {
    for (const sort of ['newest', 'oldest'] as const)
      for (const q of ['report', 'lantern', 'report lantern', 'lantan', '']) {
        const more = { sort, filters: q ? {} : { source: ['Gazette'] } };
        const byIdFake = fakePagefind(PARTED_RECORDS(), { partIds: true });
        const found = await searchEngine(byIdFake, PARTS).answerFor(state(q, more));
        expect(
          byIdFake.searches.filter(([, o]) => o.filters?.part),
          `${q} (${sort})`,
        ).toEqual([]);
        const expected = await searchEngine(parted(), PARTS).answerFor(state(q, more));
        const shown = await Promise.all((found?.results ?? []).map(async (r) => (await r.data()).url));
        expect(shown, `${q} (${sort})`).toEqual(urls(expected?.results ?? null));
      }
  });

  test('counts are kept to the parts where the words occur', async () => {
    const engine = searchEngine(parted(), PARTS);
    const counts = await engine.countsFor(state('lantern'), await engine.scopeOf('lantern'));
    expect(counts.source).toEqual({ Gazette: 2, Ledger: 1 });
    expect(counts.year).toEqual({ '2015': 1, '2016': 0, '2017': 0, '2018': 0, '2019': 1, '2020': 1 });
  });
});

describe('person pages', () => {
  test("by date, person pages come after the dated results in the people's order, in one index and in parts", async () => {
    // Ranked by Pagefind, zed-ward (the word three times) would come first; each part ranks on its own.
    const people = (parted: boolean, parts: [number, number]) => [
      article('report-one', '2019-01-10', 'A report.', { source: 'Ledger' }, 2, parted),
      person('abe-ard', 'Abe Ard', 'A report.', parts[0], parted),
      person('kim-lo', 'Kim Lo', 'A report and a report.', parts[0], parted),
      person('zed-ward', 'Zed Ward', 'Report, report and report.', parts[1], parted),
    ];
    const want = ['/articles/report-one/', '/people/abe-ard/', '/people/kim-lo/', '/people/zed-ward/'];
    const one = searchEngine(fakePagefind(people(false, [0, 0])), { dirs: [''], byDate: [0], undated: [] });
    const split = { dirs: ['part-2/', 'part-0/', 'part-1/'], byDate: [2], undated: [0, 1] };
    const many = searchEngine(fakePagefind(people(true, [0, 1])), split);
    for (const sort of ['newest', 'oldest'] as const) {
      expect(urls(await one.resultsFor(state('report', { sort }), null))).toEqual(want);
      expect(urls(await many.resultsFor(state('report', { sort }), null))).toEqual(want);
    }
  });

  test('in one index by date, the undated person pages come after the dated results', async () => {
    const engine = searchEngine(single(), ONE);
    expect(urls(await engine.resultsFor(state('judges', { sort: 'newest' }), null))).toEqual([
      '/articles/judges-hit-back/',
      '/articles/lantern-case/',
      '/people/ashley-tabaddor/',
    ]);
  });

  test('by date, an index without person pages lists each result once', async () => {
    const engine = searchEngine(
      fakePagefind([
        article('report-one', '2019-01-10', 'A report.', { source: 'Ledger' }),
        article('report-two', '2020-01-10', 'Another report.', { source: 'Ledger' }),
      ]),
      ONE,
    );
    expect(urls(await engine.resultsFor(state('report', { sort: 'newest' }), null))).toEqual([
      '/articles/report-two/',
      '/articles/report-one/',
    ]);
  });

  test('a person page found by its description waits until every article is shown', async () => {
    const engine = searchEngine(single(), ONE);
    const found = (await engine.resultsFor(state('judges'), null))!;
    // Pagefind ranks the person page first (its description has the word most often).
    expect(found[0]!.id).toBe('/people/ashley-tabaddor/');
    const queue = engine.queue(found, state('judges'));
    const shown: string[] = [];
    for (let page = await queue.next(1); page.length > 0; page = await queue.next(1))
      shown.push(...page.map((r) => r.data.url));
    expect(shown).toEqual(['/articles/judges-hit-back/', '/articles/lantern-case/', '/people/ashley-tabaddor/']);
    expect(queue.left).toBe(0);
  });

  describe('in parts, with ids that name their part', () => {
    // People in part 0: four found by their description only (the word many times: ranked first),
    // one whose name is the word; articles in parts 1 and 2, the word once each.
    const LEDGER = { dirs: ['part-1/', 'part-0/', 'part-2/'], byDate: [1, 2], undated: [0] };
    const records = () => [
      article('ledger-one', '2019-01-10', 'The ledger.', { source: 'Post' }, 1, true),
      article('ledger-two', '2019-02-10', 'A ledger.', { source: 'Post' }, 1, true),
      article('ledger-three', '2020-01-10', 'Ledger line.', { source: 'Post' }, 2, true),
      person('ann-bay', 'Ann Bay', 'Ledger ledger ledger ledger.', 0, true),
      person('bo-cole', 'Bo Cole', 'Ledger ledger ledger ledger.', 0, true),
      person('cy-dunn', 'Cy Dunn', 'Ledger ledger ledger.', 0, true),
      person('di-eng', 'Di Eng', 'Ledger ledger ledger.', 0, true),
      person('lena-ledger', 'Lena Ledger', 'Kept the books.', 0, true),
    ];

    /**
     * The results with each one's data() wrapped: `rounds` gets, for each call, how many data()
     * answers had come back before it (one round of loading: every call at the same count).
     */
    function counted(results: PagefindSearchResult[]) {
      const calls: number[] = [];
      let answered = 0;
      const wrapped = results.map((r) => ({
        ...r,
        data: async () => {
          calls.push(answered);
          const data = await r.data();
          // Answered a task later, as a fetch is.
          await new Promise((resolve) => setTimeout(resolve, 0));
          answered++;
          return data;
        },
      }));
      return { wrapped, rounds: () => new Set(calls).size, loads: () => calls.length };
    }

    /** Every result a queue hands out, `size` at a time, by url. */
    async function handedOut(
      engine: ReturnType<typeof searchEngine>,
      found: PagefindSearchResult[],
      q: string,
      size: number,
    ) {
      const queue = engine.queue(found, state(q));
      const shown: string[] = [];
      for (let page = await queue.next(size); page.length > 0; page = await queue.next(size)) {
        expect(page.length === size || queue.left === 0).toBe(true);
        shown.push(...page.map((r) => r.data.url));
      }
      return shown;
    }

    test('the person pages before the first results are read in one round, not a few at a time', async () => {
      const engine = searchEngine(fakePagefind(records(), { partIds: true }), LEDGER);
      const found = (await engine.resultsFor(state('ledger'), null))!;
      // Pagefind ranks the four people found by their description first.
      const people = ['/people/ann-bay/', '/people/bo-cole/', '/people/cy-dunn/', '/people/di-eng/'];
      const ranked = await Promise.all(found.map(async (r) => (await r.data()).url));
      expect(ranked.slice(0, 4).toSorted()).toEqual(people);
      const { wrapped, rounds, loads } = counted(found);
      const first = await engine.queue(wrapped, state('ledger')).next(2);
      expect(first.map((r) => r.data.url)).toEqual(
        ranked.filter((u) => u.startsWith('/articles/') || u === '/people/lena-ledger/').slice(0, 2),
      );
      // Before: two at a time, three rounds (two people, two people, then the articles).
      expect(rounds()).toBe(1);
      // As far as the second result shown, and no further: the people before it are read to tell
      // where they go (none of their names matched), and nothing after it.
      expect(loads()).toBe(ranked.indexOf(first[1]!.data.url) + 1);
    });

    test('a name typed loads no more than the results shown', async () => {
      const engine = searchEngine(fakePagefind(records(), { partIds: true }), LEDGER);
      for (const q of ['lena', 'Lena Ledger']) {
        const found = (await engine.resultsFor(state(q), null))!;
        const { wrapped, loads } = counted(found);
        const first = await engine.queue(wrapped, state(q)).next(1);
        expect(first.map((r) => r.data.url)).toEqual(['/people/lena-ledger/']);
        expect(loads()).toBe(1);
      }
    });

    test('what is handed out, and in what order, is as when results are read a few at a time', async () => {
      const pagefind = fakePagefind(records(), { partIds: true });
      const engine = searchEngine(pagefind, LEDGER);
      for (const q of ['ledger', 'Ledger line', 'lena', 'books ledger']) {
        const found = (await engine.resultsFor(state(q), null))!;
        const ranked = await Promise.all(found.map(async (r) => (await r.data()).url));
        // By the rule: articles, and people every typed word begins a word of whose name, where
        // ranked; the others after (only Lena Ledger's name has "ledger" or "lena").
        const typed = q.toLowerCase().split(' ');
        const named = (u: string) =>
          u.startsWith('/articles/') ||
          (u === '/people/lena-ledger/' && typed.every((w) => ['lena', 'ledger'].some((n) => n.startsWith(w))));
        const want = [...ranked.filter(named), ...ranked.filter((u) => !named(u))];
        for (const size of [1, 2, 3, 5, 10])
          expect(await handedOut(engine, found, q, size), `${q}, ${size}`).toEqual(want);
      }
    });
  });

  test('a person page whose name is typed with a minus word stays where Pagefind ranks it', async () => {
    const engine = searchEngine(single(), ONE);
    const found = (await engine.resultsFor(state('Tabaddor -judges'), null))!;
    expect(found[0]!.id).toBe('/people/ashley-tabaddor/');
    const first = await engine.queue(found, state('Tabaddor -judges')).next(5);
    expect(first[0]!.data.url).toBe('/people/ashley-tabaddor/');
  });

  test('a person page whose name is typed stays where Pagefind ranks it', async () => {
    const engine = searchEngine(single(), ONE);
    const found = (await engine.resultsFor(state('Tabaddor'), null))!;
    expect(found[0]!.id).toBe('/people/ashley-tabaddor/');
    const first = await engine.queue(found, state('Tabaddor')).next(5);
    expect(first.map((r) => r.data.url)).toEqual(['/people/ashley-tabaddor/', '/articles/judges-hit-back/']);
  });
});

describe('counts', () => {
  test('each value counts what ticking it gives: a ticked filter without its own values', async () => {
    const engine = searchEngine(single(), ONE);
    const ticked = state('judges', { filters: { person: ['Jeff Sessions'] } });
    // The results first (their answer is asked before the filters' data is loaded).
    expect(urls(await engine.resultsFor(ticked, null))).toEqual(['/articles/judges-hit-back/']);
    const counts = await engine.countsFor(ticked, null);
    // "judges" alone is in judges-hit-back and lantern-case: the person filter counts among both.
    expect(counts.person).toEqual({ 'Jeff Sessions': 1, 'Ashley Tabaddor': 1, 'Maria Okafor': 0 });
    // The other filters count with Jeff Sessions ticked: judges-hit-back only.
    expect(counts.source).toEqual({ 'The Hill': 1, 'Harbor Gazette': 0 });
    expect(counts.topic).toEqual({ immigration: 1, harbors: 0, courts: 0 });
    expect(counts.year).toEqual({ '2018': 1, '2020': 0, '2015': 0 });
  });
});

// ---------------------------------------------------------------------------------------------
// What readers type: figures as printed, phrases in any quotes, the word itself before longer
// words, a minus, and what to try when nothing is found.

/** An article whose record carries the tokens of the figures it prints, as records.ts writes them. */
function printed(slug: string, date: string, content: string, part = 0, parted = false): FakeRecord {
  const r = article(slug, date, content, { source: 'Daily Planet' }, part, parted);
  const tokens = figureTokens(`${slug}\n${content}`).join(' ');
  return tokens ? { ...r, meta: { ...r.meta, figures: tokens } } : r;
}

// The figures case (search/figures-and-currency), with a third article of other decimals.
const figures = (parted = false) =>
  fakePagefind([
    printed(
      'bus-fares',
      '2019-05-14',
      'The transport authority froze bus fares at 18 pence a stop and said 911 new shelters would be built by the end of the decade. Route 35 will run every five minutes.',
      0,
      parted,
    ),
    printed(
      'memorial-budget',
      '2021-09-09',
      'Twenty years after the 9/11 attacks, the memorial museum says its running costs have reached $1.8 billion over two decades. Admission will rise by $5 next year, and the museum expects 3.5% more visitors. About 10,000 people attended.',
      parted ? 1 : 0,
      parted,
    ),
    printed(
      'rates',
      '2022-03-01',
      'Rates rose to 1.85 from 35 and 180 pence; the fund holds $50 and £5, and 100,000 savers.',
      parted ? 1 : 0,
      parted,
    ),
  ]);
const TWO = { dirs: ['part-0/', 'part-1/'], byDate: [0, 1], undated: [] };

/** The urls a query finds, through the engine's own steps (scope, then results). */
async function found(engine: ReturnType<typeof searchEngine>, q: string, more: Partial<SearchState> = {}) {
  return urls(await engine.resultsFor(state(q, more), await engine.scopeOf(q)));
}

describe('figures as printed', () => {
  for (const [name, engine] of [
    ['one index', () => searchEngine(figures(), ONE)],
    ['in parts', () => searchEngine(figures(true), TWO)],
  ] as const)
    test(`a figure finds the articles that print it, and no article that only has its digits (${name})`, async () => {
      const e = engine();
      // Pagefind alone: "1.8" is 18, which "18 pence" has.
      expect(urls((await figures().search('1.8'))!.results)).toContain('/articles/bus-fares/');
      expect(await found(e, '$1.8 billion')).toEqual(['/articles/memorial-budget/']);
      expect(await found(e, '$5')).toEqual(['/articles/memorial-budget/']);
      expect(await found(e, '£5')).toEqual(['/articles/rates/']);
      expect(await found(e, '1.8')).toEqual(['/articles/memorial-budget/']);
      expect(await found(e, '9/11')).toEqual(['/articles/memorial-budget/']);
      expect(await found(e, '3.5%')).toEqual(['/articles/memorial-budget/']);
      expect(await found(e, '3.5')).toEqual(['/articles/memorial-budget/']);
      expect(await found(e, '10,000')).toEqual(['/articles/memorial-budget/']);
      expect(await found(e, '1.85')).toEqual(['/articles/rates/']);
      expect(await found(e, '$1.9')).toEqual([]);
      // In a phrase, a figure is the digits Pagefind indexes, next to the other words.
      expect(await found(e, '"$1.8 billion"')).toEqual(['/articles/memorial-budget/']);
      // In date order too.
      expect(await found(e, '1.8', { sort: 'newest' })).toEqual(['/articles/memorial-budget/']);
    });

  test('the excerpt marks the figure as printed', async () => {
    const e = searchEngine(figures(), ONE);
    const results = (await e.resultsFor(state('$1.8 billion'), null))!;
    const [first] = await e.queue(results, state('$1.8 billion')).next(1);
    expect(first!.data.excerpt).toContain('<mark>$1.8</mark>');
    expect(first!.data.excerpt).not.toContain('<mark>$5</mark>');
  });
});

describe('phrases in any quotes', () => {
  const phrases = () =>
    fakePagefind([
      article('master-resigns', '2024-07-01', 'The harbour master resigned on Monday.', { source: 'Planet' }),
      article('master-plan', '2024-07-03', 'The master plan moves the terminal to the harbour.', { source: 'Planet' }),
    ]);
  for (const q of [
    '“harbour master”',
    '„harbour master“',
    '«harbour master»',
    '» harbour master «',
    '‘harbour master’',
  ])
    test(`${q} is a phrase, as "harbour master" is`, async () => {
      const e = searchEngine(phrases(), ONE);
      expect(await found(e, '"harbour master"')).toEqual(['/articles/master-resigns/']);
      expect(await found(e, q)).toEqual(['/articles/master-resigns/']);
    });
});

describe('the word itself before longer words that begin with it', () => {
  const war = () =>
    fakePagefind([
      article(
        'warren-street',
        '2022-02-20',
        'Warren Street will close for warm-weather resurfacing. Warren Street shops got a warning letter.',
        { source: 'Planet' },
      ),
      article('wardens', '2022-02-18', 'Two wardens will patrol; the wardens start in March. Warm coats for wardens.', {
        source: 'Planet',
      }),
      article('war-north', '2022-02-24', 'Fighting spread overnight. The war is the first in the region.', {
        source: 'Planet',
      }),
      article('wars-past', '2022-02-10', 'Two wars and a warden.', { source: 'Planet' }),
    ]);

  test('"war" lists the articles with the word war first, the others in Pagefind\'s order after', async () => {
    const pagefind = war();
    const alone = urls((await pagefind.search('war'))!.results)!;
    expect(alone.indexOf('/articles/war-north/')).toBeGreaterThan(0);
    const e = searchEngine(pagefind, ONE);
    // wars-past has "wars", the word as the fake's exact search (no stemmer) does not find it.
    const ranked = await found(e, 'war');
    expect(ranked![0]).toBe('/articles/war-north/');
    // The rest keep Pagefind's order (a stable sort).
    expect(ranked!.slice(1)).toEqual(alone.filter((u) => u !== '/articles/war-north/'));
  });

  test('the order by date is left alone, and a stop word does not count among several words', async () => {
    const e = searchEngine(war(), ONE);
    expect(await found(e, 'war', { sort: 'newest' })).toEqual([
      '/articles/war-north/',
      '/articles/warren-street/',
      '/articles/wardens/',
      '/articles/wars-past/',
    ]);
    // "the" is whole in every article; "war" still decides.
    expect((await found(e, 'the war'))![0]).toBe('/articles/war-north/');
  });

  test('in a query of several words, the excerpt does not mark stop words', async () => {
    const e = searchEngine(war(), ONE);
    const q = 'the war in the region';
    const results = (await e.resultsFor(state(q), null))!;
    const data = {
      ...(await results[0]!.data()),
      // As Pagefind gives them: "The", "war", "the", "in", "the", "region." (words 3 to 10 but "is" and "first").
      locations: [3, 4, 6, 8, 9, 10],
    };
    const shown = await e.queue([{ ...results[0]!, data: () => Promise.resolve(data) }], state(q)).next(1);
    expect(shown[0]!.data.excerpt).toBe(
      'Fighting spread overnight. The <mark>war</mark> is the first in the <mark>region.</mark>',
    );
  });
});

describe('a minus and no results', () => {
  const archive = () =>
    fakePagefind([
      article('sessions-trump', '2018-01-01', 'Sessions met Trump.', { source: 'Hill' }),
      article('sessions-court', '2018-02-01', 'Sessions spoke to the court.', { source: 'Hill' }),
      article('heatwave', '2019-07-25', 'The heatwave broke records across the county.', { source: 'Hill' }),
      article('heat-pumps', '2020-01-01', 'Heat pumps sold out.', { source: 'Hill' }),
      article('tidal', '2020-02-01', 'A tidal wave hit the pier.', { source: 'Gazette' }),
    ]);

  test('a word typed with a minus is left out, not searched for', async () => {
    const e = searchEngine(archive(), ONE);
    // Pagefind alone drops the minus and looks for both words.
    expect(urls((await archive().search('Sessions -Trump'))!.results)).toEqual(['/articles/sessions-trump/']);
    expect((await found(e, 'Sessions -Trump'))?.toSorted()).toEqual([
      '/articles/sessions-court/',
      '/articles/sessions-trump/',
    ]);
    expect(await found(e, '-Trump')).toEqual([]);
  });

  test('no results: the joined or split spelling the index has, and each word alone, with their counts', async () => {
    const e = searchEngine(archive(), ONE);
    expect(await found(e, 'heat wave')).toEqual([]);
    expect(await e.hintsFor(state('heat wave'))).toEqual([
      { kind: 'spelling', q: 'heatwave', count: 1 },
      { kind: 'fewer', q: 'heat', count: 2 },
      { kind: 'fewer', q: 'wave', count: 1 },
    ]);
    expect(await found(e, 'tidalwave')).toEqual([]);
    expect(await e.hintsFor(state('tidalwave'))).toEqual([{ kind: 'spelling', q: 'tidal wave', count: 1 }]);
    // A phrase: its words anywhere, and each word alone.
    expect(await found(e, '“pumps heat”')).toEqual([]);
    expect(await e.hintsFor(state('“pumps heat”'))).toEqual([
      { kind: 'unquoted', q: 'pumps heat', count: 1 },
      { kind: 'fewer', q: 'pumps', count: 1 },
      { kind: 'fewer', q: 'heat', count: 2 },
    ]);
    // With the filters ticked: only what finds something with them.
    expect(await e.hintsFor(state('heat wave', { filters: { source: ['Gazette'] } }))).toEqual([
      { kind: 'fewer', q: 'wave', count: 1 },
    ]);
  });
});
