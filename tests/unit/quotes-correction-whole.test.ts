import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { articleQuoteCorrectionProblems, quoteCorrectionEntries } from '../../src/content/quote-checks.ts';
import { articleQuotes } from '../../src/render/article-quotes.ts';

// A correction applies to the whole quotation holding its passage (every paragraph of a quotation
// over paragraphs, both parts of a split one), and the checker words its refusals as an editor
// needs them: straight and curly apostrophes match, a passage is matched as whole words, and
// removal is described as the README describes it.

// articleQuotes caches what it finds: in a folder of this test's own.
const cache = mkdtempSync(path.join(tmpdir(), 'quotes-correction-whole-'));
const before = process.env.ARCHIVE_CACHE_DIR;
beforeAll(() => {
  process.env.ARCHIVE_CACHE_DIR = cache;
});
afterAll(() => {
  if (before === undefined) delete process.env.ARCHIVE_CACHE_DIR;
  else process.env.ARCHIVE_CACHE_DIR = before;
  rmSync(cache, { recursive: true, force: true });
});

const PEOPLE = [
  { id: 'omar-haddad', name: 'Omar Haddad', aliases: [] },
  { id: 'rosa-delgado', name: 'Rosa Delgado', aliases: [] },
];
const MULTI = [
  '<p>“I have worked in that building for thirty years. Children learned to read there.</p>',
  '<p>“Nobody asked us what we thought,” said Omar Haddad.</p>',
  '<p>“This binds the nation,” Haddad said, “and your job is the law.”</p>',
  '<p>“We will be back,” said Omar Haddad.</p>',
].join('\n');

const quotesOf = (corrections: { text: string; person?: string; remove?: true }[]) =>
  articleQuotes(MULTI, { language: 'en', people: PEOPLE, corrections }).map((q) => [q.quote.text, q.person]);

describe('a correction of one part applies to the whole quotation', () => {
  test('person on the first paragraph of a quotation over paragraphs gives every paragraph to that person', () => {
    expect(quotesOf([{ text: 'Children learned to read there', person: 'rosa-delgado' }]).slice(0, 2)).toEqual([
      ['I have worked in that building for thirty years. Children learned to read there.', 'rosa-delgado'],
      ['Nobody asked us what we thought,', 'rosa-delgado'],
    ]);
  });
  test('person on one part of a split quotation gives both parts', () => {
    expect(quotesOf([{ text: 'This binds the nation', person: 'rosa-delgado' }]).slice(2)).toEqual([
      ['This binds the nation,', 'rosa-delgado'],
      ['and your job is the law.', 'rosa-delgado'],
      ['We will be back,', 'omar-haddad'],
    ]);
  });
  test('remove on one paragraph or one part removes every part', () => {
    expect(
      quotesOf([
        { text: 'Children learned to read there', remove: true },
        { text: 'your job is the law', remove: true },
      ]),
    ).toEqual([['We will be back,', 'omar-haddad']]);
  });
});

/** The checker's messages for one correction in a one-paragraph body. */
function problems(body: string, correction: { text: string; person?: string }) {
  return articleQuoteCorrectionProblems({
    root: 'content',
    file: 'a.md',
    body,
    language: 'en',
    named: ['omar-haddad'],
    corrections: [correction],
    people: new Set(['omar-haddad']),
  }).map((p) => p.message);
}

describe('the checker’s words for corrections', () => {
  test('a straight apostrophe typed against the body’s curly one matches, and the build applies it', () => {
    const body = '“We don’t know yet what the audit will say,” a spokesman said.';
    expect(problems(body, { text: "We don't know", person: 'omar-haddad' })).toEqual([]);
    const html = `<p>${body}</p>`;
    const [q] = articleQuotes(html, {
      language: 'en',
      people: PEOPLE,
      corrections: [{ text: "We don't know", person: 'omar-haddad' }],
    });
    expect(q?.person).toBe('omar-haddad');
  });
  test('a passage is matched on word boundaries: " you" is not in "your"', () => {
    const body = '“Thank you,” said Omar Haddad. “It is your turn,” he said.';
    expect(problems(body, { text: 'Thank you', person: 'omar-haddad' })).toEqual([]);
    expect(problems(body, { text: ' you', person: 'omar-haddad' })).toEqual([]);
    const [message] = problems(body, { text: 'you turn', person: 'omar-haddad' });
    expect(message).toContain('is not in the article');
  });
  test('words found only inside longer words or in another letter case are named as the cause', () => {
    const body = '“The yourselves are here,” said Omar Haddad.';
    expect(problems(body, { text: 'yours', person: 'omar-haddad' })[0]).toContain('only found inside longer words');
    expect(problems(body, { text: 'the yourselves', person: 'omar-haddad' })[0]).toContain('another letter case');
  });
  test('the message for both or neither of person and remove describes removal as the README does', () => {
    const { problems: found } = quoteCorrectionEntries('a.md', [{ text: 'x' }]);
    expect(found).toHaveLength(1);
    const fix = JSON.stringify(found);
    expect(fix).toContain('appears on no page, in no search record and in no data file');
    expect(fix).not.toContain('no one’s');
  });
  test('a quotation whose marks are character references can be corrected; words only in a comment are refused, saying why', () => {
    const body =
      '&#8220;Numeric entities are common too,&#8221; said Omar Haddad.\n\n<!-- “Comments are not shown,” said Omar Haddad. -->';
    expect(problems(body, { text: 'Numeric entities are common too', person: 'omar-haddad' })).toEqual([]);
    const [message] = problems(body, { text: 'Comments are not shown', person: 'omar-haddad' });
    expect(message).toContain('only in an HTML comment');
  });
});
