import { getCollection, type CollectionEntry } from 'astro:content';
import type { Article } from './collections';
import { formatDate, type ArchiveDate } from '../content/dates';
import { compareCaptures, versionId, versionsByArticle } from '../content/versions';
import type { Author } from '../content/names';

// The versions of each article as the pages see them: the earlier captures of content/versions/
// and the article file itself (the latest), oldest first. A version has its own headline, dek,
// byline, dates, capture and body; the rest (source, URL, people, topics, language, image) is the
// article's.

/** The fields that belong to one capture; the rest of an article's front matter is the article's. */
export interface VersionFacts {
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
  /** The version id: the capture moment (src/content/versions.ts). */
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
  return {
    title: d.title,
    dek: d.dek,
    authors: d.authors,
    published: d.published,
    publishedInferred: d.publishedInferred,
    updated: d.updated,
    captured: d.captured,
    capture: d.capture,
    captureSha256: d.captureSha256,
    warc: d.warc,
    editorsNote: d.editorsNote,
  };
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

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  hourCycle: 'h23',
});

/**
 * When a capture was made, as a reader sees it: "27 November 2026, 10:15 UTC" when the capture
 * has a time (two captures of one day differ), else the day alone.
 */
export function captureText(captured: ArchiveDate): string {
  if (captured.length <= 10) return formatDate(captured);
  const moment = new Date(captured);
  return `${formatDate(moment)}, ${timeFormat.format(moment)} UTC`;
}

/** Whether two versions' headlines differ. */
export function headlineChanged(before: Version, after: Version): boolean {
  return before.data.title !== after.data.title;
}
