import { getCollection, type CollectionEntry } from 'astro:content';
import { loadArchive, type Article } from './collections.ts';
import { versionedKey } from './version-keys.ts';
import type { ArchiveDate } from '../content/dates.ts';
import { compareCaptures, VERSION_FIELDS, versionId, versionsByArticle } from '../content/version-entries.ts';
import type { Author } from '../content/names.ts';

// The versions of each article as the pages see them: the earlier captures of content/versions/
// and the article file itself (the latest), oldest first. A version has its own headline, dek,
// byline, dates, capture and body; the rest (source, URL, people, topics, language, image) is the
// article's.

/** The fields that belong to one capture; the rest of an article's front matter is the article's. */
interface VersionFacts {
  title: string;
  dek?: string | undefined;
  authors: Author[];
  published: ArchiveDate;
  publishedInferred?: { latest?: ArchiveDate | undefined; basis: string } | undefined;
  updated?: ArchiveDate | undefined;
  captured: ArchiveDate;
  capture?: string | undefined;
  captureSha256?: string | undefined;
  warc?: Article['data']['warc'];
  editorsNote?: string | undefined;
}

/** One version of an article. */
export interface Version {
  /** The article's id. */
  articleId: string;
  /** The version id: the capture moment (src/content/version-entries.ts). */
  id: string;
  /** Position among the article's versions, 0 for the first capture. */
  index: number;
  /** Whether this is the article file, the latest capture. */
  latest: boolean;
  data: VersionFacts;
  /** The file, as the collection records it (relative to the project), for its body. */
  filePath: string;
  /** Hash of the whole file (front matter and body), for page cache keys. */
  digest: string;
}

/** The per-capture fields of an article's or a version's front matter. */
function facts(d: VersionFacts): VersionFacts {
  return Object.fromEntries(VERSION_FIELDS.map((k) => [k, d[k]])) as unknown as VersionFacts;
}

type VersionEntry = CollectionEntry<'versions'>;

/** The versions of one article, oldest first, the article file last. */
function versionsOf(article: Article, earlier: VersionEntry[]): Version[] {
  const a = article.data;
  const list = earlier.map((v) => ({
    id: v.id.split('/').at(-1)!,
    latest: false,
    // A version that does not give the publication date has the article's.
    data: facts({
      ...v.data,
      published: v.data.published ?? a.published,
      publishedInferred: v.data.published ? v.data.publishedInferred : a.publishedInferred,
    }),
    filePath: v.filePath!,
    digest: String(v.digest ?? ''),
  }));
  list.sort((x, y) => compareCaptures(x.data.captured, y.data.captured));
  list.push({
    id: versionId(a.captured),
    latest: true,
    data: facts(a),
    filePath: article.filePath!,
    digest: String(article.digest ?? ''),
  });
  return list.map((v, index) => ({ ...v, articleId: article.id, index }));
}

/** Loads every article's versions. */
async function load(articles: Article[]): Promise<Map<string, Version[]>> {
  const byArticle = versionsByArticle(await getCollection('versions'));
  return new Map(articles.map((a) => [a.id, versionsOf(a, byArticle.get(a.id) ?? [])]));
}

let cached: Promise<Map<string, Version[]>> | undefined;

/**
 * The versions of every published article (`articles` as loadArchive gives them), oldest first;
 * an article never captured again has one, itself. Loaded once per build (every request in dev).
 */
export function loadVersions(articles: Article[]): Promise<Map<string, Version[]>> {
  if (!import.meta.env.PROD) return load(articles);
  cached ??= load(articles);
  return cached;
}

/** Whether two versions' headlines differ. */
export function headlineChanged(before: Version, after: Version): boolean {
  return before.data.title !== after.data.title;
}

/**
 * The routes of the pages about single versions of articles captured more than once: `kind`
 * 'version' gives every version's page, 'changes' every version's compare page but the first
 * capture's (it has nothing before it). An article captured once has neither: its article page is
 * its one archived copy.
 */
export async function versionRoutes(kind: 'version' | 'changes') {
  const archive = await loadArchive();
  const all = await loadVersions(archive.articles);
  return archive.articles.flatMap((article) => {
    const versions = all.get(article.id)!;
    if (versions.length < 2) return [];
    return (kind === 'version' ? versions : versions.slice(1)).map((version) => ({
      params: { id: article.id, version: version.id },
      props: { article, versions, version },
      cacheKey: versionedKey(article, archive, versions, kind, version.id),
    }));
  });
}
