import { expect, test } from 'vitest';
import { elsewhereText, otherLanguages, type OtherLanguage } from '../../src/search/browser/other-languages.ts';
import type { Pagefind } from '../../src/search/browser/pagefind-types.ts';
import type { SearchState } from '../../src/search/browser/search-state.ts';
import { fakePagefind, type FakeRecord } from '../helpers/fake-pagefind.ts';

// A search page asks the archive's other languages the same question, each through its own
// Pagefind (its own language's word rules), and says which have matches, with links. Expected
// answers are written out by hand from the records below (case search/articles-in-other-languages).

function article(slug: string, content: string, person: string[] = [], part = 0): FakeRecord {
  return {
    url: `/articles/2024/08/${slug}/`,
    part,
    content,
    meta: { title: slug, source: 'Daily Planet', date: '2024-08-05' },
    filters: { person, source: ['Daily Planet'], topic: [], year: ['2024'] },
    date: '2024-08-05',
  };
}

const INDEXES: Record<string, FakeRecord[]> = {
  de: [
    article('wahl-de', 'Bei der Landtagswahl in Sachsen treten neunzehn Parteien an. Macron gratulierte nicht.'),
    article('asyl-de', 'Der Landtag stritt über das Asylrecht.', ['Emmanuel Macron']),
  ],
  fr: [article('macron-fr', 'Le président Emmanuel Macron a nommé lundi un nouveau Premier ministre.')],
};

const one = { dirs: [''], byDate: [0], undated: [] };
const LANGUAGES: OtherLanguage[] = [
  { lang: 'de', name: 'German', href: '/archive/search/de/', parts: one },
  { lang: 'fr', name: 'French', href: '/archive/search/fr/', parts: one },
];

const state = (q: string, more: Partial<SearchState> = {}): SearchState => ({
  q,
  sort: 'relevance',
  filters: {},
  ...more,
});

/** The other languages over the fake indexes, with a record of which languages were loaded. */
function setup(fail: string[] = []) {
  const loads: string[] = [];
  const others = otherLanguages(LANGUAGES, async (l): Promise<Pagefind> => {
    loads.push(l.lang);
    if (fail.includes(l.lang)) throw new Error(`could not load ${l.lang}`);
    return fakePagefind(INDEXES[l.lang]!);
  });
  return { others, loads };
}

test('a word found in other languages: each language with its count and a link to its own search', async () => {
  const { others } = setup();
  expect(await others.matches(state('Macron', { sort: 'newest' }))).toEqual([
    { lang: 'de', name: 'German', count: 1, href: '/archive/search/de/?q=Macron&sort=newest' },
    { lang: 'fr', name: 'French', count: 1, href: '/archive/search/fr/?q=Macron&sort=newest' },
  ]);
  expect(await others.matches(state('Sachsen'))).toEqual([
    { lang: 'de', name: 'German', count: 1, href: '/archive/search/de/?q=Sachsen' },
  ]);
  // The filters go along: a count is what the link shows.
  expect(await others.matches(state('Landtag', { filters: { person: ['Emmanuel Macron'] } }))).toEqual([
    {
      lang: 'de',
      name: 'German',
      count: 1,
      href: '/archive/search/de/?q=Landtag&person=Emmanuel+Macron',
    },
  ]);
});

test('a search with filters and no words is asked of the other languages too', async () => {
  const { others } = setup();
  const errors: unknown[] = [];
  const log = console.error;
  console.error = (e: unknown) => errors.push(e);
  try {
    // Only the German index has this person: the French one counts zero, without failing.
    expect(await others.matches(state('', { filters: { person: ['Emmanuel Macron'] } }))).toEqual([
      { lang: 'de', name: 'German', count: 1, href: '/archive/search/de/?person=Emmanuel+Macron' },
    ]);
    expect(await others.matches(state('', { filters: { year: ['2024'] }, sort: 'oldest' }))).toEqual([
      { lang: 'de', name: 'German', count: 2, href: '/archive/search/de/?year=2024&sort=oldest' },
      { lang: 'fr', name: 'French', count: 1, href: '/archive/search/fr/?year=2024&sort=oldest' },
    ]);
    // A value no other index has (the filters are each language's own), and a filter none of their records has.
    expect(await others.matches(state('', { filters: { quoted: ['Dana Marks'] } }))).toEqual([]);
    expect(await others.matches(state('', { filters: { person: ['Jeff Sessions'], year: ['2024'] } }))).toEqual([]);
    // Words and filters together, where the filter's value is only in one language.
    expect(await others.matches(state('Macron', { filters: { year: ['2024'] } }))).toEqual([
      { lang: 'de', name: 'German', count: 1, href: '/archive/search/de/?q=Macron&year=2024' },
      { lang: 'fr', name: 'French', count: 1, href: '/archive/search/fr/?q=Macron&year=2024' },
    ]);
  } finally {
    console.error = log;
  }
  expect(errors).toEqual([]);
});

test('a word in no language finds nothing anywhere, though Pagefind would shorten it', async () => {
  const { others } = setup();
  // "Sachsenring" is nowhere: Pagefind would search "sachsen" in its place.
  expect(await others.matches(state('Sachsenring'))).toEqual([]);
});

test('languages are loaded once, when the reader first searches, never for an archive of one language', async () => {
  const { others, loads } = setup();
  expect(others.none).toBe(false);
  expect(await others.matches(state(''))).toEqual([]);
  expect(loads).toEqual([]);
  await others.matches(state('Macron'));
  await others.matches(state('Sachsen'));
  expect(loads.toSorted()).toEqual(['de', 'fr']);
  let asked = false;
  const alone = otherLanguages([], async () => {
    asked = true;
    throw new Error('nothing to load');
  });
  expect(alone.none).toBe(true);
  expect(await alone.matches(state('Macron'))).toEqual([]);
  expect(asked).toBe(false);
});

test('a language whose index cannot load counts as no matches; the others still answer', async () => {
  const { others } = setup(['de']);
  const errors: unknown[] = [];
  const log = console.error;
  console.error = (e: unknown) => errors.push(e);
  try {
    expect((await others.matches(state('Macron'))).map((m) => m.lang)).toEqual(['fr']);
  } finally {
    console.error = log;
  }
  expect(errors).toHaveLength(1);
});

test('the status with nothing here but matches elsewhere never reads "No results"', () => {
  const de = { lang: 'de', name: 'German', count: 1, href: '' };
  const fr = { lang: 'fr', name: 'French', count: 2, href: '' };
  expect(elsewhereText('English', 'Sachsen', [de])).toBe('0 results in English for “Sachsen”; 1 in German.');
  expect(elsewhereText('English', 'Macron', [de, fr])).toBe('0 results in English for “Macron”; 3 in other languages.');
  expect(elsewhereText('English', 'x', [de])).not.toMatch(/\bNo results\b/);
  // A search without words names its filters, as the count of results does.
  const en = { lang: 'en', name: 'English', count: 3, href: '' };
  expect(elsewhereText('French', '', [en], { quoted: ['Dana Marks'] })).toBe(
    '0 results in French for quoted: Dana Marks; 3 in English.',
  );
  expect(elsewhereText('French', 'Sessions', [en], { person: ['Jeff Sessions'], year: ['2017', '2018'] })).toBe(
    '0 results in French for “Sessions”, person: Jeff Sessions, year: 2017 or 2018; 3 in English.',
  );
});
