// Pagefind reads some settings only from the environment (its Node API has no option for them),
// so they are set on this process before Pagefind starts its indexer; a value the user already
// set is kept. Both are part of each search part's cache key (src/search/write-index.ts).

/**
 * Sets the Pagefind settings the archive builds with, unless `env` already has them:
 * - PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE=4000 word positions (Pagefind's default is 20,000): a
 *   search downloads one chunk per word per part, so smaller chunks make the first search of an
 *   index in several parts download less. The setting is Pagefind's, marked unstable; without it
 *   the index is only larger to download.
 * - RAYON_NUM_THREADS=1: Pagefind writes with one thread, leaving the other core to Astro's page
 *   rendering, which is the longer of the two.
 * See docs/performance.md, "Figures behind the code".
 */
export function tunePagefind(env: Record<string, string | undefined> = process.env): void {
  env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= '4000';
  env.RAYON_NUM_THREADS ??= '1';
}
