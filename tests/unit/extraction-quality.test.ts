import path from 'node:path';
import { expect, test } from 'vitest';
import { mean, scoreLabelledSet } from '../../src/import/labelled-set.ts';
import { ngramScore } from '../../src/import/score.ts';

// The labelled news pages in tests/fixtures/extraction: extraction stays at the target, and
// the score itself measures what it should.

test('4-gram scoring: identical text scores 1, missing text lowers recall, extra text lowers precision', () => {
  const want = 'one two three four five six seven eight';
  expect(ngramScore(want, want)).toEqual({ precision: 1, recall: 1, f1: 1 });
  expect(ngramScore('one two three four five', want).recall).toBeCloseTo(2 / 5);
  expect(ngramScore(`${want} nine ten eleven twelve`, want).precision).toBeCloseTo(5 / 9);
});

test('the labelled set meets its targets, and no page is worse than Readability alone', async () => {
  const rows = await scoreLabelledSet(path.resolve('tests/fixtures/extraction'), { compare: true });
  expect(rows.length).toBeGreaterThanOrEqual(70);
  expect(mean(rows, 'f1')).toBeGreaterThanOrEqual(0.97);
  expect(rows.filter((r) => r.f1 < r.readabilityF1! - 0.02).map((r) => r.page)).toEqual([]);
  const share = (k: 'title' | 'authors' | 'date' | 'source') => {
    const labelled = rows.filter((r) => r[k] !== undefined);
    return labelled.filter((r) => r[k]).length / labelled.length;
  };
  expect(share('title')).toBeGreaterThanOrEqual(0.95);
  expect(share('authors')).toBeGreaterThanOrEqual(0.9);
  expect(share('date')).toBeGreaterThanOrEqual(0.95);
  expect(share('source')).toBeGreaterThanOrEqual(0.95);
}, 60_000); // extracts every labelled page, with the importer and with Readability alone

test('the labelled pages are in at least five languages', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const dir = path.resolve('tests/fixtures/extraction');
  const langs = new Set<string>();
  for (const f of (await readdir(dir)).filter((f) => f.endsWith('.html')))
    langs.add(/<html[^>]*\slang="([a-z]{2})/.exec(await readFile(path.join(dir, f), 'utf8'))?.[1] ?? '?');
  expect([...langs].filter((l) => l !== '?').length).toBeGreaterThanOrEqual(5);
});
