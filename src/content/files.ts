import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

// Reading files as the checker needs them: every file, decoded strictly, so that a
// file in the wrong encoding or with the wrong extension is reported instead of skipped. The one
// recursive file lister and the one article body reader of the project live here.

/**
 * Every regular file under a folder, at any depth, as paths relative to it with "/" separators,
 * sorted (symbolic links are not followed); an empty list when the folder does not exist.
 * @throws {NodeJS.ErrnoException} when the folder cannot be read for another reason (EACCES, ENOTDIR).
 */
export async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Article files: Markdown. */
export const ARTICLE_FILE = /\.md$/i;
/** People and source files: YAML. */
export const DATA_FILE = /\.ya?ml$/i;

/** A file whose name starts with a dot (an editor's or the system's), which no collection reads. */
export function isHiddenFile(rel: string): boolean {
  return path.basename(rel).startsWith('.');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A file's text without a byte-order mark, or null when it is not valid UTF-8.
 * @throws {NodeJS.ErrnoException} when the file cannot be read (ENOENT, EACCES, EISDIR).
 */
export async function readUtf8(file: string): Promise<string | null> {
  const bytes = await readFile(file);
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

const FRONTMATTER_RE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits a Markdown file into its YAML frontmatter text and its body; null when it has none. */
export function splitFrontmatter(text: string): { yaml: string; body: string } | null {
  const m = FRONTMATTER_RE.exec(text);
  return m ? { yaml: m[1] ?? '', body: text.slice(m[0].length) } : null;
}

/**
 * The Markdown body of an article file: its text after the front matter (the whole text when it
 * has none), without a byte-order mark. Read synchronously: it is called once per page on the
 * build's busy main thread, where a promise per file cost more than the read (see docs/performance.md,
 * "Figures behind the code").
 * @throws {NodeJS.ErrnoException} when the file cannot be read (ENOENT and the like).
 */
export function readArticleBody(file: string): string {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return splitFrontmatter(text)?.body ?? text;
}

/**
 * The UTF-8 text of each file (null when not UTF-8), in the given order, with up to `ahead` reads
 * in flight: reading one file at a time left the build waiting on the disk half the time, and
 * reading all at once would hold a large archive in memory.
 * @param ahead how many files are read at once (a count of files, at least 1).
 * @throws {NodeJS.ErrnoException} when a file cannot be read, as that file's turn comes.
 */
export async function* readAllUtf8(files: string[], ahead = 32): AsyncGenerator<[string, string | null], void> {
  const pending: Promise<string | null>[] = [];
  let next = 0;
  const fill = () => {
    while (next < files.length && pending.length < ahead) {
      const read = readUtf8(files[next++]!);
      read.catch(() => {}); // a failed read is thrown where it is awaited, in order
      pending.push(read);
    }
  };
  for (const file of files) {
    fill();
    const text = await pending.shift()!;
    yield [file, text];
  }
}
