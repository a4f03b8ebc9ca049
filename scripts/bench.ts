// `npm run bench -- --articles N [--people P] [--seed S] [--no-search] [--dir .bench]`: builds a
// synthetic archive of N articles (see bench/) and prints build, size and search figures;
// writes the same figures as JSON (.bench/results-N.json) so runs can be compared.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { argsOrExit, optionsOrExit } from './options.ts';
import { BENCH_ARCHIVE_OPTIONS, benchArchiveOptions, benchCorpusOrExit } from './bench-options.ts';

const { values } = argsOrExit('npm run bench', {
  options: { ...BENCH_ARCHIVE_OPTIONS, 'no-search': { type: 'boolean', default: false } },
});
const { articles, people, seed, dir } = optionsOrExit('npm run bench', () => benchArchiveOptions(values));
await mkdir(dir, { recursive: true });
const corpus = path.join(dir, `corpus-${articles}`);
await benchCorpusOrExit('npm run bench', corpus, { articles, people, seed });
// The benchmark's modules (Chromium's driver among them) are loaded once the options are good.
const { runBench } = await import('../bench/run-bench.ts');
const { formatBench } = await import('../bench/report.ts');
const result = await runBench(
  { articles, people, seed, search: !values['no-search'] },
  {
    corpus,
    cache: path.join(dir, `cache-${articles}`),
    dist: path.join(dir, `dist-${articles}`),
  },
);
console.log(formatBench(result));
const json = path.join(dir, `results-${articles}.json`);
await writeFile(json, `${JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2)}\n`);
console.log(`\nFigures written to ${path.relative(process.cwd(), json)}`);
