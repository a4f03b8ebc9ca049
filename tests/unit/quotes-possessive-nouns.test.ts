import { describe, expect, test } from 'vitest';
import { findQuotes, type QuotePerson } from '../../src/text/quotes.ts';

// A possessive name before a noun that is also a reporting word ("Tabaddor's comments") inside a
// clause between a sentence's subject and its verb, or after the verb: the quotation belongs to
// the subject of the finite reporting verb, never to the person named in the possessive. Expected
// speakers are read off each sentence by hand.

const people: QuotePerson[] = [
  { id: 'jeff-sessions', name: 'Jeff Sessions', aliases: ['Sessions', 'Mr. Sessions'], role: 'Attorney General' },
  { id: 'maria-lopez', name: 'María López', aliases: ['López', 'Maria Lopez'] },
  { id: 'ashley-tabaddor', name: 'Ashley Tabaddor', aliases: ['Tabaddor'] },
];

/** [quote, speaker as written, person] of every quote found. */
function found(text: string) {
  return findQuotes(text, { language: 'en', people }).map((q) => [q.quote.text, q.speaker?.text ?? null, q.person]);
}

describe('a possessive noun inside an interrupting clause is no speaker', () => {
  test.each([
    ['Sessions, asked about Tabaddor’s comments, said "she is wrong."', 'she is wrong.', 'Sessions', 'jeff-sessions'],
    [
      'Sessions, asked about Tabaddor’s remarks, said: "They are political."',
      'They are political.',
      'Sessions',
      'jeff-sessions',
    ],
    ['Sessions, asked about López’s claims, said: "They are false."', 'They are false.', 'Sessions', 'jeff-sessions'],
    [
      'Jeff Sessions, asked about Ashley Tabaddor’s comments, said: "She is simply wrong about the quotas."',
      'She is simply wrong about the quotas.',
      'Jeff Sessions',
      'jeff-sessions',
    ],
    ['Sessions, asked about Tabaddor\'s comments, said: "She is wrong."', 'She is wrong.', 'Sessions', 'jeff-sessions'],
    [
      'Sessions, responding to Tabaddor’s statement, said: “The law is clear.”',
      'The law is clear.',
      'Sessions',
      'jeff-sessions',
    ],
    [
      'Sessions, in reply to López’s tweets, told reporters: “Nobody is above the law.”',
      'Nobody is above the law.',
      'Sessions',
      'jeff-sessions',
    ],
    [
      'Sessions, after Tabaddor’s words on Monday, said that “the courts are not a debating club.”',
      'the courts are not a debating club.',
      'Sessions',
      'jeff-sessions',
    ],
    [
      'Mr. Sessions, when asked about Tabaddor’s post, wrote: “The backlog is their doing.”',
      'The backlog is their doing.',
      'Mr. Sessions',
      'jeff-sessions',
    ],
  ])('%s', (text, quote, speaker, person) => {
    expect(found(text)).toEqual([[quote, speaker, person]]);
  });
});

describe('a name inside a clause between the subject and its verb is no speaker', () => {
  test.each([
    ['Sessions, asked about Tabaddor, a judge since 2012, said: “She is wrong.”', 'Sessions', 'jeff-sessions'],
    ['Sessions, asked whether Tabaddor was right, said: “She is wrong.”', 'Sessions', 'jeff-sessions'],
    ['Sessions, speaking about López’s remarks, said: “They are false.”', 'Sessions', 'jeff-sessions'],
    ['Sessions, questioned over Tabaddor’s tweets, said: “She is wrong.”', 'Sessions', 'jeff-sessions'],
    ['Sessions, asked about Tabaddor’s earlier remarks, said: “She is wrong.”', 'Sessions', 'jeff-sessions'],
    [
      'The attorney general, asked about Tabaddor’s comments, said: “She is wrong.”',
      'The attorney general',
      'jeff-sessions',
    ],
    ['Sessions arrived late. He, asked about Tabaddor’s comments, said: “She is wrong.”', 'He', 'jeff-sessions'],
  ])('%s', (text, speaker, person) => {
    expect(found(text).map((q) => [q[1], q[2]])).toEqual([[speaker, person]]);
  });
});

describe('a possessive noun after the quotation’s own attribution is no speaker', () => {
  test.each([
    ['“She is wrong,” Sessions said, responding to Tabaddor’s comments.', 'She is wrong,', 'Sessions', 'jeff-sessions'],
    ['“They are false,” said Sessions, asked about López’s claims.', 'They are false,', 'Sessions', 'jeff-sessions'],
    [
      '“They are political,” Sessions, asked about Tabaddor’s remarks, said.',
      'They are political,',
      'Sessions',
      'jeff-sessions',
    ],
  ])('%s', (text, quote, speaker, person) => {
    expect(found(text)).toEqual([[quote, speaker, person]]);
  });
});

describe('a possessive noun that governs the quotation alone still attributes it', () => {
  test.each([
    ['Tabaddor’s comments: “We cannot possibly be put in this bind.”', 'ashley-tabaddor'],
    ['Asked about Tabaddor’s remarks, Sessions said: “She is wrong.”', 'jeff-sessions'],
    ['Sessions, asked about Tabaddor’s criticism, said: “She is wrong.”', 'jeff-sessions'],
  ])('%s', (text, person) => {
    expect(found(text).map((q) => q[2])).toEqual([person]);
  });
});
