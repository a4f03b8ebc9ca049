import { lowerWithoutMarks } from '../text/fold.ts';

// Words that appeared only in an earlier version of an article still find it. An article keeps
// one search record (so filter counts stay counts of articles): its content is the latest
// version's text, followed by the passages of earlier versions that the latest text no longer
// has, and the hidden filter LATEST_WORDS says how many words the latest text has (a filter, not
// metadata: Pagefind 1.6 searches every metadata field, so "31" would find the article). A result whose
// matched words all lie at or after that word is found "in an earlier version", and its excerpt
// is taken from there. Positions are counted as Pagefind's browser code counts them when it cuts
// an excerpt (it splits the content at WORD_SEPARATORS, pagefind.js 1.6 `word_separators`), and
// Pagefind gives each result's word `locations` in the same positions. A second hidden filter,
// EARLIER_VERSIONS, says which version each earlier passage is from (the earliest that has it), so
// the result links to the version page where the words are; one value per article, as above.
//
// The two hidden filters are named in src/search/contract.ts; EARLIER_VERSIONS holds
// "<word position>:<version id>" pairs separated by spaces, each pair where a run of passages of
// one version starts ("48:20240601 75:20240602093000"; see versionAt).
//
// No Node APIs: the search page's browser code uses this module too.

/** Where Pagefind's browser code splits content into words (whitespace, except U+FEFF). */
export const WORD_SEPARATORS = /[^\S\uFEFF]+/;

/** The number of words in `text` as Pagefind numbers them (positions 0 to n-1). */
export function pagefindWordCount(text: string): number {
  return text === '' ? 0 : text.split(WORD_SEPARATORS).length;
}

/** Text compared by its words only (spacing and case ignored). */
function key(text: string): string {
  return text.toLowerCase().split(WORD_SEPARATORS).filter(Boolean).join(' ');
}

/** A passage of an earlier version: its text and the id of the version it is from (src/content/version-entries.ts). */
export interface EarlierPassage {
  text: string;
  version: string;
}

/**
 * The passages (lines: paragraphs, list items, table rows, as visibleText gives them) of the
 * `earlier` versions' texts that are not in `latest`, each once, oldest version first. A passage
 * edited since is kept whole, so a search for a word it lost finds the passage as it was.
 */
export function earlierPassages(latest: string, earlier: string[]): string[] {
  return earlierPassagesOf(
    latest,
    earlier.map((text) => ({ text, version: '' })),
  ).map((p) => p.text);
}

/**
 * As earlierPassages, with the version each passage is from: `earlier` holds each earlier
 * version's id and text, oldest first, so a passage several versions had is credited to the
 * earliest of them.
 */
export function earlierPassagesOf(latest: string, earlier: EarlierPassage[]): EarlierPassage[] {
  const present = key(latest);
  const seen = new Set<string>();
  const passages: EarlierPassage[] = [];
  for (const { text, version } of earlier)
    for (const line of text.split(/\n+/)) {
      const k = key(line);
      if (k === '' || seen.has(k) || ` ${present} `.includes(` ${k} `)) continue;
      seen.add(k);
      passages.push({ text: line.trim(), version });
    }
  return passages;
}

/**
 * A record's content, its LATEST_WORDS value and, for passages given with their versions, its
 * EARLIER_VERSIONS value: the latest text, then the earlier passages after a blank line.
 * `latestWords` is undefined when there are no earlier passages (then nothing in the content is
 * from an earlier version).
 */
export function recordContent(
  latest: string,
  passages: (string | EarlierPassage)[],
): { content: string; latestWords?: number; earlierVersions?: string } {
  const text = latest.trim();
  if (passages.length === 0) return { content: text };
  const latestWords = pagefindWordCount(text);
  const texts = passages.map((p) => (typeof p === 'string' ? p : p.text));
  // Where each run of one version's passages starts, counted as Pagefind counts words.
  const starts: string[] = [];
  let at = latestWords;
  let previous: string | undefined;
  for (const p of passages) {
    if (typeof p !== 'string' && p.version !== previous) starts.push(`${at}:${p.version}`);
    if (typeof p !== 'string') previous = p.version;
    at += pagefindWordCount(typeof p === 'string' ? p : p.text);
  }
  return {
    content: `${text}\n\n${texts.join('\n\n')}`,
    latestWords,
    ...(starts.length > 0 && { earlierVersions: starts.join(' ') }),
  };
}

/**
 * The id of the version whose passage holds the word at `location`, from a record's
 * EARLIER_VERSIONS value; undefined without one, or for a location before the earlier passages.
 */
export function versionAt(location: number, earlierVersions: string | undefined): string | undefined {
  let found: string | undefined;
  for (const pair of (earlierVersions ?? '').split(' ').filter(Boolean)) {
    const [start, version] = pair.split(':');
    if (Number(start) <= location) found = version;
  }
  return found;
}

