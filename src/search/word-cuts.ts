// Where an index's word chunks are cut, in the compact form the build writes beside each index
// (src/search/index-chunks.ts) and the search page reads (src/search/browser/word-chunks.ts, which
// explains what it is for). Only what the page can use is kept: the index's first and last words,
// and the cuts whose two sides share at least MIN_SHARED letters (a shorter common start can never
// be the start of a typed word's stem that the page follows across a cut).

/** Fewest letters a cut's common start must share with a typed word for the page to follow the cut. */
export const MIN_SHARED = 3;

/** An index's ends and cuts: each cut as the last word before it and the first after it (as Pagefind shortened them). */
export interface WordCuts {
  first: string;
  last: string;
  cuts: [before: string, after: string][];
}

/** The length of the common start of two words. */
export function sharedLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The cuts of an index whose chunks have the ranges `ranges` ([first word, last word] each, in
 * order, as Pagefind's metadata lists them), as one line of words separated by spaces (index words
 * have none): first, last, then each kept cut's two words. Empty for an index without chunks.
 */
export function wordCutsLine(ranges: readonly (readonly [string, string])[]): string {
  if (ranges.length === 0) return '';
  const words = [ranges[0]![0], ranges.at(-1)![1]];
  for (let i = 0; i + 1 < ranges.length; i++) {
    const [before, after] = [ranges[i]![1], ranges[i + 1]![0]];
    if (sharedLength(before, after) >= MIN_SHARED) words.push(before, after);
  }
  return words.join(' ');
}

/** The cuts a line of wordCutsLine gives; null for an empty or malformed line (an odd count of words). */
export function parseWordCuts(line: string): WordCuts | null {
  const words = line.split(' ');
  if (!line || words.length < 2 || words.length % 2 !== 0) return null;
  const cuts: [string, string][] = [];
  for (let i = 2; i < words.length; i += 2) cuts.push([words[i]!, words[i + 1]!]);
  return { first: words[0]!, last: words[1]!, cuts };
}
