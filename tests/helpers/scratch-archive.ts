import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';

// Scratch content folders for importer tests: the project's people and sources, no articles, and
// an inbox for the captures to import. They are made in the run's scratch folder, which the unit
// tests' global setup removes when the run ends (tests/setup/unit-fixtures.ts).

/** A fresh content folder (`root`) with the project's people and sources, and an empty `inbox`. */
export async function scratchArchive(prefix = 'archive-import-'): Promise<{ root: string; inbox: string }> {
  const dir = await mkdtemp(path.join(inject('scratchRoot'), prefix));
  const root = path.join(dir, 'content');
  for (const sub of ['people', 'sources'])
    await cp(path.resolve('content', sub), path.join(root, sub), { recursive: true });
  const inbox = path.join(dir, 'inbox');
  await mkdir(inbox, { recursive: true });
  return { root, inbox };
}
