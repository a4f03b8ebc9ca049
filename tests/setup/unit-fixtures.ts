import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeCorpus } from '../../bench/corpus.ts';

// Heavy fixtures of the unit tests, made once per run and shared by every test file that needs
// them (read them, never change them): the synthetic archive of BENCH_CORPUS.

/** The shared synthetic archive: what `npm run bench:corpus -- --articles 300 --people 80 --seed 1` writes. */
export const BENCH_CORPUS = { articles: 300, people: 80, seed: 1 } as const;

declare module 'vitest' {
  export interface ProvidedContext {
    /** Content folder of the shared synthetic archive (BENCH_CORPUS). */
    benchCorpus: string;
    /** A folder for the scratch archives of this run (tests/helpers/scratch-archive.ts), removed at its end. */
    scratchRoot: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'unit-corpus-'));
  await writeCorpus(dir, BENCH_CORPUS);
  project.provide('benchCorpus', dir);
  // One folder for every scratch archive of the run, removed at its end: a hook in the helper
  // would run for the first file only, as unit files share their worker's modules.
  const scratch = await mkdtemp(path.join(tmpdir(), 'unit-scratch-'));
  project.provide('scratchRoot', scratch);
  return async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(scratch, { recursive: true, force: true });
  };
}
