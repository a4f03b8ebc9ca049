import { expect, test } from 'vitest';
import { caseFoldWithoutMarks } from '../../src/text/fold.ts';
import { FILTER_KEYS, type FilterKey } from '../../src/search/contract.ts';
import {
  countSearches,
  hasQuery,
  paramsFromState,
  typedName,
  searchOptions,
  stateFromParams,
  stateWithKnownValues,
} from '../../src/search/browser/search-state.ts';

test('a shared search address is read back into the same search', () => {
  const state = stateFromParams(
    new URLSearchParams('q=judges&person=Jeff%20Sessions&person=Dana%20Marks&year=2018&sort=newest'),
  );
  expect(state).toEqual({
    q: 'judges',
    sort: 'newest',
    filters: { person: ['Jeff Sessions', 'Dana Marks'], year: ['2018'] },
  });
  expect(paramsFromState(state).toString()).toBe(
    'q=judges&person=Jeff+Sessions&person=Dana+Marks&year=2018&sort=newest',
  );
});

test('defaults are left out of the address and unknown values ignored', () => {
  const state = stateFromParams(new URLSearchParams('q=%20x%20&sort=sideways&colour=red'));
  expect(state).toEqual({ q: 'x', sort: 'relevance', filters: {} });
  expect(paramsFromState(state).toString()).toBe('q=x');
});

test('Pagefind is asked for any ticked value within a filter, and for date order when chosen', () => {
  const state = stateFromParams(new URLSearchParams('person=A&person=B&sort=oldest'));
  expect(searchOptions(state)).toEqual({ filters: { person: { any: ['A', 'B'] } }, sort: { date: 'asc' } });
  expect(searchOptions(stateFromParams(new URLSearchParams('sort=newest'))).sort).toEqual({ date: 'desc' });
  expect(searchOptions(stateFromParams(new URLSearchParams('q=x')))).toEqual({ filters: {} });
});

test('an empty form is not a search; a filter alone is', () => {
  expect(hasQuery(stateFromParams(new URLSearchParams('')))).toBe(false);
  expect(hasQuery(stateFromParams(new URLSearchParams('topic=courts')))).toBe(true);
});

test('a filter with ticked values is counted without them, the others with every filter (disjunctive facets)', () => {
  const state = stateFromParams(new URLSearchParams('q=judges&person=A&year=2018&sort=newest'));
  const searches = countSearches(state);
  const find = (key: FilterKey) => searches.find((s) => s.counts.includes(key))!.options;
  // Untouched filters share one search with every ticked value.
  expect(find('source')).toEqual({ filters: { person: { any: ['A'] }, year: { any: ['2018'] } } });
  expect(find('author')).toBe(find('source'));
  expect(find('topic')).toBe(find('source'));
  // A ticked filter is counted as if none of its own values were ticked.
  expect(find('person')).toEqual({ filters: { year: { any: ['2018'] } } });
  expect(find('year')).toEqual({ filters: { person: { any: ['A'] } } });
  // Every filter is counted, once.
  expect(searches.flatMap((s) => s.counts).sort()).toEqual([...FILTER_KEYS].sort());
});

test('the words typed are a name when each begins a word of the name or its other names', () => {
  const names = 'Ashley Tabaddor A. Ashley Tabaddor Judge Ashley Tabaddor';
  expect(typedName('Tabaddor', names)).toBe(true);
  expect(typedName('ashley taba', names)).toBe(true);
  expect(typedName('Tabáddor', names)).toBe(true);
  expect(typedName('judges', names)).toBe(false);
  expect(typedName('Tabaddor sanctions', names)).toBe(false);
  expect(typedName('', names)).toBe(false);
});

test('a filter value in the address is matched to the listed one in all but letter case and accents', () => {
  const known = {
    quoted: { 'Rosa Delgado': 3, 'José García': 1 },
    person: { 'Rosa Delgado': 4 },
    topic: { Ferries: 2, ferries: 1 },
  };
  const state = stateFromParams(
    new URLSearchParams(
      'quoted=rosa%20delgado&quoted=JOSE%20GARCIA&person=Rosa%20Delgado&topic=FERRIES&source=Nowhere',
    ),
  );
  expect(stateWithKnownValues(state, known).filters).toEqual({
    quoted: ['Rosa Delgado', 'José García'],
    person: ['Rosa Delgado'],
    // Two listed values equally close: both are ticked, the reader unticks the one not meant.
    topic: ['Ferries', 'ferries'],
    source: ['Nowhere'],
  });
  const exact = stateFromParams(new URLSearchParams('quoted=Rosa%20Delgado'));
  expect(stateWithKnownValues(exact, known)).toBe(exact);
});

