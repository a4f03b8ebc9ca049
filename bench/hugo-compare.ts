import { spawnSync } from 'node:child_process';
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import path from 'node:path';
import { listFiles } from '../src/content/files.ts';
import { writeHugoSite } from './hugo-site.ts';
import { measureCpu } from './process-tree.ts';
import { buildArchive, EDIT, firstArticle, type BenchPaths } from './run-bench.ts';
import { folderBytes } from './site-size.ts';

// The archive's build cost beside the field's usual static stack, Hugo and the Pagefind CLI, over
// the same articles (bench/hugo-site.ts). Rounds are interleaved, so a change in the machine's
// load falls on both sides: each round builds both cold (the archive with an empty cache and
// output folder, as `npm run bench` does; Hugo with empty output and cache folders, then Pagefind
// over its output), then rebuilds both after the same one-article edit. The side that goes first
// alternates from round to round.

/** Where a comparison keeps the archive's corpus, cache and output, and the Hugo project. */
interface ComparePaths extends BenchPaths {
  /** The Hugo project folder (hugo.yaml, layouts/, content/; Hugo writes public/ and resources/ there). */
  site: string;
}

/** One measured build: wall time (s), CPU time of its process tree (s), peak tree memory (bytes). */
interface Cost {
  seconds: number;
  cpuSeconds: number;
  peakBytes: number;
}

/** Hugo then Pagefind: both together, and each one's wall time. */
interface HugoCost extends Cost {
  hugoSeconds: number;
  pagefindSeconds: number;
}

/** One round: both sides cold and after one edit, with the load averages at its start and end. */
interface Round {
  first: 'archive' | 'hugo';
  loadStart: number[];
  loadEnd: number[];
  archive: { cold: Cost & { indexSeconds: number }; edit: Cost };
  hugo: { cold: HugoCost; edit: HugoCost };
}

/** The tools' versions, as they report them. */
interface Versions {
  hugo: string;
  pagefind: string;
}

/** What a whole comparison gives. */
export interface Comparison {
  articles: number;
  versions: Versions;
  rounds: Round[];
  /** Each measure's min / median / max on both sides and the ratio of the medians (summarize). */
  summary: ReturnType<typeof summarize>;
  output: {
    archive: { htmlPages: number; bytes: number };
    hugo: { htmlPages: number; bytes: number };
  };
}

/** What to do when no `hugo` is on PATH. */
export const HUGO_MISSING =
  "hugo is not installed: install Debian's package (apt-get install hugo; 0.111.3 was measured)";

/** Hugo's version line (`hugo v0.111.3+extended ...`), or null when no `hugo` is on PATH. */
export function hugoVersion(): string | null {
  const run = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : null;
}

/**
 * The Pagefind CLI binary of the project's own `pagefind` dependency (its platform package,
 * `@pagefind/<platform>-<cpu>`, extended build first, as the package's own `npx pagefind` does).
 * @throws Error naming the packages looked for when none is installed.
 */
function pagefindBinary(): string {
  // Resolved from the pagefind package, whose optional dependency the platform package is.
  const fromPagefind = createRequire(import.meta.resolve('pagefind'));
  const platform = `@pagefind/${process.platform}-${process.arch}`;
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return fromPagefind.resolve(`${platform}/bin/${name}`);
    } catch {
      // the next name
    }
  }
  throw new Error(`no Pagefind binary in ${platform} (a dependency of the pagefind package): run npm install`);
}

/** The Pagefind CLI's version line. */
function pagefindVersion(): string {
  return spawnSync(pagefindBinary(), ['--version'], { encoding: 'utf8' }).stdout.trim();
}

/** The archive's build measured with its CPU time, failing loudly as the benchmark does. */
async function archiveBuild(paths: BenchPaths): Promise<Cost & { indexSeconds: number }> {
  const run = await buildArchive(paths, measureCpu);
  return { seconds: run.seconds, cpuSeconds: run.cpuSeconds, peakBytes: run.peakBytes, indexSeconds: run.indexSeconds };
}

/**
 * `hugo` over the site, then `pagefind --site public` over its output, one after the other.
 * @throws Error with the end of the failing command's output.
 */
