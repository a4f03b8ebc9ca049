// The search oracles' text rules (tests/e2e/search-oracle*.test.ts), written apart from the
// search side's code so that the answers they give are independent of it.

/** The text lower-cased with its diacritics removed (NFD, combining marks dropped): "José" → "jose". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a text: folded (see fold), split at every character that is not a letter or digit. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
