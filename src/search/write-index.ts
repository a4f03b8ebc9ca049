import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { partsForLanguage, type SearchPart } from './parts.ts';
import type { SearchRecord } from './contract.ts';
import { writeChunkTable, writePartsChunkTable } from './index-chunks.ts';
import { rewriteMetadata } from './pagefind-meta.ts';
import { FULL_INDEX_BYTES, FULL_INDEX_CHUNK_BYTES, MIN_CHUNK_BYTES } from './chunk-size.ts';
import { KEEP_TOGETHER, rechunkIndex } from './rechunk.ts';
import { buildSearchIndex } from './write-part.ts';

// Writes the search index part by part (see src/search/parts.ts), one Pagefind process after
// another so memory is bounded by the largest part. Each part's files are kept in the build cache
// under a hash of what its records are made from: a part whose inputs did not change since the
// last build is neither turned into records nor indexed again, but moved over from the previous
// output or linked from the cache.

/** Pagefind's version: a new version must not reuse another's index files. */
const pagefindVersion = (() => {
  const main = fileURLToPath(import.meta.resolve('pagefind'));
  const pkg = JSON.parse(readFileSync(path.join(path.dirname(main), '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
})();

/**
 * Hard-links (or copies, across file systems) every file of `from` into `to`, synchronously. A
 * part has thousands of files; linked with callbacks, each link waited for a turn of the main
 * thread, which is busy rendering pages (see docs/performance.md, "Figures behind the code").
 */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [src, dest] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) linkTree(src, dest);
    else
      try {
        linkSync(src, dest);
      } catch {
        copyFileSync(src, dest);
      }
  }
}

/** What building the parts did. */
export interface PartsReport {
  parts: number;
  /** Parts indexed by Pagefind in this build; the others were reused from the cache. */
  indexed: number;
  pages: number;
  seconds: number;
  /** Records which parts are now in the output (call after moving them there). */
  recordOutput(): Promise<void>;
}

/** Where a part's records come from. */
export interface PartSource {
  /** The records of a part (made only when the part has to be indexed). */
  recordsOf(part: SearchPart): Iterable<SearchRecord> | AsyncIterable<SearchRecord>;
  /** Everything its records are made from: the same inputs give the same records. */
  inputsOf(part: SearchPart): Iterable<string | Uint8Array>;
}

/**
 * The version of what the build does to each part after Pagefind (see the keys below): its word
 * chunks cut again (rechunk.ts, by the sizes of chunk-size.ts), the chunk table written beside it,
 * its fragments renamed, and the sorts left out of the metadata of an index in several parts.
 */
const CHUNK_TABLE_VERSION = `word-chunks 1, page-order sorts left out, fragments renamed with their part, chunks cut again (${FULL_INDEX_BYTES}, ${FULL_INDEX_CHUNK_BYTES}, ${MIN_CHUNK_BYTES}, ${KEEP_TOGETHER})`;

/** The part folders the last build put into the output, and their keys (kept in the cache). */
const MANIFEST = 'in-output.json';

/** Where the previous build's index is now (moved aside by the caller), and what to call once it may go. */
export interface Previous {
  /** The output folder being built. */
  outDir: string;
  /** The previous output's pagefind/ folder, now moved aside; undefined when there was none. */
  pagefind: string | undefined;
  /** Called once every part that could be taken from it has been. */
  release(): void;
}

/**
 * Builds every part into `staging` (each in its own folder, see SearchPart.dir). A part whose
 * inputs are unchanged is moved over from the previous output (one rename) or linked from the
 * cache; only the others are indexed. Parts no longer used are removed from the cache.
 * @throws Error from buildSearchIndex when Pagefind fails or its indexer dies, and whatever
 *   `source.recordsOf` throws; the parts already written stay in the cache.
 */
