// `npm run bench -- --articles N [--people P] [--seed S] [--no-search] [--dir bench]`: builds a
// synthetic archive of N articles (see src/bench/) and prints build, size and search figures;
// writes the same figures as JSON (bench/results-N.json) so runs can be compared.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatBench } from '../src/bench/report.ts';
import { runBench } from '../src/bench/run-bench.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    people: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'no-search': { type: 'boolean', default: false },
    dir: { type: 'string', default: 'bench' },
  },
});
const articles = Number(values.articles);
const people = Number(values.people ?? Math.max(20, Math.round(articles / 5)));
const dir = path.resolve(values.dir);
await mkdir(dir, { recursive: true });
const result = await runBench(
  { articles, people, seed: Number(values.seed), search: !values['no-search'] },
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
