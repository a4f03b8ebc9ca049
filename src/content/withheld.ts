// One rule for what the site withholds with the articles it does not show (drafts, and articles
// still missing a source, URL or date: isPublic in schema.ts): a thing (a capture or media file, a
// person, a source) named by such articles and by no article the site shows. A thing no article
// names at all is not withheld. The pages (src/site/collections.ts) and the search records
// (src/search/records.ts) both follow it, so no search result points at a page that was not built.

/**
 * The keys named only by articles the site does not show. `named` gives, for each article (or
 * earlier version, counted with its article), whether the site shows it and a key it names (any
 * string, e.g. "person:jeff-sessions").
 */
export function namedOnlyWhenHidden(named: Iterable<readonly [shown: boolean, key: string]>): Set<string> {
  const byShown = { true: new Set<string>(), false: new Set<string>() };
  for (const [shown, key] of named) byShown[`${shown}`].add(key);
  return new Set([...byShown.false].filter((key) => !byShown.true.has(key)));
}
