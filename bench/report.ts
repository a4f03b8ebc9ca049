import type { BenchResult } from './run-bench.ts';

// The benchmark's table, with the targets for 10,000 articles on a 2-core machine beside each figure.

const MB = 1_000_000;
const s = (x: number) => `${x.toFixed(1)} s`;

/** Rows of [what, figure, target or ""]. */
function rows(r: BenchResult): [string, string, string][] {
  const out: [string, string, string][] = [
    ['cold build, pages and search index', s(r.cold.seconds), '≤ 60 s at 10,000'],
    ['  of which the search index, built alongside in its own process', s(r.cold.indexSeconds), ''],
    ['  articles per second', r.cold.articlesPerSecond.toFixed(0), ''],
    ['  peak memory (process tree RSS)', `${(r.cold.peakMemoryBytes / 2 ** 20).toFixed(0)} MiB`, '≤ 2048 MiB'],
    ['rebuild after editing one article', s(r.rebuildAfterEdit.seconds), '≤ 15 s'],
    ['rebuild after adding one article', s(r.rebuildAfterAdd.seconds), ''],
    ['dist/ size', `${(r.size.distBytes / MB).toFixed(1)} MB`, ''],
    ['Pagefind index size', `${(r.size.pagefindBytes / MB).toFixed(1)} MB`, ''],
    ['article page, HTML + CSS gzipped (mean)', `${(r.size.articlePageGzipBytes / 1000).toFixed(1)} kB`, '≤ 15 kB'],
    ['scripts on article pages', String(r.size.articlePageScripts), '0'],
  ];
  if (r.search)
    out.push(
      ['search: bytes until first results', `${(r.search.firstResultsBytes / 1000).toFixed(0)} kB`, '≤ 150 kB'],
      ['search: bytes until its filter counts too', `${(r.search.untilCountedBytes / 1000).toFixed(0)} kB`, ''],
      [`search: typing to results, median (${r.search.queries} queries)`, `${r.search.medianMs.toFixed(0)} ms`, ''],
      ['search: typing to results, 95th percentile', `${r.search.p95Ms.toFixed(0)} ms`, '≤ 100 ms'],
    );
  return out;
}

/** The result as a Markdown table. */
export function formatBench(r: BenchResult): string {
  const lines = [
    `Benchmark: ${r.articles.toLocaleString('en')} articles`,
    '',
    '| measure | result | target |',
    '| --- | --- | --- |',
  ];
  for (const [what, value, target] of rows(r)) lines.push(`| ${what} | ${value} | ${target} |`);
  return lines.join('\n');
}
