import { describe, expect, test } from 'vitest';
import {
  binAnchor,
  binPage,
  binTitle,
  charted,
  coverageOf,
  coverageSummary,
  coverageUnit,
  listAnchors,
} from '../../src/site/coverage.ts';
import { coverageKey, listKey } from '../../src/site/page-keys.ts';
import type { Archive, Article } from '../../src/site/collections.ts';

// Coverage over time: the bin length chosen by span, every bin of the span counted (empty ones as
// zero), the labels and titles a reader sees, and where each bin begins in its list. Expected
// values are written out by hand from the documented rule.

/** Articles on the given days, newest first as every list is, ids a, b, c… in that order. */
function list(...days: string[]) {
  return days
    .toSorted()
    .toReversed()
    .map((published, i) => ({ id: String.fromCharCode(97 + i), data: { published } }));
}

/** Months from year 0, as coverageUnit takes them. */
const m = (year: number, month: number) => year * 12 + month - 1;

describe('the bin follows the span', () => {
  test('one article: one month', () => {
    const c = coverageOf(list('2019-03-14'));
    expect(c.unit).toBe('month');
    expect(c.bins.map(binTitle)).toEqual(['March 2019: 1 article']);
    expect(coverageSummary(c, '1 article naming X')).toBe('1 article naming X, all in March 2019.');
  });

  test('thirty years: one bar a year, 31 of them, the years between drawn as zero', () => {
    const c = coverageOf(list('1994-11-02', '2001-06-30', '2001-01-01', '2024-01-09'));
    expect(c.unit).toBe('year');
    expect(c.bins).toHaveLength(31);
    expect(c.bins[0]!.label).toBe('1994');
    expect(c.bins.at(-1)!.label).toBe('2024');
    expect(c.bins.filter((b) => b.count > 0).map(binTitle)).toEqual([
      '1994: 1 article',
      '2001: 2 articles',
      '2024: 1 article',
    ]);
    expect(c.bins.filter((b) => b.count === 0)).toHaveLength(28);
    expect(binTitle(c.bins[1]!)).toBe('1995: 0 articles');
  });

  test('up to 24 calendar months by month, up to 32 calendar quarters by quarter, longer by year', () => {
    expect(coverageUnit(m(2019, 1), m(2020, 12))).toBe('month');
    expect(coverageUnit(m(2019, 1), m(2021, 1))).toBe('quarter');
    // 32 calendar quarters: January 2019 to December 2026; one month more is 33.
    expect(coverageUnit(m(2019, 1), m(2026, 12))).toBe('quarter');
    expect(coverageUnit(m(2019, 1), m(2027, 1))).toBe('year');
    // Calendar quarters, not lengths: 30 months across 11 quarters.
    expect(coverageUnit(m(2019, 3), m(2021, 8))).toBe('quarter');
  });

  test('quarters are calendar quarters, labelled by their months', () => {
    const c = coverageOf(list('2019-02-01', '2019-03-31', '2020-04-01', '2021-12-31'));
    expect(c.unit).toBe('quarter');
    expect(c.bins[0]).toMatchObject({ key: '2019-q1', label: 'January–March 2019', shortLabel: 'Jan–Mar 2019' });
    expect(c.bins.at(-1)).toMatchObject({ key: '2021-q4', label: 'October–December 2021', count: 1 });
    expect(c.bins).toHaveLength(12);
    expect(c.bins.map((b) => b.count)).toEqual([2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
  });

  test('a date-time counts on the calendar day it was printed, as the lists and date archive do', () => {
    const c = coverageOf(list('2019-12-31T21:15-05:00', '2019-11-01'));
    expect(c.bins.map(binTitle)).toEqual(['November 2019: 1 article', 'December 2019: 1 article']);
  });
});

test('months between are zero; each bin knows its newest article, its page and its anchor', () => {
  const articles = list(
    '2024-06-10',
    '2024-06-02',
    '2024-05-28',
    '2024-05-20',
    '2024-05-12',
    '2024-05-03',
    '2024-02-14',
  );
  const c = coverageOf(articles);
  expect(c.bins.map((b) => [b.key, b.count, b.first])).toEqual([
    ['2024-02', 1, 6],
    ['2024-03', 0, -1],
    ['2024-04', 0, -1],
    ['2024-05', 4, 2],
    ['2024-06', 2, 0],
  ]);
  expect(c.most).toBe(4);
  expect(c.total).toBe(7);
  // Five to a page: May begins on page 1 (and runs on to page 2), February is on page 2.
  expect(c.bins.map((b) => binPage(b, 5))).toEqual([2, 1, 1, 1, 1]);
  expect(binAnchor(c.bins[3]!)).toBe('coverage-2024-05');
  expect([...listAnchors(c, articles)]).toEqual([
    ['g', 'coverage-2024-02'],
    ['c', 'coverage-2024-05'],
    ['a', 'coverage-2024-06'],
  ]);
  expect(coverageSummary(c, '7 articles on x')).toBe(
    '7 articles on x, by month from February 2024 to June 2024; the most, 4 articles, in May 2024.',
  );
});

test('ties for the most name the first and count the others', () => {
  const c = coverageOf(list('2020-01-01', '2020-03-01', '2020-05-01'));
  expect(coverageSummary(c, '3 articles')).toBe(
    '3 articles, by month from January 2020 to May 2020; the most, 1 article, in January 2020 and 2 other months.',
  );
});

test('an empty list has no bins; a person named nowhere is charted by the articles they signed', () => {
  expect(coverageOf([])).toMatchObject({ bins: [], total: 0, most: 0 });
  expect(charted([], ['x'])).toEqual({ list: ['x'], naming: false });
  expect(charted(['y'], ['x'])).toEqual({ list: ['y'], naming: true });
});

test("a list page's cache key holds the chart on page 1 and the anchors on every page, so a date edit re-renders exactly the pages that show it", () => {
  const archive = { people: new Map(), sources: new Map() } as unknown as Archive;
  const days = (last: string) => [
    ...['2024-03-09', '2024-03-02', '2024-02-20', '2024-02-11', '2024-02-03'],
    ...['2024-01-28', '2024-01-21', '2024-01-14', '2024-01-09', '2024-01-08'],
    ...['2024-01-07', last],
  ];
  // The same page keys as the person, topic and source pages make (five to a page).
  const keys = (last: string) => {
    const articles = days(last).map((published, i) => ({ id: `a${i}`, data: { published } })) as unknown as Article[];
    const coverage = coverageOf(articles);
    const anchors = listAnchors(coverage, articles);
    return [0, 1, 2].map((p) => {
      const shown = articles.slice(p * 5, p * 5 + 5);
      return listKey(archive, shown, coverageKey(coverage, anchors, shown, 5, p === 0));
    });
  };
  const before = keys('2024-01-05');
  const changed = (after: string[]) => after.map((k, i) => (k === before[i] ? '' : `page ${i + 1}`)).filter(Boolean);
  // Another day of the same month: only the page listing the article.
  expect(changed(keys('2024-01-06'))).toEqual(['page 3']);
  // Another month: the chart's bars on page 1 too; page 2 lists nothing that changed.
  expect(changed(keys('2023-12-30'))).toEqual(['page 1', 'page 3']);
});
