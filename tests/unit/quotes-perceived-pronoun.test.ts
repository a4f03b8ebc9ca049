import { describe, expect, it } from 'vitest';
import { findQuotes, type QuotePerson } from '../../src/text/quotes.ts';

// "Cho recalled him saying: “…”": the one perceived or remembered says the quotation, also when
// the text names them with an object pronoun; the subject who remembers or hears is not the
// speaker. Which person the pronoun is, is not read, so the quotation is no one's person page's.
// Expected speakers written by hand.

const people: QuotePerson[] = [
  { id: 'mark-whitaker', name: 'Mark Whitaker', aliases: [] },
  { id: 'susan-cho', name: 'Susan Cho', aliases: [] },
  { id: 'rosa-delgado', name: 'Rosa Delgado', aliases: [] },
];
const opening =
  'Mark Whitaker ran the harbour office. Susan Cho was his deputy. Rosa Delgado told reporters: “We are ready.”\n\n';

describe('a quotation said by the one an object pronoun names after a verb of perceiving or remembering', () => {
  it.each([
    '“Run,” Cho recalled him saying.',
    'Cho recalled him saying: “Run for the boats.”',
    '“Run,” Cho heard him say.',
    '“Run,” Cho heard him shout.',
    'Cho remembered her telling the crew: “Run for the boats.”',
    '“Run,” Cho said she had heard them shout.',
  ])('%s', (sentence) => {
    const found = findQuotes(opening + sentence, { language: 'en', people, corrections: [] });
    const last = found.at(-1)!;
    expect(last.speaker?.text).toMatch(/^(?:him|her|them)$/);
    expect(last.person).toBeNull();
  });

  it('a reporting verb of the subject after the one perceived keeps the quotation the subject’s', () => {
    const found = findQuotes('Cho, who heard him say so, told reporters: “It was late.”', {
      language: 'en',
      people,
      corrections: [],
    });
    expect(found.map((q) => q.person)).toEqual(['susan-cho']);
  });
});
