import { expect, test } from 'vitest';
import { FILTER_KEYS, type FilterKey } from '../../src/search/contract.ts';
import {
  countSearches,
  hasQuery,
  paramsFromState,
  typedName,
  searchOptions,
  stateFromParams,
  stateWithKnownValues,
} from '../../src/search/browser/search-state.ts';

test('a shared search address is read back into the same search', () => {
  const state = stateFromParams(
    new URLSearchParams('q=judges&person=Jeff%20Sessions&person=Dana%20Marks&year=2018&sort=newest'),
  );
  expect(state).toEqual({
    q: 'judges',
    sort: 'newest',
    filters: { person: ['Jeff Sessions', 'Dana Marks'], year: ['2018'] },
  });
  expect(paramsFromState(state).toString()).toBe(
    'q=judges&person=Jeff+Sessions&person=Dana+Marks&year=2018&sort=newest',
  );
});

test('defaults are left out of the address and unknown values ignored', () => {
  const state = stateFromParams(new URLSearchParams('q=%20x%20&sort=sideways&colour=red'));
  expect(state).toEqual({ q: 'x', sort: 'relevance', filters: {} });
  expect(paramsFromState(state).toString()).toBe('q=x');
});

test('Pagefind is asked for any ticked value within a filter, and for date order when chosen', () => {
  const state = stateFromParams(new URLSearchParams('person=A&person=B&sort=oldest'));
  expect(searchOptions(state)).toEqual({ filters: { person: { any: ['A', 'B'] } }, sort: { date: 'asc' } });
  expect(searchOptions(stateFromParams(new URLSearchParams('sort=newest'))).sort).toEqual({ date: 'desc' });
  expect(searchOptions(stateFromParams(new URLSearchParams('q=x')))).toEqual({ filters: {} });
});

test('an empty form is not a search; a filter alone is', () => {
  expect(hasQuery(stateFromParams(new URLSearchParams('')))).toBe(false);
  expect(hasQuery(stateFromParams(new URLSearchParams('topic=courts')))).toBe(true);
});

test('a filter with ticked values is counted without them, the others with every filter (disjunctive facets)', () => {
  const state = stateFromParams(new URLSearchParams('q=judges&person=A&year=2018&sort=newest'));
  const searches = countSearches(state);
  const find = (key: FilterKey) => searches.find((s) => s.counts.includes(key))!.options;
  // Untouched filters share one search with every ticked value.
  expect(find('source')).toEqual({ filters: { person: { any: ['A'] }, year: { any: ['2018'] } } });
  expect(find('author')).toBe(find('source'));
  expect(find('topic')).toBe(find('source'));
  // A ticked filter is counted as if none of its own values were ticked.
  expect(find('person')).toEqual({ filters: { year: { any: ['2018'] } } });
  expect(find('year')).toEqual({ filters: { person: { any: ['A'] } } });
  // Every filter is counted, once.
  expect(searches.flatMap((s) => s.counts).sort()).toEqual([...FILTER_KEYS].sort());
});

test('the words typed are a name when each begins a word of the name or its other names', () => {
  const names = 'Ashley Tabaddor A. Ashley Tabaddor Judge Ashley Tabaddor';
  expect(typedName('Tabaddor', names)).toBe(true);
  expect(typedName('ashley taba', names)).toBe(true);
  expect(typedName('Tabáddor', names)).toBe(true);
  expect(typedName('judges', names)).toBe(false);
  expect(typedName('Tabaddor sanctions', names)).toBe(false);
  expect(typedName('', names)).toBe(false);
});

test('a filter value in the address is matched to the listed one in all but letter case and accents', () => {
  const known = {
    quoted: { 'Rosa Delgado': 3, 'José García': 1 },
    person: { 'Rosa Delgado': 4 },
    topic: { Ferries: 2, ferries: 1 },
  };
  const state = stateFromParams(
    new URLSearchParams(
      'quoted=rosa%20delgado&quoted=JOSE%20GARCIA&person=Rosa%20Delgado&topic=FERRIES&source=Nowhere',
    ),
  );
  expect(stateWithKnownValues(state, known).filters).toEqual({
    quoted: ['Rosa Delgado', 'José García'],
    person: ['Rosa Delgado'],
    // Two listed values fold alike: which one is meant cannot be told, so the value stays as written.
    topic: ['FERRIES'],
    source: ['Nowhere'],
  });
  const exact = stateFromParams(new URLSearchParams('quoted=Rosa%20Delgado'));
  expect(stateWithKnownValues(exact, known)).toBe(exact);
});
