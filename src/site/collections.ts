import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { groupArticles, newestFirst, type PersonMention } from './grouping.ts';
import { isPublic } from '../content/schema.ts';
import { versionsByArticle } from '../content/version-entries.ts';
import { namedOnlyWhenHidden } from '../content/withheld.ts';
import { articleAuthors, bylineAuthors, type BylineAuthor } from '../content/authors.ts';

// The archive as the pages see it: public articles newest first, people, sources, and every
// grouping, loaded once per build and shared by all pages.

/** An article entry as the collection gives it. */
type ArticleEntry = CollectionEntry<'articles'>;
/** A person entry. */
export type PersonEntry = CollectionEntry<'people'>;
/** A source entry. */
export type SourceEntry = CollectionEntry<'sources'>;

/** The facts only a draft may lack; every public article has them. */
type PublicFacts = { [K in 'source' | 'url' | 'published']-?: NonNullable<ArticleEntry['data'][K]> };

/** A public article, with its people mentions as plain ids and roles. */
export type Article = ArticleEntry & { data: PublicFacts; people: PersonMention[] };

/** True for an entry the site shows (see isPublic in schema.ts). */
function isPublicEntry(entry: ArticleEntry): entry is ArticleEntry & { data: PublicFacts } {
  return isPublic(entry.data);
}

/** People mentions in either frontmatter form ("id" or {id, role}) as {id, role}. */
function mentions(people: ArticleEntry['data']['people']): PersonMention[] {
  return people.map((p) => ('collection' in p ? { id: p.id } : { id: p.id.id, role: p.role }));
}

/**
 * What belongs only to articles the site does not show (see isPublic): the capture files (of the
 * article file or of its earlier versions in content/versions/) and media files named by non-public
 * articles and by no public one, and the ids of the people and sources named by non-public articles
 * and by no public one. None of them gets a page or a copied file; a file or person that no article
 * names at all is not withheld.
 */
interface Withheld {
  /** Paths under the content folder's captures/. */
  captures: Set<string>;
  /** Paths under the content folder's media/. */
  media: Set<string>;
  /** Person ids. */
  people: Set<string>;
  /** Source ids. */
  sources: Set<string>;
}

/** The things named by public and by non-public articles; those named only by the second are withheld (namedOnlyWhenHidden). */
function withheldOf(all: ArticleEntry[], versions: CollectionEntry<'versions'>[]): Withheld {
  const shown = new Set(all.filter(isPublicEntry).map((a) => a.id));
  const named: [boolean, string][] = [];
  const add = (isShown: boolean, key: string | undefined) => key !== undefined && named.push([isShown, key]);
  // One file however its path is written ("2018/09/./a.html" is "2018/09/a.html"), as listFiles gives it.
  const file = (folder: string, p: string | undefined) => p && `${folder}:${path.posix.normalize(p)}`;
  for (const a of all) {
    const isShown = shown.has(a.id);
    add(isShown, file('capture', a.data.capture));
    add(isShown, file('media', a.data.image?.src));
    for (const m of mentions(a.data.people)) add(isShown, `person:${m.id}`);
    add(isShown, a.data.source && `source:${a.data.source.id}`);
  }
  for (const [articleId, list] of versionsByArticle(versions))
    for (const v of list) add(shown.has(articleId), file('capture', v.data.capture));
  const withheld: Withheld = { captures: new Set(), media: new Set(), people: new Set(), sources: new Set() };
  const sets = { capture: withheld.captures, media: withheld.media, person: withheld.people, source: withheld.sources };
  for (const key of namedOnlyWhenHidden(named)) {
    const at = key.indexOf(':');
    sets[key.slice(0, at) as keyof typeof sets].add(key.slice(at + 1));
  }
  return withheld;
}

/** Loads and groups everything once. */
async function load() {
  const all = await getCollection('articles');
  const withheld = withheldOf(all, await getCollection('versions'));
  const entries = all.filter(isPublicEntry);
  const articles: Article[] = entries.map((a) => ({ ...a, people: mentions(a.data.people) })).sort(newestFirst);
  const people = new Map(
    (await getCollection('people')).filter((p) => !withheld.people.has(p.id)).map((p) => [p.id, p]),
  );
  const sources = new Map(
    (await getCollection('sources')).filter((s) => !withheld.sources.has(s.id)).map((s) => [s.id, s]),
  );
  const authorOf = bylineAuthors(
    articles.map((a) => a.data.authors),
    people.values(),
  );
  return {
    articles,
    people,
    sources,
    withheld,
    authorOf,
    byAuthor: byAuthor(articles, authorOf),
    ...groupArticles(articles),
  };
}

/** An author (src/content/authors.ts) with the articles they signed, newest first. */
export interface AuthorGroup {
  author: BylineAuthor;
  articles: Article[];
}

/** Articles by author key (BylineAuthor.key), in one pass over articles sorted newest first. */
function byAuthor(articles: Article[], authorOf: (a: Article['data']['authors'][number]) => BylineAuthor) {
  const groups = new Map<string, AuthorGroup>();
  for (const article of articles)
    for (const author of articleAuthors(article.data.authors, authorOf)) {
      const group = groups.get(author.key) ?? { author, articles: [] };
      group.articles.push(article);
      groups.set(author.key, group);
    }
  return groups;
}

/** The whole archive, grouped. */
export type Archive = Awaited<ReturnType<typeof load>>;

let cached: Promise<Archive> | undefined;

/** The archive; cached for the build, re-read on every request in dev so edits show at once. */
export function loadArchive(): Promise<Archive> {
  if (!import.meta.env.PROD) return load();
  cached ??= load();
  return cached;
}

/** A person's name by id (ids are checked before the build, so a miss is a bug). */
export function personName(archive: Archive, id: string): string {
  return archive.people.get(id)?.data.name ?? id;
}

/** A source's name by id. */
export function sourceName(archive: Archive, id: string): string {
  return archive.sources.get(id)?.data.name ?? id;
}

/**
 * A person's two lists, newest first: `naming`, the articles naming them, and `signed`, those
 * whose byline is theirs (src/content/authors.ts); either may be empty.
 */
export function personArticles(archive: Archive, id: string): { naming: Article[]; signed: Article[] } {
  return {
    naming: archive.byPerson.get(id) ?? [],
    signed: archive.byAuthor.get(`person:${id}`)?.articles ?? [],
  };
}
