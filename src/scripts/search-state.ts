import type { SearchOptions } from './pagefind-types.ts';

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

/** Pagefind's options for the state: any of the ticked values within a filter, all filters at once. */
export function searchOptions(state: SearchState): SearchOptions {
  const filters = Object.fromEntries(Object.entries(state.filters).map(([k, v]) => [k, { any: v }]));
  const options: SearchOptions = { filters };
  if (state.sort !== 'relevance') options.sort = { date: state.sort === 'newest' ? 'desc' : 'asc' };
  return options;
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
