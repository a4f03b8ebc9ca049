// Types of Pagefind's browser API (the pagefind.js module a build writes), for the part the search
// page uses. The npm package `pagefind` ships declarations only for its Node indexing API
// (types/index.d.ts, types/internal.d.ts); the browser API's declarations live in Pagefind's
// source (pagefind_web_js/types/index.d.ts) and are not published. The names and shapes here
// follow those, narrowed where this site is stricter (its filters are always `{ any: [...] }`).

import type { MetaField } from '../contract.ts';

/** Counts per value, per filter: { person: { "Jeff Sessions": 3 } }. */
export type PagefindFilterCounts = Record<string, Record<string, number>>;

/** Options for pagefind.options() and mergeIndex(). */
export interface PagefindIndexOptions {
  /** Where the index's files are, when not next to pagefind.js. */
  basePath?: string;
  /** Prefixed to every result URL. */
  baseUrl?: string;
  /** Words in an excerpt (Pagefind's default 30). */
  excerptLength?: number;
  /** Ranking weights; `metaWeights` boosts matches in the named metadata fields. */
  ranking?: {
    termSimilarity?: number;
    pageLength?: number;
    termSaturation?: number;
    termFrequency?: number;
    diacriticSimilarity?: number;
    metaWeights?: Record<string, number>;
  };
  /** Language of the index, when not the page's. */
  language?: string;
}

/** The data of one result, loaded on demand (Pagefind's "fragment"). */
export interface PagefindSearchFragment {
  /** The page's URL, with the baseUrl. */
  url: string;
  /** The page's indexed text. */
  content: string;
  /** About `excerptLength` words around the best match, matched words in <mark>. */
  excerpt: string;
  /** Metadata the record gave (this site's fields: src/search/contract.ts); a field it did not give is absent. */
  meta: Partial<Record<MetaField, string>>;
  /** Filter values the page is tagged with. */
  filters: Record<string, string[]>;
  /** Number of words on the page. */
  word_count: number;
  /** Positions of the matched words in `content`, split as Pagefind splits it (src/search/earlier-versions.ts). */
  locations: number[];
}

/** One hit, before its data is loaded. */
export interface PagefindSearchResult {
  /** Pagefind's id for the page, unique across the site. */
  id: string;
  /** The ranking score (higher ranks first). */
  score: number;
  /** Positions of the matched words in the page's content. */
  words: number[];
  /** Metadata fields the words matched in (Pagefind 1.5 and later search metadata too). */
  matchedMetaFields?: string[];
  /** Loads the fragment; call it only for results being shown. */
  data(): Promise<PagefindSearchFragment>;
}

/** A search's answer. */
export interface PagefindSearchResults {
  results: PagefindSearchResult[];
  /** How many results there would be without the filters. */
  unfilteredResultCount: number;
  /** Counts per filter value among these results. */
  filters: PagefindFilterCounts;
  /** Counts per filter value for the words alone, without the filters. */
  totalFilters: PagefindFilterCounts;
}

/** Options for one search. */
export interface PagefindSearchOptions {
  /** Pages tagged with any of these values, per filter; filters combine with "and". */
  filters?: Record<string, { any: string[] }>;
  /** Order by a sort key instead of relevance. */
  sort?: Record<string, 'asc' | 'desc'>;
}

/** The module pagefind.js exports. */
export interface Pagefind {
  options(options: PagefindIndexOptions): Promise<void>;
  init(): Promise<void>;
  /** Stops this Pagefind and forgets its options and indexes (options and init start it again). */
  destroy(): Promise<void>;
  /** Adds another index (a directory holding pagefind.js) to searches. */
  mergeIndex(indexPath: string, options?: PagefindIndexOptions): Promise<void>;
  filters(): Promise<PagefindFilterCounts>;
  /** Loads, in every index, the word chunks a search for `term` would load, and searches nothing. */
  preload(term: string, options?: PagefindSearchOptions): Promise<void>;
  /** Null when a newer search has superseded this one (debounced searches only). */
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearchResults | null>;
}
