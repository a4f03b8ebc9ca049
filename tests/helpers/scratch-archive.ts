import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Scratch content folders for importer tests: the project's people and sources, no articles, and
// an inbox for the captures to import. Each test file's folders are removed after its tests.

const made: string[] = [];
afterAll(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A fresh content folder (`root`) with the project's people and sources, and an empty `inbox`. */
export async function scratchArchive(prefix = 'archive-import-'): Promise<{ root: string; inbox: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  made.push(dir);
  const root = path.join(dir, 'content');
  for (const sub of ['people', 'sources'])
    await cp(path.resolve('content', sub), path.join(root, sub), { recursive: true });
  const inbox = path.join(dir, 'inbox');
  await mkdir(inbox, { recursive: true });
  return { root, inbox };
}
