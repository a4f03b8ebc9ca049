import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { DataFile } from '../site/data-files.ts';

// The data files under data/ (src/site/data-files.ts) written in one pass at the end of the build,
// instead of one Astro route per file: at 10,000 articles that is 4,448 files, and Astro's work per
// route cost more than the files' own text (docs/performance.md, "The data files").
//
// How they get here: the route src/pages/data/[...file].ts makes the list (it has the archive as
// the pages see it, from astro:content). When the integration has said it will write them
// (awaitDataFiles, in a build), the route hands the list over instead of returning paths, and the
// integration takes it at astro:build:done; otherwise (the dev server) the route serves each file.
// Astro prerenders in the build's own process, but the route is bundled apart from the
// integration, so the hand-over goes through one global slot (HANDOVER), not a module variable.
//
// Each file keeps its cache key: the build cache holds every file written and the key it was
// written for (CACHE_MANIFEST), and a rebuild writes again only the files whose key changed,
// taking the others from the cache by a hard link (a copy where the file system has none). A
// change to the code (src/, the lockfile) or to the base path changes the stamp and every file
// is written again, as Astro re-renders every page of a route whose code changed.

/** The global slot the data route leaves its files in for the integration. */
const HANDOVER = Symbol.for('news-archive.data-files');

/** The slot: absent when no one waits for the files, `waiting` until the route hands them over. */
type Slot = { [HANDOVER]?: { files: readonly DataFile[] | undefined } };

/** Called by the integration before Astro renders: the data route is to hand its files over (handOverDataFiles). */
export function awaitDataFiles(): void {
  (globalThis as Slot)[HANDOVER] = { files: undefined };
}

/**
 * Called by the data route: leaves `files` for the integration (takeDataFiles) and returns true
 * when the integration waits for them (awaitDataFiles); false when no one does (the dev server),
 * and the route then serves the files itself.
 */
export function handOverDataFiles(files: readonly DataFile[]): boolean {
  const waiting = (globalThis as Slot)[HANDOVER];
  if (!waiting) return false;
  waiting.files = files;
  return true;
}

/** The data files the route handed over in this process, taken once (undefined when there were none); no longer waited for. */
export function takeDataFiles(): readonly DataFile[] | undefined {
  const slot = globalThis as Slot;
  const files = slot[HANDOVER]?.files;
  delete slot[HANDOVER];
  return files;
}

/** The build cache's record of the files it holds: the stamp they were written under and each file's key. */
interface CacheManifest {
  stamp: string;
  keys: Record<string, string>;
}

/** The manifest's name inside the data files' cache folder. */
const CACHE_MANIFEST = 'keys.json';

/** The manifest of `cacheFolder`, or one holding nothing when it is missing, unreadable or of another stamp. */
function readManifest(cacheFolder: string, stamp: string): Record<string, string> {
  try {
    const manifest = JSON.parse(readFileSync(path.join(cacheFolder, CACHE_MANIFEST), 'utf8')) as CacheManifest;
    return manifest.stamp === stamp ? manifest.keys : {};
  } catch {
    return {};
  }
}

/**
 * A digest of what the data files' text depends on besides their cache keys: every file under
 * `root`/src (path and bytes), the lockfile and `extra` (the base path). 64 hex digits.
 */
export function dataFilesStamp(root: string, extra: string): string {
  const hash = createHash('sha256').update(`${extra}\0`);
  const src = path.join(root, 'src');
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const file of [...files, path.join(root, 'package-lock.json')]) {
    hash.update(`${path.relative(root, file)}\0`);
    if (existsSync(file)) hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** What writeDataFiles did: the files (paths under data/) whose text was made and written, and how many came from the cache. */
export interface DataFilesWritten {
  written: string[];
  reused: number;
}

/**
 * Writes `files` under `outDir`/data/ (each as `<name>.<format>`, its text as UTF-8), reusing the
 * copy in `cacheFolder` of every file whose cache key and `stamp` (dataFilesStamp) are those it
 * was written for, and writing the others there first; files of the cache no longer listed are
 * deleted. Synchronous: one pass, on the main thread, once the pages are done.
 * @throws the file system's error when a file cannot be written.
 */
export function writeDataFiles(
  files: readonly DataFile[],
  outDir: string,
  cacheFolder: string,
  stamp: string,
): DataFilesWritten {
  const previous = readManifest(cacheFolder, stamp);
  // No manifest while the cache is changing: an interrupted build leaves nothing to trust.
  rmSync(path.join(cacheFolder, CACHE_MANIFEST), { force: true });
  const stored = path.join(cacheFolder, 'files');
  const target = path.join(outDir, 'data');
  const folders = new Set<string>();
  const folder = (dir: string) => {
    if (!folders.has(dir)) mkdirSync(dir, { recursive: true });
    folders.add(dir);
  };
  const keys: Record<string, string> = {};
  const written: string[] = [];
  for (const file of files) {
    const name = `${file.name}.${file.format}`;
    const copy = path.join(stored, name);
    folder(path.dirname(copy));
    if (previous[name] !== file.cacheKey || !existsSync(copy)) {
      // A new file, not the old one rewritten: an older output may still link to the old one.
      if (file.pieces) writePieces(`${copy}.new`, file.pieces());
      else writeFileSync(`${copy}.new`, file.text());
      renameSync(`${copy}.new`, copy);
      written.push(name);
    }
    const out = path.join(target, name);
    folder(path.dirname(out));
    placeCopy(copy, out);
    keys[name] = file.cacheKey;
  }
  for (const name of Object.keys(previous)) if (!(name in keys)) rmSync(path.join(stored, name), { force: true });
  writeFileSync(path.join(cacheFolder, CACHE_MANIFEST), JSON.stringify({ stamp, keys } satisfies CacheManifest));
  return { written, reused: files.length - written.length };
}

/** Writes `pieces` one after another to the file `to` as UTF-8, without joining them. */
function writePieces(to: string, pieces: Iterable<string>): void {
  const fd = openSync(to, 'w');
  try {
    for (const piece of pieces) {
      const bytes = Buffer.from(piece, 'utf8');
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
    }
  } finally {
    closeSync(fd);
  }
}

/** Puts the cached file `from` at `to`: a hard link, or a copy where one cannot be made (another file system). */
function placeCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      unlinkSync(to);
      placeCopy(from, to);
      return;
    }
    copyFileSync(from, to);
  }
}
