import { describe, expect, test } from 'vitest';
import { valueOrder } from '../../src/search/browser/filters-view.ts';
import { resultCountText } from '../../src/search/browser/results-view.ts';
import { searchEngine } from '../../src/search/browser/search-engine.ts';
import { fakePagefind, type FakeRecord } from '../helpers/fake-pagefind.ts';

// What the search page says, how it orders filter values, and the engine's totals that the
// filters' find box reaches beyond the values the page lists.

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

describe("the engine's totals", () => {
  test('every value of every filter with its number of records, the filter data loaded once', async () => {
    const records: FakeRecord[] = ['a', 'b', 'c'].map((slug, i) => ({
      url: `/articles/${slug}/`,
      part: 0,
      content: `text ${slug}`,
      meta: { title: slug, source: 'S' },
      filters: { person: i < 2 ? ['Ann'] : ['Bo'], source: ['S'] },
    }));
    const pagefind = fakePagefind(records);
    let loads = 0;
    const filters = pagefind.filters.bind(pagefind);
    pagefind.filters = () => (loads++, filters());
    const engine = searchEngine(pagefind, { dirs: [''], byDate: [0], undated: [] });
    const totals = await engine.totals();
    expect(totals.person).toEqual({ Ann: 2, Bo: 1 });
    expect(totals.source).toEqual({ S: 3 });
    await engine.totals();
    await engine.countsFor({ q: '', sort: 'relevance', filters: { person: ['Bo'] } }, null);
    expect(loads).toBe(1);
  });
});
