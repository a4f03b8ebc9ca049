import type { PagefindSearchOptions } from './pagefind-types.ts';
import { lowerWithoutMarks } from '../../text/fold.ts';

// The search page's state, kept in the address: ?q=judges&person=Jeff%20Sessions&sort=newest.
// Pure functions, so the round trip between URL and search is unit-tested.

/** Filters offered on the search page, in the order shown. */
export const FILTER_KEYS = ['person', 'source', 'topic', 'year'] as const;
/** Result orders a reader can choose. */
export const SORTS = { relevance: 'Most relevant first', newest: 'Newest first', oldest: 'Oldest first' } as const;

/** What the reader asked for. */
export interface SearchState {
  q: string;
  sort: keyof typeof SORTS;
  filters: Record<string, string[]>;
}

/** Reads the state from a query string. */
export function stateFromParams(params: URLSearchParams): SearchState {
  const sort = params.get('sort') ?? 'relevance';
  const filters: Record<string, string[]> = {};
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length > 0) filters[key] = values;
  }
  return {
    q: (params.get('q') ?? '').trim(),
    sort: sort in SORTS ? (sort as SearchState['sort']) : 'relevance',
    filters,
  };
}

/** Writes the state as a query string, leaving out defaults so shared links stay short. */
export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTER_KEYS) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

/** True when there is anything to search for. */
export function hasQuery(state: SearchState): boolean {
  return state.q !== '' || Object.keys(state.filters).length > 0;
}

/**
 * The records' sort key: the day an article was published. Person pages have none, so Pagefind
 * leaves them out of a search in date order; the search page adds them after the dated results.
 */
export const SORT_KEY = 'date';

/**
 * How much a match in each metadata field of a record counts (Pagefind's ranking.metaWeights,
 * added to the body's BM25 score). The headline and the names a person goes by count most; the
 * date line and the source least, since a reader rarely searches for them.
 */
export const META_WEIGHTS: Record<string, number> = {
  title: 5,
  people: 3,
  aliases: 3,
  byline: 2,
  topics: 2,
  organizations: 1.5,
  source: 1,
  date: 0.5,
  day: 0.5,
};

/** Pagefind's options for the state: any of the ticked values within a filter, all filters at once. */
export function searchOptions(state: SearchState): PagefindSearchOptions {
  const filters = Object.fromEntries(Object.entries(state.filters).map(([k, v]) => [k, { any: v }]));
  const options: PagefindSearchOptions = { filters };
  if (state.sort !== 'relevance') options.sort = { [SORT_KEY]: state.sort === 'newest' ? 'desc' : 'asc' };
  return options;
}

/**
 * The searches that give the filter counts, as disjunctive facets: a value's count is the number
 * of results the reader gets by ticking it with the current words and the OTHER filters' values.
 * So a filter with ticked values is counted by a search without its own values, and every filter
 * with none ticked by the main search itself. Returns, per search, the filters it counts and its
 * options (no sort: counts do not depend on order).
 */
export function countSearches(state: SearchState): { counts: string[]; options: PagefindSearchOptions }[] {
  const ticked = FILTER_KEYS.filter((k) => (state.filters[k]?.length ?? 0) > 0);
  const untouched = FILTER_KEYS.filter((k) => !ticked.includes(k));
  const without = (key: string) => searchOptions({ ...state, sort: 'relevance', filters: omit(state.filters, key) });
  return [
    ...(untouched.length > 0 ? [{ counts: untouched, options: searchOptions({ ...state, sort: 'relevance' }) }] : []),
    ...ticked.map((key) => ({ counts: [key], options: without(key) })),
  ];
}

/** A copy of an object without one key. */
function omit<T>(o: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));
}

/** Words of a text as search compares names: without marks, split at anything but letters and digits. */
function nameWords(text: string): string[] {
  return lowerWithoutMarks(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * True when the words typed are a name among `names` (a person's name and other names): every
 * word typed begins a word of them. "Sessions" and "Jeff Sess" are Jeff Sessions' name; "judges"
 * is not Judge Ashley Tabaddor's (it begins no word of it).
 */
export function typedName(query: string, names: string): boolean {
  const typed = nameWords(query);
  const known = nameWords(names);
  return typed.length > 0 && typed.every((w) => known.some((n) => n.startsWith(w)));
}

/** Filter names as the search page shows them. */
export const FILTER_LABELS: Record<(typeof FILTER_KEYS)[number], string> = {
  person: 'Person',
  source: 'Source',
  topic: 'Topic',
  year: 'Year',
};

/** Values of one filter in the order shown: most articles first (ties A to Z); years newest first. */
export function orderedValues(key: string, counts: Record<string, number>): string[] {
  const values = Object.keys(counts);
  if (key === 'year') return values.sort().reverse();
  return values.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b));
}
