import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import writeFileAtomic from 'write-file-atomic';
import { isMap, stringify } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { parseYamlDocument } from '../content/yaml.ts';

// Writing the files a user keeps (articles, captures, people, sources, the people review list)
// so that a crash, a power cut or a full disk never leaves half a file: write-file-atomic writes
// a temporary file beside the target, flushes it to the disk (fsync) and renames it over the
// target in one step. Without the flush, a rename can reach the disk before the data does.

/**
 * Writes `data` (text as UTF-8, or bytes) to `file` atomically and durably, creating its folder
 * as needed; an existing file keeps its mode. On failure the target is as it was before and the
 * temporary file is removed.
 * @throws {NodeJS.ErrnoException} when the folder cannot be made or the file written (EACCES, ENOSPC).
 */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(
    file,
    typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength),
  );
}

/**
 * A Markdown article file: YAML frontmatter, then the body. Given the file's previous front
 * matter text (`previousYaml`), only the fields whose value changed are rewritten, added or
 * removed, so the editor's comments, order and list style stay as they were (the yaml package's
 * document API, as `--apply-people` edits files); a previous text that is not valid YAML is
 * written afresh.
 */
export function articleText(frontmatter: Record<string, unknown>, body: string, previousYaml?: string): string {
  const doc = previousYaml === undefined ? undefined : parseYamlDocument(previousYaml);
  if (!doc || doc.errors.length > 0 || !isMap(doc.contents))
    return `---\n${stringify(frontmatter, { lineWidth: 0 }).trimEnd()}\n---\n\n${body}`;
  const before = (doc.toJSON() as Record<string, unknown> | null) ?? {};
  for (const key of Object.keys(before)) if (frontmatter[key] === undefined) doc.delete(key);
  for (const [key, value] of Object.entries(frontmatter))
    if (value !== undefined && !isDeepStrictEqual(before[key], value)) doc.set(key, value);
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd()}\n---\n\n${body}`;
}

/** A YAML data file (people, sources). */
export function yamlText(data: Record<string, unknown>): string {
  return stringify(data, { lineWidth: 0 });
}

/** A dry run's mark for a file it would remove. */
const REMOVED = Symbol('removed');

/**
 * The content folder as one import run sees it: files on disk, with the run's own writes on top.
 * A real run writes through to the disk (atomically, see writeAtomic); a dry run keeps its writes
 * in memory, so every later read in the same run (a version folder, a free file name, a review
 * file) sees what the real run would have written there, and the dry run takes exactly the real
 * run's decisions by the same code. Paths are absolute.
 */
export class ArchiveFiles {
  /**
   * Writes of a dry run, by path (the real run has none: it writes to the disk). Bytes (kept
   * captures) are held gzipped at the fastest level: a dry run over a large crawl holds every
   * capture it would keep, and HTML shrinks several times.
   */
  private readonly pending = new Map<string, string | { gzipped: Buffer } | typeof REMOVED>();

  /** True for a dry run: writes are kept in memory. */
  readonly dryRun: boolean;

  constructor(dryRun: boolean) {
    this.dryRun = dryRun;
  }

  /** Writes a file (a dry run keeps it in memory). @throws {NodeJS.ErrnoException} as writeAtomic. */
  async write(file: string, data: string | Uint8Array): Promise<void> {
    if (!this.dryRun) await writeAtomic(file, data);
    else this.pending.set(file, typeof data === 'string' ? data : { gzipped: gzipSync(data, { level: 1 }) });
  }

  /**
   * Removes a file (a dry run only notes it), then its folder if that is left empty. A file
   * already gone is no error. @throws {NodeJS.ErrnoException} when it cannot be removed.
   */
  async remove(file: string): Promise<void> {
    if (this.dryRun) {
      this.pending.set(file, REMOVED);
      return;
    }
    await unlink(file).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    await rmdir(path.dirname(file)).catch(() => {}); // only an empty folder goes
  }

  /** True when the file exists, on disk or written earlier in this run (and not removed since). */
  exists(file: string): boolean {
    const held = this.pending.get(file);
    return held === undefined ? existsSync(file) : held !== REMOVED;
  }

  /** The file's bytes, or null when it does not exist. @throws {NodeJS.ErrnoException} for other read errors. */
  async bytes(file: string): Promise<Uint8Array | null> {
    const held = this.pending.get(file);
    if (held === REMOVED) return null;
    if (held !== undefined) return typeof held === 'string' ? Buffer.from(held) : gunzipSync(held.gzipped);
    try {
      return await readFile(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** The names of the files directly in a folder, on disk and written in this run, sorted. */
  async names(folder: string): Promise<string[]> {
    const onDisk = await readdir(folder).catch(() => [] as string[]);
    const here = [...this.pending].filter(([f]) => path.dirname(f) === folder);
    const gone = new Set(here.filter(([, v]) => v === REMOVED).map(([f]) => path.basename(f)));
    const held = here.filter(([, v]) => v !== REMOVED).map(([f]) => path.basename(f));
    return [...new Set([...onDisk, ...held])].filter((name) => !gone.has(name)).sort();
  }
}

/**
 * Where the importer keeps a copy of each file it rewrites in place, under the content folder:
 * `.import-backups/<run's start>/<the file's path under the content folder>`. The folder starts
 * with a dot, so no collection and no check reads it.
 */
export const BACKUP_FOLDER = '.import-backups';

/** A moment as a folder name: "2026-12-07T06-38-21Z". */
export function backupStamp(at = new Date()): string {
  return at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
}
