import { expect, test } from 'vitest';
import { resultSummary } from '../../src/search/browser/result-summary.ts';
import type { PagefindSearchFragment } from '../../src/search/browser/pagefind-types.ts';

// What a search result shows, decided from its data alone: the date line, a link to the earlier
// version whose passage holds the words, the passage, and what a match without a highlighted word
// was on.

/** A loaded result with `data` over a plain article's. */
function loaded(data: Partial<PagefindSearchFragment>, matchedMetaFields: string[] = []) {
  const fragment: PagefindSearchFragment = {
    url: '/articles/a/',
    content: 'The council met today.',
    excerpt: 'The <mark>council</mark> met today.',
    meta: { title: 'Council meets', source: 'Gazette', date: '3 May 2021', day: '2021-05-03' },
    filters: {},
    word_count: 4,
    locations: [1],
    ...data,
  };
  return {
    result: { id: 'a', score: 1, words: [], matchedMetaFields, data: () => Promise.resolve(fragment) },
    data: fragment,
  };
}

test('an article found in its latest text: its date line and Pagefind excerpt, no note', () => {
  expect(resultSummary(loaded({}, ['title']))).toEqual({
    kicker: 'Gazette',
    title: 'Council meets',
    url: '/articles/a/',
    date: { text: '3 May 2021', day: '2021-05-03' },
    excerpt: { pagefind: 'The <mark>council</mark> met today.' },
  });
});

test('words only in an earlier version link to that version, with the passage from there', () => {
  // Latest text: 4 words; the earlier passage ("harbor plans scrapped") from version 20200101.
  const summary = resultSummary(
    loaded({
      content: 'The council met today.\n\nharbor plans scrapped',
      filters: { latestWords: ['4'], earlierVersions: ['4:20200101'] },
      locations: [5],
    }),
  );
  expect(summary.earlierVersion).toBe('/articles/a/versions/20200101/');
  expect(summary.excerpt).toEqual({
    runs: [
      { text: 'harbor ', mark: false },
      { text: 'plans', mark: true },
      { text: ' scrapped', mark: false },
    ],
  });
});

test('a match on metadata only says what it was on; a person page by name', () => {
  const plain = { excerpt: 'The council met today.', locations: [] };
  expect(resultSummary(loaded(plain, ['title', 'byline', 'day'])).matchNote).toBe(
    'Found by the headline and the byline.',
  );
  const person = resultSummary(
    loaded({ ...plain, url: '/people/p/', meta: { title: 'Rita Quay', aliases: 'R. Quay' } }, ['aliases', 'title']),
  );
  expect(person).toMatchObject({ kicker: 'Person', title: 'Rita Quay', matchNote: 'Found by name.' });
  expect(person.date).toBeUndefined();
});

test('a person page without a description shows its name once: no passage repeating it, found by the name', () => {
  const bare = loaded(
    {
      url: '/people/rosa-delgado/',
      content: 'Rosa Delgado',
      excerpt: '<mark>Rosa</mark> Delgado',
      meta: { title: 'Rosa Delgado' },
    },
    ['title'],
  );
  const summary = resultSummary(bare);
  expect(summary.title).toBe('Rosa Delgado');
  expect(summary.excerpt).toEqual({ runs: [] });
  expect(summary.matchNote).toBe('Found by name.');
  // With a description, the description is the passage.
  const described = loaded(
    {
      url: '/people/rosa-delgado/',
      content: 'A councillor.',
      excerpt: 'A councillor.',
      meta: { title: 'Rosa Delgado' },
    },
    ['title'],
  );
  expect(resultSummary(described).excerpt).toEqual({ pagefind: 'A councillor.' });
});
