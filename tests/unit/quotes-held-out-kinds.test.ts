import { describe, expect, test } from 'vitest';
import { findQuotes, type QuotePerson } from '../../src/text/quotes.ts';

// Kinds of attribution news copy prints that the rules missed, each written from the conventions
// of news attribution: the expected quote, speaker mention and person are read off the sentence
// by hand, not from what the rules give.

/** [quote, speaker as written, person] of every quote found. */
function found(text: string, people: readonly QuotePerson[]) {
  return findQuotes(text, { language: 'en', people }).map((q) => [q.quote.text, q.speaker?.text ?? null, q.person]);
}

describe('pronoun speakers: who the narration is about', () => {
  test('a name right after a sentence ending in a capitalized word is a subject of its own (“the Senate. Boyle said”)', () => {
    const people: QuotePerson[] = [
      { id: 'terry-boyle', name: 'Terry Boyle', role: 'House Republican leader' },
      { id: 'doug-whitmore', name: 'Doug Whitmore', role: 'Senate majority leader' },
    ];
    const text =
      'Rep. Terry Boyle, the House Republican leader, has sided with the Senate. Boyle said he had met with Whitmore twice on Thursday. “We are on the same page,” he said.';
    expect(found(text, people)).toEqual([['We are on the same page,', 'he', 'terry-boyle']]);
  });

  test('he/she after a quotation says nothing of the gender of a name inside it (“Mr. Birch, …,” she said)', () => {
    const people: QuotePerson[] = [
      { id: 'tom-birch', name: 'Tom Birch', role: 'councilman' },
      { id: 'ann-raye', name: 'Ann Raye', role: 'council president' },
    ];
    const text =
      'Tom Birch said he could not vote for the cuts. “I have never seen crime go down because we spent less,” he said.\n\nAnn Raye pushed back. “With respect to Mr. Birch, that is not what the data says,” she said.';
    expect(found(text, people)).toEqual([
      ['I have never seen crime go down because we spent less,', 'he', 'tom-birch'],
      ['With respect to Mr. Birch, that is not what the data says,', 'she', 'ann-raye'],
    ]);
  });

  test('a person the quotation names is spoken of, not its speaker (“… When Mills talks, people listen,” he said)', () => {
    const people: QuotePerson[] = [
      { id: 'jalen-whitaker', name: 'Jalen Whitaker', role: 'coach' },
      { id: 'andre-mills', name: 'Andre Mills', role: 'senior center' },
    ];
    const text =
      'Coach Jalen Whitaker said senior center Andre Mills had kept the bench loud all night. “He is the heart of this team. When Mills talks, people listen,” he said.';
    expect(found(text, people)).toEqual([
      ['He is the heart of this team. When Mills talks, people listen,', 'he', 'jalen-whitaker'],
    ]);
  });

  test('words in marks left out as a title (‘Getting It Right’) are no person a pronoun could mean', () => {
    const people: QuotePerson[] = [{ id: 'aled-pryce', name: 'Aled Pryce', role: 'consultant surgeon' }];
    const text =
      'The trust has pinned its hopes on its ‘Getting It Right’ recovery plan.\n\nDr Aled Pryce, a surgeon, said: ‘We do not have enough beds.’\n\nHe said some patients had waited for years. ‘I saw a man last month who had waited since the spring,’ he said.';
    expect(found(text, people)).toEqual([
      ['We do not have enough beds.', 'Dr Aled Pryce', 'aled-pryce'],
      ['I saw a man last month who had waited since the spring,', 'he', 'aled-pryce'],
    ]);
  });
});
