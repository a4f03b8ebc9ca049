import path from 'node:path';
import { z } from 'astro/zod';
import { closest, distance } from 'fastest-levenshtein';
import type { ArticleData, CheckedFields, Entry } from './read-collection.ts';
import { storedDate, parseArchiveDate, type ArchiveDate } from './dates.ts';
import { displayPath, groupProblems, NAMED, type Problem } from './problems.ts';
import {
  articleFields,
  capturedBeforePublished,
  capturedBeforePublishedProblem,
  capturedInFutureProblem,
  isInFuture,
} from './schema.ts';

// Versions of an article (the layout is documented in the README, "Versions"). The article file
// content/articles/<id>.md is the latest capture; earlier captures are the files
// content/versions/<article id>/<version id>.md, each named by the moment of its capture.

/**
 * The id of the version captured at `captured`: the capture moment as web archives write it
 * (the 14-digit Wayback/Memento timestamp, as in https://web.archive.org/web/20180910123000/...).
 * A date-time gives its UTC moment as "YYYYMMDDhhmmss" ("2026-11-27T10:15:00Z" ->
 * "20261127101500", "2026-11-27T11:15:00+01:00" -> the same), fractions of a second dropped; a
 * calendar day gives "YYYYMMDD" ("2026-11-27" -> "20261127"). Throws a RangeError for text that is
 * not a checked date (src/content/dates.ts).
 */
export function versionId(captured: ArchiveDate): string {
  const date = storedDate(captured);
  if (date.length === 10) return date.replace(/-/g, '');
  return parseArchiveDate(date).toISOString().slice(0, 19).replace(/[-:T]/g, '');
}

/**
 * Orders two captures oldest first: by moment (a calendar day is midnight UTC), then by version
 * id, so a day and the same day's midnight have one order. Negative when `a` is older.
 */
export function compareCaptures(a: ArchiveDate, b: ArchiveDate): number {
  const d = parseArchiveDate(a).getTime() - parseArchiveDate(b).getTime();
  if (d !== 0) return d;
  const [ia, ib] = [versionId(a), versionId(b)];
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/** The front matter fields that belong to one capture (README, "Versions"). */
export const VERSION_FIELDS = [
  'title',
  'dek',
  'published',
  'publishedInferred',
  'updated',
  'captured',
  'capture',
  'captureSha256',
  'warc',
  'authors',
  'editorsNote',
] as const;

/** The front matter fields that belong to the article, whichever capture is the latest (all versions share them). */
export const ARTICLE_LEVEL_FIELDS = [
  'source',
  'url',
  'people',
  'organizations',
  'topics',
  'image',
  'language',
  'draft',
] as const;

const plainRef = z.string().trim().min(1, { error: 'must not be empty' });

/**
 * The front matter of a version file: the article fields, of which only `title` and `captured`
 * are required. The article-level fields (source, url, people, organizations, topics, language,
 * image, draft) may be present (a copied article file is a valid version) but are taken from
 * the article file.
 */
export const versionSchema = articleFields({ person: plainRef, source: plainRef });

/** A version file's validated front matter. */
export type VersionData = z.output<typeof versionSchema>;

/** Version entries grouped by the id of their article (a version's id is `<article id>/<version id>`). */
export function versionsByArticle<V extends { id: string }>(versions: readonly V[]): Map<string, V[]> {
  return Map.groupBy(versions, (v) => v.id.split('/').slice(0, -1).join('/'));
}

/**
 * What is wrong with the version files across files, as problems naming the file, the field and
 * the fix: a file outside an article's folder or in the folder of an article that does not
 * exist, a file name that is not the version id of its own `captured`, two captures of one
 * article with the same version id (the article file included), a version newer than the
 * article file (which must be the latest), a capture in the future or before the version's
 * published date (its own, or else the article's), and two files naming one kept capture or WARC
 * record. `today` is the day the future is counted from. `versionsDir` is content/versions; `articles` and
 * `versions` are every entry read, valid or not (fields that failed their check are absent and
 * their rules skipped).
 */
export function versionProblems(
  versionsDir: string,
  articles: Entry<CheckedFields<ArticleData>>[],
  versions: Entry<CheckedFields<VersionData>>[],
  today = new Date(),
): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(articles.map((a) => [a.id, a]));
  // Paths in messages are the real ones, wherever ARCHIVE_CONTENT_DIR points.
  const shown = (...parts: string[]) => displayPath(path.join(...parts));
  const articlesDir = path.join(path.dirname(versionsDir), 'articles');
  const captures = new Map<string, { file: string; captured: ArchiveDate; id: string }[]>();
  for (const v of versions) {
    const rel = path.relative(versionsDir, v.path).split(path.sep).join('/');
    const folder = path.posix.dirname(rel);
    const name = path.posix.basename(rel).replace(/\.md$/i, '');
    const articleId = path.posix.dirname(v.id);
    const article = folder === '.' ? undefined : byId.get(articleId);
    if (folder === '.')
      problems.push({
        file: v.file,
        field: 'file',
        message: `is not in an article's folder: a version belongs in ${shown(versionsDir, '<article id>')}/`,
        fix: `move it to ${shown(versionsDir, '<article id>')}/ (the article's path under articles/ without .md)`,
      });
    else if (!article) {
      const guess = byId.size > 0 ? closest(articleId, [...byId.keys()]) : undefined;
      const near = guess !== undefined && distance(guess, articleId) <= Math.max(3, articleId.length / 4);
      problems.push({
        file: v.file,
        field: 'file',
        message: `is in versions/${folder}/, but there is no article ${articleId} (${shown(articlesDir, `${folder}.md`)})${near ? `; did you mean ${guess}?` : ''}`,
        fix: near
          ? `move it to ${shown(versionsDir, guess)}/`
          : "move it to the folder named after its article (the article's path under articles/ without .md)",
      });
    }
    const captured = v.data.captured;
    if (captured === undefined) continue;
    const id = versionId(captured);
    if (name !== id)
      problems.push({
        file: v.file,
        field: 'captured',
        message: `is ${captured}, so the version id is ${id}, but the file is named ${name}.md`,
        fix: `rename the file to ${path.join(path.dirname(v.file), `${id}.md`)} (or correct captured)`,
      });
    if (isInFuture(captured, today)) problems.push(asProblem(v.file, capturedInFutureProblem(captured, today)));
    if (!article) continue;
    // A version without its own published date was published when the article was.
    const published = v.data.published ?? article.data.published;
    if (published !== undefined && capturedBeforePublished(captured, published))
      problems.push(
        asProblem(
          v.file,
          capturedBeforePublishedProblem(
            captured,
            published,
            v.data.published ? undefined : `the article's, in ${article.file}`,
          ),
        ),
      );
    const list = captures.get(article.id) ?? [];
    list.push({ file: v.file, captured, id });
    captures.set(article.id, list);
    const latest = article.data.captured;
    if (latest !== undefined && compareCaptures(captured, latest) > 0) {
      const latestId = versionId(latest);
      problems.push({
        file: v.file,
        field: 'captured',
        message: `is ${captured}, later than the article file's captured (${latest}): the article file must be the latest version`,
        fix: `swap them: move the article file ${article.file} to ${path.join(path.dirname(v.file), `${latestId}.md`)}, and this file to ${article.file}`,
      });
    }
  }
  for (const [articleId, list] of captures) {
    const article = byId.get(articleId)!;
    const latest = article.data.captured;
    for (const v of list) {
      const same = list.filter((o) => o !== v && o.id === v.id).map((o) => o.file);
      if (latest !== undefined && versionId(latest) === v.id) same.push(article.file);
      if (same.length > 0)
        problems.push({
          file: v.file,
          field: 'captured',
          message: `is ${v.captured}, the same capture moment (version id ${v.id}) as ${same.join(', ')}`,
          fix: 'keep one file per capture: delete the copy, or correct captured to the moment this copy was made',
        });
    }
  }
  problems.push(...sharedCaptureProblems([...articles, ...versions], shown(path.dirname(versionsDir))));
  return problems;
}

