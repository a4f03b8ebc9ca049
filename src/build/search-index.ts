import { createHash } from 'node:crypto';
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { CheckResult } from '../content/check.ts';
import { listFiles } from '../content/files.ts';
import { versionsByArticle } from '../content/version-entries.ts';
import type { SearchPart } from '../search/parts.ts';
import { articlesQuoting, labelsOfArticle, partPeople, searchRecords } from '../search/records.ts';
import { buildSearchParts, type PartsReport } from '../search/write-index.ts';

// The build's search index: built from the checked content in Pagefind's own process while Astro
// syncs content and renders pages, written beside the output folder (which Astro empties first),
// and moved into dist/pagefind/ with one rename once the pages are done.

/** The folders of the project's code that turns content into search records (src/text: its rules, the quote rules among them). */
const RECORD_CODE = ['src/content', 'src/render', 'src/search', 'src/site', 'src/text'];

/** A hash of the code that turns content into search records: any change re-indexes every part. */
async function recordCode(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of RECORD_CODE.map((d) => path.join(root, d)))
    for (const rel of (await listFiles(dir)).filter((f) => f.endsWith('.ts')))
      hash.update(await readFile(path.join(dir, rel)));
  return hash.digest('hex');
}

/**
 * What a part's search records are made from: the code, every name, the part; for its articles,
 * each one's file, its earlier versions' files and the labels the rest of the archive gives its
 * topics and authors; for its person records, their ids and the files of the articles naming
 * them (a person's record carries the quotes given to them, which come only from the articles
 * naming them). An edit thus re-indexes its article's part and the parts of the people it names
 * (before and after the edit: the list of articles naming them changes too), not every part of
 * person records.
 */
export function* partInputs(
  code: string,
  checked: Pick<CheckResult, 'entries'>,
  part: SearchPart,
  parts: number,
): Generator<string | Uint8Array> {
  const { people, sources, articles } = checked.entries;
  yield code;
  yield JSON.stringify([parts, part, people.map((p) => [p.id, p.data]), sources.map((s) => [s.id, s.data])]);
  const byId = new Map(articles.map((a) => [a.id, a]));
  // An article's record holds passages of its earlier versions too (src/search/earlier-versions.ts).
  const versions = versionsByArticle(checked.entries.versions);
  for (const id of part.articles) {
    const article = byId.get(id)!;
    yield JSON.stringify([id, article.digest, labelsOfArticle(checked.entries, article)]);
    for (const v of versions.get(id) ?? []) yield v.digest;
  }
  const ids = partPeople(checked.entries, part);
  if (ids.length > 0) {
    yield JSON.stringify(ids);
    for (const a of articlesQuoting(checked.entries, new Set(ids))) yield `${a.id}\0${a.digest}`;
  }
}

/** Where the index is built and what it may reuse. */
export interface SearchIndexPlaces {
  /** The project folder (its src/ holds the record code). */
  root: string;
  /** The output folder Astro builds into. */
  outDir: string;
  /** The build cache folder; each part's index files are kept under search-index/. */
  cacheDir: string;
  /** The previous output's folder, set aside, whose unchanged parts are moved over; undefined when there was none. */
  aside: string | undefined;
  /** Called once nothing more is taken from the previous output. */
  release(): void;
}

/** A search index being built. */
export interface SearchIndexJob {
  /**
   * Waits for the index, moves it into `dir`/pagefind/ and returns the line to log.
   * @throws Error when building the index failed (Pagefind's indexer died, a record could not be made).
   */
  finish(dir: string): Promise<string>;
}

/**
 * Starts building the search index of `checked` in `parts`, with each article's body HTML from
 * `bodyHtml` (given the article file's path as the collection records it). It runs alongside
 * Astro's work; its errors are thrown by `finish`.
 */
export async function startSearchIndex(
  checked: CheckResult,
  parts: SearchPart[],
  bodyHtml: (file: string) => Promise<string>,
  places: SearchIndexPlaces,
): Promise<SearchIndexJob> {
  const { outDir } = places;
  const staging = path.join(path.dirname(outDir), `.${path.basename(outDir)}-pagefind-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  const code = await recordCode(places.root);
  // Parts with articles first: the person records carry the quotes found while making them.
  const report: Promise<PartsReport> = buildSearchParts(
    [...parts.filter((p) => p.articles.length > 0), ...parts.filter((p) => p.articles.length === 0)],
    {
      recordsOf: (part) => searchRecords(checked, bodyHtml, part, parts.length),
      inputsOf: (part) => partInputs(code, checked, part, parts.length),
    },
    staging,
    path.join(places.cacheDir, 'search-index'),
    { outDir, pagefind: places.aside && path.join(places.aside, 'pagefind'), release: places.release },
  );
  report.catch(() => {}); // awaited, and any error thrown, in finish()
  return {
    async finish(dir) {
      const { pages, seconds, parts: count, indexed, recordOutput } = await report;
      const target = path.join(dir, 'pagefind');
      await rm(target, { recursive: true, force: true });
      await rename(staging, target);
      await recordOutput();
      const reused = count - indexed;
      return (
        `search index: ${pages} pages in ${count} part${count === 1 ? '' : 's'}` +
        `${reused > 0 ? ` (${reused} unchanged, reused)` : ''}, ${seconds.toFixed(1)} s alongside page rendering`
      );
    },
  };
}
