import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

// Reading content files as the checker needs them: every file, decoded strictly, so that a
// file in the wrong encoding or with the wrong extension is reported instead of skipped.

/** Every file under a folder, as paths relative to it, in a stable order. */
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

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file's text without a byte-order mark, or null when it is not valid UTF-8. */
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
