// `npm run bench:hugo -- --articles N [--people P] [--seed S] [--rounds R] [--dir .bench]`: the
// archive's cold build and its rebuild after one edit, measured beside Hugo and the Pagefind CLI
// over the same synthetic articles (bench/hugo-compare.ts), in interleaved rounds; prints each
// round, then min / median / max per measure and the ratios, and writes them as JSON
// (.bench/hugo-compare-N.json). Needs Debian's `hugo` (apt-get install hugo).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compareWithHugo, formatComparison, formatRound, HUGO_MISSING, hugoVersion } from '../bench/hugo-compare.ts';
import { BENCH_ARCHIVE_OPTIONS, benchArchiveOptions, benchCorpusOrExit } from './bench-options.ts';
import { argsOrExit, numberOption, optionsOrExit } from './options.ts';

const COMMAND = 'npm run bench:hugo';
const { values } = argsOrExit(COMMAND, {
  options: { ...BENCH_ARCHIVE_OPTIONS, rounds: { type: 'string', default: '3' } },
});
const { articles, people, seed, dir, rounds } = optionsOrExit(COMMAND, () => ({
  ...benchArchiveOptions(values),
  rounds: numberOption('rounds', values.rounds, { integer: true, min: 1, unit: 'rounds', example: '3' }),
}));
// Before a corpus is written: the comparison cannot run without Hugo.
if (!hugoVersion()) {
  console.error(`${COMMAND}: ${HUGO_MISSING}, then run this again.`);
  process.exit(1);
}
await mkdir(dir, { recursive: true });
// The same corpus, cache and output folders as npm run bench, so a corpus made by either is reused.
const corpus = path.join(dir, `corpus-${articles}`);
await benchCorpusOrExit(COMMAND, corpus, { articles, people, seed });
// A build that fails (Hugo's, Pagefind's or the archive's) stops the command with its message, not a stack trace.
const result = await compareWithHugo(
  {
    corpus,
    cache: path.join(dir, `cache-${articles}`),
    dist: path.join(dir, `dist-${articles}`),
    site: path.join(dir, `hugo-${articles}`),
  },
  rounds,
  (round, n) => console.log(formatRound(round, n)),
).catch((err: unknown) => {
  console.error(`${COMMAND}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
console.log(`\n${formatComparison(result)}`);
const json = path.join(dir, `hugo-compare-${articles}.json`);
await writeFile(json, `${JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2)}\n`);
console.log(`\nFigures written to ${path.relative(process.cwd(), json)}`);
