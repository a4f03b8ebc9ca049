import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/text/quotes.ts';

// A sentence ending inside a quotation ends where the quotation's closing mark does, in every
// language's marks: the next sentence's speaker is its own, not the previous quotation's. The
// expected speakers are read off the sentences by hand.

/** Each quotation's words and its speaker as written, in order. */
function speakers(text: string, language: string): [string, string | null][] {
  return findQuotes(text, { language, people: [], corrections: [] }).map((q) => [
    q.quote.text.replace(/^[„“”"«»‹›‚‘\s]+|[„“”"«»‹›‚‘’\s]+$/gu, ''),
    q.speaker?.text ?? null,
  ]);
}

describe('two reporting sentences in one paragraph, each with its own speaker', () => {
  it.each([
    ['de', 'Weber sagte: „Wir prüfen das.“ Vogel sagte: „Wir bauen trotzdem.“', 'Vogel'],
    ['de', 'Hans Weber sagte: „Wir prüfen das.“ Klaus Vogel entgegnete: „Wir bauen trotzdem.“', 'Klaus Vogel'],
    ['de', 'Weber sagte: »Wir prüfen das.« Vogel sagte: »Wir bauen trotzdem.«', 'Vogel'],
    ['de', 'Weber sagte: „Wir prüfen das!“ Vogel erwiderte: „Wir bauen trotzdem.“', 'Vogel'],
    ['de-CH', 'Weber sagte: «Wir prüfen das.» Vogel sagte: «Wir bauen trotzdem.»', 'Vogel'],
    ['fr', 'Arnaud a déclaré : « Nous verrons. » Martin a déclaré : « Non. »', 'Martin'],
    [
      'fr',
      'Arnaud a déclaré\u00a0: «\u00a0Nous verrons.\u00a0» Martin a répondu\u00a0: «\u00a0Ils ont tort.\u00a0»',
      'Martin',
    ],
    ['fr', 'Arnaud a déclaré : «Nous verrons.» Martin a répliqué : «Jamais de la vie.»', 'Martin'],
    ['en', 'Baker said: “We will see.” Delgado said: “We will build anyway.”', 'Delgado'],
    // A quotation ending in ? or ! followed by the next one's reporting clause and a colon.
    ['en', 'Cho said: “Who pays?” Whitaker said: “The state.”', 'Whitaker'],
    ['en', 'Cho shouted: "Enough!" Whitaker said: "No."', 'Whitaker'],
    ['en', 'Cho asked: “Who pays?” Whitaker replied: “The state.”', 'Whitaker'],
    // A quotation closing on an abbreviation's full stop ends its sentence.
    ['en', 'Cho said: “I thank Dr.” Whitaker said: “Fine.”', 'Whitaker'],
    ['en', 'Cho said: “We need pens, paper etc.” Whitaker said: “Fine.”', 'Whitaker'],
    ['de', 'Weber sagte: „Man nehme z. B.“ Vogel sagte: „Genug.“', 'Vogel'],
    ['fr', 'Arnaud a déclaré : « Je remercie M. » Martin a répondu : « Bien. »', 'Martin'],
    // Or on an ellipsis, a dash or a parenthesis.
    ['en', 'Whitaker said: “We will see…” Cho said: “We will not.”', 'Cho'],
    ['en', 'Whitaker said: “This is over —” Cho interrupted: “It is not.”', 'Cho'],
    ['en', 'Whitaker said: “We voted no (twice)” Cho said: “Once.”', 'Cho'],
    ['de', 'Weber sagte: „Wir werden sehen …“ Vogel sagte: „Nein.“', 'Vogel'],
    ['fr', 'Arnaud a dit : « Nous verrons… » Roy a dit : « Non. »', 'Roy'],
    // The next speaker with an appositive before the colon.
    ['en', 'Whitaker asked: “Who pays?” Cho, 54, said: “The state.”', 'Cho'],
    ['en', 'Whitaker said: "Wait!" Cho, the council leader, said: "No."', 'Cho'],
  ])('%s: %s', (language, text, second) => {
    const found = speakers(text, language);
    expect(found).toHaveLength(2);
    expect(found[1]![1]).toBe(second);
    expect(found[0]![1]).not.toBe(second);
  });
});

describe('an attribution after a quotation ending in ? or ! is still that quotation’s', () => {
  it.each([
    ['“Who pays?” Whitaker asked. “The state,” Cho said.', ['Whitaker', 'Cho']],
    ['“Who pays?” Whitaker asked, “and when?”', ['Whitaker', 'Whitaker']],
    ['“Enough!” Cho shouted.', ['Cho']],
  ])('%s', (text, want) => {
    expect(speakers(text, 'en').map(([, s]) => s)).toEqual(want);
  });
});
