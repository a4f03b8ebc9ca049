import type { Archive } from '../site/collections.ts';
import { personName, sourceName } from '../site/collections.ts';
import { groupArticles } from '../site/grouping.ts';
import { archiveQuotes } from '../site/quotes.ts';
import { articleAuthors } from '../content/authors.ts';
import { primaryLanguage } from '../site/text-direction.ts';
import { FILTER_KEYS, type FilterKey } from './contract.ts';

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

/**
 * Each filter's values with article counts for one language, in display order, capped at
 * MAX_LISTED. Quoted counts the articles quoting each person (src/site/quotes.ts), as the records'
 * filter does.
 */
export async function searchFacets(archive: Archive, lang: string) {
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
