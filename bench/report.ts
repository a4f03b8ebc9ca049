import type { BenchResult } from './run-bench.ts';
import { LARGE_DIFF_BUDGET_SECONDS } from './version-pair.ts';

// The benchmark's table, with the targets for 10,000 articles on a 2-core machine beside each
// figure, and whether each was met (docs/performance.md gives the targets' reasons).

const MB = 1_000_000;
/** The archive size the targets are set for. */
const TARGET_ARTICLES = 10_000;
const s = (x: number) => `${x.toFixed(1)} s`;

/** A target: the figure must be at most `max` (in the figure's own unit); `text` as printed. */
interface Target {
  max: number;
  text: string;
}

/** One row: what, the figure as printed, the figure as a number, its target if any. */
type Row = [string, string, number, Target?];

/** Rows of the table. */
function rows(r: BenchResult): Row[] {
  const out: Row[] = [
    ['cold build, pages and search index', s(r.cold.seconds), r.cold.seconds, { max: 60, text: '≤ 60 s at 10,000' }],
    ['  of which the search index, built alongside in its own process', s(r.cold.indexSeconds), r.cold.indexSeconds],
    ['  articles per second', r.cold.articlesPerSecond.toFixed(0), r.cold.articlesPerSecond],
    [
      '  peak memory (process tree RSS)',
      `${(r.cold.peakMemoryBytes / 2 ** 20).toFixed(0)} MiB`,
      r.cold.peakMemoryBytes / 2 ** 20,
      { max: 2048, text: '≤ 2048 MiB' },
    ],
    [
      'rebuild after editing one article',
      s(r.rebuildAfterEdit.seconds),
      r.rebuildAfterEdit.seconds,
      { max: 15, text: '≤ 15 s' },
    ],
    ['rebuild after adding one article', s(r.rebuildAfterAdd.seconds), r.rebuildAfterAdd.seconds],
    ['dist/ size', `${(r.size.distBytes / MB).toFixed(1)} MB`, r.size.distBytes],
    ['Pagefind index size', `${(r.size.pagefindBytes / MB).toFixed(1)} MB`, r.size.pagefindBytes],
    [
      'article page, HTML + CSS gzipped (mean)',
      `${(r.size.articlePageGzipBytes / 1000).toFixed(1)} kB`,
      r.size.articlePageGzipBytes / 1000,
      { max: 15, text: '≤ 15 kB' },
    ],
    ['scripts on article pages', String(r.size.articlePageScripts), r.size.articlePageScripts, { max: 0, text: '0' }],
  ];
  if (r.search)
    out.push(
      [
        'search: bytes until first results',
        `${(r.search.firstResultsBytes / 1000).toFixed(0)} kB`,
        r.search.firstResultsBytes / 1000,
        { max: 150, text: '≤ 150 kB' },
      ],
      [
        'search: bytes until its filter counts too',
        `${(r.search.untilCountedBytes / 1000).toFixed(0)} kB`,
        r.search.untilCountedBytes,
      ],
      [
        `search: typing to results, median (${r.search.queries} queries)`,
        `${r.search.medianMs.toFixed(0)} ms`,
        r.search.medianMs,
      ],
      [
        'search: typing to results, 95th percentile',
        `${r.search.p95Ms.toFixed(0)} ms`,
        r.search.p95Ms,
        { max: 100, text: '≤ 100 ms' },
      ],
    );
  if (r.largeDiff)
    out.push(
      [
        'version diff of a 1 MB pair, slowest kind (compare page + Changes count)',
        s(r.largeDiff.slowestSeconds),
        r.largeDiff.slowestSeconds,
        { max: LARGE_DIFF_BUDGET_SECONDS, text: `≤ ${LARGE_DIFF_BUDGET_SECONDS} s` },
      ],
      ...r.largeDiff.figures.map((f): Row => [
        `  ${f.kind}: ${(f.workUnits / 1e6).toFixed(0)} M steps at most, ${f.capped} passages capped`,
        `${s(f.bodySeconds)} + ${s(f.countSeconds)}`,
        f.bodySeconds + f.countSeconds,
      ]),
    );
  return out;
}

/**
 * Whether a figure meets its target: "met" or "missed", and for a run smaller than the targets'
 * TARGET_ARTICLES, "met at 1,000 articles" (a figure that grows with the archive may still miss
 * at 10,000; a miss on a smaller archive is a miss). Empty for a row without a target.
 */
function verdict(value: number, target: Target | undefined, articles: number): string {
  if (!target) return '';
  const met = value <= target.max;
  if (!met) return 'missed';
  return articles >= TARGET_ARTICLES ? 'met' : `met at ${articles.toLocaleString('en')} articles`;
}

/** The result as a Markdown table, then one line counting the targets met and missed. */
export function formatBench(r: BenchResult): string {
  const lines = [
    `Benchmark: ${r.articles.toLocaleString('en')} articles`,
    '',
    '| measure | result | target | met? |',
    '| --- | --- | --- | --- |',
  ];
  const verdicts: string[] = [];
  for (const [what, value, number, target] of rows(r)) {
    const v = verdict(number, target, r.articles);
    if (v) verdicts.push(v);
    lines.push(`| ${what} | ${value} | ${target?.text ?? ''} | ${v} |`);
  }
  const missed = verdicts.filter((v) => v === 'missed').length;
  const scale =
    r.articles >= TARGET_ARTICLES
      ? ''
      : ` (targets are for ${TARGET_ARTICLES.toLocaleString('en')} articles: run with --articles ${TARGET_ARTICLES} to judge them)`;
  lines.push('', `Targets: ${verdicts.length - missed} of ${verdicts.length} met, ${missed} missed${scale}.`);
  return lines.join('\n');
}
