import type { Page, Request } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { serve } from './serve.ts';

// Search as a reader meets it, in Chromium against the built site: bytes transferred until the
// first results show, and time from typing a query to its results (median and 95th percentile).

/** Search figures. */
export interface SearchTiming {
  firstResultsBytes: number;
  /** Bytes until the filter counts of that first search are shown too. */
  untilCountedBytes: number;
  medianMs: number;
  p95Ms: number;
  queries: number;
}

/** The value at a quantile of sorted numbers. */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

/**
 * Bytes a fresh visitor downloads until the first results of `query` show: every request the page
 * made before the first result was put on the page (headers and body as sent), whenever it ends.
 * What the page asks for afterwards (the filter counts' data) is not needed to show the results,
 * and is reported apart (`untilCountedBytes`).
 */
async function firstResultsBytes(page: Page, origin: string, query: string): Promise<{ first: number; all: number }> {
  let shown = false;
  const before: Request[] = [];
  const all: Request[] = [];
  await page.exposeFunction('benchResultsShown', () => void (shown = true));
  await page.addInitScript(() => {
    const seen = () => document.querySelector('#search-results li') !== null;
    const observer = new MutationObserver(() => {
      if (!seen()) return;
      observer.disconnect();
      (window as unknown as { benchResultsShown(): void }).benchResultsShown();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  page.on('request', (r) => (all.push(r), shown || before.push(r)));
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  await page.locator('#search-results li').first().waitFor();
  // Then until the counts are shown (the page marks the filters busy while it counts).
  await page.locator('#search-filters:not([aria-busy="true"])').waitFor();
  const size = async (r: Request) => {
    await (await r.response())?.finished();
    const s = await r.sizes();
    if (process.env.BENCH_DEBUG) console.error(s.responseBodySize, before.includes(r) ? 'first' : 'later', r.url());
    return s.responseBodySize + s.responseHeadersSize;
  };
  const sum = async (list: Request[]) => (await Promise.all(list.map(size))).reduce((a, b) => a + b, 0);
  return { first: await sum(before), all: await sum(all) };
}

/** Milliseconds from typing `query` (one input event) to its results being shown. */
function typeToResults(page: Page, query: string): Promise<number> {
  return page.evaluate(
    (q) =>
      new Promise<number>((resolve) => {
        const input = document.querySelector<HTMLInputElement>('#search-q')!;
        const status = document.querySelector('#search-status')!;
        const started = performance.now();
        const done = () =>
          status.textContent?.includes(`“${q}”`) && (observer.disconnect(), resolve(performance.now() - started));
        const observer = new MutationObserver(done);
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );
}

/** Measures search on a built site for the given queries (the first is also the cold query). */
export async function measureSearch(dist: string, queries: string[]): Promise<SearchTiming> {
  // Compressed like any static host would serve it.
  const server = await serve(dist, '/', { gzip: true });
  const { origin } = server;
  const browser = await launchChromium();
  try {
    const cold = await browser.newPage();
    const bytes = await firstResultsBytes(cold, origin, queries[0]!);
    await cold.close();
    const page = await browser.newPage();
    await page.goto(`${origin}/search/`);
    await page.locator('#search-form[data-ready="true"]').waitFor();
    const times: number[] = [];
    for (const q of queries) times.push(await typeToResults(page, q));
    times.sort((a, b) => a - b);
    return {
      firstResultsBytes: bytes.first,
      untilCountedBytes: bytes.all,
      medianMs: quantile(times, 0.5),
      p95Ms: quantile(times, 0.95),
      queries: times.length,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
