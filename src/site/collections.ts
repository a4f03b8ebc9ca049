import { getCollection, type CollectionEntry } from 'astro:content';
import { groupArticles, newestFirst, type PersonMention } from './grouping.ts';
import { isPublic } from '../content/schema.ts';

// The archive as the pages see it: public articles newest first, people, sources, and every
// grouping, loaded once per build and shared by all pages.

/** An article entry as the collection gives it. */
export type ArticleEntry = CollectionEntry<'articles'>;
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

/** Loads and groups everything once. */
async function load() {
  const entries = (await getCollection('articles')).filter(isPublicEntry);
  const articles: Article[] = entries.map((a) => ({ ...a, people: mentions(a.data.people) })).sort(newestFirst);
  const people = new Map((await getCollection('people')).map((p) => [p.id, p]));
  const sources = new Map((await getCollection('sources')).map((s) => [s.id, s]));
  return { articles, people, sources, ...groupArticles(articles) };
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
