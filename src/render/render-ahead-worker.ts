import { parentPort, workerData } from 'node:worker_threads';
import { renderAhead } from './article-body.ts';

// A thread that renders article bodies into the cache ahead of the search records and the
// build's pages (see src/build/render-ahead.ts), saying after each file whether its body is in
// the cache or left to the page (too long for the thread's heap); the build ends it when its
// pages are done. It is given the files and the site's base path (Astro's resolved `base`).

/** What the build hands the thread. */
export interface RenderAheadData {
  /** Article files, relative to the project, in the order to render them. */
  files: string[];
  /** The base path the bodies' root-relative links are given. */
  base: string;
}

const { files, base } = workerData as RenderAheadData;
await renderAhead(files, base, (file, inCache) => parentPort?.postMessage([file, inCache]));
