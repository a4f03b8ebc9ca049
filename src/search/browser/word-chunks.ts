// Which of Pagefind's word chunks a query word needs, so that what a search finds does not depend
// on where an index was cut into chunks or on what earlier searches loaded.
//
// Pagefind (pagefind_web/src/lib.rs, request_indexes, and search.rs, find_word_extensions) loads,
// for each query word, the one chunk whose range holds the word as typed, and then matches every
// word of the chunks loaded so far that begins with the word's stem. Its chunks are cut by size,
// and a frequent word often ends one: "polic" (police) ends a chunk and "polici" (policy) begins
// the next, so "police" finds the police articles alone in a fresh index and the policy articles
// too once a search for "policy" has loaded the next chunk; an index in parts, cut elsewhere, finds
// other sets again. The build writes each index's chunk ranges beside it (src/search/index-chunks.ts);
// before a word is searched, the page loads every chunk next to a cut that the words beginning
// with the word's stem may run across (`pagefind.preload` of words inside those chunks), and the
// first or last chunk when the word lies past the index's first or last word (Pagefind then loads
// no chunk at all, though that chunk may hold words beginning with the stem). The stem
// itself is Pagefind's (Snowball, inside its WebAssembly) and is not given out, so a cut is taken
// as crossed when the words on both sides share with the typed word as many letters as its stem
// is sure to share with it, and at least MIN_SHARED letters (src/search/word-cuts.ts). For an
// English index that floor follows the English stemmer's steps (stem-floor.ts: "grace" keeps at
// least "grac", so the cuts of "grad | gran" are not followed; "nationalizations" keeps
// "nation"); for another language it is all of the word but its last STEM_SLACK letters. A cut
// whose sides share only a short start of a long word is not followed: "and | anders" for
// "anderson" would load the chunk of "and", 28 kB in each part of a 10,000-article archive.
// Stems sharing fewer than MIN_SHARED letters with the word ("dying": "die") and, in another
// language, stems more than STEM_SLACK letters shorter are left to Pagefind's own loading, as is
// a chunk of one word whose range Pagefind wrote backwards (docs/performance.md, "One index or
// many parts: the same answers").

import { MIN_SHARED, parseWordCuts, sharedLength, type WordCuts } from '../word-cuts.ts';
import { englishStemFloor } from './stem-floor.ts';

/** Letters a stem may lack of the typed word in a language other than English (French "-ement" is five, with its R2 rules). */
export const STEM_SLACK = 4;

/**
 * Words to preload so that every chunk the words beginning with `word`'s stem may reach is
 * loaded, in every index of `indexes` (each its WordCuts; the words are loaded in every index,
 * where they fall in the chunks of the same stretch of words), indexes of `language` (a BCP 47
 * tag; the stemmer is English's for "en" and its subtags). `word` is a query word as Pagefind
 * searches it (lower case, without punctuation: normalWord in query.ts). Sorted, without repeats;
 * empty when no cut is near the word.
 */
export function chunkProbes(word: string, indexes: readonly WordCuts[], language: string): string[] {
  const probes = new Set<string>();
  if (word.length < MIN_SHARED) return [];
  const english = language.toLowerCase().split('-')[0] === 'en';
  /** Letters of the word its stem is sure to keep. */
  const kept = Math.max(MIN_SHARED, english ? englishStemFloor(word) : word.length - STEM_SLACK);
  /** True when the words beginning with the stem may reach words that all begin with `common`. */
  const reaches = (common: string) => sharedLength(common, word) >= kept;
  for (const { first, last, cuts } of indexes) {
    // An index's first and last words are its ends: a word past them loads no chunk at all.
    if (reaches(first)) probes.add(first);
    if (reaches(last)) probes.add(last);
    for (const [before, after] of cuts)
      if (reaches(before.slice(0, sharedLength(before, after)))) {
        probes.add(before);
        probes.add(after);
      }
  }
  return [...probes].sort();
}

/** The file of word cuts the build writes beside each index (src/search/index-chunks.ts, CHUNK_TABLE_FILE). */
export const WORD_CUTS_FILE = 'word-chunks.json';

/**
 * The file of every part's word cuts, in the index's root folder (src/search/index-chunks.ts,
 * PARTS_CHUNK_TABLE_FILE): one request, and the parts' words compressed together.
 */
export const PARTS_WORD_CUTS_FILE = 'word-chunks-parts.json';

/**
 * The word cuts of each index folder in `dirs` (URLs ending in "/") for a page in `language` (a
 * BCP 47 tag): its file's entry for the language, or for its primary subtag, or the only one. An
 * index whose file cannot be fetched or read is left out (its words are then loaded as Pagefind
 * loads them). `fetchJson` fetches a URL and parses it as JSON. With `root` (the URL of the
 * folder holding the parts, ending in "/"), the tables are read from its PARTS_WORD_CUTS_FILE
 * (each folder's table under its path relative to `root`), and only a folder it lacks (or all,
 * when it cannot be read) from the folder's own file.
 */
export async function wordCutsOf(
  dirs: readonly string[],
  language: string,
  fetchJson: (url: string) => Promise<unknown>,
  root?: string,
): Promise<WordCuts[]> {
  const primary = language.toLowerCase().split('-')[0]!;
  const together =
    root === undefined
      ? {}
      : ((await fetchJson(`${root}${PARTS_WORD_CUTS_FILE}`).catch(() => ({}))) as Record<string, unknown>);
  const all = await Promise.all(
    dirs.map(async (dir) => {
      try {
        const relative = root !== undefined && dir.startsWith(root) ? dir.slice(root.length) : undefined;
        const table = (
          relative !== undefined && together[relative] !== undefined
            ? together[relative]
            : await fetchJson(`${dir}${WORD_CUTS_FILE}`)
        ) as Record<string, string>;
        const keys = Object.keys(table);
        const line = table[language.toLowerCase()] ?? table[primary] ?? (keys.length === 1 ? table[keys[0]!] : '');
        return typeof line === 'string' ? parseWordCuts(line) : null;
      } catch {
        return null;
      }
    }),
  );
  return all.filter((c) => c !== null);
}
