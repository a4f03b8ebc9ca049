import { expect, test } from 'vitest';
import { hasQuery, paramsFromState, searchOptions, stateFromParams } from '../../src/scripts/search-state.ts';

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
  expect(searchOptions(stateFromParams(new URLSearchParams('q=x')))).toEqual({ filters: {} });
});

test('an empty form is not a search; a filter alone is', () => {
  expect(hasQuery(stateFromParams(new URLSearchParams('')))).toBe(false);
  expect(hasQuery(stateFromParams(new URLSearchParams('topic=courts')))).toBe(true);
});
