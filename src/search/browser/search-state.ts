import type { PagefindSearchOptions } from './pagefind-types.ts';
import { FILTER_KEYS, FILTER_LABELS, SORT_KEY, SORTS, type FilterKey, type SortOrder } from '../contract.ts';
import { caseFoldWithoutMarks, lowerWithoutMarks } from '../../text/fold.ts';

// The search page's state, kept in the address: ?q=judges&person=Jeff%20Sessions&sort=newest.
// Pure functions, so the round trip between URL and search is unit-tested.

/** What the reader asked for: words, an order, and the ticked values of each filter (none: absent). */
export interface SearchState {
  q: string;
  sort: SortOrder;
  filters: Partial<Record<FilterKey, string[]>>;
}

/** Reads the state from a query string. */
export function stateFromParams(params: URLSearchParams): SearchState {
  const sort = params.get('sort') ?? 'relevance';
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length > 0) filters[key] = values;
  }
  return {
    q: withoutControls(params.get('q') ?? '').trim(),
    sort: sort in SORTS ? (sort as SearchState['sort']) : 'relevance',
    filters,
  };
}

/**
 * A filter value as an address and a listed value are compared (stateWithKnownValues): composed
 * (NFC, UAX #15: an accent pasted as a letter and a combining mark, as macOS copies it, is the
 * letter with its accent), `+` as a space (a value written by hand as `rosa+delgado` or
 * `rosa%2Bdelgado`), each run of white space one space, trimmed, every apostrophe (’ ‘ ʼ ´ ` ′) the
 * straight one (`O’Brien` is `O'Brien`), then `fold` (caseFoldWithoutMarks, or no fold).
 */
function addressForm(value: string, fold: (text: string) => string = (t) => t): string {
  return fold(
    value
      .normalize('NFC')
      .replace(/[\s+]+/gu, ' ')
      .trim()
      .replace(/[’‘ʼ´`′]/gu, "'"),
  );
}

/**
 * How close a listed value is to one an address names, closest first: the same in all but
 * spacing and `+` for a space; then also in letter case (toLowerCase, the same in every locale;
 * ß stays ß); then also in marks and ß/ss
 * (caseFoldWithoutMarks, the same in every locale, so the page's language and the reader's
 * browser change nothing).
 */
const CLOSENESS: readonly ((text: string) => string)[] = [
  (t) => addressForm(t),
  (t) => addressForm(t, (x) => x.toLowerCase()),
  (t) => addressForm(t, caseFoldWithoutMarks),
];

/**
 * The state with each filter value as the archive writes it: a value the address names that is
 * not one of `known`'s values of its filter (PagefindFilterCounts: filter, then value) is matched
 * to the listed values that differ from it the least (CLOSENESS): in spacing and `+` for a space
 * (`rosa++delgado`), else also in letter case, else also in marks and ß/ss, so
 * `?quoted=rosa%20delgado`, `?person=JOSE%20GARCIA` and `?topic=STRASSE` tick "Rosa Delgado",
 * "José García" and "Straße". When several listed values are equally close (`rene roy` beside
 * "René Roy" and "RENÉ ROY"), all of them are ticked, so the reader sees every one the address may
 * mean and can untick the others; a closer one wins alone (`rene roy` is "Rene Roy", not "René
 * Roy"). A value matching none stays as written. Returns `state` itself when nothing changes.
 */
export function stateWithKnownValues(
  state: SearchState,
  known: Readonly<Record<string, Readonly<Record<string, number>>>>,
): SearchState {
  let changed = false;
  const filters: SearchState['filters'] = {};
  for (const [key, values] of Object.entries(state.filters) as [FilterKey, string[]][]) {
    const listed = Object.keys(known[key] ?? {});
    filters[key] = [
      ...new Set(
        values.flatMap((v) => {
          if (listed.includes(v)) return [v];
          for (const form of CLOSENESS) {
            const wanted = form(v);
            const same = listed.filter((l) => form(l) === wanted);
            if (same.length === 0) continue;
            changed = true;
            return same;
          }
          return [v];
        }),
      ),
    ];
  }
  return changed ? { ...state, filters } : state;
}

/** True when every filter value of `state` is one of `known`'s values of its filter. */
export function hasOnlyKnownValues(
  state: SearchState,
  known: Readonly<Record<string, Readonly<Record<string, number>>>>,
): boolean {
  return Object.entries(state.filters).every(([key, values]) => values.every((v) => v in (known[key] ?? {})));
}

/**
 * The text with each run of control characters (Unicode's Cc: U+0000-U+001F, U+007F-U+009F, as an
 * address may carry them: %00, %0A) made one space, as the page shows them: the query searched is
 * the one shown.
 */
function withoutControls(text: string): string {
  return text.replace(/\p{Cc}+/gu, ' ');
}

/** Quotes in which a query is already wholly typed (straight, typographic, guillemets, corner brackets). */
const QUOTED = /^\s*["“”„«»‘‚‹「『].*["“”«»’‘›」』]\s*$/u;

/**
 * The query as the page's lines name it: as typed when it is wholly in quotes of its own ("tolls
 * rise", «ministre»), else in typographic double quotes (“tolls rise”). Every line naming a query
 * (the result count, the other-languages line, the title) quotes it so.
 */
export function quotedQuery(q: string): string {
  return QUOTED.test(q) ? q.trim() : `“${q}”`;
}

/**
 * A search as the status lines name it: its words (quotedQuery), then each ticked filter with its
 * values: "“ferry”, person: Colin Baptiste", "year: 2019 or 2020"; '' for none of either.
 */
export function searchNamed(q: string, filters: Partial<Record<string, string[]>> = {}): string {
  const ticked = FILTER_KEYS.filter((k) => (filters[k]?.length ?? 0) > 0).map(
    (k) => `${FILTER_LABELS[k].toLowerCase()}: ${filters[k]!.join(' or ')}`,
  );
  return [q ? quotedQuery(q) : '', ...ticked].filter(Boolean).join(', ');
}

/**
 * The title of the page for a search: its words (quotedQuery), else its ticked values, before
 * `pageTitle` ("“harbour” – Search · News Archive"); `pageTitle` alone when nothing is asked.
 */
export function searchTitle(state: SearchState, pageTitle: string): string {
  const name = state.q ? quotedQuery(state.q) : Object.values(state.filters).flat().join(', ');
  return name ? `${name} – ${pageTitle}` : pageTitle;
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
export function searchOptions(state: SearchState): PagefindSearchOptions {
  const filters = Object.fromEntries(Object.entries(state.filters).map(([k, v]) => [k, { any: v ?? [] }]));
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
export function countSearches(state: SearchState): { counts: FilterKey[]; options: PagefindSearchOptions }[] {
  const ticked = FILTER_KEYS.filter((k) => (state.filters[k]?.length ?? 0) > 0);
  const untouched = FILTER_KEYS.filter((k) => !ticked.includes(k));
  const without = (key: FilterKey) => searchOptions({ ...state, sort: 'relevance', filters: omit(state.filters, key) });
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
