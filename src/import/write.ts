import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { stringify } from 'yaml';

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

/** A Markdown article file: YAML frontmatter, then the body. */
export function articleText(frontmatter: Record<string, unknown>, body: string): string {
  return `---\n${stringify(frontmatter, { lineWidth: 0 }).trimEnd()}\n---\n\n${body}`;
}

/** A YAML data file (people, sources). */
export function yamlText(data: Record<string, unknown>): string {
  return stringify(data, { lineWidth: 0 });
}
