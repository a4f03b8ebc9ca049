import type { Article } from './collections.ts';
import type { Version } from './version-pages.ts';
import { headlineChanged } from './version-pages.ts';
import { compareCaptures } from '../content/version-entries.ts';
import { renderArticleBody } from '../render/article-body.ts';
import { basePath } from './urls.ts';
import { changeSize, type ChangeSize } from '../render/version-diff.ts';
import { visibleText } from './visible-text.ts';

// A change is one version of an article compared with the one before it. The Changes page and
// its feed list each changed article's latest change; the compare pages show every change.

/** One version compared with the previous one. */
export interface Change {
  article: Article;
  before: Version;
  after: Version;
  /** Words added and removed in the text a reader sees (standfirst and body). */
  size: ChangeSize;
  headlineChanged: boolean;
}

/** The text a reader sees of a version: its standfirst and its body (as the search records take it). */
async function versionText(v: Version): Promise<string> {
  return [v.data.dek, visibleText(await renderArticleBody(v.filePath, basePath))].filter(Boolean).join('\n\n');
}

/** The change into `versions[index]` (index 1 or more) of an article's versions, oldest first. */
export async function changeInto(article: Article, versions: Version[], index: number): Promise<Change> {
  const before = versions[index - 1]!;
  const after = versions[index]!;
  return {
    article,
    before,
    after,
    size: changeSize(await versionText(before), await versionText(after)),
    headlineChanged: headlineChanged(before, after),
  };
}

const computed = new WeakMap<Map<string, Version[]>, Promise<Change[]>>();

/**
 * The latest change of every article captured more than once, the most recent capture first
 * (ties by article id). `versions` is loadVersions' map; the answer is computed once per map (the
 * Changes page and its feed share it).
 */
export function latestChanges(articles: Article[], versions: Map<string, Version[]>): Promise<Change[]> {
  let changes = computed.get(versions);
  if (!changes) computed.set(versions, (changes = computeLatestChanges(articles, versions)));
  return changes;
}

/** latestChanges, computed. */
async function computeLatestChanges(articles: Article[], versions: Map<string, Version[]>): Promise<Change[]> {
  const changes: Change[] = [];
  for (const article of articles) {
    const list = versions.get(article.id) ?? [];
    if (list.length > 1) changes.push(await changeInto(article, list, list.length - 1));
  }
  return changes.sort(
    (a, b) => compareCaptures(b.after.data.captured, a.after.data.captured) || a.article.id.localeCompare(b.article.id),
  );
}
