import { describe, expect, test } from 'vitest';
import { searchEngine } from '../../src/search/browser/search-engine.ts';
import type { PagefindSearchResult } from '../../src/search/browser/pagefind-types.ts';
import type { SearchState } from '../../src/search/browser/search-state.ts';
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
const parted = () =>
  fakePagefind([
    article('a2015', '2015-03-01', 'A lantern report from the quay.', { source: 'Gazette' }, 1, true),
    article('a2016', '2016-11-20', 'Quay report number two.', { source: 'Ledger' }, 1, true),
    article('a2017', '2017-05-05', 'The lantana hedge report.', { source: 'Gazette' }, 2, true),
    article('a2018', '2018-08-08', 'Another report on hedges.', { source: 'Ledger' }, 2, true),
    article('a2019', '2019-01-10', 'A report on the lantern fair.', { source: 'Ledger' }, 3, true),
    article('a2020', '2020-12-31', 'Year-end report: lanterns lit.', { source: 'Gazette' }, 3, true),
    person('rita-report', 'Rita Quay', 'Wrote every report.', 0, true),
  ]);

describe('word scope: a word is kept to where it occurs', () => {
  test('a word in no record finds nothing, though Pagefind would search a shorter word', async () => {
    const pagefind = single();
    const engine = searchEngine(pagefind, ONE);
    expect(engine.scopeFirst).toBe(true);
    // Pagefind on its own answers "ashdownish" with the records that have "ash…" words.
    expect((await pagefind.search('ashdownish'))!.results.length).toBeGreaterThan(0);
    const scope = await engine.scopeOf('ashdownish');
    expect(scope).toEqual([]);
    expect(await engine.resultsFor(state('ashdownish'), scope)).toEqual([]);
    expect(await engine.countsFor(state('ashdownish'), scope)).toEqual({});
    // One word nowhere: the query finds nothing (Pagefind would drop or shorten the word).
    expect(await engine.scopeOf('judges ashdownish')).toEqual([]);
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
    expect(engine.scopeFirst).toBe(false);
    // Unchecked, "lantern" also finds the part where only "lantana" begins with "lant".
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

  test('counts are kept to the parts where the words occur', async () => {
    const engine = searchEngine(parted(), PARTS);
    const counts = await engine.countsFor(state('lantern'), await engine.scopeOf('lantern'));
    expect(counts.source).toEqual({ Gazette: 2, Ledger: 1 });
    expect(counts.year).toEqual({ '2015': 1, '2016': 0, '2017': 0, '2018': 0, '2019': 1, '2020': 1 });
  });
});

describe('person pages', () => {
  test('in one index by date, the undated person pages come after the dated results', async () => {
    const engine = searchEngine(single(), ONE);
    expect(urls(await engine.resultsFor(state('judges', { sort: 'newest' }), null))).toEqual([
      '/articles/judges-hit-back/',
      '/articles/lantern-case/',
      '/people/ashley-tabaddor/',
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
