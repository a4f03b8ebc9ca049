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

test('body F1 on the labelled set is at least 0.95, and every title, author list and date is right', async () => {
  const rows = await scoreLabelledSet(path.resolve('tests/fixtures/extraction'));
  expect(rows.length).toBeGreaterThanOrEqual(8);
  expect(mean(rows, 'f1')).toBeGreaterThanOrEqual(0.95);
  expect(rows.filter((r) => !r.title || !r.authors || !r.date).map((r) => ({ page: r.page, got: r.got }))).toEqual([]);
}, 60_000); // extracts every labelled page
