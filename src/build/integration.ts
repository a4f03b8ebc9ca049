import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { contentDir } from '../content/folder.ts';
import { renderArticleBody } from '../render/article-body.ts';
import { formatCounts, formatReport } from '../content/problems.ts';
import { topicSpellingNotes } from '../content/topics.ts';
import { partSize, type SearchPart } from '../search/parts.ts';
import { planFor, searchRecords } from '../search/records.ts';
import { checkContent, type CheckResult } from '../content/check.ts';
import { buildSearchParts, type PartsReport } from '../search/write-index.ts';

// The archive's part of `astro build`:
// 1. before Astro loads any collection, check the whole content folder and fail the build with
//    every problem listed at once (Astro itself stops at the first bad entry);
// 2. while Astro syncs content and renders pages, build the Pagefind index from the same checked
//    content in Pagefind's own process (the second core), and put it into dist/pagefind/ at the end.

/** The project's code that turns content into search records (any change re-indexes every part). */
const recordCode = (() => {
  const dirs = ['src/content', 'src/render', 'src/search', 'src/site'];
  const files = dirs
    .flatMap((d) => readdirSync(d, { recursive: true, encoding: 'utf8' }).map((f) => path.join(d, f)))
    .filter((f) => f.endsWith('.ts'))
    .sort();
  return createHash('sha256')
    .update(Buffer.concat(files.map((f) => readFileSync(f))))
    .digest('hex');
})();

/** What a part's search records are made from: the code, every name, the part, its articles' files. */
function* partInputs(checked: CheckResult, part: SearchPart, parts: number): Generator<string | Uint8Array> {
  const { people, sources, articles } = checked.entries;
  yield recordCode;
  yield JSON.stringify([parts, part, people.map((p) => [p.id, p.data]), sources.map((s) => [s.id, s.data])]);
  const digests = new Map(articles.map((a) => [a.id, a.digest]));
  // An article's record holds passages of its earlier versions too (src/search/earlier-versions.ts).
  const versions = Map.groupBy(checked.entries.versions, (v) => v.id.split('/').slice(0, -1).join('/'));
  for (const id of part.articles) {
    yield digests.get(id)!;
    for (const v of versions.get(id) ?? []) yield v.digest;
  }
}

/**
 * Moves the previous output folder aside (its search index parts can be reused from there) and
 * returns where it went. Astro empties the output folder with a synchronous delete (2.4 s of a
 * rebuild at 10,000 articles, with the main thread blocked); a folder that is not there costs it
 * nothing, and the one set aside is deleted in another process.
 */
async function moveAside(outDir: string): Promise<string | undefined> {
  const aside = path.join(path.dirname(outDir), `${asidePrefix(outDir)}${process.pid}`);
  return rename(outDir, aside).then(
    () => aside,
    () => undefined,
  );
}

/** Names of output folders set aside (by this build, or left by an interrupted one). */
function asidePrefix(outDir: string): string {
  return `.${path.basename(outDir)}-old-`;
}

/** Deletes every output folder set aside. */
async function deleteAside(outDir: string): Promise<void> {
  const parent = path.dirname(outDir);
  const aside = (await readdir(parent).catch(() => [])).filter((name) => name.startsWith(asidePrefix(outDir)));
  await Promise.all(aside.map((name) => deleteInOwnProcess(path.join(parent, name))));
}

/** Deletes a folder in a separate Node process, so it does not hold up this one's file I/O. */
function deleteInOwnProcess(dir: string): Promise<void> {
  const script = 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })';
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, dir], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`could not delete ${dir}`))));
  });
}

/** Article bodies rendered on a thread of their own, for the search records and the pages. */
interface BodiesAhead {
  /** The sanitized HTML of an article file's body, waiting for the thread to reach it. */
  html(file: string): Promise<string>;
  /** Ends the thread; bodies it has not reached are rendered where they are asked for. */
  stop(): Promise<void>;
}

/**
 * Renders article bodies into the cache on the second core, in the order given (the order the
 * search index reads them), while Astro works on the main thread. The search records wait for
 * each body from the thread instead of rendering it on the main thread, and Astro's article
 * pages then find every body in the cache (docs/performance.md). Bodies already cached are only
 * checked. If the thread fails or is stopped, whoever asks for a body renders it as before:
 * nothing is lost, only the work is no longer shared.
 */
function renderBodiesAhead(files: string[], root: string, warn: (message: string) => void): BodiesAhead {
  const done = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  let running = true;
  const release = () => {
    running = false;
    for (const wakes of waiting.values()) for (const wake of wakes) wake();
    waiting.clear();
  };
  // A small heap: the thread holds one body at a time, and its default heap limit let it grow by a
  // few hundred MB while Pagefind's indexer held a part in memory (docs/performance.md).
  const worker = new Worker(path.join(root, 'src/render/render-ahead-worker.ts'), {
    workerData: files,
    resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 },
  });
  worker.unref(); // a failed build does not wait for it
  worker.on('message', (file: string) => {
    done.add(file);
    for (const wake of waiting.get(file) ?? []) wake();
    waiting.delete(file);
  });
  worker.on('error', (err) => (warn(`rendering ahead stopped: ${err.message}`), release()));
  worker.on('exit', release);
  return {
    async html(file) {
      if (running && !done.has(file))
        await new Promise<void>((wake) => waiting.set(file, [...(waiting.get(file) ?? []), wake]));
      return renderArticleBody(file);
    },
    // Stopped mid-file, it leaves at most a temporary file; the cache only ever gets whole files.
    stop: async () => void (await worker.terminate()),
  };
}

