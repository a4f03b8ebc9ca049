import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';

// Writing archive files so that a crash or a full disk never leaves half a file: each file is
// written to a temporary name beside its target, then renamed over it in one step.

/** Writes data to file atomically, creating folders as needed. */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** A Markdown article file: YAML frontmatter, then the body. */
export function articleText(frontmatter: Record<string, unknown>, body: string): string {
  return `---\n${stringify(frontmatter, { lineWidth: 0 }).trimEnd()}\n---\n\n${body}`;
}

/** A YAML data file (people, sources). */
export function yamlText(data: Record<string, unknown>): string {
  return stringify(data, { lineWidth: 0 });
}
