import type { PageParts } from '../parts.ts';
import { PART_FILTER, PERSON_SORT_KEY, pageOfResult, partOfResult, type MetaField } from '../contract.ts';
import type {
  Pagefind,
  PagefindFilterCounts,
  PagefindSearchFragment,
  PagefindSearchOptions,
  PagefindSearchResult,
  PagefindSearchResults,
} from './pagefind-types.ts';
import { remarked } from './marks.ts';
import { chunkProbes } from './word-chunks.ts';
import type { WordCuts } from '../word-cuts.ts';
import { normalWord, parsedQuery, type ParsedQuery } from './query.ts';
import { countSearches, searchOptions, typedName, type SearchState } from './search-state.ts';

// The search page's engine: what a search finds, in what order, and what each filter value would
// give, asked of Pagefind's JS API. No page code: it takes a Pagefind (or anything answering the
// same calls) and the index parts the page loads, and returns results and counts, so it is
// unit-tested against a fake Pagefind (tests/unit/search-engine.test.ts). The page's controller
// (search-page.ts) decides when to ask and what to show.

/**
 * Where the words typed really occur. When no word of an index begins with a word's stem,
 * Pagefind searches for the longest word of the index that the stem begins with instead
 * ("Ashleyish" finds "ashley", "Ashdown" finds "as"), so a search can return articles that do not
 * contain the word at all. A word is kept to the parts of the index where it does occur: where a
 * search for the word alone in quotes (Pagefind's exact search, which never shortens it) finds
 * something, or where the plain search finds other records than the same word with letters no
 * word has appended (NO_SUCH_ENDING): a part with no word beginning with the stem answers both
 * with the same shorter word, a part with such words (a word still being typed, or another word of
 * the same stem: "police" and "policy" both begin with "polic") answers the first with them.
 * `null` means everywhere; an empty list, nowhere (part numbers as the hidden `part` filter names them).
 */
type Scope = string[] | null;

/**
 * Something else a reader can search for when a search finds nothing: a query (`q`, typed words)
 * and how many results it gives with the same filters. `spelling`: typed words joined ("heat wave"
 * to "heatwave") or a word split in two, as the index has them; `unquoted`: a phrase's words
 * anywhere; `fewer`: one word of several, alone.
 */
export interface Hint {
  kind: 'spelling' | 'unquoted' | 'fewer';
  q: string;
  count: number;
}

/** A result to show, with its data loaded. */
export interface LoadedResult {
  result: PagefindSearchResult;
  data: PagefindSearchFragment;
}

/**
 * A search's results handed out a page at a time (see SearchEngine.queue). In relevance order
 * without filters, a person page comes where Pagefind ranks it only when the words typed are its
 * name (every word begins a word of its name or other names, typedName); a person page found by
 * its description waits until every article has been handed out.
 */
export interface ResultQueue {
  /**
   * The next results, at most `size`, with their data (loaded for these, and for the results
   * before and among them that may be person pages to put later: loadedAtOnce).
   */
  next(size: number): Promise<LoadedResult[]>;
  /** How many results are still to come. */
  readonly left: number;
}

/** Searches of one page's index (see searchEngine). */
export interface SearchEngine {
  /**
   * The results of a state as they are to be shown, and the scope they are kept to: the words are
   * checked first (scopeOf), in one index or in parts, and the results asked for within their
   * scope (resultsFor), so the first results shown are final (results that appear and then
   * change are not allowed: a word in no part would otherwise show the records Pagefind finds by
   * dropping or shortening it). Null when Pagefind dropped the search.
   */
  answerFor(state: SearchState): Promise<{ scope: Scope; results: PagefindSearchResult[] } | null>;
  /** Where every word of the query occurs (see Scope); a quoted phrase is searched exactly and needs no check. */
  scopeOf(q: string): Promise<Scope>;
  /**
   * Every result of the state within the scope, in the order chosen; null when Pagefind dropped
   * the search. By date, person pages (no date) come after the dated results.
   */
  resultsFor(state: SearchState, scope: Scope): Promise<PagefindSearchResult[] | null>;
  /** The count of every filter value for the state within the scope (disjunctive: see countSearches). */
  countsFor(state: SearchState, scope: Scope): Promise<PagefindFilterCounts>;
  /** Every filter value of the index with its number of records (loads the filters' data, as countsFor does). */
  totals(): Promise<PagefindFilterCounts>;
  /** The results of the state as they are to be shown (see ResultQueue), their matches marked as typed (marks.ts). */
  queue(results: PagefindSearchResult[], state: SearchState): ResultQueue;
  /** What else to try for a state's words (see Hint): spellings first, then fewer words; none that find nothing. */
  hintsFor(state: SearchState): Promise<Hint[]>;
  /**
   * Runs one search that loads nothing (a word past every word of the index: no chunk holds it)
   * and finds nothing, so that Pagefind's worker, its script and its WebAssembly have searched once
   * before the reader's first search; resolves when it has run. Nothing is asked when the word
   * cuts are not known (no word is then sure to load nothing).
   */
  warm(): Promise<void>;
}

