import type { Archive, Article } from './collections.ts';
import { readArticleBody } from '../content/files.ts';
import { articleTopics, topicKey } from '../content/topics.ts';
import { primaryLanguage } from './text-direction.ts';
import { relatedCoverage, type RelatedInput } from './related.ts';

// The archive's related lists (src/site/related.ts), worked out once per archive load: every
// public article's front matter and body, read from its file. Article pages show the lists
// (src/components/RelatedCoverage.astro) and put them into their cache keys (page-keys.ts).

/** An article's related articles, best first: `earlier` were published before it, `later` after. */
export interface RelatedArticles {
  earlier: Article[];
  later: Article[];
}

/**
 * A Markdown body with what is not prose taken out: link and image destinations, bare addresses,
 * HTML tags and character references. The words left may keep Markdown marks, which the word
 * split drops.
 */
function proseOf(markdown: string): string {
  return markdown
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>\n]*>/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/&#?\w+;/g, ' ');
}

/** What relatedness reads of an article (its body from its file). */
function relatedInput(article: Article, archive: Archive): RelatedInput {
  const a = article.data;
  return {
    id: article.id,
    language: primaryLanguage(a.language),
    source: a.source.id,
    people: article.people.map((m) => m.id),
    topics: articleTopics(a.topics, archive.topicLabels).map(topicKey),
    title: a.title,
    // Read when relatedCoverage asks, once, so the archive's bodies are never all in memory.
    get text() {
      return `${a.dek ?? ''}\n\n${proseOf(readArticleBody(article.filePath!))}`;
    },
  };
}

const cache = new WeakMap<Archive, Map<string, RelatedArticles>>();

/**
 * Every public article's related articles, by article id (see src/site/related.ts for how they are
 * chosen); computed on the first call for an archive and kept with it.
 * @throws {NodeJS.ErrnoException} when an article's file cannot be read.
 */
export function relatedArticles(archive: Archive): Map<string, RelatedArticles> {
  let lists = cache.get(archive);
  if (lists === undefined) {
    const byId = new Map(archive.articles.map((a) => [a.id, a]));
    const ids = relatedCoverage(archive.articles.map((a) => relatedInput(a, archive)));
    lists = new Map(
      [...ids].map(([id, { earlier, later }]) => [
        id,
        { earlier: earlier.map((i) => byId.get(i)!), later: later.map((i) => byId.get(i)!) },
      ]),
    );
    cache.set(archive, lists);
  }
  return lists;
}
