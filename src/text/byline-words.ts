// Words of a byline that are not names: the word that introduces it ("By Jane Doe", "Par Marie
// Dupont", "Von Hans Müller") and the words that join its names ("Jane Doe and John Roe"), in
// the languages the importer reads (English, French, Spanish, Portuguese, German, Italian,
// Dutch, Swedish, Norwegian, Danish).

/** Words that introduce a byline, lower-case: by, par, por, von, di, door, av (sv, no), af (da). */
export const BYLINE_LEAD_WORDS: readonly string[] = ['by', 'par', 'por', 'von', 'di', 'door', 'av', 'af'];

/** Words that join the names of a byline: and, &, et, y, und, e, en, og, och. */
export const BYLINE_CONJUNCTIONS: readonly string[] = ['and', '&', 'et', 'y', 'und', 'e', 'en', 'og', 'och'];

const LEAD_THEN_CAPITAL = new RegExp(`^(?:${BYLINE_LEAD_WORDS.join('|')})\\s+\\p{Lu}`, 'iu');

/**
 * True when a text starts as a byline does: a BYLINE_LEAD_WORDS word in any case, white space,
 * then a cased letter ("By Jane Doe", "VON Hans Müller"). The pattern's i flag makes \p{Lu}
 * match lower-case letters too, so "by jane" counts; "by 2024" and "by “Name”" do not.
 */
export function startsAsByline(text: string): boolean {
  return LEAD_THEN_CAPITAL.test(text);
}
