// Folded forms of text, for comparing and for keys. Two foldings, because their callers need
// different things: lowerWithoutAccents keeps every script's letters whole and is what URLs, the
// A–Z index and import-time name matching are built on (changing it would move pages);
// lowerWithoutMarks drops every combining mark, so a reader who types a word without its
// accents, vowel signs or points still finds it. lowerLettersAndDigits keeps only letters and
// digits, for "the same words". tests/unit/text-rules.test.ts pins each on tricky inputs.

/**
 * Text lower-cased, in Unicode compatibility decomposition (NFKD, UAX #15: "ﬁ" -> "fi",
 * full-width "１２" -> "12", "²" -> "2"), without the Combining Diacritical Marks U+0300–U+036F
 * (é -> e, Å -> a, İ -> i, ñ -> n). Letters that are not a base letter with a diacritic stay
 * (ß, ø, ł, æ), and so do the marks of other scripts (Devanagari vowel signs, Hebrew points):
 * they belong to the letter. Used for URL slugs, A–Z index letters, people's name words and
 * byline comparison at import; a slug's letters depend on it, so it must not change.
 */
export function lowerWithoutAccents(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Text lower-cased in the runtime's locale (toLocaleLowerCase), in canonical decomposition (NFD,
 * UAX #15), without any combining mark (Unicode General_Category M: Mn, Mc, Me): é -> e,
 * Å -> a, İ -> i, and also Devanagari vowel signs and Hebrew or Arabic points. Compatibility
 * characters stay as they are ("ﬁ", full-width digits). What the search page compares: a typed
 * word and a name match when they differ only in case and marks (so also "हिन्दी" and "हनद").
 * The lower-casing follows the reader's locale; the query and the names are folded alike in one
 * browser, so they still compare.
 */
export function lowerWithoutMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * Text case-folded the same in every locale, without any combining mark: canonical decomposition
 * (NFD, UAX #15), the marks (Unicode General_Category M) dropped, then lower-, upper- and lower-cased
 * with the locale-independent String methods, which apply Unicode's full case mappings
 * (SpecialCasing.txt): "ß" and "ẞ" -> "ss", "ﬁ" -> "fi", dotless "ı" and dotted "İ" -> "i"
 * (the first lower-casing makes "ẞ", which upper-cases to itself, an "ß"). So "René", "rene" and "RENE" fold alike, and so do "Straße" and "STRASSE", on
 * a Turkish browser as on any other (toLocaleLowerCase would give "ı" for "I" there). Marks an
 * upper-casing brings back ("ǰ" -> "J̌") are dropped again. For comparing a value typed into the
 * search page's address with the archive's values (src/search/browser/search-state.ts).
 */
export function caseFoldWithoutMarks(text: string): string {
  const withoutMarks = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '');
  return withoutMarks(withoutMarks(text).toLowerCase().toUpperCase().toLowerCase());
}

/**
 * Text lower-cased with everything but letters and digits (Unicode L and N) left out: "The
 * Day-After, 2024!" -> "thedayafter2024". Accents stay (compose lowerWithoutAccents first to drop
 * them). Two texts with the same result print the same words, whatever their spacing and
 * punctuation: how the importer sees that a dek repeats the lede or a title is printed on a page.
 */
export function lowerLettersAndDigits(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