async function hugoBuild(site: string): Promise<HugoCost> {
  const hugo = await measureCpu('hugo', ['--source', site, '--cacheDir', path.join(site, 'cache')], {});
  if (hugo.code !== 0) throw new Error(`hugo failed:\n${hugo.output.slice(-3000)}`);
  const pagefind = await measureCpu(pagefindBinary(), ['--site', path.join(site, 'public')], {});
  if (pagefind.code !== 0) throw new Error(`pagefind failed:\n${pagefind.output.slice(-3000)}`);
  return {
    seconds: hugo.seconds + pagefind.seconds,
    cpuSeconds: hugo.cpuSeconds + pagefind.cpuSeconds,
    // One runs after the other, so the peak is the larger of the two.
    peakBytes: Math.max(hugo.peakBytes, pagefind.peakBytes),
    hugoSeconds: hugo.seconds,
    pagefindSeconds: pagefind.seconds,
  };
}

/** Runs `build` after appending the edit to `file`, then puts the file back as it was. */
async function afterEdit<T>(file: string, build: () => Promise<T>): Promise<T> {
  const original = await readFile(file, 'utf8');
  await appendFile(file, EDIT);
  try {
    return await build();
  } finally {
    await writeFile(file, original);
  }
}

/** Both the archive's cold build and its rebuild after one edit. */
async function archiveRound(paths: ComparePaths, edited: string): Promise<Round['archive']> {
  await rm(paths.cache, { recursive: true, force: true });
  await rm(paths.dist, { recursive: true, force: true });
  const cold = await archiveBuild(paths);
  const edit = await afterEdit(path.join(paths.corpus, 'articles', edited), () => archiveBuild(paths));
  return { cold, edit };
}

/** Hugo and Pagefind cold (no output, resources or cache folder) and again after the same edit. */
async function hugoRound(site: string, edited: string): Promise<Round['hugo']> {
  for (const folder of ['public', 'resources', 'cache'])
    await rm(path.join(site, folder), { recursive: true, force: true });
  const cold = await hugoBuild(site);
  const edit = await afterEdit(path.join(site, 'content', 'articles', edited), () => hugoBuild(site));
  return { cold, edit };
}

/** HTML pages and bytes of a built site. */
async function output(dir: string): Promise<{ htmlPages: number; bytes: number }> {
  const pages = (await listFiles(dir)).filter((f) => f.endsWith('.html')).length;
  return { htmlPages: pages, bytes: await folderBytes(dir) };
}

/**
 * Runs `rounds` interleaved rounds over a corpus that already exists at `paths.corpus`: writes the
 * Hugo site (into `paths.site`, emptied first), then in each round builds both sides cold and
 * after one edit (the corpus's first article; put back after each rebuild).
 * @param report called after each round, for progress.
 * @throws Error when Hugo is not installed, or a build fails (with the end of its output).
 */
export async function compareWithHugo(
  paths: ComparePaths,
  rounds: number,
  report: (round: Round, n: number) => void,
): Promise<Comparison> {
  const hugo = hugoVersion();
  if (!hugo) throw new Error(HUGO_MISSING);
  await rm(paths.site, { recursive: true, force: true });
  const articles = await writeHugoSite(paths.corpus, paths.site);
  const edited = path.relative(path.join(paths.corpus, 'articles'), await firstArticle(paths.corpus));
  const done: Round[] = [];
  for (let n = 1; n <= rounds; n++) {
    const loadStart = loadavg();
    const first = n % 2 === 1 ? 'archive' : 'hugo';
    const archiveSide = () => archiveRound(paths, edited);
    const hugoSide = () => hugoRound(paths.site, edited);
    let archive: Round['archive'];
    let hugoCosts: Round['hugo'];
    if (first === 'archive') {
      archive = await archiveSide();
      hugoCosts = await hugoSide();
    } else {
      hugoCosts = await hugoSide();
      archive = await archiveSide();
    }
    const round: Round = { first, loadStart, loadEnd: loadavg(), archive, hugo: hugoCosts };
    done.push(round);
    report(round, n);
  }
  return {
    articles,
    versions: { hugo, pagefind: pagefindVersion() },
    rounds: done,
    summary: summarize(done),
    output: { archive: await output(paths.dist), hugo: await output(path.join(paths.site, 'public')) },
  };
}

/** The smallest, middle and largest of some figures (the middle of an even count: the mean of the two). */
function spread(values: number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)! };
}

/** A measure of the table: its name, which build and figure of each side, its unit and target ratio. */
interface Measure {
  name: string;
  build: 'cold' | 'edit';
  figure: (c: Cost) => number;
  unit: 's' | 'MiB';
  /** The requirement's ratio (archive / Hugo + Pagefind) to stay at or under; none for a figure without one. */
  target?: number;
}

