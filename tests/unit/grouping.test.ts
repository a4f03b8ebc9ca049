import { expect, test } from 'vitest';
import { calendar, groupArticles, newestFirst, type Groupable } from '../../src/site/grouping.ts';

/** A minimal article for grouping. */
function art(id: string, date: string, people: string[], topics: string[], source = 's'): Groupable {
  return {
    id,
    people: people.map((p) => ({ id: p })),
    data: { published: date, topics, source: { id: source } },
  };
}

const sorted = [
  art('b', '2018-09-10', ['sessions', 'trump'], ['Immigration', 'courts']),
  art('a', '2018-09-10', ['sessions'], ['immigration']),
  art('c', '2017-01-05', ['trump'], ['Climate'], 't'),
].sort(newestFirst);

test('newest first, ties by id', () => {
  expect(sorted.map((a) => a.id)).toEqual(['a', 'b', 'c']);
});

test('groups by person, source, month and topic in one pass, keeping order', () => {
  const g = groupArticles(sorted);
  expect(g.byPerson.get('sessions')?.map((a) => a.id)).toEqual(['a', 'b']);
  expect(g.byPerson.get('trump')?.map((a) => a.id)).toEqual(['b', 'c']);
  expect(g.bySource.get('t')?.map((a) => a.id)).toEqual(['c']);
  expect([...g.byMonth.keys()]).toEqual(['2018-09', '2017-01']);
  const immigration = g.byTopic.get('immigration')!;
  expect(immigration.articles.map((a) => a.id)).toEqual(['a', 'b']);
  expect(calendar(g.byMonth)).toEqual([
    { year: '2018', months: [{ month: '09', count: 2 }], count: 2 },
    { year: '2017', months: [{ month: '01', count: 1 }], count: 1 },
  ]);
});
