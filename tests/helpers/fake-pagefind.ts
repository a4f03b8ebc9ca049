import type {
  Pagefind,
  PagefindFilterCounts,
  PagefindSearchFragment,
  PagefindSearchOptions,
  PagefindSearchResult,
  PagefindSearchResults,
} from '../../src/search/browser/pagefind-types.ts';

// An in-memory stand-in for Pagefind's browser API (pagefind.js), for the calls the search
// page's engine makes: search, preload, filters and a result's data. It shares no code with the
// site and behaves as Pagefind 1.6 does where the engine depends on it:
// - a record's text (content and metadata) is split at whitespace; each word is lower-cased,
//   stripped of diacritics and kept as its letters and digits only, joined ("$1.8" is 18, "9/11"
//   911), and a word with punctuation inside is also indexed as its parts of two characters or
//   more split at ASCII punctuation ("9/11" also as 11, "year-end" as year and end), at the same
//   position (pagefind/src/fossick/mod.rs and splitting.rs); the index holds each word's stem
//   (the `stem` option; the word itself by default);
// - a query drops Unicode punctuation of the dash, bracket, quotation and "other" classes (so "$"
//   stays, and typographic quotes go) and is split at spaces; a query word matches every word of
//   the index that begins with its stem, among the words loaded (below); when none does, the one
//   longest loaded word that the stem begins with ("ashdownish" finds "ashdown", or "as"); when
//   there is none either, nothing, and a query of several words is searched without it
//   (pagefind_web/src/search.rs, search_term and find_word_extensions); a phrase in double quotes
//   is never shortened and needs its words next to each other;
// - with the `chunkWords` option each index part's words (stems, sorted) are cut into chunks of
//   that many words, their ranges shortened as Pagefind writes them (pagefind/src/index/mod.rs,
//   chunk_index and get_prefixes), and a search or a preload loads, per query word, the first
//   chunk whose range holds the word as typed, or failing that the first whose range holds it
//   once both are cut to the shorter length (pagefind_web/src/lib.rs, request_indexes); loaded
//   chunks stay loaded. Without it every word is loaded from the start;
// - each index part (a record's `part`) ranks and orders on its own: in date order each part's
//   results are in date order, but the parts' lists are interleaved by position, and records
//   without the sort key are left out (the same for the person pages' sort key `person`); a sort
//   key no record of the index has is no order at all (the results come as without one);
// - an index in several parts is as the build writes it: each part's metadata without its sorts
//   (src/search/pagefind-meta.ts; the `sorts` option), so a sort is no order at all there, and
//   the build's check holds: each part's records are in the order of each sort key (the fake
//   throws otherwise); a search without words gives each part's records in the order they were
//   given (Pagefind's page order), parts in order;
// - filter counts come only for filters whose data is loaded: by filters(), or by a search
//   filtering on them;
// - a result of a search that is not a phrase lists the metadata fields holding a word it matched
//   (`matchedMetaFields`), in no fixed order: Pagefind gives a hash map's keys (search.rs,
//   search_term, meta_field_matches), whose order changes from one search to the next; the fake
//   turns the list by one field at each search.

/** One record of the fake index. */
export interface FakeRecord {
  url: string;
  /** Index part (the merged index the record is in). */
  part: number;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  /** Sort key `date` (YYYY-MM-DD); person pages have none. */
  date?: string;
  /** Sort key `person` (a person page's place among the people); articles have none. */
  person?: string;
}

/** The fake, with what was asked of it. */
export interface FakePagefind extends Pagefind {
  /** Every search asked, as [term, options]. */
  searches: [string | null, PagefindSearchOptions][];
  /** Every preload asked, as its term. */
  preloads: string[];
  /** The chunk ranges of a part's index, as its chunk table gives them (src/search/index-chunks.ts). */
  chunkRanges(part: number): [string, string][];
  /** How many chunks of a part have been loaded. */
  loadedChunks(part: number): number;
}

/** How the fake indexes. */
export interface FakeOptions {
  /** The stem of an indexed or searched word (already folded); the word itself by default. */
  stem?: (word: string) => string;
  /** Words per chunk of each part's index; all words loaded from the start when not given. */
  chunkWords?: number;
  /**
   * Whether the index keeps Pagefind's sorts in its metadata: by default only when no record has
   * the hidden `part` filter (the build leaves them out of an index in parts).
   */
  sorts?: boolean;
  /**
   * Results' ids as the build names the fragments of an index in parts
   * (`<digest>_<part>_<page number in its part>`, src/search/pagefind-meta.ts), rather than the url.
   */
  partIds?: boolean;
}

