import type { Archive } from '../site/collections.ts';
import { personName, sourceName } from '../site/collections.ts';
import { groupArticles } from '../site/grouping.ts';
import { archiveQuotes } from '../site/quotes.ts';
import { articleAuthors } from '../content/authors.ts';
import { primaryLanguage } from '../site/text-direction.ts';
import { FILTER_KEYS, FILTER_TOP_VALUES, type FilterKey } from './contract.ts';

// The search page's filters, listed at build time from the archive's groupings (the same
// values Pagefind indexes), so the page does not shift when search loads.

/** Values listed per filter; the rest are still searchable through the address. */
const MAX_LISTED = 100;

/** Values of one filter in the order shown: most articles first (ties A to Z); years newest first. */
function orderedValues(key: FilterKey, counts: Record<string, number>): string[] {
  const values = Object.keys(counts);
  if (key === 'year') return values.sort().reverse();
  return values.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b));
}

/** Languages of the archive's articles (primary subtags), English first: one search page each. */
export function searchLanguages(archive: Archive): string[] {
  const langs = new Set(archive.articles.map((a) => primaryLanguage(a.data.language)));
  return ['en', ...[...langs].filter((l) => l !== 'en').sort()];
}

/** One filter's listed values for one language: [value, article count] in display order, and how many more it has. */
export interface Facet {
  key: FilterKey;
  values: (readonly [string, number])[];
  hidden: number;
}

/** Facets computed per archive and language: the search page and its file of later values share them. */
const facetsOf = new WeakMap<Archive, Map<string, Promise<Facet[]>>>();

/**
 * Each filter's values with article counts for one language, in display order, capped at
 * MAX_LISTED. Quoted counts the articles quoting each person (src/site/quotes.ts), as the records'
 * filter does. Computed once per archive and language.
 */
export function searchFacets(archive: Archive, lang: string): Promise<Facet[]> {
  let byLang = facetsOf.get(archive);
  if (!byLang) facetsOf.set(archive, (byLang = new Map<string, Promise<Facet[]>>()));
  let facets = byLang.get(lang);
  if (!facets) byLang.set(lang, (facets = computeFacets(archive, lang)));
  return facets;
}

/**
 * True when a facet is long: its page shows its first FILTER_TOP_VALUES values, with "Show all" (and
 * a box to find the others), the rest hidden until asked for.
 */
export function isLong(facet: Facet): boolean {
  return facet.values.length + facet.hidden > FILTER_TOP_VALUES;
}

/**
 * The values of each facet the search page's HTML lists: those a reader sees before asking for
 * more (a long facet's first FILTER_TOP_VALUES, every value of a short one).
 */
export function valuesShownFirst(facet: Facet): (readonly [string, number])[] {
  return isLong(facet) ? facet.values.slice(0, FILTER_TOP_VALUES) : facet.values;
}

/**
 * The listed values the search page's HTML leaves out (each long facet's values after its first
 * FILTER_TOP_VALUES, hidden until the reader asks for more), by filter: the page fetches them
 * after its first results (src/search/browser/search-page.ts), so they do not delay them
 * (docs/performance.md, "Search at 10,000 articles: the bytes before the first results").
 */
export function valuesListedLater(facets: Facet[]): Partial<Record<FilterKey, (readonly [string, number])[]>> {
  const later: Partial<Record<FilterKey, (readonly [string, number])[]>> = {};
  for (const facet of facets) if (isLong(facet)) later[facet.key] = facet.values.slice(FILTER_TOP_VALUES);
  return later;
}

async function computeFacets(archive: Archive, lang: string): Promise<Facet[]> {
  const { byArticle } = await archiveQuotes(archive);
  const inLang = (a: Archive['articles'][number]) => primaryLanguage(a.data.language) === lang;
  const g = archive.articles.every(inLang)
    ? archive
    : groupArticles(archive.articles.filter(inLang), archive.topicLabels);
  const counts: Record<FilterKey, Record<string, number>> = {
    person: {},
    quoted: {},
    author: {},
    source: {},
    topic: {},
    year: {},
  };
  for (const [id, list] of g.byPerson) counts.person[personName(archive, id)] = list.length;
  for (const a of archive.articles.filter(inLang)) {
    for (const name of new Set(articleAuthors(a.data.authors, archive.authorOf).map((au) => au.name)))
      counts.author[name] = (counts.author[name] ?? 0) + 1;
    const quoted = (byArticle.get(a.id) ?? []).flatMap((q) => (q.person === null ? [] : [q.person]));
    for (const id of new Set(quoted))
      counts.quoted[personName(archive, id)] = (counts.quoted[personName(archive, id)] ?? 0) + 1;
  }
  for (const [id, list] of g.bySource) counts.source[sourceName(archive, id)] = list.length;
  for (const group of g.byTopic.values()) counts.topic[group.name] = group.articles.length;
  for (const [month, list] of g.byMonth)
    counts.year[month.slice(0, 4)] = (counts.year[month.slice(0, 4)] ?? 0) + list.length;
  return FILTER_KEYS.map((key) => {
    const values = orderedValues(key, counts[key]);
    return {
      key,
      values: values.slice(0, MAX_LISTED).map((v) => [v, counts[key][v] ?? 0] as const),
      hidden: Math.max(0, values.length - MAX_LISTED),
    };
  });
}
