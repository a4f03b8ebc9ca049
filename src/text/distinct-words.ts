// The words of many texts, each once: what a search record needs to be found by every word of
// them, without indexing every occurrence (a person record carrying thousands of quotes would
// otherwise hold each common word thousands of times).

/** Punctuation at either end of a word as written ("law," "“We" "(again)"), which a search tokenizer drops too. */
const OUTER_PUNCTUATION = /^\p{P}+|\p{P}+$/gu;

/**
 * Every word of `texts` once, in the order of its first occurrence, joined with single spaces. A
 * word is a run of characters between white space, kept as first written (inner punctuation,
 * currency signs and per cent signs included: "U.S.", "don't", "$1.8"); two words are the same
 * when they are equal once punctuation at their ends is taken off and letters are lower-cased
 * (Unicode default case folding by toLowerCase), so "Law," after "law" adds nothing. A word that is
 * only punctuation ("—", "…") is left out.
 */
export function distinctWords(texts: Iterable<string>): string {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const text of texts)
    for (const word of text.split(/\s+/u)) {
      const key = word.replace(OUTER_PUNCTUATION, '').toLowerCase();
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      words.push(word);
    }
  return words.join(' ');
}
