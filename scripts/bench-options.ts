import path from 'node:path';
import { corpusFor, MAX_SEED, type CorpusOptions } from '../bench/corpus.ts';
import { outDirProblem } from '../src/build/out-dir.ts';
import { numberOption, OptionError } from './options.ts';

// The options every benchmark that builds the synthetic archive reads the same way (npm run bench,
// npm run bench:hugo): its size, its seed and the folder of its corpus, cache, output and figures.

/** The options as `parseArgs` takes them. */
export const BENCH_ARCHIVE_OPTIONS = {
  articles: { type: 'string', default: '1000' },
  people: { type: 'string' },
  seed: { type: 'string', default: '1' },
  dir: { type: 'string', default: '.bench' },
} as const;

/**
 * The folder of a run's corpus, cache, output and figures, from `--dir`; refused before anything
 * is written when Astro could not build into its output folder (src/build/out-dir.ts), which the
 * build would otherwise say only after the corpus is written.
 * @throws OptionError naming --dir, the folder and the fix.
 */
function benchDir(given: string): string {
  const dir = path.resolve(given);
  // The output folder is inside `dir`: refused exactly when `dir` is.
  const problem = outDirProblem(dir, process.cwd(), '--dir', '.bench');
  if (problem) throw new OptionError(problem);
  return dir;
}

/**
 * Reads the archive options: `articles` (at least 1), `people` (at least 2, as a story names two
 * people; a fifth of the articles, at least 20, when not given), `seed` (0 to MAX_SEED) and `dir`
 * (an absolute path).
 * @throws OptionError naming the option, the value and the fix (numberOption, benchDir).
 */
export function benchArchiveOptions(values: { articles: string; people?: string; seed: string; dir: string }) {
  const articles = numberOption('articles', values.articles, {
    integer: true,
    min: 1,
    unit: 'articles',
    example: '10000',
  });
  return {
    articles,
    people: numberOption('people', values.people, {
      integer: true,
      min: 2,
      unit: 'people',
      example: '2000',
      fallback: Math.max(20, Math.round(articles / 5)),
    }),
    seed: numberOption('seed', values.seed, { integer: true, min: 0, max: MAX_SEED, example: '1' }),
    dir: benchDir(values.dir),
  };
}

/**
 * The benchmark's corpus in `corpus` made from `opts` (corpusFor: written, or reused when made from
 * the same options); stops the command with corpusFor's message on stderr and exit status 1 when
 * the folder holds another corpus.
 */
export async function benchCorpusOrExit(command: string, corpus: string, opts: CorpusOptions): Promise<void> {
  try {
    await corpusFor(corpus, opts);
  } catch (err) {
    console.error(`${command}: ${(err as Error).message}`);
    process.exit(1);
  }
}
