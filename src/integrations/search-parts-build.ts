import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchPart } from '../lib/search-parts.ts';
import type { SearchRecord } from '../lib/search-records.ts';
import { buildSearchIndex } from './search-index.ts';

// Writes the search index part by part (see src/lib/search-parts.ts), one Pagefind process after
// another so memory is bounded by the largest part. Each part's files are kept in the build cache
// under a hash of its records: a part whose records did not change since the last build is not
// indexed again but linked into place.

/** Pagefind's version: a new version must not reuse another's index files. */
const pagefindVersion = (() => {
  const main = fileURLToPath(import.meta.resolve('pagefind'));
  return JSON.parse(readFileSync(path.join(path.dirname(main), '..', 'package.json'), 'utf8')).version as string;
})();

/** Hard-links (or copies, across file systems) every file of `from` into `to`. */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const [src, dest] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) await linkTree(src, dest);
    else await link(src, dest).catch(() => copyFile(src, dest));
  }
}

/** What building the parts did. */
export interface PartsReport {
  parts: number;
  /** Parts indexed by Pagefind in this build; the others were reused from the cache. */
  indexed: number;
  pages: number;
  seconds: number;
}

/**
 * Builds every part into `staging` (the first part at its top, part n in part-n/), reusing parts
 * cached in `cache`; parts no longer used are removed from the cache afterwards.
 */
export async function buildSearchParts(
  parts: SearchPart[],
  recordsOf: (part: SearchPart) => Iterable<SearchRecord>,
  staging: string,
  cache: string,
): Promise<PartsReport> {
  const started = performance.now();
  await mkdir(cache, { recursive: true });
  const used = new Set<string>();
  let indexed = 0;
  let pages = 0;
  for (const part of parts) {
    const records = [...recordsOf(part)];
    // Pagefind's version and its environment settings (PAGEFIND_*) shape the files too.
    const settings = Object.entries(process.env).filter(([k]) => k.startsWith('PAGEFIND_'));
    const hash = createHash('sha256').update(pagefindVersion).update(JSON.stringify(settings.sort()));
    for (const r of records) hash.update(JSON.stringify(r));
    const key = hash.digest('hex').slice(0, 24);
    const kept = path.join(cache, key);
    used.add(key);
    if (!existsSync(path.join(kept, '.complete'))) {
      const fresh = `${kept}.${process.pid}.tmp`;
      await rm(fresh, { recursive: true, force: true });
      await buildSearchIndex(records, fresh);
      await writeFile(path.join(fresh, '.complete'), `${records.length} records\n`);
      await rm(kept, { recursive: true, force: true });
      await rename(fresh, kept);
      indexed++;
    }
    await linkTree(kept, path.join(staging, part.dir));
    await rm(path.join(staging, part.dir, '.complete'));
    pages += records.length;
  }
  for (const name of await readdir(cache))
    if (!used.has(name)) await rm(path.join(cache, name), { recursive: true, force: true });
  return { parts: parts.length, indexed, pages, seconds: (performance.now() - started) / 1000 };
}