export async function buildSearchParts(
  parts: SearchPart[],
  source: PartSource,
  staging: string,
  cache: string,
  previous: Previous = { outDir: '', pagefind: undefined, release: () => {} },
): Promise<PartsReport> {
  const started = performance.now();
  await mkdir(cache, { recursive: true });
  // Pagefind's version and its environment settings (PAGEFIND_*) shape the files too.
  const settings = JSON.stringify(
    Object.entries(process.env)
      .filter(([k]) => k.startsWith('PAGEFIND_'))
      .sort(),
  );
  // A part searched with others (its language's page loads several) is ordered by date part by
  // part, in its page order: its sorts are left out (pagefind-meta.ts). A page that loads one
  // index orders by Pagefind's sorts, which it keeps.
  const pageOrdered = parts.map((part) => partsForLanguage(parts, part.language).dirs.length > 1);
  const keys = parts.map((part, i) => {
    // The chunk table beside each part (index-chunks.ts) and its rewritten metadata and fragments
    // (pagefind-meta.ts) are part of its files: a part kept from before them is indexed again.
    const hash = createHash('sha256')
      .update(pagefindVersion)
      .update(settings)
      .update(CHUNK_TABLE_VERSION)
      .update(pageOrdered[i] ? 'sorts left out' : 'sorts kept');
    for (const input of source.inputsOf(part)) hash.update(input);
    return hash.digest('hex').slice(0, 24);
  });
  // 1. Parts already in the previous output, unchanged: moved over. The note of what is there is
  //    read once and removed: it is written again only when this build's index is in the output.
  const manifest = path.join(cache, MANIFEST);
  const last = await readFile(manifest, 'utf8')
    .then((text) => JSON.parse(text) as { outDir: string; parts: Record<string, string> })
    .catch(() => undefined);
  await rm(manifest, { force: true });
  const before = last?.outDir === previous.outDir ? last.parts : {};
  await mkdir(staging, { recursive: true });
  const placed = new Set<number>();
  for (const [i, part] of parts.entries()) {
    if (!previous.pagefind || part.dir === '' || before[part.dir] !== keys[i]) continue;
    const moved = await rename(path.join(previous.pagefind, part.dir), path.join(staging, part.dir)).then(
      () => true,
      () => false,
    );
    if (moved) placed.add(i);
  }
  previous.release();
  // 2. The others: indexed when not in the cache, then linked from it.
  let indexed = 0;
  for (const [i, part] of parts.entries()) {
    if (placed.has(i)) continue;
    const kept = path.join(cache, keys[i]!);
    if (!existsSync(path.join(kept, '.complete'))) {
      const records = await Array.fromAsync(source.recordsOf(part));
      const fresh = `${kept}.${process.pid}.tmp`;
      await rm(fresh, { recursive: true, force: true });
      await buildSearchIndex(records, fresh);
      rechunkIndex(fresh);
      writeChunkTable(fresh);
      rewriteMetadata(fresh, { leaveOutSorts: pageOrdered[i]!, part: pageOrdered[i] ? part.n : undefined });
      await writeFile(path.join(fresh, '.complete'), String(records.length));
      await rm(kept, { recursive: true, force: true });
      await rename(fresh, kept);
      indexed++;
    }
    linkTree(kept, path.join(staging, part.dir));
    await rm(path.join(staging, part.dir, '.complete'));
  }
  // Every part's chunk table in one file beside them, which the search page fetches once.
  writePartsChunkTable(
    staging,
    parts.map((part) => part.dir),
  );
  let pages = 0;
  for (const key of keys) pages += Number(await readFile(path.join(cache, key, '.complete'), 'utf8'));
  const used = new Set([...keys, MANIFEST]);
  for (const name of await readdir(cache))
    if (!used.has(name)) await rm(path.join(cache, name), { recursive: true, force: true });
  const now = { outDir: previous.outDir, parts: Object.fromEntries(parts.map((p, i) => [p.dir, keys[i]])) };
  return {
    parts: parts.length,
    indexed,
    pages,
    seconds: (performance.now() - started) / 1000,
    // Recorded by the caller once the staging folder has become the output's pagefind/ folder.
    recordOutput: () => writeFile(manifest, JSON.stringify(now)),
  };
}
