import { parentPort, workerData } from 'node:worker_threads';
import { renderAhead } from './article-body.ts';

// A thread that renders article bodies into the cache ahead of the search records and the
// build's pages (see src/build/render-ahead.ts), saying after each file whether its body is in
// the cache or left to the page (too long for the thread's heap); the build ends it when its
// pages are done.

await renderAhead(workerData as string[], (file, inCache) => parentPort?.postMessage([file, inCache]));