/** Options of an engine. */
export interface EngineOptions {
  /** The language of the page (a BCP 47 tag), for its stop words; English by default. */
  language?: string;
  /** Words in an excerpt, as Pagefind was given (its excerptLength); 30 by default. */
  excerptLength?: number;
  /**
   * The word chunks of each index part loaded, for the page's language (src/search/index-chunks.ts;
   * none when not known): with them every chunk a word's stem may reach is loaded before the word
   * is searched (word-chunks.ts), so that what it finds does not depend on the index's layout.
   */
  wordCuts?: readonly WordCuts[];
}

/**
 * Letters appended to a word to tell Pagefind's fallback to a shorter word from a real match (see
 * Scope): no word ends with them, and no stemmer takes them for an ending.
 */
const NO_SUCH_ENDING = 'qxzjq';

/** Pagefind answers kept per page (the index does not change while the page is open). */
const KEPT_ANSWERS = 200;

/**
 * Most person pages whose data one round of a result queue loads to tell whether each is shown
 * where Pagefind ranks it (see loadedAtOnce): "budget" at 10,000 articles has 26 before its fifth
 * article; a word of many people's descriptions is read in rounds of this many.
 */
const PEOPLE_AT_ONCE = 45;

/** Search options kept within a scope. */
function within(options: PagefindSearchOptions, scope: Scope): PagefindSearchOptions {
  return scope === null ? options : { ...options, filters: { ...options.filters, [PART_FILTER]: { any: scope } } };
}

/** Search options kept to one part. */
function inPart(options: PagefindSearchOptions, part: number): PagefindSearchOptions {
  return { ...options, filters: { ...options.filters, [PART_FILTER]: { any: [String(part)] } } };
}

/**
 * Search options for the person pages of a search in date order: only they have the person sort
 * key, so in a single index they alone are found, in one order whatever the index's layout
 * (PERSON_SORT_KEY). A part of people carries no sort and is put in its page order, the same
 * order (byDateAcrossParts).
 */
function peopleInOrder(options: PagefindSearchOptions): PagefindSearchOptions {
  return { ...options, sort: { [PERSON_SORT_KEY]: 'asc' } };
}

/**
 * What Pagefind matched in `results`: each result's id, word positions and the metadata fields
 * matched, by id, each as a set (sorted, without repeats). Two words matched alike matched the
 * same words of the index. (Not the scores: Pagefind's score of a match depends on how much longer
 * the index word is than the query word's stem. The fields, because a match in metadata has no
 * word position; as a set, because Pagefind lists them in a hash map's order, which changes from
 * one search to the next: pagefind_core_search, search_term, meta_field_matches.)
 */
