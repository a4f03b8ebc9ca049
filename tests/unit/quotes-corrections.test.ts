import { describe, expect, test } from 'vitest';
import { findQuotes, type QuoteCorrection, type QuotePerson } from '../../src/text/quotes.ts';

// Editors' corrections as a new reader of the archive tried them, and the attributions around
// them. Expected answers written by hand from the texts below.

const LOPEZ: QuotePerson = { id: 'maria-lopez', name: 'Maria Lopez' };
const BAKER: QuotePerson = { id: 'tom-baker', name: 'Tom Baker' };
const PEOPLE = [BAKER, LOPEZ];

const TEXT =
  '“The budget is a disgrace,” Tom Baker said.\n\n' +
  '“the hospital has been ignored for years.” John Reed said that at the meeting.\n\n' +
  '“We will fix the hospital,” Maria Lopez said. The mayor called the plan “a mess” and left.';

function rows(text: string, corrections: QuoteCorrection[]) {
  return findQuotes(text, { language: 'en', people: PEOPLE, corrections }).map((q) => [
    q.quote.text,
    q.speaker?.text ?? null,
    q.person,
    q.cue,
  ]);
}

const UNCORRECTED = rows(TEXT, []);

describe('a correction applies to exactly one quotation', () => {
  test('a passage found in two quotations changes neither', () => {
    expect(rows(TEXT, [{ text: 'the hospital', person: 'maria-lopez' }])).toEqual(UNCORRECTED);
  });

  test('a one-word passage found in every quotation changes none', () => {
    expect(rows(TEXT, [{ text: 'the', person: 'maria-lopez' }])).toEqual(UNCORRECTED);
    expect(rows(TEXT, [{ text: 'the', remove: true }])).toEqual(UNCORRECTED);
  });

  test('a passage in one quotation but also in the narration changes nothing', () => {
    const text = '“We will fix the hospital,” Maria Lopez said. Reed toured the hospital.';
    expect(rows(text, [{ text: 'the hospital', remove: true }])).toEqual(rows(text, []));
  });

  test('a passage found once is the editor’s attribution: no speaker as written, cue “editor’s correction”', () => {
    expect(rows(TEXT, [{ text: 'ignored for years', person: 'maria-lopez' }])[1]).toEqual([
      'the hospital has been ignored for years.',
      null,
      'maria-lopez',
      'editor’s correction',
    ]);
  });

  test('a pronoun after a corrected quotation follows the text, not the correction', () => {
    const text = '“The hospital has been ignored,” John Reed said. “Nobody listens,” he added.';
    const quotes = findQuotes(text, {
      language: 'en',
      people: PEOPLE,
      corrections: [{ text: 'hospital has been ignored', person: 'maria-lopez' }],
    });
    expect(quotes.map((q) => [q.speaker?.text ?? null, q.refersTo, q.person])).toEqual([
      [null, null, 'maria-lopez'],
      ['he', 'John Reed', null],
    ]);
  });
});

describe('a correction’s passage must be within quotation marks', () => {
  test('narration named in a correction adds no quote', () => {
    const text = 'Lopez said the council passed the city budget on Tuesday.';
    expect(rows(text, [{ text: 'passed the city budget', person: 'maria-lopez' }])).toEqual([]);
  });

  test('words in marks the extraction left out are added as the whole quotation', () => {
    expect(rows(TEXT, [{ text: 'a mess', person: 'maria-lopez' }]).at(-1)).toEqual([
      'a mess',
      null,
      'maria-lopez',
      'editor’s correction',
    ]);
  });
});

describe('attributions a new reader found wrong', () => {
  test('“he” does not reach past a more recent subject whose gender only the given-name list suggests', () => {
    const text = 'Baker spoke first. Then Kim Lee took the floor. “I have nothing to add,” he said.';
    expect(rows(text, [])).toEqual([['I have nothing to add,', 'he', null, 'said']]);
  });

  test('“he” still reaches past a recent subject known by title to be a woman', () => {
    const text = 'Baker spoke first. Then Ms. Lee took the floor. “I have nothing to add,” he said.';
    expect(rows(text, [])).toEqual([['I have nothing to add,', 'he', 'tom-baker', 'said']]);
  });

  test('“wrote X on Y” and “X wrote on Y”: the cue names the platform, and the next sentence is read', () => {
    for (const first of ['“Lopez is wrong,” wrote Baker on X.', '“Lopez is wrong,” Baker wrote on X.'])
      expect(rows(`${first} According to Lopez, “the figures speak for themselves.”`, [])).toEqual([
        ['Lopez is wrong,', 'Baker', 'tom-baker', 'wrote on X'],
        ['the figures speak for themselves.', 'Lopez', 'maria-lopez', 'According to'],
      ]);
  });
});
