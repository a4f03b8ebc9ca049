import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import type { Article } from '../../src/site/collections.ts';
import { quotesFileChunks, quotesFileDigest, quotesFileText } from '../../src/site/data-files.ts';
import { sha256Hex } from '../../src/text/hash.ts';
import type { ArticleQuote } from '../../src/site/quotes.ts';
import { findQuotes } from '../../src/text/quotes.ts';

// The `quote` field of data/quotes.jsonl and quotes.csv is the quoted words without the marks the
// article used, whatever its language and marks (README, "The data behind the pages"): a
// researcher counting or matching quotes must not meet “ ” around English words, nor « » or „ “
// turned into “ ”. The expected words are written out here by hand.

const PEOPLE = [{ id: 'anna-weber', name: 'Anna Weber' }];

const CASES = [
  { language: 'en', text: '“We stay here,” Anna Weber said.', words: 'We stay here,' },
  { language: 'en', text: '"We stay here," Anna Weber said.', words: 'We stay here,' },
  { language: 'en-GB', text: "'We stay here,' Anna Weber said.", words: 'We stay here,' },
  { language: 'fr', text: '« Nous restons ici », a déclaré Anna Weber.', words: 'Nous restons ici' },
  { language: 'de', text: '„Wir bleiben hier“, sagte Anna Weber.', words: 'Wir bleiben hier' },
  { language: 'de', text: '»Wir bleiben hier«, sagte Anna Weber.', words: 'Wir bleiben hier' },
] as const;

/** The articles' quotes as the build gives them to the data files. */
function quotes(): ArticleQuote[] {
  return CASES.flatMap((c, i) => {
    const article = {
      id: `2020/01/q${i}`,
      data: { published: '2020-01-01', language: c.language },
    } as unknown as Article;
    return findQuotes(c.text, { language: c.language, people: PEOPLE, corrections: [] }).map((q) => ({
      article,
      quote: { ...q, anchor: null },
    }));
  });
}

test('each quote of every language and marks is its words alone, in both files', () => {
  const all = quotes();
  const lines = quotesFileText(all, 'jsonl', undefined)
    .split('\n')
    .slice(0, -1)
    .map((l) => JSON.parse(l) as { article: string; quote: string });
  const expected = CASES.map((c, i) => ({ article: `2020/01/q${i}`, quote: c.words }));
  expect(lines.map((l) => ({ article: l.article, quote: l.quote }))).toEqual(expected);
  const rows: { quote: string }[] = parse(quotesFileText(all, 'csv', undefined), { bom: true, columns: true });
  expect(rows.map((r) => r.quote)).toEqual(CASES.map((c) => c.words));
});

test("the quotes files' key is the hash of the JSON Lines text, made line by line", () => {
  const all = quotes();
  for (const site of [undefined, new URL('https://archive.example.org/news/')])
    expect(quotesFileDigest(all, site)).toBe(sha256Hex(quotesFileText(all, 'jsonl', site)));
  expect(quotesFileDigest(all.slice(1), undefined)).not.toBe(quotesFileDigest(all, undefined));
});

test('a file of more quotes than one piece holds is every quote once, in order, in both files', () => {
  // 2,500 quotes: the pieces the files are made in hold 1,000 each.
  const one = quotes();
  const all = Array.from({ length: 2500 }, (_, i) => ({
    article: one[i % one.length]!.article,
    quote: { ...one[i % one.length]!.quote, quote: { start: 0, end: 1, text: `words ${i}, "said" here` } },
  }));
  const expected = all.map((_, i) => `words ${i}, "said" here`);
  const lines = quotesFileText(all, 'jsonl', undefined).split('\n');
  expect(lines.pop()).toBe('');
  expect(lines.map((l) => (JSON.parse(l) as { quote: string }).quote)).toEqual(expected);
  const rows: { quote: string }[] = parse(quotesFileText(all, 'csv', undefined), { bom: true, columns: true });
  expect(rows.map((r) => r.quote)).toEqual(expected);
  expect([...quotesFileChunks(all, 'csv', undefined)].join('')).toBe(quotesFileText(all, 'csv', undefined));
});
