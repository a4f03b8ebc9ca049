import { expect, test } from 'vitest';
import { findNoteText, showAllText } from '../../src/search/browser/filters-view.ts';
import { elsewhereText } from '../../src/search/browser/other-languages.ts';
import { resultCountText } from '../../src/search/browser/results-view.ts';
import { quotedQuery, searchTitle, stateFromParams } from '../../src/search/browser/search-state.ts';
import { withIndefiniteArticle } from '../../src/text/indefinite-article.ts';

// The search page's own words: what the filters' find box and buttons say, how a query is quoted
// in every line that names it, the tab title, and the query read from the address.

test('a noun takes "an" before a vowel sound and "a" otherwise', () => {
  expect(withIndefiniteArticle('author')).toBe('an author');
  expect(withIndefiniteArticle('person')).toBe('a person');
  expect(withIndefiniteArticle('source')).toBe('a source');
  expect(withIndefiniteArticle('topic')).toBe('a topic');
  expect(withIndefiniteArticle('year')).toBe('a year');
  expect(withIndefiniteArticle('editor')).toBe('an editor');
  expect(withIndefiniteArticle('item')).toBe('an item');
  expect(withIndefiniteArticle('outlet')).toBe('an outlet');
});

test('the find box note agrees in number with what it counts', () => {
  expect(findNoteText(1, 16, 'sam')).toBe('1 of 16 matches.');
  expect(findNoteText(3, 16, 'sam')).toBe('3 of 16 match.');
  expect(findNoteText(0, 16, 'zed')).toBe('No value matches “zed”.');
  expect(findNoteText(5, 16, '')).toBe('');
});

test('"Show all" says how many of the values it shows have results, when not all do', () => {
  expect(showAllText(16, 16)).toBe('Show all 16');
  expect(showAllText(16, 4)).toBe('Show all 16 (4 with results)');
  expect(showAllText(16, 0)).toBe('Show all 16 (none with results)');
});

test('a query is quoted once, in every line that names it', () => {
  for (const q of ['"Premier ministre"', '“Premier ministre”', '«Premier ministre»']) expect(quotedQuery(q)).toBe(q);
  expect(quotedQuery('Premier ministre')).toBe('“Premier ministre”');
  const there = [{ name: 'French', lang: 'fr', count: 2, href: '/fr/search/' }];
  expect(elsewhereText('English', '"Premier ministre"', there)).toBe(
    '0 results in English for "Premier ministre"; 2 in French.',
  );
  expect(elsewhereText('English', 'ministre', there)).toBe('0 results in English for “ministre”; 2 in French.');
  expect(resultCountText(0, '"harbour master"')).toBe('No results for "harbour master".');
});

test('the tab title names the search', () => {
  const plain = 'Search · News Archive';
  expect(searchTitle(stateFromParams(new URLSearchParams('q=harbour')), plain)).toBe(
    '“harbour” – Search · News Archive',
  );
  expect(searchTitle(stateFromParams(new URLSearchParams('q="harbour master"')), plain)).toBe(
    '"harbour master" – Search · News Archive',
  );
  expect(searchTitle(stateFromParams(new URLSearchParams('author=Sam Lee&year=2024')), plain)).toBe(
    'Sam Lee, 2024 – Search · News Archive',
  );
  expect(searchTitle(stateFromParams(new URLSearchParams('')), plain)).toBe(plain);
});

test('control characters in the address are left out of the query, as the page shows it', () => {
  expect(stateFromParams(new URLSearchParams('q=harbour%00master')).q).toBe('harbour master');
  expect(stateFromParams(new URLSearchParams('q=harbour%0D%0Amaster%07')).q).toBe('harbour master');
  expect(stateFromParams(new URLSearchParams('q=%1Fharbour')).q).toBe('harbour');
  expect(stateFromParams(new URLSearchParams('q=harbour%7Fmaster')).q).toBe('harbour master');
  // Other characters are kept as typed.
  expect(stateFromParams(new URLSearchParams('q=caf%C3%A9  noir')).q).toBe('café  noir');
});