const wall = (c: Cost) => c.seconds;
const cpu = (c: Cost) => c.cpuSeconds;
const memory = (c: Cost) => c.peakBytes / 2 ** 20;

// The targets: docs/performance.md, "Beside Hugo and Pagefind". Memory and rebuild: no worse than
// the ratios first measured (0.64 and 0.40); CPU at most 1.2 times theirs, wall time at most equal.
const MEASURES: Measure[] = [
  { name: 'cold build, wall', build: 'cold', figure: wall, unit: 's', target: 1 },
  { name: 'cold build, CPU (user+sys)', build: 'cold', figure: cpu, unit: 's', target: 1.2 },
  { name: 'cold build, peak memory', build: 'cold', figure: memory, unit: 'MiB', target: 0.64 },
  { name: 'rebuild after one edit, wall', build: 'edit', figure: wall, unit: 's', target: 0.4 },
  { name: 'rebuild after one edit, CPU', build: 'edit', figure: cpu, unit: 's' },
];

/** Each measure's spread on both sides and the ratio of their medians, with its per-round range. */
function summarize(rounds: Round[]) {
  return MEASURES.map((m) => {
    const ofArchive = (r: Round) => m.figure(r.archive[m.build]);
    const ofHugo = (r: Round) => m.figure(r.hugo[m.build]);
    const archive = spread(rounds.map(ofArchive));
    const hugo = spread(rounds.map(ofHugo));
    const ratio = archive.median / hugo.median;
    return {
      name: m.name,
      unit: m.unit,
      archive,
      hugo,
      ratio,
      perRound: spread(rounds.map((r) => ofArchive(r) / ofHugo(r))),
      target: m.target,
      met: m.target === undefined ? undefined : ratio <= m.target,
    };
  });
}

/** A spread as `min / median / max unit`. */
function shown(s: { min: number; median: number; max: number }, unit: string): string {
  const f = (x: number) => (unit === 's' ? x.toFixed(1) : x.toFixed(0));
  return `${f(s.min)} / ${f(s.median)} / ${f(s.max)} ${unit}`;
}

/** One round as a line of progress: both sides' cold and edit figures and the load. */
export function formatRound(r: Round, n: number): string {
  const side = (c: Cost) =>
    `${c.seconds.toFixed(1)} s wall, ${c.cpuSeconds.toFixed(1)} s CPU, ${(c.peakBytes / 2 ** 20).toFixed(0)} MiB`;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  return [
    `round ${n} (${r.first} first; load ${load(r.loadStart)} at start, ${load(r.loadEnd)} at end)`,
    `  archive cold: ${side(r.archive.cold)}; after one edit: ${side(r.archive.edit)}`,
    `  Hugo + Pagefind cold: ${side(r.hugo.cold)} (hugo ${r.hugo.cold.hugoSeconds.toFixed(1)} s, pagefind ${r.hugo.cold.pagefindSeconds.toFixed(1)} s); after one edit: ${side(r.hugo.edit)}`,
  ].join('\n');
}

/** The comparison as a Markdown table: min / median / max per side, the ratio of medians and its target. */
export function formatComparison(c: Comparison): string {
  const lines = [
    `${c.articles} articles, ${c.rounds.length} ${c.rounds.length === 1 ? 'round' : 'rounds'}; ${c.versions.hugo}; ${c.versions.pagefind}`,
    '',
    '| measure | archive (min / median / max) | Hugo + Pagefind (min / median / max) | ratio of medians (per round) | target |',
    '| --- | --- | --- | --- | --- |',
    ...c.summary.map(
      (m) =>
        `| ${m.name} | ${shown(m.archive, m.unit)} | ${shown(m.hugo, m.unit)} | ${m.ratio.toFixed(2)} (${m.perRound.min.toFixed(2)} to ${m.perRound.max.toFixed(2)}) | ${m.target === undefined ? '' : `≤ ${m.target.toFixed(2)}: ${m.met ? 'met' : 'missed'}`} |`,
    ),
    '',
    `Output: archive ${c.output.archive.htmlPages} HTML pages, ${(c.output.archive.bytes / 1e6).toFixed(1)} MB; Hugo ${c.output.hugo.htmlPages} HTML pages, ${(c.output.hugo.bytes / 1e6).toFixed(1)} MB (Pagefind index included on both sides).`,
  ];
  return lines.join('\n');
}
