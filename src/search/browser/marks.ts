import { WORD_SEPARATORS } from '../earlier-versions.ts';
import { figureToken } from '../figures.ts';
import type { PagefindSearchFragment } from './pagefind-types.ts';
import { normalWord, type ParsedQuery } from './query.ts';

// Which words of a result's text are marked as matches. Pagefind marks the words its index
// matched; two kinds of match it cannot mark as the reader typed them:
// - a figure found by its hidden token (src/search/figures.ts) matched in metadata, not in the
//   text, so Pagefind marks nothing: the words of the text that print the figure are marked;
// - in a query of several words, a stop word ("the", "in") matches nearly every sentence, and
//   every word it begins ("their", "into"): those marks are taken off, unless the word is also a
//   start of another word typed.
// The excerpt is then cut again around what is marked, as Pagefind cuts it (pagefind.js 1.6,
// calculate_excerpt_region and build_excerpt: the window of `length` words with the most marked
// words, the middle one of equal windows in a row).

/** The first word of the window of `length` words holding the most of `locations` (Pagefind's choice, as it makes it). */
function excerptStart(locations: number[], words: number, length: number): number {
  if (locations.length === 0) return 0;
  const hits = new Array<number>(Math.max(...locations) + 1).fill(0);
  for (const l of locations) hits[l]! += 1;
  let start = 0;
  if (hits.length > length) {
    let sum = hits.slice(0, length).reduce((a, b) => a + b, 0);
    let best = sum;
    let bestAt = [0];
    for (let i = 0; i < hits.length; i++) {
      sum += (hits[i + length] ?? 0) - hits[i]!;
      if (sum > best) [best, bestAt] = [sum, [i]];
      else if (sum === best && bestAt.at(-1) === i - 1) bestAt.push(i);
    }
    start = bestAt[Math.floor(bestAt.length / 2)]!;
  }
  return Math.max(0, Math.min(start, words - length));
}

/** Text for HTML. */
function escaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** True when a word of the text may be what Pagefind matched for a typed word (they share their first letters). */
function mayMatch(word: string, typed: string): boolean {
  const n = Math.min(3, word.length, typed.length);
  return n > 0 && word.slice(0, n) === typed.slice(0, n);
}

/**
 * The result's data with its matches marked as the query was typed (see the module comment):
 * `locations` (word positions in `content`, as Pagefind gives them) and `excerpt` (about `length`
 * words of `content` around them, matched words in <mark>, everything else escaped text). The
 * same object when nothing changes.
 */
export function remarked(data: PagefindSearchFragment, query: ParsedQuery, length = 30): PagefindSearchFragment {
  if (query.phrase || query.term === null) return data;
  const figures = query.words.filter((w) => w.figure).map((w) => w.searched);
  const wanted = query.words.filter((w) => !w.figure && !w.stop).map((w) => normalWord(w.typed));
  const stops = query.words.filter((w) => w.stop).map((w) => normalWord(w.typed));
  const unmark = stops.length > 0 && (wanted.length > 0 || figures.length > 0);
  if (figures.length === 0 && !unmark) return data;
  const words = data.content.split(WORD_SEPARATORS);
  const marked = new Set(data.locations ?? []);
  const printed = new Set<number>();
  if (figures.length > 0)
    words.forEach((word, i) => {
      const token = figureToken(word);
      if (token && figures.some((f) => token.startsWith(f))) printed.add(i);
    });
  for (const l of marked) {
    const word = normalWord(words[l] ?? '');
    if (unmark && stops.some((s) => word.startsWith(s)) && !wanted.some((w) => mayMatch(word, w))) marked.delete(l);
  }
  for (const l of printed) marked.add(l);
  const locations = [...marked].sort((a, b) => a - b);
  const before = data.locations ?? [];
  if (locations.length === before.length && locations.every((l, i) => l === before[i])) return data;
  const start = excerptStart(locations, words.length, length);
  const excerpt = words
    .slice(start, start + length)
    .map((w, k) => (marked.has(start + k) ? `<mark>${escaped(w)}</mark>` : escaped(w)))
    .join(' ')
    .trim();
  return { ...data, locations, excerpt };
}
