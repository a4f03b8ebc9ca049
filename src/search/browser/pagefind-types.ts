// The part of Pagefind's browser API (pagefind.js) that the search page uses.

/** Counts per value, per filter: { person: { "Jeff Sessions": 3 } }. */
export type FilterCounts = Record<string, Record<string, number>>;

/** One hit; its data is loaded on demand. */
export interface PagefindResult {
  id: string;
  /** Metadata fields the words matched in (Pagefind 1.5 and later searches metadata too). */
  matchedMetaFields?: string[];
  data(): Promise<{
    url: string;
    content: string;
    excerpt: string;
    meta: Record<string, string | undefined>;
    /** The record's filter values. */
    filters?: Record<string, string[]>;
    /** Positions of the matched words in `content`, split as Pagefind splits it (src/search/earlier-versions.ts). */
    locations?: number[];
  }>;
}

/** A search's answer. */
export interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

/** Options for one search. */
export interface SearchOptions {
  filters?: Record<string, { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** The module pagefind.js exports. */
export interface Pagefind {
  options(opts: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, opts?: Record<string, unknown>): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, opts?: SearchOptions): Promise<PagefindResponse | null>;
}
