import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ARTICLE_FILE, DATA_FILE } from './files.ts';
import { YamlCache } from './yaml-cache.ts';
import { addressKey } from './addresses.ts';
import { displayPath, type Problem } from './problems.ts';
import { topicLabels } from './topics.ts';
import { isPublic, personSchema, sourceSchema } from './schema.ts';
import { versionProblems, type VersionData } from './version-entries.ts';
import {
  parseArticle,
  parseVersion,
  readCollection,
  yamlParser,
  type ArticleData,
  type CheckedFields,
  type Entry,
  type PersonData,
  type SourceData,
} from './read-collection.ts';
import { duplicates, folderProblems, missingFiles, referenceProblems, repeatedInArticle } from './cross-checks.ts';
import { quoteCorrectionProblems } from './quote-checks.ts';

export type { ArticleData, Entry } from './read-collection.ts';

// The whole content folder checked in one pass, before any page is built: schema, encoding,
// references, duplicates. Every problem is collected, so one run shows them all. The parts:
// Zod issues worded as problems (schema-problems.ts), YAML read with its problems
// (yaml-problems.ts), collection folders read file by file (read-collection.ts), the checks
// across files (cross-checks.ts). A check keeps nothing between calls: two may run at once.

/** What the checker found: the problems, and how many entries of each kind it read. */
export interface CheckResult {
  problems: Problem[];
  /**
   * What the editor should know but the site handles itself, so the check still passes: the
   * control characters a field or body holds, which every page and feed leaves out
   * (src/content/control-characters.ts).
   */
  notes: Problem[];
  counts: { articles: number; drafts: number; people: number; sources: number; versions: number };
  /** Every entry that passed its schema, for tools that read the archive without Astro (the search index). */
  entries: {
    articles: Entry<ArticleData>[];
    people: Entry<PersonData>[];
    sources: Entry<SourceData>[];
    /** Earlier versions of articles, content/versions/<article id>/<version id>.md (src/content/version-entries.ts). */
    versions: Entry<VersionData>[];
  };
}

/** Whether `p` is a folder (false when it is missing or a file). */
function isFolder(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/**
 * Checks the whole content folder and returns every problem found, with the valid entries. A bad
 * file is a problem in the result, never an exception; so is a content folder that does not exist
 * or has no articles/ folder (an empty archive is never a silent success). Keeps no state between
 * calls: checks of different folders may run at the same time.
 * @param options.yamlCache a file of front matter parsed by an earlier check, reused where the text is unchanged.
 * @throws {NodeJS.ErrnoException} when the folder or a file in it cannot be read at all (EACCES).
 */
export async function checkContent(root: string, options: { yamlCache?: string } = {}): Promise<CheckResult> {
  const cache = options.yamlCache ? await YamlCache.open(options.yamlCache) : undefined;
  const result = await checkAll(root, cache);
  await cache?.save();
  return result;
}

/** The check itself, with the front matter cache of this check (see checkContent). */
async function checkAll(root: string, cache: YamlCache | undefined): Promise<CheckResult> {
  const problems: Problem[] = [];
  const notes: Problem[] = [];
  // A mistyped ARCHIVE_CONTENT_DIR would otherwise read as an empty archive and pass, and the
  // build would publish an empty site.
  if (!isFolder(root)) {
    problems.push({
      file: displayPath(root),
      field: 'folder',
      message: `content folder ${displayPath(root)} ${existsSync(root) ? 'is not a folder' : 'does not exist'}`,
      fix: "set ARCHIVE_CONTENT_DIR to the archive's content folder (the folder that holds articles/, people/ and sources/), or unset it to use ./content",
    });
    const counts = { articles: 0, drafts: 0, people: 0, sources: 0, versions: 0 };
    return { problems, notes, counts, entries: { articles: [], people: [], sources: [], versions: [] } };
  }
  if (!isFolder(path.join(root, 'articles')))
    problems.push({
      file: displayPath(path.join(root, 'articles')),
      field: 'folder',
      message: 'does not exist, so the archive has no articles',
      fix: `create ${displayPath(path.join(root, 'articles'))} and put the articles in it, or set ARCHIVE_CONTENT_DIR to the archive's content folder`,
    });
  /** Reads a collection folder, its problems and notes added to this check's. */
  const read = async <T>(...args: Parameters<typeof readCollection<T>>) => {
    const found = await readCollection<T>(...args);
    problems.push(...found.problems);
    notes.push(...found.notes);
    return found;
  };
  const { entries: articles, invalid: invalidArticles } = await read(
    path.join(root, 'articles'),
    ARTICLE_FILE,
    '.md',
    parseArticle,
    cache,
  );
  const peopleRead = await read(path.join(root, 'people'), DATA_FILE, '.yaml', yamlParser(personSchema), cache);
  const sourcesRead = await read(path.join(root, 'sources'), DATA_FILE, '.yaml', yamlParser(sourceSchema), cache);
  const [people, sources] = [peopleRead.entries, sourcesRead.entries];
  const present = { people: peopleRead.present, sources: sourcesRead.present };
  // Addresses are made from file names (lower case, hyphens for spaces and punctuation), so
  // "Big News.md" and "big-news.md" in one folder would be one page.
  problems.push(
    ...duplicates<unknown>([...articles, ...invalidArticles], (e) => `/articles/${e.id}/`, 'file', 'the address'),
  );
  for (const list of [people, sources]) problems.push(...duplicates<unknown>(list, (e) => e.id, 'file', 'the id'));
  // The checks across files see every article, valid or not, so one run reports everything.
  const allArticles: Entry<CheckedFields<ArticleData>>[] = [...articles, ...invalidArticles];
  const withUrl = allArticles.filter((a) => addressKey(a.data.url) !== undefined);
  problems.push(
    ...duplicates(
      withUrl,
      (e) => addressKey(e.data.url)!,
      'url',
      'the original URL',
      (e) => e.data.url!,
    ),
  );
  // The spelling the site shows each topic in, as the topic-spelling notes name it (from the valid
  // articles the site shows: drafts have no say, as on the pages and in search).
  const labels = topicLabels(articles.filter((a) => isPublic(a.data)).map((a) => a.data.topics));
  problems.push(...repeatedInArticle(allArticles, labels));
  problems.push(
    ...referenceProblems(
      root,
      allArticles,
      new Set(people.map((p) => p.id)),
      new Set(sources.map((s) => s.id)),
      present,
    ),
  );
  problems.push(...quoteCorrectionProblems(root, articles, invalidArticles, new Set(people.map((p) => p.id))));
  problems.push(...folderProblems(root, allArticles, problems));
  problems.push(...(await missingFiles(root, allArticles)));
  // Earlier versions of articles: read like articles, then checked against them.
  const versionsDir = path.join(root, 'versions');
  const { entries: versions, invalid: invalidVersions } = await read(versionsDir, /\.md$/i, '.md', parseVersion, cache);
  const allVersions: Entry<CheckedFields<VersionData>>[] = [...versions, ...invalidVersions];
  problems.push(...repeatedInArticle(allVersions, labels));
  problems.push(...versionProblems(versionsDir, allArticles, allVersions));
  problems.push(...(await missingFiles(root, allVersions)));
  const drafts = articles.filter((a) => a.data.draft).length;
  const counts = {
    articles: articles.length,
    drafts,
    people: people.length,
    sources: sources.length,
    versions: versions.length,
  };
  return { problems, notes, counts, entries: { articles, people, sources, versions } };
}
