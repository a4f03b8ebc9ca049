import type { Pagefind, PagefindIndexOptions } from './pagefind-types.ts';

// Loading Pagefind with the index parts a search page searches, so that a part that cannot be
// loaded (a host that dropped its folder, an upload cut short) leaves the others searchable.
// Pagefind itself gives up on all of them: a merged index whose files fail stays among the
// indexes every search asks (and each search then fails), and merging waits for ever on a
// primary index that failed. So the primary's entry file (a few hundred bytes) is asked for
// first, while its script loads: the primary is the first part that answers; and if merging a
// part fails, Pagefind is started again without it. No page code: the fetching and importing are
// handed in, so the rules are unit-tested with fakes (tests/unit/pagefind-loader.test.ts).

/** How the loader reaches the network: in the page, fetch and import(). */
export interface LoaderIo {
  /** True when the part's folder (a URL ending in "/") answers for its pagefind-entry.json. */
  reachable(dir: string): Promise<boolean>;
  /** Imports `${dir}pagefind.js`. */
  importPagefind(dir: string): Promise<Pagefind>;
}

/** Pagefind with the parts it could load, and the folders it could not. */
export interface LoadedIndex {
  pagefind: Pagefind;
  /** Folders (as given) left out because they could not be loaded; empty when every part is in. */
  missing: string[];
}

/**
 * Loads Pagefind from `dirs` (folder URLs ending in "/", the first one preferred as the primary
 * index) with `settings` for each, leaving out the parts that fail. A single folder is loaded as
 * is, unchecked. Rejects when no part at all can be loaded.
 */
export async function loadIndex(dirs: string[], settings: PagefindIndexOptions, io: LoaderIo): Promise<LoadedIndex> {
  if (dirs.length === 1) return { pagefind: await started(await io.importPagefind(dirs[0]!), settings), missing: [] };
  // The first part's script is fetched while its folder is checked.
  const firstImport = io.importPagefind(dirs[0]!);
  firstImport.catch(() => {});
  let usable = [...dirs];
  for (;;) {
    const primaryDir = usable[0];
    if (primaryDir === undefined) throw new Error('no part of the search index could be loaded');
    let pagefind: Pagefind;
    try {
      if (!(await io.reachable(primaryDir))) throw new Error(`${primaryDir} does not answer`);
      pagefind = await (primaryDir === dirs[0] ? firstImport : io.importPagefind(primaryDir));
    } catch {
      usable = usable.slice(1);
      continue;
    }
    await started(pagefind, settings);
    const merged = usable.slice(1);
    const outcomes = await Promise.allSettled(merged.map((dir) => pagefind.mergeIndex(dir, settings)));
    const failed = new Set(merged.filter((_, i) => outcomes[i]!.status === 'rejected'));
    if (failed.size === 0) return { pagefind, missing: dirs.filter((d) => !usable.includes(d)) };
    // A part that failed stays in Pagefind's list of indexes: start again without it.
    await pagefind.destroy().catch(() => {});
    usable = usable.filter((d) => !failed.has(d));
  }
}

/** Pagefind with its options set and started. */
async function started(pagefind: Pagefind, settings: PagefindIndexOptions): Promise<Pagefind> {
  await pagefind.options(settings);
  await pagefind.init();
  return pagefind;
}
