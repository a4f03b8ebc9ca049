import type {
  Pagefind,
  PagefindFilterCounts,
  PagefindSearchFragment,
  PagefindSearchOptions,
  PagefindSearchResult,
  PagefindSearchResults,
} from '../../src/search/browser/pagefind-types.ts';

// An in-memory stand-in for Pagefind's browser API (pagefind.js), for the calls the search
// page's engine makes: search, filters and a result's data. It shares no code with the site and
// behaves as Pagefind 1.6 does where the engine depends on it:
// - a record's text (content and metadata) is split at whitespace; each word is lower-cased,
//   stripped of diacritics and kept as its letters and digits only, joined ("$1.8" is 18, "9/11"
//   911), and a word with punctuation inside is also indexed as its parts of two characters or
//   more split at ASCII punctuation ("9/11" also as 11, "year-end" as year and end), at the same
//   position (pagefind/src/fossick/mod.rs and splitting.rs);
// - a query drops Unicode punctuation of the dash, bracket, quotation and "other" classes (so "$"
//   stays, and typographic quotes go) and is split at spaces; each query word matches every word of
//   a record that it begins;
// - a query word that begins no word of an index part is shortened, letter by letter, until it
//   begins some word of that part ("ashdownish" finds "as"), and dropped when no start of it does
//   (then a query of several words is searched without it); a phrase in double quotes is never
//   shortened and needs its words next to each other;
// - each index part (a record's `part`) ranks and orders on its own: in date order each part's
//   results are in date order, but the parts' lists are interleaved by position, and records
//   without the sort key are left out (the same for the person pages' sort key `person`); a sort
//   key no record of the index has is no order at all (the results come as without one);
// - filter counts come only for filters whose data is loaded: by filters(), or by a search
//   filtering on them.

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
export function fakePagefind(records: FakeRecord[]): FakePagefind {
  const loaded = new Set<string>();
  const searches: FakePagefind['searches'] = [];
  /** A record's words by position: its content's, then each metadata field's (a phrase never spans two). */
  const positionsOf = (r: FakeRecord) => [r.content, ...Object.values(r.meta)].map(positions);
  const textOf = (r: FakeRecord) => positionsOf(r).flat(2);
  const parts = [...new Set(records.map((r) => r.part))].sort((a, b) => a - b);

  /** The word a query word is searched as in one part: itself, a start of it, or null (dropped). */
  function asSearched(word: string, part: number): string | null {
    const known = records.filter((r) => r.part === part).flatMap(textOf);
    for (let n = word.length; n > 0; n--)
      if (known.some((w) => w.startsWith(word.slice(0, n)))) return word.slice(0, n);
    return null;
  }

  /** Score of a record for the query words (matches counted), or 0 when it does not match. */
  function score(r: FakeRecord, term: string): number {
    /** Every position of the record, with the words indexed there. */
    const text = positionsOf(r).flat();
    if (/^\s*".+"\s*$/.test(term)) {
      const phrase = words(term);
      const found = positionsOf(r).some((at) => at.some((_, i) => phrase.every((p, j) => at[i + j]?.includes(p))));
      return found ? 1 : 0;
    }
    const searched = words(term)
      .map((w) => asSearched(w, r.part))
      .filter((w): w is string => w !== null);
    if (searched.length === 0) return 0;
    let total = 0;
    for (const w of searched) {
      // One hit per position, whichever of its words matched.
      const hits = text.filter((at) => at.some((t) => t.startsWith(w))).length;
      if (hits === 0) return 0;
      total += hits;
    }
    return total;
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

  function result(r: FakeRecord, s: number): PagefindSearchResult {
    const fragment: PagefindSearchFragment = {
      url: r.url,
      content: r.content,
      excerpt: r.content,
      meta: r.meta,
      filters: r.filters,
      word_count: r.content.split(/\s+/).length,
      locations: [],
    };
    return { id: r.url, score: s, words: [], data: () => Promise.resolve(structuredClone(fragment)) };
  }

  return {
    searches,
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
      for (const key of Object.keys(options.filters ?? {})) loaded.add(key);
      const filtered = records.filter((r) =>
        Object.entries(options.filters ?? {}).every(([key, { any }]) => any.some((v) => r.filters[key]?.includes(v))),
      );
      const scored = filtered.map((r) => [r, term === null ? 1 : score(r, term)] as const).filter(([, s]) => s > 0);
      const [key, direction] = Object.entries(options.sort ?? {})[0] ?? [];
      const keyOf = (r: FakeRecord) => (key === 'date' ? r.date : key === 'person' ? r.person : undefined);
      let ordered: (readonly [FakeRecord, number])[];
      if (direction && records.some((r) => keyOf(r) !== undefined)) {
        // Each part in the key's order; the parts' lists interleaved by position.
        const lists = parts.map((p) =>
          scored
            .filter(([r]) => r.part === p && keyOf(r) !== undefined)
            .sort(([a], [b]) => (direction === 'asc' ? 1 : -1) * keyOf(a)!.localeCompare(keyOf(b)!)),
        );
        ordered = [];
        for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (l[i]) ordered.push(l[i]!);
      } else ordered = scored.toSorted(([a, x], [b, y]) => y - x || a.url.localeCompare(b.url));
      const answer: PagefindSearchResults = {
        results: ordered.map(([r, s]) => result(r, s)),
        unfilteredResultCount: scored.length,
        filters: counts(ordered.map(([r]) => r)),
        totalFilters: {},
      };
      return Promise.resolve(answer);
    },
  };
}