/** Lower case, no diacritics. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words Pagefind indexes at each position of a text (see the header). */
function positions(text: string): string[][] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((chunk) => {
      const joined = fold(chunk).replace(/[^\p{L}\p{N}]/gu, '');
      const parts = /[^\p{L}\p{N}]/u.test(chunk)
        ? fold(chunk)
            .split(/[!-/:-@[-`{-~]+/)
            .filter((p) => p.length > 1 && p !== joined)
        : [];
      return [joined, ...parts].filter(Boolean);
    })
    .filter((at) => at.length > 0);
}

/** The words of a query as Pagefind searches them (see the header). */
function words(term: string): string[] {
  return fold(term.replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, ''))
    .split(/\s+/)
    .filter(Boolean);
}

/** A fake Pagefind over `records`. */
export function fakePagefind(records: FakeRecord[], fakeOptions: FakeOptions = {}): FakePagefind {
  const { stem = (w: string) => w, chunkWords, partIds = false } = fakeOptions;
  const loaded = new Set<string>();
  const searches: FakePagefind['searches'] = [];
  const preloads: string[] = [];
  /** A record's words by position: its content's, then each metadata field's (a phrase never spans two). */
  const positionsOf = (r: FakeRecord) => [r.content, ...Object.values(r.meta)].map(positions);
  /** A record's indexed words (stems) by position. */
  const stemsOf = (r: FakeRecord) =>
    positionsOf(r)
      .flat()
      .map((at) => at.map(stem));
  const parts = [...new Set(records.map((r) => r.part))].sort((a, b) => a - b);
  // As built: the records of an index in parts carry the hidden part filter.
  const sorts = fakeOptions.sorts ?? !records.some((r) => r.filters.part);
  if (!sorts)
    for (const key of ['date', 'person'] as const)
      for (const part of parts) {
        const keys = records.filter((r) => r.part === part && r[key] !== undefined).map((r) => r[key]!);
        if (keys.length > 0 && keys.length !== records.filter((r) => r.part === part).length)
          throw new Error(`fake Pagefind: part ${part} has records without the sort key ${key}`);
        if (keys.some((k, i) => i > 0 && keys[i - 1]!.localeCompare(k) > 0))
          throw new Error(`fake Pagefind: part ${part}'s records are not in ${key} order`);
      }

  /** Each part's chunks: its words, and its range as Pagefind writes it. */
  const chunks = new Map<number, { words: string[]; from: string; to: string }[]>();
  /** Each part's chunks loaded (indexes into its chunks). */
  const loadedIn = new Map<number, Set<number>>();
  for (const part of parts) {
    const all = [...new Set(records.filter((r) => r.part === part).flatMap((r) => stemsOf(r).flat()))].sort();
    const size = chunkWords ?? Math.max(1, all.length);
    const list: { words: string[]; from: string; to: string }[] = [];
    for (let i = 0; i < all.length; i += size) {
      const words = all.slice(i, i + size);
      list.push({ words, from: words[0]!, to: words.at(-1)! });
    }
    for (let i = 0; i + 1 < list.length; i++) {
      const [a, b] = [list[i]!.to, list[i + 1]!.from];
      let n = 0;
      while (n < a.length && n < b.length && a[n] === b[n]) n++;
      list[i]!.to = a.slice(0, n + 1);
      list[i + 1]!.from = b.slice(0, n + 1);
    }
    chunks.set(part, list);
    loadedIn.set(part, new Set(chunkWords === undefined ? list.map((_, i) => i) : []));
  }

  /** Loads, in every part, the chunk request_indexes picks for each word of `term`. */
  function load(term: string): void {
    for (const part of parts) {
      const list = chunks.get(part)!;
      for (const word of words(term)) {
        let i = list.findIndex((c) => word >= c.from && word <= c.to);
        if (i < 0)
          i = list.findIndex((c) => {
            const [f, t] = [Math.min(word.length, c.from.length), Math.min(word.length, c.to.length)];
            return word.slice(0, f) >= c.from.slice(0, f) && word.slice(0, t) <= c.to.slice(0, t);
          });
        if (i >= 0) loadedIn.get(part)!.add(i);
      }
    }
  }

  /** The words of a part loaded so far. */
  const loadedWords = (part: number) => [...loadedIn.get(part)!].flatMap((i) => chunks.get(part)![i]!.words);

  /** The index words one query word matches in one part (search.rs, find_word_extensions). */
  function matched(word: string, part: number): string[] {
    const s = stem(word);
    const known = loadedWords(part);
    const extensions = known.filter((w) => w.startsWith(s));
    if (extensions.length > 0) return extensions;
    const prefix = known.filter((w) => s.startsWith(w)).sort((a, b) => b.length - a.length)[0];
    return prefix === undefined ? [] : [prefix];
  }

  /**
   * The positions of a record the query words match (in its words by position: content, then each
   * metadata field), or null when it does not match. Its score is their number.
   */
  function match(r: FakeRecord, term: string): number[] | null {
    if (/^\s*".+"\s*$/.test(term)) {
      const phrase = words(term).map(stem);
      const known = new Set(loadedWords(r.part));
      if (!phrase.every((p) => known.has(p))) return null;
      const found = positionsOf(r).some((field) =>
        field.some((_, i) => phrase.every((p, j) => field[i + j]?.some((w) => stem(w) === p))),
      );
      return found ? [] : null;
    }
    const searched = words(term)
      .map((w) => matched(w, r.part))
      .filter((m) => m.length > 0);
    if (searched.length === 0) return null;
    const text = stemsOf(r);
    const at: number[] = [];
    for (const m of searched) {
      // One hit per position, whichever of its words matched.
      const hits = text.flatMap((words, i) => (words.some((t) => m.includes(t)) ? [i] : []));
      if (hits.length === 0) return null;
      at.push(...hits);
    }
    return at.sort((a, b) => a - b);
  }

  /** Score of a record for the query words (matches counted), or 0 when it does not match. */
  function score(r: FakeRecord, term: string): number {
    const at = match(r, term);
    return at === null ? 0 : Math.max(1, at.length);
  }

  function counts(matching: FakeRecord[]): PagefindFilterCounts {
    const out: PagefindFilterCounts = {};
    for (const key of loaded) {
      const values = (out[key] = {} as Record<string, number>);
      for (const r of records) for (const v of r.filters[key] ?? []) values[v] ??= 0;
      for (const r of matching) for (const v of r.filters[key] ?? []) values[v] = (values[v] ?? 0) + 1;
    }
    return out;
  }

  /**
   * The metadata fields of a record holding a word the query words match (none for a phrase), in
   * the order of the search numbered `nth` (see the header).
   */
  function fieldsMatched(r: FakeRecord, term: string, nth: number): string[] {
    if (/^\s*".+"\s*$/.test(term)) return [];
    const searched = words(term).flatMap((w) => matched(w, r.part));
    const fields = Object.entries(r.meta)
      .filter(([, text]) => positions(text).some((at) => at.some((w) => searched.includes(stem(w)))))
      .map(([key]) => key);
    const turn = fields.length > 0 ? nth % fields.length : 0;
    return [...fields.slice(turn), ...fields.slice(0, turn)];
  }

  function result(r: FakeRecord, s: number, at: number[], fields: string[]): PagefindSearchResult {
    const fragment: PagefindSearchFragment = {
      url: r.url,
      content: r.content,
      excerpt: r.content,
      meta: r.meta,
      filters: r.filters,
      word_count: r.content.split(/\s+/).length,
      locations: [],
    };
    return {
      id: partIds ? `0123456789_${r.part}_${records.filter((x) => x.part === r.part).indexOf(r)}` : r.url,
      score: s,
      words: at,
      ...(fields.length > 0 && { matchedMetaFields: fields }),
      data: () => Promise.resolve(structuredClone(fragment)),
    };
  }

  return {
    searches,
    preloads,
    chunkRanges: (part) => chunks.get(part)!.map((c) => [c.from, c.to]),
    loadedChunks: (part) => loadedIn.get(part)!.size,
    preload(term) {
      preloads.push(term);
      load(term);
      return Promise.resolve();
    },
    options: () => Promise.resolve(),
    init: () => Promise.resolve(),
    destroy: () => Promise.resolve(),
    mergeIndex: () => Promise.resolve(),
    filters() {
      for (const r of records) for (const key of Object.keys(r.filters)) loaded.add(key);
      return Promise.resolve(counts(records));
    },
    search(term, options = {}) {
      searches.push([term, structuredClone(options)]);
      if (term !== null) load(term);
      for (const key of Object.keys(options.filters ?? {})) loaded.add(key);
      const filtered = records.filter((r) =>
        Object.entries(options.filters ?? {}).every(([key, { any }]) => any.some((v) => r.filters[key]?.includes(v))),
      );
      const scored = filtered.map((r) => [r, term === null ? 1 : score(r, term)] as const).filter(([, s]) => s > 0);
      const [key, direction] = Object.entries(options.sort ?? {})[0] ?? [];
      const keyOf = (r: FakeRecord) => (key === 'date' ? r.date : key === 'person' ? r.person : undefined);
      let ordered: (readonly [FakeRecord, number])[];
      if (direction && sorts && records.some((r) => keyOf(r) !== undefined)) {
        // Each part in the key's order; the parts' lists interleaved by position.
        const lists = parts.map((p) =>
          scored
            .filter(([r]) => r.part === p && keyOf(r) !== undefined)
            .sort(([a], [b]) => (direction === 'asc' ? 1 : -1) * keyOf(a)!.localeCompare(keyOf(b)!)),
        );
        ordered = [];
        for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (l[i]) ordered.push(l[i]!);
      } else if (term === null)
        // Pagefind's page order: each part's records as given, parts in order.
        ordered = scored.toSorted(([a], [b]) => a.part - b.part || records.indexOf(a) - records.indexOf(b));
      else ordered = scored.toSorted(([a, x], [b, y]) => y - x || a.url.localeCompare(b.url));
      const answer: PagefindSearchResults = {
        results: ordered.map(([r, s]) =>
          term === null
            ? result(r, s, [], [])
            : result(r, s, match(r, term) ?? [], fieldsMatched(r, term, searches.length)),
        ),
        unfilteredResultCount: scored.length,
        filters: counts(ordered.map(([r]) => r)),
        totalFilters: {},
      };
      return Promise.resolve(answer);
    },
  };
}
