import { describe, expect, test } from 'vitest';
import {
  axisLabels,
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
    expect(coverageSummary(c, '1 article naming X')).toBe('1 article naming X, in March 2019.');
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
  const c = coverageOf(list('2020-01-01', '2020-01-02', '2020-03-01', '2020-05-01', '2020-05-09'));
  expect(coverageSummary(c, '5 articles')).toBe(
    '5 articles, by month from January 2020 to May 2020; the most, 2 articles, in January 2020 and 1 other month.',
  );
});

describe('captions read right for one article, one bin, and bins all alike', () => {
  test('one article in one month: no "all"', () => {
    expect(coverageSummary(coverageOf(list('2019-03-14')), '1 article naming X')).toBe(
      '1 article naming X, in March 2019.',
    );
  });

  test('several articles in one bin: all in it', () => {
    expect(coverageSummary(coverageOf(list('2019-03-14', '2019-03-01')), '2 articles naming X')).toBe(
      '2 articles naming X, all in March 2019.',
    );
  });

  test('every bin alike: no "most", one count for each', () => {
    const c = coverageOf(list('2020-01-01', '2020-02-01', '2020-03-01'));
    expect(coverageSummary(c, '3 articles')).toBe(
      '3 articles, by month from January 2020 to March 2020: 1 article in each month.',
    );
    const q = coverageOf(
      list('2013-01-01', '2013-01-02', '2014-02-01', '2016-04-01', '2016-05-02', '2016-07-01', '2016-07-03'),
    );
    expect(q.unit).toBe('quarter');
    expect(
      coverageSummary(q, '7 articles').endsWith('; the most, 2 articles, in January–March 2013 and 2 other quarters.'),
    ).toBe(true);
  });

  test('every bin with articles alike, some empty: how many of the bins have them', () => {
    const c = coverageOf(list('2020-01-01', '2020-03-01', '2020-05-01'));
    expect(coverageSummary(c, '3 articles')).toBe(
      '3 articles, by month from January 2020 to May 2020: 1 article in each of 3 of the 5 months.',
    );
    const y = coverageOf(list('1994-11-02', '2024-01-09'));
    expect(coverageSummary(y, '2 articles')).toBe(
      '2 articles, by year from 1994 to 2024: 1 article in each of 2 of the 31 years.',
    );
  });
});

describe('axis labels', () => {
  // Widths estimated here apart from the code: 0.6 em a character (a system-ui digit is about
  // 0.55 em, a lower-case letter 0.5 em), each bin 1.75 em (the chart's least bin width, which it
  // has on a 390 px screen, where it scrolls).
  const width = (text: string) => [...text].length * 0.6;
  const BIN = 1.75;
  /** Every day from `from` on, `step` days apart, `count` of them. */
  const days = (from: string, step: number, count: number) =>
    Array.from({ length: count }, (_, i) =>
      new Date(Date.parse(from) + i * step * 86_400_000).toISOString().slice(0, 10),
    );

  const spans = {
    'one article': list('2019-03-14'),
    'two months': list('2019-05-01', '2019-06-01'),
    'thirteen months': list(...days('2019-01-01', 33, 13)),
    'two years by month': list(...days('2018-01-01', 30, 24)),
    'eight years by quarter': list(...days('2015-01-05', 91, 32)),
    'thirty years by year': list(...days('1994-01-05', 365, 31)),
    'a span starting mid-period': list(...days('2016-05-05', 91, 30)),
  };

  for (const [name, articles] of Object.entries(spans))
    test(`${name}: the first bin labelled, labels in order, none overlapping or past the edge`, () => {
      const c = coverageOf(articles);
      const slots = Math.max(12, c.bins.length);
      const labels = axisLabels(c, slots);
      expect(labels[0]?.index).toBe(0);
      for (const [i, l] of labels.entries()) {
        expect(l.text.length).toBeGreaterThan(0);
        if (i > 0)
          expect(l.index * BIN, `${name}: ${l.text}`).toBeGreaterThan(
            labels[i - 1]!.index * BIN + width(labels[i - 1]!.text),
          );
        if (i > 0) expect(l.index * BIN + width(l.text), `${name}: ${l.text}`).toBeLessThanOrEqual(slots * BIN);
      }
    });

  test('enough labels to read the chart: every year by quarter, every other year by year, every quarter by month (none past the edge)', () => {
    const byQuarter = coverageOf(spans['eight years by quarter']);
    expect(byQuarter.unit).toBe('quarter');
    expect(axisLabels(byQuarter).map((l) => l.text)).toEqual([
      '2015',
      '2016',
      '2017',
      '2018',
      '2019',
      '2020',
      '2021',
      '2022',
    ]);
    const byYear = coverageOf(spans['thirty years by year']);
    expect(byYear.unit).toBe('year');
    expect(axisLabels(byYear).map((l) => l.text)).toEqual([
      '1994',
      '1996',
      '1998',
      '2000',
      '2002',
      '2004',
      '2006',
      '2008',
      '2010',
      '2012',
      '2014',
      '2016',
      '2018',
      '2020',
      '2022',
    ]);
    const byMonth = coverageOf(spans['two years by month']);
    expect(byMonth.unit).toBe('month');
    expect(axisLabels(byMonth).map((l) => l.text)).toEqual([
      'Jan 2018',
      'Apr 2018',
      'Jul 2018',
      'Oct 2018',
      'Jan 2019',
      'Apr 2019',
      'Jul 2019',
    ]);
  });
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
