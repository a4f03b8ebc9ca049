import { describe, expect, test } from 'vitest';
import { valueOrder } from '../../src/search/browser/filters-view.ts';
import { resultCountText } from '../../src/search/browser/results-view.ts';

// What the search page says and how it orders filter values, from its browser modules' pure parts.

describe('resultCountText', () => {
  test('names the words and the ticked filters, in the filters’ order', () => {
    expect(resultCountText(3, 'judges')).toBe('3 results for “judges”.');
    expect(resultCountText(1, 'ferry', { person: ['Colin Baptiste'] })).toBe(
      '1 result for “ferry”, person: Colin Baptiste.',
    );
    expect(resultCountText(2, '', { year: ['2020', '2019'], source: ['The Hill'] })).toBe(
      '2 results for source: The Hill, year: 2020 or 2019.',
    );
    expect(resultCountText(0, '')).toBe('No results.');
  });
});

describe('valueOrder', () => {
  const values = [
    { value: 'Zed', count: 2 },
    { value: 'Amy', count: 0 },
    { value: 'Bea', count: 5 },
    { value: 'Abe', count: 2 },
    { value: 'Cy', count: 0 },
  ];
  test('values with results first, most first, ties A to Z; those without last, A to Z', () => {
    expect(values.toSorted(valueOrder('person')).map((v) => v.value)).toEqual(['Bea', 'Abe', 'Zed', 'Amy', 'Cy']);
  });
  test('years with results newest first, then those without', () => {
    const years = [
      { value: '2019', count: 1 },
      { value: '2021', count: 0 },
      { value: '2018', count: 9 },
      { value: '2020', count: 3 },
    ];
    expect(years.toSorted(valueOrder('year')).map((v) => v.value)).toEqual(['2020', '2019', '2018', '2021']);
  });
});
