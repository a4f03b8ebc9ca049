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
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'unit-corpus-'));
  await writeCorpus(dir, BENCH_CORPUS);
  project.provide('benchCorpus', dir);
  return () => rm(dir, { recursive: true, force: true });
}
