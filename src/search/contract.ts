// The search record contract: the names of a record's metadata fields, filters and sort key, with
// what the search page makes of them (weights, labels, orders). The code that writes records
// (records.ts), lists the filters (facets.ts, the search layout) and the search page's browser
// code (browser/) all take them from here. Plain data and types, no imports: server and browser
// code both load this module.

/** Metadata fields of a record: Pagefind searches them (weighted below) but never shows them as an excerpt. */
export type MetaField =
  | 'title'
  | 'date'
  | 'day'
  | 'source'
  | 'byline'
  | 'people'
  | 'topics'
  | 'organizations'
  | 'aliases'
  | 'quotes'
  | 'figures';

/**
 * How much a match in each metadata field of a record counts (Pagefind's ranking.metaWeights,
 * added to the body's BM25 score). The headline and the names a person goes by count most; the
 * date line and the source least, since a reader rarely searches for them.
 */
export const META_WEIGHTS: Record<MetaField, number> = {
  title: 5,
  people: 3,
  aliases: 3,
  // A person page's quotes (what they are quoted as saying in the archive's articles): words of
  // theirs find their page, below their name.
  quotes: 1,
  byline: 2,
  topics: 2,
  organizations: 1.5,
  source: 1,
  date: 0.5,
  day: 0.5,
  // The hidden tokens of the figures the headline and text print (src/search/figures.ts): a
  // figure typed as printed matches here, and counts as a match in the text would.
  figures: 1,
};

/**
 * What a match outside the excerpt was on, in the reader's words ("Found by the headline."); a
 * field without a phrase is not named. A person page's title and aliases are its name.
 */
export const MATCHED_IN: Partial<Record<MetaField, string>> = {
  title: 'the headline',
  people: 'a person it names',
  byline: 'the byline',
  topics: 'its topics',
  organizations: 'an organization it names',
  source: 'its source',
  date: 'its date',
  quotes: 'what they are quoted as saying',
};

/** Filters offered on the search page, in the order shown. */
export const FILTER_KEYS = ['person', 'quoted', 'author', 'source', 'topic', 'year'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Filter names as the search page shows them. */
export const FILTER_LABELS: Record<FilterKey, string> = {
  person: 'Person',
  // Who is quoted in the article (src/search/records.ts): the people its quotes are given to.
  quoted: 'Quoted',
  author: 'Author',
  source: 'Source',
  topic: 'Topic',
  year: 'Year',
};

/** The hidden filter giving a record's index part, when the index has several (src/search/parts.ts). */
export const PART_FILTER = 'part';

/**
 * The part of an index in parts that holds a result, read from its id: the build names each
 * fragment of such a part `<digest>_<part>_<page number>` (src/search/pagefind-meta.ts,
 * rewriteMetadata), and Pagefind gives a fragment's name as the result's id. Undefined for any
 * other id (a single index names its fragments `<digest>_<page number>`). Lets the search page
 * tell which part answered without the part filter's data (4 kB a part of 2,000 records).
 */
export function partOfResult(id: string): number | undefined {
  const found = /^[0-9a-f]+_(\d+)_\d+$/.exec(id);
  return found ? Number(found[1]) : undefined;
}

/**
 * The page number of a result within its part of an index in parts (its place in the part's page
 * order, which is the part's date order: src/search/parts.ts), read from its id as partOfResult
 * reads the part. Undefined for any other id.
 */
export function pageOfResult(id: string): number | undefined {
  const found = /^[0-9a-f]+_\d+_(\d+)$/.exec(id);
  return found ? Number(found[1]) : undefined;
}

/** The hidden filter holding the number of words of the latest version's text (src/search/earlier-versions.ts). */
export const LATEST_WORDS = 'latestWords';

/**
 * The hidden filter saying which version each earlier passage is from: one value per article,
 * "<word position>:<version id>" pairs separated by spaces (src/search/earlier-versions.ts, versionAt).
 */
export const EARLIER_VERSIONS = 'earlierVersions';

/** Filters no reader sees: the search page reads them from results (hidden, not metadata, so never searched). */
type HiddenFilter = typeof PART_FILTER | typeof LATEST_WORDS | typeof EARLIER_VERSIONS;

/**
 * The records' sort key: when an article was published, as its calendar day and then its moment
 * within the day (dateSortKey, src/content/dates.ts: the order of the home page and every list).
 * Person pages have none, so Pagefind leaves them out of a search in date order; the search page
 * adds them after the dated results (in PERSON_SORT_KEY order).
 */
export const SORT_KEY = 'date';

/**
 * The person pages' sort key: a person's place among the people ordered by id, zero-padded
 * (PERSON_PLACE_DIGITS). In a search in date order the person pages come after the dated results,
 * in this order; any order Pagefind ranks them in would depend on how the index is split (each
 * part ranks with its own statistics), this one does not. (An index in parts adds its records in
 * the order of both keys and drops the sorts from its metadata: src/search/pagefind-meta.ts.)
 */
export const PERSON_SORT_KEY = 'person';
/** Digits of a person's place (PERSON_SORT_KEY): the same width for all, so text and number order agree. */
export const PERSON_PLACE_DIGITS = 8;

/** Result orders a reader can choose, with their labels, the default first. */
export const SORTS = { relevance: 'Most relevant first', newest: 'Newest first', oldest: 'Oldest first' } as const;
export type SortOrder = keyof typeof SORTS;

/** A Pagefind custom record, as this site writes them. URLs are site paths without the base. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Partial<Record<MetaField, string>>;
  filters: Partial<Record<FilterKey | HiddenFilter, string[]>>;
  sort?: Partial<Record<typeof SORT_KEY | typeof PERSON_SORT_KEY, string>>;
}

/** Values a long filter group shows before "Show all" (the search layout and src/search/browser/filters-view.ts). */
export const FILTER_TOP_VALUES = 8;
