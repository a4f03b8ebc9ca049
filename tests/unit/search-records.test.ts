import { expect, test } from 'vitest';
import { planFor, searchRecords } from '../../src/search/records.ts';
import { visibleText } from '../../src/site/visible-text.ts';
import type { CheckResult } from '../../src/content/check.ts';

// The search index's records, built from checked content: a record holds the words a reader sees
// on the page, with the article's own text as content (what excerpts are cut from) and everything
// else the page prints, plus the other names of the people it names, as searchable metadata.

test('the indexed text is the text a reader sees: references decoded, link targets and markup gone', () => {
  const html =
    '<h2>Head</h2><p>A V&ouml;lkerwanderung at the caf&eacute;, it&rsquo;s &pound;5. See <a href="https://x.example/a">the <em>report</em></a>.</p>' +
    '<table><tr><td>1</td><td>2</td></tr></table><!-- a comment -->';
  const text = visibleText(html);
  expect(text).toContain('A Völkerwanderung at the café, it’s £5.');
  expect(text).toContain('See the report.');
  for (const leak of ['ouml', 'eacute', 'rsquo', 'pound', 'https', 'comment', '<']) expect(text).not.toContain(leak);
  // What a reader can open is searchable too.
  expect(visibleText('<details><summary>More</summary><p>Folded answer.</p></details>')).toContain('Folded answer.');
});

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const base = {
  authors: [{ name: 'Sam Lee', organization: false }],
  organizations: ['Justice Department'],
  language: 'en',
  captured: d('2020-01-02'),
};
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
        publishedInferred: { latest: d('2018-09-11'), basis: 'x' },
        draft: false,
        topics: ['Courts'],
        people: [{ id: 'js', role: 'Attorney General' }],
      },
    },
    {
      id: '2018/09/c',
      file: 'c.md',
      path: '/c/c.md',
      data: {
        ...base,
        title: 'C',
        source: 'hill',
        url: 'https://x.example/c',
        published: d('2018-09-12'),
        draft: false,
        topics: ['courts'],
        people: [],
      },
    },
    {
      id: '2018/09/b',
      file: 'b.md',
      path: '/c/b.md',
      data: { ...base, title: 'B', draft: true, people: [], topics: [] },
    },
  ],
  people: [
    {
      id: 'js',
      file: 'js.yaml',
      path: '',
      data: { name: 'Jeff Sessions', aliases: ['Jefferson Beauregard Sessions'], description: 'AG.', links: [] },
    },
  ],
  sources: [{ id: 'hill', file: 'hill.yaml', path: '', data: { name: 'The Hill', homepage: 'https://thehill.com/' } }],
} as unknown as CheckResult['entries'];
const bodies: Record<string, string> = {
  '/c/a.md': '<p>Body with <a href="https://x.example">a link</a>.</p>',
  '/c/c.md': '<p>Another body.</p>',
};
const records = async () =>
  Array.fromAsync(searchRecords({ entries }, (path) => Promise.resolve(bodies[path]!), planFor({ entries }, 100)[0]!));

test("an article's content is its own text; names, aliases, byline and topics are metadata, not excerpt text", async () => {
  const [article, other, person, ...rest] = await records();
  expect(rest).toEqual([]); // the draft is left out
  expect(article).toMatchObject({
    url: '/articles/2018/09/a/',
    language: 'en',
    meta: {
      title: 'A',
      source: 'The Hill',
      byline: 'Sam Lee',
      people: 'Jeff Sessions, Attorney General, Jefferson Beauregard Sessions',
      topics: 'Courts',
      organizations: 'Justice Department',
    },
    filters: { person: ['Jeff Sessions'], source: ['The Hill'], topic: ['Courts'], year: ['2018'] },
  });
  expect(article!.content).toBe('Body with a link.');
  // The other article names nobody: no one's names reach its record.
  expect(JSON.stringify(other)).not.toMatch(/Sessions|Beauregard/);
  // Topics that differ only in case are one filter value, under one spelling.
  expect(other!.filters.topic).toEqual(['Courts']);
  // A person page is found by its names; its excerpt is its description.
  expect(person).toMatchObject({
    url: '/people/js/',
    content: 'AG.',
    meta: { title: 'Jeff Sessions', aliases: 'Jefferson Beauregard Sessions' },
    filters: {},
  });
});

test('results show the date as the article page prints it', async () => {
  const [article, other] = await records();
  expect(article!.meta.date).toMatch(/^10\s*–\s*11 September 2018 \(date inferred\)$/u);
  expect(other!.meta.date).toBe('12 September 2018');
  expect(other!.meta.day).toBe('2018-09-12');
});

test('articles carry their day as the sort key; person pages, which have no date, carry their place among the people', async () => {
  const all = await records();
  const person = all.find((r) => r.url.startsWith('/people/'))!;
  expect(person.sort).toEqual({ person: '00000000' });
  for (const r of all.filter((x) => x !== person)) expect(r.sort).toEqual({ date: r.meta.day });
});

test('text the search service cannot take (a lone surrogate) is replaced, not passed on', async () => {
  const broken = {
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
  const [record] = await Array.fromAsync(
    searchRecords({ entries: broken }, () => Promise.resolve(''), planFor({ entries: broken }, 100)[0]!),
  );
  expect(record!.meta.title).toBe('broken \uFFFD name');
});

test('a person named only by an article the site does not show has no record; one named by no article keeps theirs', async () => {
  // The pages follow the same rule (tests/build/drafts.test.ts): a record for a withheld person
  // would be a search result pointing at a page that was not built.
  const withDraftOnly = {
    ...entries,
    articles: entries.articles.map((a) =>
      a.id === '2018/09/b' ? { ...a, data: { ...a.data, people: ['draft-only'] } } : a,
    ),
    people: [
      ...entries.people,
      { id: 'draft-only', file: 'd.yaml', path: '', data: { name: 'Dora Draft', aliases: [], links: [] } },
      { id: 'unnamed', file: 'u.yaml', path: '', data: { name: 'Una Named', aliases: [], links: [] } },
    ],
  } as unknown as CheckResult['entries'];
  const all = await Array.fromAsync(
    searchRecords(
      { entries: withDraftOnly },
      (path) => Promise.resolve(bodies[path]!),
      planFor({ entries: withDraftOnly }, 100)[0]!,
    ),
  );
  expect(all.filter((r) => r.url.startsWith('/people/')).map((r) => r.url)).toEqual([
    '/people/js/',
    '/people/unnamed/',
  ]);
});
