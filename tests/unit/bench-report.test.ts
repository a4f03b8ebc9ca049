import { describe, expect, test } from 'vitest';
import { formatBench } from '../../bench/report.ts';
import type { BenchResult } from '../../bench/run-bench.ts';

// The benchmark's table says of each target whether the figure met it.

/** A result at `articles` with every figure inside its target, then `changes` applied. */
function result(articles: number, changes: (r: BenchResult) => void = () => {}): BenchResult {
  const r: BenchResult = {
    articles,
    cold: { seconds: 50, indexSeconds: 20, articlesPerSecond: articles / 50, peakMemoryBytes: 1500 * 2 ** 20 },
    rebuildAfterEdit: { seconds: 10, peakMemoryBytes: 1 },
    rebuildAfterAdd: { seconds: 11, peakMemoryBytes: 1 },
    size: { distBytes: 1e8, pagefindBytes: 1e7, articlePageGzipBytes: 12_000, articlePageScripts: 0, articlePages: 10 },
    search: { firstResultsBytes: 120_000, untilCountedBytes: 200_000, queries: 50, medianMs: 40, p95Ms: 90 },
  };
  changes(r);
  return r;
}

/** The "met?" cell of the row whose measure starts with `measure`. */
function verdictOf(table: string, measure: string): string {
  const row = table.split('\n').find((l) => l.startsWith(`| ${measure}`));
  if (!row) throw new Error(`no row ${measure} in\n${table}`);
  return row.split('|').at(-2)!.trim();
}

const TARGETS = [
  'cold build, pages and search index',
  '  peak memory (process tree RSS)',
  'rebuild after editing one article',
  'article page, HTML + CSS gzipped (mean)',
  'scripts on article pages',
  'search: bytes until first results',
  'search: typing to results, 95th percentile',
];

describe('npm run bench', () => {
  test('a run at 10,000 articles inside every target: each target met, and the count says so', () => {
    const table = formatBench(result(10_000));
    for (const t of TARGETS) expect(verdictOf(table, t), t).toBe('met');
    expect(table).toMatch(/Targets: 7 of 7 met, 0 missed\.$/);
  });

  test.each([
    ['cold build, pages and search index', (r: BenchResult) => void (r.cold.seconds = 61)],
    ['  peak memory (process tree RSS)', (r: BenchResult) => void (r.cold.peakMemoryBytes = 2049 * 2 ** 20)],
    ['rebuild after editing one article', (r: BenchResult) => void (r.rebuildAfterEdit.seconds = 15.2)],
    ['article page, HTML + CSS gzipped (mean)', (r: BenchResult) => void (r.size.articlePageGzipBytes = 15_100)],
    ['scripts on article pages', (r: BenchResult) => void (r.size.articlePageScripts = 1)],
    ['search: bytes until first results', (r: BenchResult) => void (r.search!.firstResultsBytes = 151_000)],
    ['search: typing to results, 95th percentile', (r: BenchResult) => void (r.search!.p95Ms = 130)],
  ])('%s over its target: missed, and only that one', (measure, change) => {
    const table = formatBench(result(10_000, change));
    for (const t of TARGETS) expect(verdictOf(table, t), t).toBe(t === measure ? 'missed' : 'met');
    expect(table).toMatch(/Targets: 6 of 7 met, 1 missed\.$/);
  });

  test('a smaller run says at what size a target was met, and that the targets are for 10,000', () => {
    const table = formatBench(result(1000, (r) => void (r.search!.p95Ms = 101)));
    expect(verdictOf(table, 'rebuild after editing one article')).toBe('met at 1,000 articles');
    expect(verdictOf(table, 'search: typing to results, 95th percentile')).toBe('missed');
    expect(table).toContain('targets are for 10,000 articles');
  });

  test('rows without a target say nothing in the met column, and a run without search has no search targets', () => {
    const table = formatBench(result(10_000, (r) => void (r.search = undefined)));
    expect(verdictOf(table, 'dist/ size')).toBe('');
    expect(table).not.toContain('search:');
    expect(table).toMatch(/Targets: 5 of 5 met, 0 missed\.$/);
  });
});
