import type { CheckResult } from '../content/check.ts';
import { versionId, versionsByArticle } from '../content/version-entries.ts';
import { normalizeBase } from '../text/base-path.ts';

// The sitemap lists the addresses search engines should index: a page whose canonical address is
// another page is left out (Google, "Build and submit a sitemap": list canonical URLs only).

/**
 * The site paths (with the base path, e.g. "/archive/articles/2024/06/x/versions/20250115/") of
 * the pages whose canonical address is another page: the latest version's page of every article
 * captured more than once, which shows what the article page shows
 * (src/layouts/ArticleLayout.astro). `checked` is the content check's result; `base` Astro's base.
 */
export function canonicalElsewhere(checked: CheckResult, base: string): Set<string> {
  const prefix = normalizeBase(base);
  const earlier = versionsByArticle(checked.entries.versions);
  return new Set(
    checked.entries.articles
      .filter((a) => !a.data.draft && (earlier.get(a.id)?.length ?? 0) > 0)
      .map((a) => `${prefix}articles/${a.id}/versions/${versionId(a.data.captured)}/`),
  );
}
