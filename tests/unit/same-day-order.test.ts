import { expect, test } from 'vitest';
import { compareDates, dateSortKey } from '../../src/content/dates.ts';
import type { CheckResult } from '../../src/content/check.ts';
import { newestFirst } from '../../src/site/grouping.ts';
import { SORT_KEY } from '../../src/search/contract.ts';
import { planFor, searchRecords } from '../../src/search/records.ts';
import { planArchiveParts } from '../../src/search/parts.ts';

// One order everywhere: by the calendar day as printed, then by the moment within the day. An
// article without a time of day counts as the start of its day (last of its day, newest first).
// The expected orders are written out by hand, read from the dates as a reader reads them.

/** Four articles of 14 March 2023 as printed, in the order a day-only sort key left them. */
const DAY = [
  ['late', '2023-03-14T23:50-05:00'],
  ['early', '2023-03-14T07:05+02:00'],
  ['noon', '2023-03-14T11:40Z'],
  ['evening', '2023-03-14T18:15-04:00'],
] as const;
/** The same day without a time, and the days either side (one late, one early in UTC). */
const OTHERS = [
  ['undated-time', '2023-03-14'],
  ['day-before', '2023-03-13T23:59-10:00'],
  ['day-after', '2023-03-15T00:10+14:00'],
] as const;
/** Newest first, by hand: 15 March; 14 March 23:50 (New York), 18:15, 11:40, 07:05; the day itself; 13 March. */
const NEWEST_FIRST = ['day-after', 'late', 'evening', 'noon', 'early', 'undated-time', 'day-before'];

const ALL = [...DAY, ...OTHERS];

test('the sort key orders four articles of one day by their time, as the lists do', () => {
  const byKey = ALL.toSorted(([, a], [, b]) => (dateSortKey(b) < dateSortKey(a) ? -1 : 1)).map(([n]) => n);
  expect(byKey).toEqual(NEWEST_FIRST);
  const byCompare = ALL.toSorted(([, a], [, b]) => compareDates(b, a)).map(([n]) => n);
  expect(byCompare).toEqual(NEWEST_FIRST);
  // Oldest first is the exact reverse.
  const oldest = ALL.toSorted(([, a], [, b]) => (dateSortKey(a) < dateSortKey(b) ? -1 : 1)).map(([n]) => n);
  expect(oldest).toEqual(NEWEST_FIRST.toReversed());
});

test('a day without a time comes before every time of that day, whatever the offset', () => {
  // 01:00 at +14:00 is the previous day in UTC, before midnight UTC of the printed day.
  expect(compareDates('2023-03-14', '2023-03-14T01:00+14:00')).toBeLessThan(0);
  expect(dateSortKey('2023-03-14') < dateSortKey('2023-03-14T01:00+14:00')).toBe(true);
  expect(compareDates('2023-03-14', '2023-03-14')).toBe(0);
  // A JavaScript Date at midnight UTC is a calendar day, as everywhere else.
  expect(dateSortKey(new Date('2023-03-14T00:00:00Z'))).toBe('2023-03-14');
});

test('search records carry that order as their sort key, and the home page order agrees', async () => {
  const entries = {
    articles: ALL.map(([slug, published]) => ({
      id: `2023/03/${slug}`,
      file: `${slug}.md`,
      path: `/c/${slug}.md`,
      data: {
        title: slug,
        source: 'hill',
        url: `https://x.example/${slug}`,
        published,
        captured: new Date('2023-04-01T00:00:00Z'),
        authors: [],
        organizations: [],
        language: 'en',
        draft: false,
        topics: [],
        people: [],
      },
    })),
    people: [],
    sources: [{ id: 'hill', file: 'hill.yaml', path: '', data: { name: 'The Hill', homepage: 'https://x.example/' } }],
  } as unknown as CheckResult['entries'];
  const records = await Array.fromAsync(
    searchRecords({ entries }, async () => '<p>Text.</p>', planFor({ entries }, 100)[0]!),
  );
  const key = (r: (typeof records)[number]) => r.sort![SORT_KEY]!;
  const newest = records.toSorted((a, b) => (key(b) < key(a) ? -1 : 1)).map((r) => r.meta.title);
  expect(newest).toEqual(NEWEST_FIRST);
  const listed = ALL.map(([slug, published]) => ({
    id: slug,
    people: [],
    data: { published, topics: [], source: { id: 'hill' } },
  }));
  const home = listed.toSorted(newestFirst).map((a) => a.id);
  expect(home).toEqual(NEWEST_FIRST);
});

test('a day cut between two index parts is cut in time order, so joining the parts keeps it', () => {
  const articles = DAY.map(([slug, published]) => ({
    id: `2023/03/${slug}`,
    data: { published, source: 'hill', url: `https://x.example/${slug}`, language: 'en', draft: false },
  }));
  const parts = planArchiveParts(articles, 0, 2);
  // Oldest first: 07:05 and 11:40 in the first part, 18:15 and 23:50 in the second.
  expect(parts.map((p) => p.articles)).toEqual([
    ['2023/03/early', '2023/03/noon'],
    ['2023/03/evening', '2023/03/late'],
  ]);
});
