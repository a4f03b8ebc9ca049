import { SITE_TITLE } from './settings.ts';
import type { Archive, Article } from './collections.ts';
import { sourceName } from './collections.ts';
import type { CitationFacts } from './citation.ts';
import { urls } from './urls.ts';

// The facts a citation of an archived article needs, from its entry.

/**
 * Citation facts for an article at its article page, captured at its article file's `captured`;
 * `site` is the archive's public address. A page citing one version replaces `archiveUrl` and
 * `captured` with that version's (src/layouts/ArticleLayout.astro).
 */
export function citationFactsFor(article: Article, archive: Archive, site: URL): CitationFacts {
  const a = article.data;
  return {
    title: a.title,
    authors: a.authors,
    newspaper: sourceName(archive, a.source.id),
    url: a.url,
    published: a.published,
    inferredLatest: a.publishedInferred ? (a.publishedInferred.latest ?? a.published) : undefined,
    captured: a.captured,
    archiveUrl: new URL(urls.article(article.id), site).href,
    archiveName: SITE_TITLE,
    language: a.language,
  };
}
