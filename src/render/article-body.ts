import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { cacheSubdir } from './cache-dir.ts';
import { markdownOptionsFor, mayUseGfm, plainMarkdownOptionsFor } from './pipeline.ts';
import { readArticleBody } from '../content/files.ts';
import { normalizeBase } from '../text/base-path.ts';

// Article bodies rendered when their page is built, not kept in Astro's content store: a store
// holding the HTML of every article is what made large archives slow to bundle and heavy in
// memory. Each body goes through the site's unified pipeline (the same @astrojs/markdown-remark
// processor and sanitizer), and the HTML is cached on disk by the hash of its Markdown, so a
// rebuild only renders what changed. A body's root-relative links are given the site's base path,
// which every caller passes from Astro's resolved configuration (the pages from
// `import.meta.env.BASE_URL`, the build from its integration), so `--base` reaches them as
// ARCHIVE_BASE does. The files are small and read and written synchronously: on
// the build's busy main thread each promise-based file operation cost more than the I/O itself
// (see docs/performance.md, "Figures behind the code").

type Processor = Awaited<ReturnType<typeof createMarkdownProcessor>>;
/** The processors made so far, by base path and whether they have the GFM extensions. */
const processors = new Map<string, Promise<Processor>>();

/**
 * Where the HTML of a Markdown body is cached: by the hash of the base path its root-relative
 * links are given (in normalizeBase's form) and the body, so a build under another base path never
 * takes the HTML of one for itself (the cache folder is the same whatever the base path).
 */
function cachedPath(body: string, base: string): string {
  const hash = createHash('sha256').update(`${base}\0`).update(body).digest('hex');
  return path.join(cacheSubdir('rendered'), `${hash}.html`);
}

/** The site's pipeline for a body, under `base` (in normalizeBase's form). */
function processorFor(body: string, base: string): Promise<Processor> {
  const gfm = mayUseGfm(body);
  const key = `${gfm ? 'gfm' : 'plain'} ${base}`;
  let processor = processors.get(key);
  if (!processor) {
    const options = gfm ? markdownOptionsFor(base) : plainMarkdownOptionsFor(base);
    processors.set(key, (processor = createMarkdownProcessor({ ...options, syntaxHighlight: false })));
  }
  return processor;
}

/** Renders a body through the site's pipeline and caches the HTML (written whole, then renamed). */
async function renderAndCache(body: string, base: string, cached: string): Promise<string> {
  const processor = processorFor(body, base);
  const html = (await (await processor).render(body)).code;
  // Named by process and thread: the build and its pre-rendering thread may write the same body.
  const tmp = `${cached}.${process.pid}-${threadId}.tmp`;
  writeFileSync(tmp, html);
  renameSync(tmp, cached);
  return html;
}

/**
 * The sanitized HTML of an article's body, for a site served under `base` (Astro's resolved base
 * path, in any form normalizeBase takes: "/", "/archive" or "/archive/"), which its root-relative
 * links are given; `file` as the collection records it (relative to the project).
 * @throws {NodeJS.ErrnoException} when the article file cannot be read or the cache not written.
 */
export async function renderArticleBody(file: string, base: string): Promise<string> {
  const under = normalizeBase(base);
  const body = readArticleBody(path.resolve(file));
  const cached = cachedPath(body, under);
  let hit: string | undefined;
  try {
    hit = readFileSync(cached, 'utf8');
  } catch {
    // not rendered yet
  }
  return hit ?? renderAndCache(body, under, cached);
}

/**
 * Bodies longer than this many bytes of Markdown are left to whoever asks for them (the page or
 * the search record, on the build's main thread) without the render-ahead thread trying them: its
 * heap is small (see src/build/render-ahead.ts), and a body's syntax trees need many times its
 * length. The figure is set for prose (1 MB of it renders in the thread in about 1 s); a shorter
 * body of dense markup may still not fit, and the thread then starts again after it. A 5 MB
 * article ran the thread out of memory (docs/performance.md, "Figures behind the code").
 */
const AHEAD_MAX_BYTES = 1_000_000;

/**
 * Renders into the cache every body of `files` not already there, for a site under `base` (as
 * renderArticleBody takes it), in the order given, and says
 * how many it rendered. Calls `onEach(file, true)` once a body is in the cache (rendered now or
 * before) and `onEach(file, false)` for a body not in the cache and longer than `maxBytes` bytes
 * of Markdown, which it leaves unrendered. The build runs it on a thread of its own, ahead of the
 * search records and the pages.
 * @throws {NodeJS.ErrnoException} when an article file cannot be read or the cache not written.
 */
export async function renderAhead(
  files: Iterable<string>,
  base: string,
  onEach: (file: string, inCache: boolean) => void = () => {},
  maxBytes = AHEAD_MAX_BYTES,
): Promise<number> {
  const under = normalizeBase(base);
  let count = 0;
  for (const file of files) {
    const body = readArticleBody(path.resolve(file));
    const cached = cachedPath(body, under);
    if (existsSync(cached)) onEach(file, true);
    else if (Buffer.byteLength(body) > maxBytes) onEach(file, false);
    else {
      await renderAndCache(body, under, cached);
      count++;
      onEach(file, true);
    }
  }
  return count;
}