function matchKey(results: readonly PagefindSearchResult[]): string {
  const byId = results
    .map((r) => ({
      id: r.id,
      words: [...new Set(r.words)].sort((a, b) => a - b),
      fields: [...new Set(r.matchedMetaFields)].sort(),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return JSON.stringify(byId);
}

/** The metadata fields of a person page that hold its names (typedName reads them: title and aliases). */
const NAME_FIELDS: ReadonlySet<string> = new Set<MetaField>(['title', 'aliases']);

/** Letters that Pagefind keeps as they are (no case, no marks to drop), in increasing order. */
const LAST_LETTERS = ['z', 'þ', 'ω', 'я'];

/**
 * A word that no index of `indexes` loads a chunk for: its first letter comes after the first
 * letter of each index's last word, so no chunk's range holds it, even cut to the range's length
 * (pagefind_web/src/lib.rs, request_indexes; word-chunks.ts). Undefined when no index is known or
 * none of LAST_LETTERS comes after them all.
 */
export function pastEveryWord(indexes: readonly WordCuts[]): string | undefined {
  if (indexes.length === 0) return undefined;
  const highest = Math.max(...indexes.map(({ last }) => last.codePointAt(0) ?? 0));
  return LAST_LETTERS.find((letter) => letter.codePointAt(0)! > highest);
}

/**
 * The results of `answer` grouped by the index part each came from, keyed by the part's number as
 * text, in Pagefind's order within a part; undefined when some result's id does not name its part
 * (an index whose fragments the build did not name by part: partOfResult).
 */
function resultsByPart(answer: PagefindSearchResults | null): Map<string, PagefindSearchResult[]> | undefined {
  const byPart = new Map<string, PagefindSearchResult[]>();
  for (const r of answer?.results ?? []) {
    const part = partOfResult(r.id);
    if (part === undefined) return undefined;
    const list = byPart.get(String(part));
    if (list) list.push(r);
    else byPart.set(String(part), [r]);
  }
  return byPart;
}

/**
 * The engine for a page that has loaded `pagefind` with the index parts `parts` (src/search/parts.ts,
 * partsForLanguage). Answers, word scopes and the filters' data are kept for the engine's life.
 */
export function searchEngine(pagefind: Pagefind, parts: PageParts, options: EngineOptions = {}): SearchEngine {
  const { language = 'en', excerptLength = 30, wordCuts = [] } = options;
  /** The parts this page searches, as the hidden `part` filter names them; none for a single index. */
  const allParts = parts.dirs.length > 1 ? [...parts.byDate, ...parts.undated].map(String) : [];
  /**
   * The filters of the searches that check a word: every part, so that the answer counts the
   * records by part (the same records as without filters: every record of an index in parts is in one).
   */
  const everyPart = allParts.length > 0 ? { [PART_FILTER]: { any: allParts } } : {};
  const answers = new Map<string, Promise<PagefindSearchResults | null>>();
  const wordScopes = new Map<string, Promise<Scope>>();
  let filterData: Promise<PagefindFilterCounts> | undefined;
  /** The chunks each word searched needs, loaded once per word (see chunkProbes). */
  const chunksLoaded = new Map<string, Promise<void>>();

  /**
   * Resolves once every chunk the words of `term` may need is loaded (word-chunks.ts). Pagefind
   * splits a term at spaces and drops its punctuation, as normalWord does for each word.
   */
  function chunksFor(term: string): Promise<void> {
    const words = term
      .split(/\s+/)
      .map(normalWord)
      .filter((w) => w.length > 0);
    return Promise.all(
      words.map((word) => {
        let loading = chunksLoaded.get(word);
        if (!loading) {
          const probes = chunkProbes(word, wordCuts, language);
          loading = probes.length > 0 ? pagefind.preload(probes.join(' ')) : Promise.resolve();
          chunksLoaded.set(word, loading);
        }
        return loading;
      }),
    ).then(() => {});
  }

  /** Pagefind's search, once the chunks its words need are loaded (chunksFor). */
  async function searchLoaded(term: string | null, options: PagefindSearchOptions) {
    if (term !== null) await chunksFor(term);
    return pagefind.search(term, options);
  }

  /** The query typed as Pagefind is asked for it (query.ts). */
  const parsed = (q: string): ParsedQuery => parsedQuery(q, language);

  /** Pagefind's term for a state: null for filters alone; undefined when words were typed but none can be searched. */
  function termOf(state: SearchState): string | null | undefined {
    if (!state.q) return null;
    return parsed(state.q).term ?? undefined;
  }

  /** Pagefind's search, asked once per term and options (the last KEPT_ANSWERS are kept). */
  function search(term: string | null, options: PagefindSearchOptions): Promise<PagefindSearchResults | null> {
    const key = JSON.stringify([term, options]);
    let answer = answers.get(key);
    if (!answer) {
      answer = searchLoaded(term, options);
      answers.set(key, answer);
      if (answers.size > KEPT_ANSWERS) answers.delete(answers.keys().next().value!);
    }
    return answer;
  }

  /**
   * What Pagefind matched for `term` within `filters` (matchKey of its results).
   */
  async function matchOf(term: string, filters: NonNullable<PagefindSearchOptions['filters']>): Promise<string> {
    return matchKey((await search(term, { filters }))?.results ?? []);
  }

  /**
   * True when `word` matches otherwise within `filters` than the same word with NO_SUCH_ENDING
   * appended: then some word there begins with its stem (see Scope). Compared by the positions
   * matched too: a figure's token and the digits its figure is also indexed as are in the same
   * records.
   */
  async function matchesWithin(word: string, filters: NonNullable<PagefindSearchOptions['filters']>): Promise<boolean> {
    const [plain, padded] = await Promise.all([matchOf(word, filters), matchOf(word + NO_SUCH_ENDING, filters)]);
    return plain !== padded;
  }

  /**
   * The parts where one typed word occurs (see Scope). In parts, the exact search over every part
   * comes first, without filters, and gives the parts with an exact match (each result's part read
   * from its id; through the `part` filter's counts for an index whose ids do not name parts): when
   * that is every part (the usual case) nothing more is asked, and the same answer orders the
   * results (wholeWordsFirst). Otherwise the plain and the padded searches over every part give the
   * parts with any match; only a part with a plain match and no exact one (a word being typed,
   * another word of the same stem, or a shorter word) needs the two compared, on that part's
   * records. A part where the word does not occur at all is left out too: there Pagefind would
   * drop the word from a query of several words rather than find nothing.
   */
  function wordScope(word: string): Promise<Scope> {
    const key = normalWord(word);
    let known = wordScopes.get(key);
    if (!known) {
      known = (async () => {
        const filters = everyPart;
        // Asked at once: the results wait for this check.
        if (allParts.length === 0) {
          // The plain search asked as the main search of a one-word query is, so that answer is reused.
          const [exact, plain] = await Promise.all([search(`"${word}"`, { filters }), search(word, { filters })]);
          return exact?.results.length || (plain?.results.length && (await matchesWithin(word, {}))) ? null : [];
        }
        // The exact search first, without filters, so that no filter's data is loaded before the
        // results: each result's part is read from its id (partOfResult) when the build named the
        // fragments so. A word found whole in every part, the usual case, needs no more.
        const exactBy = resultsByPart(await search(`"${word}"`, { filters: {} }));
        if (exactBy) {
          if (allParts.every((p) => exactBy.has(p))) return null;
          const [plainBy, paddedBy] = (
            await Promise.all([search(word, { filters: {} }), search(word + NO_SUCH_ENDING, { filters: {} })])
          ).map(resultsByPart);
          if (plainBy && paddedBy) {
            const keep = allParts.filter(
              (p) =>
                exactBy.has(p) || (plainBy.has(p) && matchKey(plainBy.get(p)!) !== matchKey(paddedBy.get(p) ?? [])),
            );
            return keep.length === allParts.length ? null : keep;
          }
        }
        // Ids that do not name their part: counted by part through the part filter.
        let exact = await search(`"${word}"`, { filters });
        // Counts by part come with the part filter's data, which a search may answer without.
        if (!exact?.filters[PART_FILTER]) exact = await searchLoaded(`"${word}"`, { filters });
        const exactIn = exact?.filters[PART_FILTER] ?? {};
        if (allParts.every((p) => exactIn[p])) return null;
        let [plain, padded] = await Promise.all([
          search(word, { filters }),
          search(word + NO_SUCH_ENDING, { filters }),
        ]);
        if (!plain?.filters[PART_FILTER]) plain = await searchLoaded(word, { filters });
        if (!padded?.filters[PART_FILTER]) padded = await searchLoaded(word + NO_SUCH_ENDING, { filters });
        const plainIn = plain?.filters[PART_FILTER] ?? {};
        const paddedIn = padded?.filters[PART_FILTER] ?? {};
        // A part searched on its own matches as it does within all of them (Pagefind matches the
        // words of each part's index, then applies the filter), so the two answers over every part
        // are compared on the part's records alone (pageOrderOf) rather than searched again.
        const found = await Promise.all(
          allParts.map(async (p) => {
            if (exactIn[p]) return true;
            if (!plainIn[p]) return false;
            if (plainIn[p] !== paddedIn[p]) return true;
            const ids = await pageOrderOf(Number(p));
            const inPart = (r: PagefindSearchResult) => ids.has(r.id);
            return matchKey(plain?.results.filter(inPart) ?? []) !== matchKey(padded?.results.filter(inPart) ?? []);
          }),
        );
        const keep = allParts.filter((_, i) => found[i]);
        return keep.length === allParts.length ? null : keep;
      })();
      wordScopes.set(key, known);
    }
    return known;
  }

  async function scopeOf(q: string): Promise<Scope> {
    const query = parsed(q);
    if (query.phrase) return null;
    if (query.term === null) return [];
    const scopes = await Promise.all(query.words.map((w) => wordScope(w.searched)));
    return scopes.reduce<Scope>((a, b) => (a === null ? b : b === null ? a : a.filter((p) => b.includes(p))), null);
  }

  /** Each part's records in the order they were added to its index, by id (see pageOrderOf). */
  const pageOrders = new Map<number, Promise<Map<string, number>>>();

  /**
   * The records of part `n` in its page order (the order they were added to its index: its
   * articles by date, its people in their order, src/search/parts.ts), as each id's place. A
   * search of the part without words gives its pages in that order: Pagefind scores them all
   * alike and keeps them as its filter gives them, by page number (pagefind_web/src/search.rs,
   * search_term). An index in parts carries no sorts (the build leaves them out:
   * src/search/pagefind-meta.ts), so this is its date order.
   */
  function pageOrderOf(n: number): Promise<Map<string, number>> {
    let order = pageOrders.get(n);
    if (!order) {
      order = pagefind
        .search(null, { filters: { [PART_FILTER]: { any: [String(n)] } } })
        .then((all) => new Map((all?.results ?? []).map((r, i) => [r.id, i])));
      pageOrders.set(n, order);
    }
    return order;
  }

  /** The results of a search of part `n` alone, in its page order (pageOrderOf), or the reverse. */
  async function inPageOrder(
    n: number,
    answer: PagefindSearchResults | null,
    reverse: boolean,
  ): Promise<PagefindSearchResult[]> {
    const order = await pageOrderOf(n);
    const at = (r: PagefindSearchResult) => order.get(r.id) ?? 0;
    return (answer?.results ?? []).toSorted((a, b) => (reverse ? at(b) - at(a) : at(a) - at(b)));
  }

  /**
   * The results of `answer` by the part holding each, with each one's page number there (its place
   * in the part's page order, pageOrderOf), both read from its id (partOfResult, pageOfResult);
   * undefined when some id does not name them, or Pagefind dropped the search. An answer without
   * the part filter and without a sort holds, for each part, exactly what a search of that part
   * alone finds (Pagefind matches a part's words before it applies a filter, and a part of an
   * index in parts has no sorts to drop the pages without a key by: src/search/pagefind-meta.ts),
   * so its results put in page order part by part are the date order, without the part filter's
   * data or a search per part.
   */
  function placedByIds(
    answer: PagefindSearchResults | null,
  ): Map<number, { result: PagefindSearchResult; at: number }[]> | undefined {
    if (!answer) return undefined;
    const byPart = new Map<number, { result: PagefindSearchResult; at: number }[]>();
    for (const result of answer.results) {
      const part = partOfResult(result.id);
      const at = pageOfResult(result.id);
      if (part === undefined || at === undefined) return undefined;
      const list = byPart.get(part);
      if (list) list.push({ result, at });
      else byPart.set(part, [{ result, at }]);
    }
    return byPart;
  }

  /**
   * Results in date order when the index has several parts. Pagefind interleaves merged parts by
   * position, and a part's metadata carries no sort (pageOrderOf), so each part (a run of months)
   * is searched on its own and put in its page order, newest or oldest part first, and the lists
   * are joined; undated parts (people) come last, in the people's order, which the parts hold them
   * in one after another.
   */
  async function byDateAcrossParts(state: SearchState, scope: Scope): Promise<PagefindSearchResult[]> {
    const options = searchOptions(state);
    const newest = state.sort === 'newest';
    const dated = newest ? parts.byDate.toReversed() : parts.byDate;
    const inScope = (n: number) => scope === null || scope.includes(String(n));
    const placed = placedByIds(await search(termOf(state)!, { filters: options.filters ?? {} }));
    if (placed)
      return [...dated, ...parts.undated]
        .filter(inScope)
        .flatMap(
          (n) =>
            placed.get(n)?.toSorted((a, b) => (newest && !parts.undated.includes(n) ? b.at - a.at : a.at - b.at)) ?? [],
        )
        .map(({ result }) => result);
    const lists = await Promise.all([
      ...dated
        .filter(inScope)
        .map(async (n) => inPageOrder(n, await search(termOf(state)!, inPart(options, n)), newest)),
      ...parts.undated
        .filter(inScope)
        .map(async (n) => inPageOrder(n, await search(termOf(state)!, inPart(peopleInOrder(options), n)), false)),
    ]);
    return lists.flat();
  }

  /**
   * Results with the words typed ranked above those with only longer words they begin ("war"
   * before "Warren"): a stable sort by the number of typed words a result has whole, as Pagefind's
   * exact search of each word finds them (in an index of one part, the answers that scope the
   * words), so results that have as many keep Pagefind's order. Stop words do not count when other words were typed; figures always
   * match whole (their tokens end where the figure does).
   */
  async function wholeWordsFirst(results: PagefindSearchResult[], query: ParsedQuery): Promise<PagefindSearchResult[]> {
    if (query.phrase || results.length < 2) return results;
    const plain = query.words.filter((w) => !w.figure);
    const counted = plain.some((w) => !w.stop) ? plain.filter((w) => !w.stop) : plain;
    if (counted.length === 0) return results;
    // Asked as the word's check asks it first (wordScope), so its answer is reused.
    const whole = await Promise.all(
      counted.map(async (w) => new Set((await search(`"${w.searched}"`, { filters: {} }))?.results.map((r) => r.id))),
    );
    const score = (r: PagefindSearchResult) => whole.filter((ids) => ids.has(r.id)).length;
    return results
      .map((r, i) => ({ r, i, n: score(r) }))
      .sort((a, b) => b.n - a.n || a.i - b.i)
      .map(({ r }) => r);
  }

  /**
   * The results of a search within the parts `scope` (part numbers as text), in Pagefind's order,
   * taken from its answer without the part filter (the answer answerFor asks alongside the word
   * check, so it is reused): its results whose id names a part in scope. The same list, in the same
   * order, as the search with the part filter (within), without loading that filter's data in
   * every part before the first results: Pagefind matches a part's words before it applies a filter
   * (pagefind_web/src/search.rs, search_term), a part in scope has every record in the filter
   * (each of its records has its own part's value) and so gives its answer unchanged, a part out of
   * scope gives nothing, and the merged index orders the parts' results by score with a stable
   * sort (Pagefind.search in pagefind_web_js/lib/coupled_search.ts), which removing whole parts'
   * results does not reorder. Null when Pagefind dropped the search; undefined when some result's id
   * does not name its part (an index whose fragments the build did not name by part: partOfResult).
   */
  async function keptToScope(
    term: string | null,
    options: PagefindSearchOptions,
    scope: string[],
  ): Promise<PagefindSearchResult[] | null | undefined> {
    const response = await search(term, options);
    if (!response) return null;
    const parts = response.results.map((r) => partOfResult(r.id));
    if (parts.some((p) => p === undefined)) return undefined;
    return response.results.filter((_, i) => scope.includes(String(parts[i])));
  }

  async function resultsFor(state: SearchState, scope: Scope): Promise<PagefindSearchResult[] | null> {
    const term = termOf(state);
    if (scope?.length === 0 || term === undefined) return [];
    // Several parts, even with one of articles: merged parts are ordered by position, not by key.
    if (state.sort !== 'relevance' && parts.dirs.length > 1) return byDateAcrossParts(state, scope);
    if (state.sort === 'relevance' && scope !== null) {
      const kept = await keptToScope(term, searchOptions(state), scope);
      if (kept !== undefined) return kept && (term === null ? kept : wholeWordsFirst(kept, parsed(state.q)));
    }
    const options = within(searchOptions(state), scope);
    const response = await search(term, options);
    if (!response) return null;
    if (state.sort === 'relevance')
      return term === null ? response.results : wholeWordsFirst(response.results, parsed(state.q));
    // Any filter leaves person pages out (they have no person, source, topic or year).
    if (Object.keys(state.filters).length > 0) return response.results;
    // A search in date order leaves person pages out (they have no date): the same search in the
    // people's order finds them, and they go after the dated results. (In an index without
    // people, Pagefind knows no such order and answers in its own: the dated ones again.)
    const people = await search(term, peopleInOrder(options));
    const dated = new Set(response.results.map((r) => r.id));
    return [...response.results, ...(people?.results ?? []).filter((r) => !dated.has(r.id))];
  }

  async function countsFor(state: SearchState, scope: Scope): Promise<PagefindFilterCounts> {
    const term = termOf(state);
    if (scope?.length === 0 || term === undefined) return {};
    // Pagefind counts only the filters whose data it has loaded, so all of it is loaded first,
    // once, when counts are first asked for (after the first results are shown: they do not need
    // it). Answers kept from before lack their counts.
    await totals();
    const counts: PagefindFilterCounts = {};
    for (const { counts: keys, options } of countSearches(state)) {
      const response = await search(term, within(options, scope));
      for (const key of keys) counts[key] = response?.filters[key] ?? {};
    }
    return counts;
  }

  /** Loads the filters' data once (answers kept from before lack their counts) and gives every value's total. */
  function totals(): Promise<PagefindFilterCounts> {
    return (filterData ??= pagefind.filters().then((all) => {
      answers.clear();
      return all;
    }));
  }

  /**
   * How many of `pending` (results in the order they are handed out) to load at once to show
   * `wanted` more. While person pages found by their description are put after the articles
   * (`placing`), a person page is shown where Pagefind ranks it only when its name is typed, which
   * its data tells. In an index in parts a result's id tells a person page from an article without
   * its data (its part is one of people: partOfResult), and Pagefind's answer tells whether its
   * words matched the page's name at all (matchedMetaFields); so one round reaches as far as
   * `wanted` results that are likely to be shown, taking the person pages whose name no word
   * matched before them (at most PEOPLE_AT_ONCE), instead of loading `wanted` at a time, one round
   * after another, until enough can be shown. Only how many are loaded at once depends on this
   * guess; what is shown is decided from the data, as before. Otherwise (one index, ids that do not
   * name parts, nothing being placed) `wanted`.
   */
  function loadedAtOnce(pending: readonly PagefindSearchResult[], wanted: number, placing: boolean): number {
    if (!placing || parts.undated.length === 0) return wanted;
    const likelyLater = (r: PagefindSearchResult) => {
      const part = partOfResult(r.id);
      const named = r.matchedMetaFields?.some((field) => NAME_FIELDS.has(field)) ?? false;
      return part !== undefined && parts.undated.includes(part) && !named;
    };
    let [shown, people, n] = [0, 0, 0];
    for (const r of pending) {
      if (shown === wanted) break;
      if (likelyLater(r)) {
        if (people === PEOPLE_AT_ONCE) break;
        people++;
      } else shown++;
      n++;
    }
    return n;
  }

  function queue(results: PagefindSearchResult[], state: SearchState): ResultQueue {
    let pending = [...results];
    /** Person pages found only by their description: handed out after every article. */
    let later: PagefindSearchResult[] = [];
    /** The words whose person pages are being placed; '' once they are not (or never were). */
    const query = parsed(state.q);
    /** The words searched (a word with a minus is not one). */
    const searched = query.words.map((w) => w.typed).join(' ');
    let placingFor = state.sort === 'relevance' && Object.keys(state.filters).length === 0 ? searched : '';
    return {
      get left() {
        return pending.length + later.length;
      },
      async next(size) {
        const out: LoadedResult[] = [];
        while (out.length < size && pending.length + later.length > 0) {
          if (pending.length === 0) [pending, later, placingFor] = [later, [], ''];
          const batch = pending.splice(0, loadedAtOnce(pending, size - out.length, placingFor !== ''));
          const data = await Promise.all(batch.map(async (r) => remarked(await r.data(), query, excerptLength)));
          for (const [i, result] of batch.entries()) {
            // Loaded beyond what is shown: back in line, in order (Pagefind keeps a fragment loaded).
            if (out.length === size) {
              pending.unshift(...batch.slice(i));
              break;
            }
            const { meta } = data[i]!;
            const person = !meta.source;
            if (!placingFor || !person || typedName(placingFor, `${meta.title ?? ''} ${meta.aliases ?? ''}`))
              out.push({ result, data: data[i]! });
            else later.push(result);
          }
        }
        return out;
      },
    };
  }

  /** How many results the state's filters give with the words `q`. */
  async function countOf(state: SearchState, q: string): Promise<number> {
    return (await resultsFor({ ...state, q }, await scopeOf(q)))?.length ?? 0;
  }

  /** True when the index has the words `words` next to each other (in any part, under any filter). */
  async function indexHas(words: string): Promise<boolean> {
    return Boolean((await search(`"${words}"`, { filters: {} }))?.results.length);
  }

  async function hintsFor(state: SearchState): Promise<Hint[]> {
    const query = parsed(state.q);
    const typed = query.words.map((w) => w.typed);
    const hints: Hint[] = [];
    const tried = new Set([state.q]);
    const offer = async (kind: Hint['kind'], q: string) => {
      if (tried.has(q)) return;
      tried.add(q);
      const count = await countOf(state, q);
      if (count > 0) hints.push({ kind, q, count });
    };
    const asTyped = (words: string[]) => (query.phrase ? `"${words.join(' ')}"` : words.join(' '));
    const letters = (w: string) => /^\p{L}+$/u.test(w);
    // Two words the index has as one ("heat wave": heatwave).
    for (let i = 0; i + 1 < typed.length; i++) {
      const [a, b] = [typed[i]!, typed[i + 1]!];
      if (letters(a) && letters(b) && (await indexHas(a + b)))
        await offer('spelling', asTyped([...typed.slice(0, i), a + b, ...typed.slice(i + 2)]));
    }
    // One word the index has as two ("heatwave": heat wave), split where both halves have two letters or more.
    for (const [i, w] of typed.entries()) {
      if (!letters(w) || w.length < 4 || w.length > 24) continue;
      for (let k = 2; k <= w.length - 2; k++)
        // The first half first: its words share the typed word's start, so Pagefind loads no other part of its index.
        if ((await indexHas(w.slice(0, k))) && (await indexHas(`${w.slice(0, k)} ${w.slice(k)}`)))
          await offer('spelling', asTyped([...typed.slice(0, i), w.slice(0, k), w.slice(k), ...typed.slice(i + 1)]));
    }
    if (query.phrase) await offer('unquoted', typed.join(' '));
    // Fewer words: each word that is not a stop word, alone.
    if (typed.length > 1) for (const w of query.words) if (!w.stop) await offer('fewer', w.typed);
    return hints;
  }

  async function answerFor(state: SearchState): Promise<{ scope: Scope; results: PagefindSearchResult[] } | null> {
    if (!state.q) {
      const results = await resultsFor(state, null);
      return results && { scope: null, results };
    }
    // Asked alongside the check: the answer when every word occurs everywhere, the usual case.
    const everywhere = resultsFor(state, null);
    everywhere.catch(() => {});
    const scope = await scopeOf(state.q);
    const results = scope === null ? await everywhere : await resultsFor(state, scope);
    return results && { scope, results };
  }

  async function warm(): Promise<void> {
    const term = pastEveryWord(wordCuts);
    if (term !== undefined) await pagefind.search(term, {});
  }

  return { answerFor, scopeOf, resultsFor, countsFor, totals, queue, hintsFor, warm };
}