/** Astro integration for content checking and the search index. */
export default function archive(): AstroIntegration {
  let checked: CheckResult | undefined;
  let index: Promise<PartsReport> | undefined;
  let staging = '';
  let clearing: Promise<unknown> | undefined;
  let stopRendering = async () => {};
  return {
    name: 'archive',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        // Front matter parsed by the last build is taken from the cache when its text is unchanged.
        const yamlCache =
          command === 'build' ? path.join(fileURLToPath(config.cacheDir), 'front-matter.json') : undefined;
        checked = await checkContent(contentDir(), yamlCache ? { yamlCache } : {});
        const { problems, counts } = checked;
        if (problems.length > 0) {
          const report = formatReport(problems);
          if (command !== 'build') return logger.warn(report);
          // The list is the whole message: no stack trace, no "unhandled error" around it (a thrown
          // error would get both from Astro), and the build ends here with a failing exit code.
          logger.error(`${report}\n\nNothing was built. Run \`npm run check\` to see this list again.`);
          process.exit(1);
        }
        logger.info(`${formatCounts(counts)}: no problems`);
        const articles = checked.entries.articles.map((a) => ({ file: a.file, topics: a.data.topics }));
        for (const note of topicSpellingNotes(articles)) logger.info(`note: ${note}`);
        if (command !== 'build') return;
        // Start indexing now: Pagefind works in its own process while Astro syncs and renders.
        // Written beside the output folder (which Astro empties first), then moved in with one rename.
        const outDir = fileURLToPath(config.outDir);
        const aside = await moveAside(outDir);
        let release = () => {};
        clearing = new Promise<void>((resolve) => (release = resolve))
          .then(() => deleteAside(outDir))
          .catch((err: Error) => logger.warn(`the previous output was not fully deleted: ${err.message}`));
        staging = path.join(path.dirname(outDir), `.${path.basename(outDir)}-pagefind-${process.pid}`);
        await rm(staging, { recursive: true, force: true });
        const parts = planFor(checked, partSize());
        // Smaller word chunks than Pagefind's default (20,000 word positions): a search downloads
        // one chunk per word per part, and with several parts the default made the first search
        // download 511 kB instead of 338 kB at 10,000 articles (measured in docs/performance.md).
        // The setting is Pagefind's, marked unstable; without it the index is only larger.
        process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= '4000';
        // One thread for Pagefind's writing: Astro renders on the other core, and Pagefind, which is
        // not the longer of the two, no longer takes it from it (cold build at 10,000: 63.1 -> 58.7 s).
        process.env.RAYON_NUM_THREADS ??= '1';
        const content = checked;
        const cache = path.join(fileURLToPath(config.cacheDir), 'search-index');
        // Bodies are rendered on the second core in the order the index reads them.
        const paths = new Map(content.entries.articles.map((a) => [a.id, a.path]));
        const versionPaths = Map.groupBy(content.entries.versions, (v) => v.id.split('/').slice(0, -1).join('/'));
        const order = parts.flatMap((p) =>
          p.articles.flatMap((id) => [paths.get(id)!, ...(versionPaths.get(id) ?? []).map((v) => v.path)]),
        );
        const bodies = renderBodiesAhead(order, fileURLToPath(config.root), (m) => logger.warn(m));
        index = buildSearchParts(
          parts,
          {
            recordsOf: (part) => searchRecords(content, bodies.html, part, parts.length),
            inputsOf: (part) => partInputs(content, part, parts.length),
          },
          staging,
          cache,
          { outDir, pagefind: aside && path.join(aside, 'pagefind'), release },
        );
        index.catch(() => {}); // awaited, and any error reported, in astro:build:done
        stopRendering = () => bodies.stop();
      },
      'astro:build:done': async ({ dir, logger }) => {
        await stopRendering();
        const { pages, seconds, parts, indexed, recordOutput } = await index!;
        await clearing;
        const target = path.join(fileURLToPath(dir), 'pagefind');
        await rm(target, { recursive: true, force: true });
        await rename(staging, target);
        await recordOutput();
        const reused = parts - indexed;
        logger.info(
          `search index: ${pages} pages in ${parts} part${parts === 1 ? '' : 's'}` +
            `${reused > 0 ? ` (${reused} unchanged, reused)` : ''}, ${seconds.toFixed(1)} s alongside page rendering`,
        );
      },
    },
  };
}
