import { readFileSync } from 'node:fs';
import type { Archive, Article } from './collections.ts';
import { binPage, type Coverage } from './coverage.ts';
import { jsonDigest, sha256Hex } from '../text/hash.ts';

// Cache keys for Astro's incremental build (experimental.incrementalBuild in astro.config.ts):
// a page whose key and code are unchanged since the last build is copied from the build cache
// instead of being rendered again. A key covers everything the page shows that does not come
// from its code: the entries it lists, the names it prints, and for an article its body file.

const articleHashes = new WeakMap<Article, string>();

/** An article's front matter as a hash (each article hashed once per build). */
function articleHash(article: Article): string {
  let h = articleHashes.get(article);
  if (h === undefined) articleHashes.set(article, (h = jsonDigest([article.id, article.data])));
  return h;
}

const nameHashes = new WeakMap<Archive, string>();

/** Every person's and source's details: lists print their names, so a rename changes them. */
function namesHash(archive: Archive): string {
  let h = nameHashes.get(archive);
  if (h === undefined) {
    const people = [...archive.people.values()].map((p) => [p.id, p.data]);
    const sources = [...archive.sources.values()].map((s) => [s.id, s.data]);
    nameHashes.set(archive, (h = jsonDigest([people, sources])));
  }
  return h;
}

/** The key of an article page: its front matter, its body, and the people and source it names. */
export function articleKey(article: Article, archive: Archive): string {
  // The articles loader's digest covers the whole file, body included (src/content/loaders.ts).
  const body = article.digest ?? sha256Hex(readFileSync(article.filePath!));
  const people = article.people.map((m) => archive.people.get(m.id)?.data);
  return jsonDigest([articleHash(article), body, people, archive.sources.get(article.data.source.id)?.data]);
}

/** The key of a page listing `articles`, plus anything else it shows (`extra`). */
export function listKey(archive: Archive, articles: readonly Article[], ...extra: unknown[]): string {
  return jsonDigest([namesHash(archive), articles.map(articleHash), extra]);
}

/**
 * What a list page adds to its key for coverage over time (src/components/CoverageChart.astro):
 * the ids its items carry where a bin begins (`anchors`, from listAnchors, for the items
 * `shown`), and on the page with the chart (`withChart`) every bin's count and the page its bar
 * links to. A changed date or an added article thus re-renders the chart's page and the pages
 * whose anchors moved, and nothing else.
 */
export function coverageKey(
  coverage: Coverage,
  anchors: Map<string, string>,
  shown: { id: string }[],
  pageSize: number,
  withChart: boolean,
): unknown[] {
  const chart = withChart ? coverage.bins.map((b) => [b.key, b.count, binPage(b, pageSize)]) : [];
  return [coverage.unit, shown.map((a) => anchors.get(a.id) ?? ''), chart];
}

/**
 * What an article page's related list (src/site/related-archive.ts) prints, as a key: each item's
 * address, headline, language, date and source name, in order. It goes into the article page's
 * key, so an edit elsewhere re-renders exactly the pages whose lists it changed.
 */
export function relatedKey(archive: Archive, related: { earlier: Article[]; later: Article[] }): string {
  const item = (a: Article) => [
    a.id,
    a.data.title,
    a.data.language,
    a.data.published,
    a.data.publishedInferred,
    archive.sources.get(a.data.source.id)?.data.name,
  ];
  return jsonDigest([related.earlier.map(item), related.later.map(item)]);
}
