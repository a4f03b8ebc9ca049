import { Worker } from 'node:worker_threads';
import { AHEAD_MAX_BYTES, renderArticleBody } from '../render/article-body.ts';

// Article bodies rendered on a thread of their own (the second core), in the order the search
// index reads them, while Astro works on the main thread. The search records wait for each body
// from the thread instead of rendering it on the main thread, and Astro's article pages then find
// every body in the cache. Bodies already cached are only checked, and bodies too long for the
// thread's heap (AHEAD_MAX_BYTES) are left to whoever asks for them. If the thread fails or is
// stopped, whoever asks for a body renders it as before: nothing is lost, only the work is no
// longer shared.

/** The thread's code, found next to this module's folder wherever the project is. */
const WORKER = new URL('../render/render-ahead-worker.ts', import.meta.url);

/** Article bodies rendered on a thread of their own, for the search records and the pages. */
export interface BodiesAhead {
  /** The sanitized HTML of an article file's body, waiting for the thread to reach it. */
  html(file: string): Promise<string>;
  /** Ends the thread; bodies it has not reached are rendered where they are asked for. */
  stop(): Promise<void>;
  /**
   * The line to log: how many of the bodies the thread had in the cache ("… 119 of 120 …"), and
   * how many it left to their pages for their length.
   */
  report(): string;
}

/**
 * Starts rendering the bodies of `files` (paths relative to the project, as the collection
 * records them) into the cache, in that order. A failed thread is reported through `warn`.
 */
export function renderBodiesAhead(files: string[], warn: (message: string) => void): BodiesAhead {
  const done = new Set<string>();
  const passed = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  let running = true;
  const release = () => {
    running = false;
    for (const wakes of waiting.values()) for (const wake of wakes) wake();
    waiting.clear();
  };
  // A small heap: the thread holds one body at a time, and the default limit let it grow while
  // Pagefind's indexer held a part in memory (docs/performance.md, "Figures behind the code").
  // Bodies longer than AHEAD_MAX_BYTES would not fit; the thread passes over them.
  const worker = new Worker(WORKER, {
    workerData: files,
    resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 },
  });
  worker.unref(); // a failed build does not wait for it
  worker.on('message', ([file, inCache]: [string, boolean]) => {
    (inCache ? done : passed).add(file);
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
    report: () =>
      `render-ahead: ${done.size} of ${files.length} article bodies in the cache from a second thread` +
      (passed.size
        ? `; ${passed.size} longer than ${AHEAD_MAX_BYTES / 1_000_000} MB rendered with ${passed.size === 1 ? 'its page' : 'their pages'}`
        : ''),
  };
}
