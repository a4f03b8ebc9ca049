// `node scripts/bench-corpus.ts --articles N --people P [--seed S] [--out DIR] [--force]`: writes a
// synthetic content folder for benchmarks (see bench/corpus.ts); point ARCHIVE_CONTENT_DIR at it.
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { MAX_SEED, writeCorpus } from '../bench/corpus.ts';
import { numberOption, optionsOrExit, argsOrExit } from './options.ts';

const { values } = argsOrExit('npm run bench:corpus', {
  options: {
    articles: { type: 'string', default: '1000' },
    people: { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});

/** Stops with a message on stderr. */
function fail(message: string): never {
  console.error(`bench-corpus: ${message}`);
  process.exit(1);
}

/** The path with symbolic links resolved as far as it exists, so a link cannot hide the content folder. */
function realPath(p: string): string {
  return existsSync(p) ? realpathSync(p) : path.join(realPath(path.dirname(p)), path.basename(p));
}

/** True when one path is the other or lies inside it. */
function overlaps(a: string, b: string): boolean {
  const inside = (outer: string, inner: string) => {
    const rel = path.relative(outer, inner);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  return inside(a, b) || inside(b, a);
}

const { articles, people, seed } = optionsOrExit('npm run bench:corpus', () => ({
  articles: numberOption('articles', values.articles, { integer: true, min: 0, unit: 'articles', example: '10000' }),
  // A story names its first and second person, so the corpus needs two at least.
  people: numberOption('people', values.people, { integer: true, min: 2, unit: 'people', example: '2000' }),
  seed: numberOption('seed', values.seed, { integer: true, min: 0, max: MAX_SEED, example: '1' }),
}));
const out = path.resolve(values.out ?? `bench/corpus-${articles}`);
const projectContent = path.resolve(import.meta.dirname, '..', 'content');

// Emptying a folder that holds the real archive (or lies inside it) would destroy it.
if (overlaps(realPath(out), realPath(projectContent)))
  fail(`refusing to write to ${out}: it overlaps the project's content folder ${projectContent}`);
const existing = existsSync(out) ? await readdir(out) : [];
if (existing.length > 0 && !values.force)
  fail(`${out} is not empty; pass --force to empty it first, or choose another --out`);
for (const name of existing) await rm(path.join(out, name), { recursive: true, force: true });
await mkdir(out, { recursive: true });

const started = performance.now();
const summary = await writeCorpus(out, { articles, people, seed });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const megabytes = (summary.bytes / 1_000_000).toFixed(1);
const shown = path.relative(process.cwd(), out).startsWith('..') ? out : path.relative(process.cwd(), out) || '.';
console.log(
  `wrote ${summary.articles} articles, ${summary.people} people, ${summary.sources} sources, ${summary.topics} topics (${megabytes} MB) to ${shown} in ${seconds} s`,
);
