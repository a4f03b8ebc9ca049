import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { apa, bibtex, chicago, cslJson, mla, plain } from '../../src/site/citation.ts';
import {
  compareDates,
  formatDate,
  formatDateRange,
  isoDateTime,
  isoDay,
  rfc822,
  yearMonth,
} from '../../src/content/dates.ts';
import { calendar, groupArticles, newestFirst } from '../../src/site/grouping.ts';
import type { SearchRecord } from '../../src/search/contract.ts';
import { planFor, searchRecords } from '../../src/search/records.ts';
import { citationMeta, newsArticleJsonLd } from '../../src/site/structured-data.ts';
import { checkContent } from '../../src/content/check.ts';
import { caseCitationFacts } from '../helpers/citation.ts';

// Case dates-with-offsets: a date-time with an offset belongs to the calendar day the original
// printed, in its own offset, everywhere the archive shows, files, filters or cites it. The
// expected days are read from the texts as a reader reads them, not computed by the code under test.

const CASE = path.resolve('tests/fixtures/cases/dates-with-offsets/content');
const checked = await checkContent(CASE);
const byId = new Map(checked.entries.articles.map((a) => [a.id, a]));
const nye = byId.get('2019/12/new-years-eve-vote')!;
const evening = byId.get('2018/09/evening-story')!;

/** Citation facts of a checked case article. */
const facts = caseCitationFacts;

test('the case content passes the check', () => {
  expect(checked.problems).toEqual([]);
  expect(nye && evening).toBeTruthy();
});

describe('the calendar day is the one the original printed', () => {
  test('page: datetime and the date a reader sees', () => {
    expect(isoDay(nye.data.published!)).toBe('2019-12-31');
    expect(formatDate(nye.data.published!)).toBe('31 December 2019');
    expect(isoDay(evening.data.published!)).toBe('2018-09-30');
    expect(formatDate(evening.data.published!)).toBe('30 September 2018');
  });

  test('date archive and lists: filed under the printed month and year', () => {
    expect(yearMonth(nye.data.published!)).toEqual({ year: '2019', month: '12' });
    const articles = checked.entries.articles.map((a) => ({
      id: a.id,
      people: [],
      data: { published: a.data.published!, topics: a.data.topics, source: { id: a.data.source! } },
    }));
    const { byMonth } = groupArticles(articles.sort(newestFirst));
    expect([...byMonth.keys()].sort()).toEqual(['2018-09', '2019-12']);
    expect(calendar(byMonth).map((y) => y.year)).toEqual(['2019', '2018']);
  });

  test('search: the year filter and sort key', async () => {
    const records: SearchRecord[] = [];
    for await (const r of searchRecords(checked, () => Promise.resolve('Body.'), planFor(checked, 100)[0]!))
      if (r.url.startsWith('/articles/')) records.push(r);
    const nyeRecord = records.find((r) => r.url === '/articles/2019/12/new-years-eve-vote/')!;
    expect(nyeRecord.filters['year']).toEqual(['2019']);
    // The sort key starts with the printed day (the moment within the day follows it).
    expect(Object.values(nyeRecord.sort ?? {}).map((key) => key.slice(0, 10))).toEqual(['2019-12-31']);
    expect(nyeRecord.meta['date']).toBe('31 December 2019');
  });

  test('citations: APA, MLA, Chicago, BibTeX and CSL-JSON', () => {
    const f = facts(nye);
    expect(plain(apa(f))).toContain('Lee, S. (2019, December 31).');
    expect(plain(mla(f))).toContain('31 Dec. 2019');
    expect(plain(chicago(f))).toContain('December 31, 2019');
    expect(bibtex(f, 'test/article')).toContain('date = {2019-12-31}');
    expect(bibtex(f, 'test/article')).toContain('year = {2019}');
    expect(bibtex(f, 'test/article')).toMatch(/^@article\{lee2019council-[0-9a-f]{6},/);
    const [item] = JSON.parse(cslJson(f, 'x')) as { issued: { 'date-parts': number[][] } }[];
    expect(item!.issued['date-parts']).toEqual([[2019, 12, 31]]);
  });

  test('JSON-LD keeps the offset; Highwire and Dublin Core give the printed day', () => {
    const ld = newsArticleJsonLd(facts(nye), { language: 'en', sourceUrl: 'https://planet.example.org/' });
    expect(ld.datePublished).toBe('2019-12-31T21:15-05:00');
    const meta = Object.fromEntries(citationMeta(facts(nye), 'en'));
    expect(meta['citation_publication_date']).toBe('2019/12/31');
    expect(meta['DC.date']).toBe('2019-12-31');
  });

  test('feed: RFC 822 in the original offset', () => {
    expect(rfc822(nye.data.published!)).toBe('Tue, 31 Dec 2019 21:15:00 -0500');
    expect(rfc822(evening.data.published!)).toBe('Sun, 30 Sep 2018 22:30:00 -0400');
    // Independent oracle: the same moment as JavaScript reads an RFC 822 date.
    expect(new Date(rfc822(nye.data.published!)).toISOString()).toBe('2020-01-01T02:15:00.000Z');
  });
});

describe('the date model', () => {
  test('a date-only value is that day, whatever the offset of other dates', () => {
    expect(isoDay('2018-09-10')).toBe('2018-09-10');
    expect(isoDateTime('2018-09-10')).toBe('2018-09-10');
    expect(rfc822('2018-09-10')).toBe('Mon, 10 Sep 2018 00:00:00 +0000');
  });

  test('offsets east of UTC keep their day too', () => {
    expect(isoDay('2020-01-01T01:30+09:00')).toBe('2020-01-01');
    expect(formatDate('2020-01-01T01:30+09:00')).toBe('1 January 2020');
    expect(isoDateTime('2020-01-01T01:30:00+0900')).toBe('2020-01-01T01:30:00+09:00');
  });

  test('order: by printed day first, then by moment within a day', () => {
    // 31 Dec 21:15 in New York is later in UTC than 1 Jan 00:00 UTC, but the earlier day.
    expect(compareDates('2019-12-31T21:15-05:00', '2020-01-01')).toBeLessThan(0);
    expect(compareDates('2019-12-31T08:00Z', '2019-12-31T21:15-05:00')).toBeLessThan(0);
    expect(compareDates('2019-12-31', '2019-12-31')).toBe(0);
  });

  test('an inferred range reads in printed days', () => {
    expect(formatDateRange('2018-09-30T22:30-04:00', '2018-10-01')).toMatch(/^30 September\s*–\s*1 October 2018$/);
  });

  test('Dates without offset (JavaScript Date) give their UTC day', () => {
    expect(isoDay(new Date('2019-12-31T21:15:00-05:00'))).toBe('2020-01-01');
  });
});

test('the date module can be bundled for the browser: it imports nothing', async () => {
  const { readFile } = await import('node:fs/promises');
  const source = await readFile('src/content/dates.ts', 'utf8');
  expect(source).not.toMatch(/^\s*import\s(?!type)/m);
  expect(source).not.toMatch(/\bprocess\.|\bBuffer\b|require\(/);
});
