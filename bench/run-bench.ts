import { appendFile, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles, splitFrontmatter } from '../src/content/files.ts';
import { parseYaml } from '../src/content/yaml.ts';
import { corpusFor } from './corpus.ts';
import { measure, type Measured } from './process-tree.ts';
import { measureSearch } from './search-timing.ts';
import { measureLargeDiffs, type LargeDiffs } from './version-pair.ts';
import { articlePageWeight, folderBytes } from './site-size.ts';

// The archive benchmark: a synthetic corpus built cold, rebuilt after one edit and one addition,
// measured for size, and searched in Chromium. Every figure goes into one result object.

/** Where a run keeps its corpus, cache and output. */
export interface BenchPaths {
  corpus: string;
  cache: string;
  dist: string;
}

/**
 * One astro build of the corpus, as the benchmark runs it, started by `runner` (`measure`, or
 * `measureCpu` for its CPU time too); its `indexSeconds` is the search index's time as the build
 * prints it (NaN when it prints none).
 * @throws Error with the end of the build's output when the build fails.
 */
export async function buildArchive<M extends Measured>(
  paths: BenchPaths,
  runner: (command: string, args: string[], env: Record<string, string>) => Promise<M>,
): Promise<M & { indexSeconds: number }> {
  // Astro runs on the Node that runs this script (the project's pinned Node), whatever PATH holds.
  const astro = path.resolve('node_modules/astro/bin/astro.mjs');
  const run = await runner(process.execPath, [astro, 'build', '--outDir', paths.dist], {
    ARCHIVE_CONTENT_DIR: paths.corpus,
    ARCHIVE_CACHE_DIR: paths.cache,
    ARCHIVE_SITE: 'https://archive.example.org',
  });
  if (run.code !== 0) throw new Error(`build failed:\n${run.output.slice(-3000)}`);
  const indexSeconds = Number(/search index: \d+ pages in .*, ([\d.]+) s alongside/.exec(run.output)?.[1] ?? NaN);
  return { ...run, indexSeconds };
}

/** Search queries from the corpus: people's names and words from the articles' topics, `n` of each. */
async function queries(corpus: string, n: number): Promise<string[]> {
  const people = (await readdir(path.join(corpus, 'people'))).sort();
  const names = await Promise.all(
    people
      .filter((_, i) => i % Math.max(1, Math.floor(people.length / n)) === 0)
      .slice(0, n)
      .map(async (f) => (parseYaml(await readFile(path.join(corpus, 'people', f), 'utf8')) as { name: string }).name),
  );
  const articles = (await listFiles(path.join(corpus, 'articles'))).filter((f) => f.endsWith('.md')).slice(0, 300);
  const words = new Set<string>();
  for (const f of articles) {
    const text = await readFile(path.join(corpus, 'articles', f), 'utf8');
    const { topics = [] } = parseYaml(splitFrontmatter(text)?.yaml ?? '') as { topics?: string[] };
    for (const w of topics.flatMap((t) => t.toLowerCase().split(/[^\p{L}]+/u))) if (w.length > 5) words.add(w);
  }
  return [...names, ...[...words].sort().slice(0, n)];
}

/** The paragraph added to one article to measure a rebuild after one edit. */
export const EDIT = '\nAn added paragraph, to measure a rebuild after one edit.\n';

/** The first article file of the corpus, for the edit rebuild. */
export async function firstArticle(corpus: string): Promise<string> {
  const files = (await listFiles(path.join(corpus, 'articles'))).filter((f) => f.endsWith('.md'));
  return path.join(corpus, 'articles', files[0]!);
}

/** Runs the whole benchmark for N articles and returns the figures. */
export async function runBench(
  opts: { articles: number; people: number; seed: number; search: boolean },
  paths: BenchPaths,
) {
  await corpusFor(paths.corpus, opts);
  await rm(paths.cache, { recursive: true, force: true });
  await rm(paths.dist, { recursive: true, force: true });
  const cold = await buildArchive(paths, measure);
  const edited = await firstArticle(paths.corpus);
  const original = await readFile(edited, 'utf8');
  await appendFile(edited, EDIT);
  const afterEdit = await buildArchive(paths, measure);
  const added = path.join(path.dirname(edited), 'benchmark-added-article.md');
  await writeFile(added, original.replace(/^url: .*$/m, 'url: https://bench.example/added-article'));
  const afterAdd = await buildArchive(paths, measure);
  await writeFile(edited, original);
  await rm(added);
  const weight = await articlePageWeight(paths.dist);
  const search = opts.search ? await measureSearch(paths.dist, await queries(paths.corpus, 25)) : undefined;
  // The compare page's and the Changes page's diff on generated 1 MB pairs (bench/version-pair.ts);
  // optional in the result, as results written before it lack it.
  const largeDiff: { largeDiff?: LargeDiffs } = { largeDiff: measureLargeDiffs() };
  return {
    articles: opts.articles,
    cold: {
      seconds: cold.seconds,
      indexSeconds: cold.indexSeconds,
      articlesPerSecond: opts.articles / cold.seconds,
      peakMemoryBytes: cold.peakBytes,
    },
    rebuildAfterEdit: { seconds: afterEdit.seconds, peakMemoryBytes: afterEdit.peakBytes },
    rebuildAfterAdd: { seconds: afterAdd.seconds, peakMemoryBytes: afterAdd.peakBytes },
    size: {
      distBytes: await folderBytes(paths.dist),
      pagefindBytes: await folderBytes(path.join(paths.dist, 'pagefind')),
      articlePageGzipBytes: weight.gzipBytes,
      articlePageScripts: weight.scripts,
      articlePages: weight.pages,
    },
    search,
    ...largeDiff,
  };
}

/** A benchmark result. */
export type BenchResult = Awaited<ReturnType<typeof runBench>>;
