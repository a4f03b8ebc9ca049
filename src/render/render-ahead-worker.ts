import { parentPort, workerData } from 'node:worker_threads';
import { renderAhead } from './article-body.ts';

// A thread that renders article bodies into the cache ahead of the search records and the
// build's pages (see src/build/render-ahead.ts), saying which file is
// ready after each; the build ends it when its pages are done.

await renderAhead(workerData as string[], (file) => parentPort?.postMessage(file));