/** A [field path, message, fix] triple of the rules in schema.ts as a problem of `file`. */
function asProblem(file: string, [field, message, fix]: [string[], string, string]): Problem {
  return { file, field: field.join('.'), message, fix };
}

/**
 * Two files (article or version files, of any article) naming the same kept capture (`capture`)
 * or the same WARC record (`warc.recordId`): each capture is one moment's bytes, so a version's
 * capture must be its own. The usual cause is a version added by hand with the new capture's
 * fields left as they were (README, "Adding a version by hand"). Every file of a shared value is
 * reported, naming the others; a large group once, with a count and a few names (groupProblems).
 * `listRoot` is the content folder as shown, for the command that lists a group's files.
 */
function sharedCaptureProblems(files: Entry<CheckedFields<VersionData>>[], listRoot: string): Problem[] {
  type Value = (f: Entry<CheckedFields<VersionData>>) => string | undefined;
  // Each rule: the field, its value as written, the value compared, what it names, the fix.
  const rules: [string, Value, Value, string, string][] = [
    [
      'capture',
      (f) => f.data.capture,
      // One file however its path is written ("2018/09/./a.html" is "2018/09/a.html").
      (f) => f.data.capture && path.posix.normalize(f.data.capture),
      'the capture of',
      "name this version's own kept capture in capture and captureSha256 (captures of earlier versions are captures/YYYY/MM/<slug>.<version id>.<ext>), or remove both fields if its bytes were not kept",
    ],
    [
      'warc.recordId',
      (f) => f.data.warc?.recordId,
      // A WARC-Record-ID is a URI in angle brackets; a urn:uuid compares without case (RFC 9562).
      (f) => f.data.warc?.recordId?.replace(/^<|>$/g, '').toLowerCase(),
      'the WARC record of',
      'set warc to the record this version was read from, or remove warc if it was not read from a web archive',
    ],
  ];
  const problems: Problem[] = [];
  for (const [field, written, value, what, fix] of rules) {
    const groups = Map.groupBy(
      files.filter((f) => value(f) !== undefined),
      (f) => value(f)!,
    );
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      problems.push(
        ...groupProblems(
          group,
          (f) => f.file,
          (f, others) => ({
            file: f.file,
            field,
            message: `is ${written(f)}, ${what} ${others} too: a version's capture must be its own`,
            fix:
              group.length > NAMED + 1
                ? `${fix}; to list every file naming it: grep -rlF "${written(f)}" ${listRoot}`
                : fix,
          }),
        ),
      );
    }
  }
  return problems;
}
