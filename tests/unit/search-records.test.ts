import { expect, test } from 'vitest';
import { markdownText, planFor, searchRecords } from '../../src/lib/search-records.ts';
import type { CheckResult } from '../../src/lib/validate-content.ts';

// The search index's records, built from checked content.

test('Markdown becomes readable text: no link targets, tags or markup', () => {
  expect(
    markdownText(
      '## Head\n\nSee [the *report*](https://x.example/a) and <b>bold</b> text.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |',
    ),
  ).toBe('Head\n\nSee the report and bold text.\n\n a b \n\n 1 2');
});

test('an article record carries filters, sort key, metadata and the names its people go by; drafts are left out', () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  const base = { authors: [], organizations: [], topics: ['courts'], language: 'en', captured: d('2020-01-02') };
  const entries = {
    articles: [
      {
        id: '2018/09/a',
        file: 'a.md',
        path: '/c/a.md',
        data: {
          ...base,
          title: 'A',
          source: 'hill',
          url: 'https://x.example/a',
          published: d('2018-09-10'),
          draft: false,
          people: [{ id: 'js', role: 'Attorney General' }],
        },
      },
      { id: '2018/09/b', file: 'b.md', path: '/c/b.md', data: { ...base, title: 'B', draft: true, people: [] } },
    ],
    people: [
      {
        id: 'js',
        file: 'js.yaml',
        path: '',
        data: { name: 'Jeff Sessions', aliases: ['Jefferson Beauregard Sessions'], description: 'AG.', links: [] },
      },
    ],
    sources: [
      { id: 'hill', file: 'hill.yaml', path: '', data: { name: 'The Hill', homepage: 'https://thehill.com/' } },
    ],
  } as unknown as CheckResult['entries'];
  const bodies: Record<string, string> = { '/c/a.md': 'Body with [a link](https://x.example).' };
  const [article, person, ...rest] = [
    ...searchRecords({ entries }, (path) => bodies[path]!, planFor({ entries }, 100)[0]!),
  ];
  expect(rest).toEqual([]);
  expect(article).toMatchObject({
    url: '/articles/2018/09/a/',
    language: 'en',
    meta: { title: 'A', date: '2018-09-10', source: 'The Hill' },
    filters: { person: ['Jeff Sessions'], source: ['The Hill'], topic: ['courts'], year: ['2018'] },
    sort: { date: '2018-09-10' },
  });
  expect(article!.content).toContain('Jeff Sessions, Attorney General, Jefferson Beauregard Sessions');
  expect(article!.content).not.toContain('https://');
  expect(person).toMatchObject({ url: '/people/js/', meta: { title: 'Jeff Sessions' } });
});

test('text the search service cannot take (a lone surrogate) is replaced, not passed on', () => {
  const entries = {
    articles: [],
    sources: [],
    people: [
      {
        id: 'p',
        file: 'p.yaml',
        path: '',
        data: { name: 'broken \uD800 name', aliases: [], description: 'x', links: [] },
      },
    ],
  } as unknown as CheckResult['entries'];
  expect([...searchRecords({ entries }, () => '', planFor({ entries }, 100)[0]!)][0]!.meta.title).toBe(
    'broken \uFFFD name',
  );
});