test('the fold of address values is the same in every locale: case, marks and ß, written as code points', () => {
  // Expectations written by hand; the inputs spelled with escapes where letters look alike.
  const rows: [string, string][] = [
    ['Ren\u00e9', 'rene'], // precomposed é
    ['Rene\u0301', 'rene'], // e and a combining acute
    ['RENE', 'rene'],
    ['Stra\u00dfe', 'strasse'], // ß
    ['STRA\u1e9eE', 'strasse'], // capital ẞ
    ['STRASSE', 'strasse'],
    ['\u0130stanbul', 'istanbul'], // dotted capital İ
    ['\u0131zmir', 'izmir'], // dotless ı: upper-cases to I
    ['\ufb01le', 'file'], // the ligature ﬁ
    ['Jos\u00e9 Garc\u00eda', 'jose garcia'],
  ];
  for (const [input, want] of rows) expect(caseFoldWithoutMarks(input), JSON.stringify(input)).toBe(want);
});

test('the fold does not follow the runtime locale (Turkish I)', () => {
  // toLocaleLowerCase('tr') makes "I" a dotless "ı"; the fold must not, wherever the page runs.
  const turkish = String.prototype.toLocaleLowerCase;
  try {
    String.prototype.toLocaleLowerCase = function (this: string) {
      return turkish.call(this, 'tr');
    };
    expect(caseFoldWithoutMarks('IRIS')).toBe('iris');
  } finally {
    String.prototype.toLocaleLowerCase = turkish;
  }
});

test('an address value matches across case, marks, ß/ss, spacing and + for a space', () => {
  const known = {
    quoted: { 'Rosa Delgado': 3, 'René Fournier': 1 },
    person: { 'Jürgen Straße': 2 },
    topic: { 'C++': 1 },
  };
  const cases: [string, Partial<Record<FilterKey, string[]>>][] = [
    ['quoted=rosa%20%20delgado', { quoted: ['Rosa Delgado'] }],
    ['quoted=%20rosa%09delgado%20', { quoted: ['Rosa Delgado'] }],
    ['quoted=rosa%2Bdelgado', { quoted: ['Rosa Delgado'] }],
    ['quoted=rosa+delgado', { quoted: ['Rosa Delgado'] }],
    ['quoted=RENE%20FOURNIER', { quoted: ['René Fournier'] }],
    ['quoted=rene%20fournier', { quoted: ['René Fournier'] }],
    ['person=JURGEN%20STRASSE', { person: ['Jürgen Straße'] }],
    ['person=j%C3%BCrgen%20strasse', { person: ['Jürgen Straße'] }],
    // A value written exactly stays, + and all.
    ['topic=C%2B%2B', { topic: ['C++'] }],
    ['quoted=Nobody%20Here', { quoted: ['Nobody Here'] }],
  ];
  for (const [query, want] of cases)
    expect(stateWithKnownValues(stateFromParams(new URLSearchParams(query)), known).filters, query).toEqual(want);
});

test('of listed values that fold alike, the closest wins; equally close ones are all ticked', () => {
  const known = { person: { 'René Roy': 2, 'Rene Roy': 1 }, quoted: { 'Anna Weiß': 1, 'Anna Weiss': 1 } };
  const filters = (query: string) => stateWithKnownValues(stateFromParams(new URLSearchParams(query)), known).filters;
  // The exact value, then the one differing in case only, before one differing in marks too.
  expect(filters('person=Ren%C3%A9%20Roy')).toEqual({ person: ['René Roy'] });
  expect(filters('person=rene%20roy')).toEqual({ person: ['Rene Roy'] });
  expect(filters('person=REN%C3%89%20ROY')).toEqual({ person: ['René Roy'] });
  expect(filters('person=RENE%20ROY')).toEqual({ person: ['Rene Roy'] });
  // Neither is closer: both ticked.
  expect(filters('person=r%C3%A8ne%20roy')).toEqual({ person: ['René Roy', 'Rene Roy'] });
  expect(filters('quoted=ANNA%20WEISS')).toEqual({ quoted: ['Anna Weiss'] });
  expect(filters('quoted=anna%20wei%C3%9F')).toEqual({ quoted: ['Anna Weiß'] });
  // An accent pasted as a letter and a combining mark is the accented letter: the exact value.
  expect(filters('person=Rene%CC%81%20Roy')).toEqual({ person: ['René Roy'] });
});

test('an address value matches a listed name whatever apostrophe either is written with', () => {
  const known = { quoted: { "Seán O'Brien": 2 }, person: { 'Aoife O’Neill': 1 } };
  const filters = (query: string) => stateWithKnownValues(stateFromParams(new URLSearchParams(query)), known).filters;
  expect(filters('quoted=Se%C3%A1n%20O%E2%80%99Brien')).toEqual({ quoted: ["Seán O'Brien"] });
  expect(filters('quoted=sean%20o%C2%B4brien')).toEqual({ quoted: ["Seán O'Brien"] });
  expect(filters('quoted=Se%C3%A1n%20O%E2%80%98Brien')).toEqual({ quoted: ["Seán O'Brien"] });
  expect(filters('quoted=Se%C3%A1n%20O%E2%80%B2Brien')).toEqual({ quoted: ["Seán O'Brien"] });
  expect(filters("person=Aoife%20O'Neill")).toEqual({ person: ['Aoife O’Neill'] });
});
