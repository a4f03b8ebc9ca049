import type { Archive, Article } from './collections.ts';
import type { Version } from './version-pages.ts';
import { articleKey } from './page-keys.ts';
import { jsonDigest } from '../text/hash.ts';

// Cache keys (src/site/page-keys.ts) of the pages that show an article's versions: the article
// page (its list of versions), each version's page and each compare page. Every one of them
// prints the list of versions (capture dates, changed headlines), so each key covers every
// version file of the article, front matter and body, besides what the article page's key covers.

/**
 * The key of a page about `article` and its `versions` (oldest first, the article file last),
 * for the page given by `extra` (e.g. the version id and the kind of page).
 */
export function versionedKey(article: Article, archive: Archive, versions: Version[], ...extra: unknown[]): string {
  return jsonDigest([articleKey(article, archive), versions.map((v) => [v.id, v.digest]), extra]);
}
