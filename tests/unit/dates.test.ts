import { describe, expect, test } from 'vitest';
import { dateProblem, formatDateRange, parseArchiveDate } from '../../src/content/dates.ts';

describe('dateProblem', () => {
  test.each(['2018-09-10', '2016-02-29', '2018-09-10T14:30:00-04:00', '2018-09-10T14:30Z'])('accepts %s', (text) => {
    expect(dateProblem(text)).toBeNull();
  });

  test.each([
    ['2018-02-30', 'is not a real date: 2018-02 has 28 days'],
    ['2017-02-29', '2017-02 has 28 days'],
    ['2018-13-01', 'months run from 01 to 12'],
    ['yesterday', 'is not a date in the form YYYY-MM-DD'],
    ['10/09/2018', 'is not a date in the form YYYY-MM-DD'],
    ['2018-09-10T14:30', 'has a time but no time zone'],
    ['2018-09-10T25:00Z', 'impossible time of day'],
  ])('rejects %s', (text, reason) => {
    expect(dateProblem(text)).toContain(reason);
  });
});

test('a date-only value means that day, whatever the machine time zone', () => {
  expect(parseArchiveDate('2018-09-10').toISOString()).toBe('2018-09-10T00:00:00.000Z');
});

test('an inferred range reads as one span of days', () => {
  expect(formatDateRange(parseArchiveDate('2018-09-10'), parseArchiveDate('2018-09-11'))).toMatch(
    /^10\s*–\s*11 September 2018$/,
  );
  expect(formatDateRange(parseArchiveDate('2018-09-10'), parseArchiveDate('2018-09-10'))).toBe('10 September 2018');
});
