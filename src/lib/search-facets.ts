import type { Archive } from './archive';
import { personName, sourceName } from './archive';
import { FILTER_KEYS, orderedValues } from '../scripts/search-state';

// The search page's filters, listed at build time from the archive's groupings (the same
// values Pagefind indexes), so the page does not shift when search loads.

/** Values listed per filter; the rest are still searchable through the address. */
export const MAX_LISTED = 100;

/** Each filter's values with article counts, in display order, capped at MAX_LISTED. */
export function searchFacets(archive: Archive) {
  const counts: Record<(typeof FILTER_KEYS)[number], Record<string, number>> = {
    person: {},
    source: {},
    topic: {},
    year: {},
  };
  for (const [id, list] of archive.byPerson) counts.person[personName(archive, id)] = list.length;
  for (const [id, list] of archive.bySource) counts.source[sourceName(archive, id)] = list.length;
  for (const group of archive.byTopic.values()) counts.topic[group.name] = group.articles.length;
  for (const [month, list] of archive.byMonth)
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
