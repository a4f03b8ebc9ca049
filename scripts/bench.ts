// `npm run bench -- --articles N [--people P] [--seed S] [--no-search] [--dir .bench]`: builds a
// synthetic archive of N articles (see bench/) and prints build, size and search figures;
// writes the same figures as JSON (.bench/results-N.json) so runs can be compared.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_SEED } from '../bench/corpus.ts';
import { numberOption, optionsOrExit, argsOrExit, OptionError } from './options.ts';
import { outDirProblem } from '../src/build/out-dir.ts';

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

const { values } = argsOrExit('npm run bench', {
  options: {
    articles: { type: 'string', default: '1000' },
    people: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'no-search': { type: 'boolean', default: false },
    dir: { type: 'string', default: '.bench' },
  },
});
const { articles, people, seed, dir } = optionsOrExit('npm run bench', () => {
  const articles = numberOption('articles', values.articles, {
    integer: true,
    min: 1,
    unit: 'articles',
    example: '10000',
  });
  return {
    articles,
    // The corpus needs two people at least: a story names its first and second person.
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
});
await mkdir(dir, { recursive: true });
// The benchmark's modules (Chromium's driver among them) are loaded once the options are good.
const { runBench } = await import('../bench/run-bench.ts');
const { formatBench } = await import('../bench/report.ts');
const result = await runBench(
  { articles, people, seed, search: !values['no-search'] },
  {
    corpus: path.join(dir, `corpus-${articles}`),
    cache: path.join(dir, `cache-${articles}`),
    dist: path.join(dir, `dist-${articles}`),
  },
);
console.log(formatBench(result));
const json = path.join(dir, `results-${articles}.json`);
await writeFile(json, `${JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2)}\n`);
console.log(`\nFigures written to ${path.relative(process.cwd(), json)}`);
