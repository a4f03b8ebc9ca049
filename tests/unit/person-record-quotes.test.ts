import { expect, test } from 'vitest';
import { planFor, searchRecords } from '../../src/search/records.ts';
import { distinctWords } from '../../src/text/distinct-words.ts';
import type { CheckResult } from '../../src/content/check.ts';

// A person's search record carries the words they are quoted as saying, so a query for them finds
// their page; each word once, since a record holding every occurrence of every quote made the most
// quoted people's records the largest of the index (docs/performance.md, "Quotes' cost, divided").

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const article = (id: string, published: string) => ({
  id,
  file: `${id}.md`,
  path: `/c/${id}.md`,
  data: {
    title: id,
    source: 'hill',
    url: `https://x.example/${id}`,
    published: d(published),
    captured: d('2020-01-02'),
    draft: false,
    language: 'en',
    authors: [],
    organizations: [],
    topics: [],
    people: [{ id: 'js', role: 'Attorney General' }],
  },
});
const entries = {
  articles: [article('a', '2018-09-10'), article('b', '2018-09-12')],
  people: [{ id: 'js', file: 'js.yaml', path: '', data: { name: 'Jeff Sessions', aliases: [], links: [] } }],
  sources: [{ id: 'hill', file: 'hill.yaml', path: '', data: { name: 'The Hill', homepage: 'https://thehill.com/' } }],
} as unknown as CheckResult['entries'];
const bodies: Record<string, string> = {
  '/c/a.md': '<p id="paragraph-1">“The law is the law, and the law binds us,” said Jeff Sessions.</p>',
  '/c/b.md': '<p id="paragraph-1">“Law binds judges — and the law binds prosecutors,” Sessions said.</p>',
};

/** Words as a search tokenizer keys them: between white space, end punctuation off, lower case. */
function keys(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(' ').filter(Boolean)) {
    let [from, to] = [0, raw.length];
    while (from < to && /\p{P}/u.test(raw[from]!)) from++;
    while (to > from && /\p{P}/u.test(raw[to - 1]!)) to--;
    if (to > from) out.push(raw.slice(from, to).toLowerCase());
  }
  return out;
}

test("a person's record holds every word of their quotes, each once, in the order first said", async () => {
  const records = await Array.fromAsync(
    searchRecords({ entries }, (path) => Promise.resolve(bodies[path]!), planFor({ entries }, 100)[0]!),
  );
  const person = records.find((r) => r.url === '/people/js/')!;
  // Written out by hand from the two quotes above (newest article's quotes are not first: the
  // words keep the order of the articles as the content lists them).
  expect(keys(person.meta.quotes!)).toEqual(['the', 'law', 'is', 'and', 'binds', 'us', 'judges', 'prosecutors']);
});

test('distinct words: ends punctuation and case make no new word; inner punctuation and signs are kept', () => {
  expect(distinctWords(['“We said no,” he', 'no. We—', '(U.S.) $1.8 U.S. don’t', 'don’t … —'])).toBe(
    '“We said no,” he (U.S.) $1.8 don’t',
  );
  expect(distinctWords([])).toBe('');
  expect(distinctWords(['  spaced\n\nout  ', 'Out'])).toBe('spaced out');
});
