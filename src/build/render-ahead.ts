import { Worker } from 'node:worker_threads';
import { renderArticleBody } from '../render/article-body.ts';
import type { RenderAheadData } from '../render/render-ahead-worker.ts';

// Article bodies rendered on a thread of their own (the second core), in the order the search
// index reads them, while Astro works on the main thread. The search records wait for each body
// from the thread instead of rendering it on the main thread, and Astro's article pages then find
// every body in the cache. Bodies already cached are only checked, and bodies too large for the
// thread's heap (longer than AHEAD_MAX_BYTES, or found too large when the thread ran out of
// memory on them) are left to whoever asks for them. If the thread fails otherwise or is stopped,
// whoever asks for a body renders it as before: nothing is lost, only the work is no longer shared.

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
   * how many it left to the main thread as too large for its heap.
   */
  report(): string;
}

/**
 * Starts rendering the bodies of `files` (paths relative to the project, as the collection
 * records them) into the cache, in that order, for a site under `base` (Astro's resolved base
 * path; the bodies' root-relative links are given it, and `html` gives the same bodies). A body the thread cannot hold in its heap is left
 * to the main thread and a new thread goes on with the rest; any other failure of the thread is
 * reported through `warn`, and the bodies it has not reached are rendered where they are asked for.
 * `heapMb` limits the thread's heap (old and young generations, in MB).
 */
export function renderBodiesAhead(
  files: string[],
  base: string,
  warn: (message: string) => void,
  heapMb: { old: number; young: number } = { old: 128, young: 16 },
): BodiesAhead {
  const done = new Set<string>();
  const passed = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  let running = true;
  let stopped = false;
  /** Index in `files` of the body the thread is on. */
  let next = 0;
  const settle = (file: string, inCache: boolean) => {
    (inCache ? done : passed).add(file);
    for (const wake of waiting.get(file) ?? []) wake();
    waiting.delete(file);
  };
  const release = () => {
    running = false;
    for (const wakes of waiting.values()) for (const wake of wakes) wake();
    waiting.clear();
  };
  const start = (): Worker => {
    // A small heap: the thread holds one body at a time, and the default limit let it grow while
    // Pagefind's indexer held a part in memory (docs/performance.md, "Figures behind the code").
    // Bodies longer than AHEAD_MAX_BYTES are passed over without trying; a shorter one may still
    // not fit (a body's syntax trees grow with its markup, not only its length).
    const thread = new Worker(WORKER, {
      workerData: { files: files.slice(next), base } satisfies RenderAheadData,
      resourceLimits: { maxOldGenerationSizeMb: heapMb.old, maxYoungGenerationSizeMb: heapMb.young },
    });
    thread.unref(); // a failed build does not wait for it
    thread.on('message', ([file, inCache]: [string, boolean]) => (next++, settle(file, inCache)));
    thread.on('error', (err: Error & { code?: string }) => {
      if (err.code !== 'ERR_WORKER_OUT_OF_MEMORY' || next >= files.length)
        return (warn(`rendering ahead stopped: ${err.message}`), release());
      settle(files[next++]!, false);
      if (next < files.length && !stopped) worker = start();
      else release();
    });
    thread.on('exit', () => thread === worker && release());
    return thread;
  };
  let worker = start();
  return {
    async html(file) {
      if (running && !done.has(file) && !passed.has(file))
        await new Promise<void>((wake) => waiting.set(file, [...(waiting.get(file) ?? []), wake]));
      return renderArticleBody(file, base);
    },
    // Stopped mid-file, it leaves at most a temporary file; the cache only ever gets whole files.
    stop: async () => ((stopped = true), void (await worker.terminate())),
    report: () =>
      `render-ahead: ${done.size} of ${files.length} article bodies in the cache from a second thread` +
      (passed.size ? `; ${passed.size} too large for it, rendered on the main thread` : ''),
  };
}