/** The words of a text as termsNotIn compares them: folded, split at anything but letters and digits. */
function termWords(text: string): string[] {
  return lowerWithoutMarks(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Quotation marks that open or close a phrase: straight, and the typographic pairs readers' keyboards type. */
const QUOTES = /["\u201C\u201D\u201E\u00AB\u00BB]/;

/**
 * The terms of a query: each phrase in quotation marks as one term of several words, each other
 * word as a term of one (words folded and split at anything but letters and digits).
 */
function queryTerms(query: string): string[][] {
  const terms: string[][] = [];
  query.split(QUOTES).forEach((piece, i) => {
    const words = termWords(piece);
    // Odd pieces lie between quotation marks.
    if (i % 2 === 1 && words.length > 0) terms.push(words);
    else terms.push(...words.map((w) => [w]));
  });
  return terms;
}

/**
 * True when a word of the text stands for a word of the query. Pagefind matches the query word's
 * stem as the start of an indexed word's stem; without its stemmer this takes a text word that
 * begins with the query word ("lead" finds "leaders"), or a query word that begins with a text
 * word at most two letters shorter ("pipes" finds "pipe", "rates" finds "rate").
 */
function stands(textWord: string, queryWord: string): boolean {
  return (
    textWord.startsWith(queryWord) ||
    (queryWord.startsWith(textWord) && textWord.length >= Math.max(3, queryWord.length - 2))
  );
}

/**
 * The terms of `query` (see queryTerms) that `text` does not hold: a word no text word stands
 * for (see stands), a phrase whose words no run of text words stands for in order. Used with the
 * latest text and metadata of a record, to tell the words a result was found by only in an
 * earlier version.
 */
function termsNotIn(text: string, query: string): string[][] {
  const words = termWords(text);
  return queryTerms(query).filter(
    (term) => !words.some((_, i) => term.every((q, k) => i + k < words.length && stands(words[i + k]!, q))),
  );
}

/**
 * Where a result's words are only in earlier passages: the first matched location among the
 * earlier passages where a word (or phrase) of `query` begins that the latest text and `printed` (the
 * record's metadata: headline, byline, names) do not hold; undefined when every word is in the
 * latest, or the record has no earlier passages. Without a query (or one with no words) this is
 * the first location when every location is an earlier one (onlyInEarlier).
 */
export function earlierMatch(
  content: string,
  locations: number[],
  latestWords: number | undefined,
  query = '',
  printed = '',
): number | undefined {
  if (latestWords === undefined) return undefined;
  const inEarlier = locations.filter((l) => l >= latestWords).sort((a, b) => a - b);
  if (inEarlier.length === 0) return undefined;
  if (queryTerms(query).length === 0) return onlyInEarlier(locations, latestWords) ? inEarlier[0] : undefined;
  const words = content.split(WORD_SEPARATORS);
  const missing = termsNotIn(`${words.slice(0, latestWords).join(' ')}\n${printed}`, query);
  if (missing.length === 0) return undefined;
  // Where the first of those words or phrases begins among the matched earlier words.
  const word = (at: number) => termWords(words[at] ?? '').join('');
  const starts = missing.map((term) => inEarlier.find((l) => term.every((q, k) => stands(word(l + k), q))));
  const found = starts.filter((l) => l !== undefined);
  return found.length > 0 ? Math.min(...found) : inEarlier[0];
}

/** A passage of an excerpt: text, highlighted or not. */
export interface ExcerptRun {
  text: string;
  mark: boolean;
}

/**
 * Whether a result was found only in an earlier version: every matched word position is at or
 * after the first word of the earlier passages. False when the record has no earlier passages.
 */
export function onlyInEarlier(locations: number[], latestWords: number | undefined): boolean {
  return latestWords !== undefined && locations.length > 0 && locations.every((l) => l >= latestWords);
}

/**
 * An excerpt of `length` words of `content` from the words at positions [from, to), around the
 * first matched location in that range, with the matched words marked. Used for results found in
 * an earlier version, whose excerpt must come from the earlier passages only.
 */
export function excerptIn(
  content: string,
  locations: number[],
  from: number,
  to = Infinity,
  length = 30,
): ExcerptRun[] {
  const words = content.split(WORD_SEPARATORS);
  const end = Math.min(to, words.length);
  const inRange = locations.filter((l) => l >= from && l < end).sort((a, b) => a - b);
  const centre = inRange[0] ?? from;
  const start = Math.max(from, Math.min(centre - Math.floor(length / 3), end - length));
  const marked = new Set(inRange);
  const runs: ExcerptRun[] = [];
  for (let i = start; i < Math.min(end, start + length); i++) {
    const mark = marked.has(i);
    const text = (i > start ? ' ' : '') + words[i];
    const last = runs.at(-1);
    if (last && last.mark === mark && !mark) last.text += text;
    else if (mark && i > start) {
      if (last && !last.mark) last.text += ' ';
      else runs.push({ text: ' ', mark: false });
      runs.push({ text: words[i]!, mark: true });
    } else runs.push({ text, mark });
  }
  return runs;
}
