// `npm run bench:extract [folder]`: scores body extraction (precision, recall, F1 over word
// 4-grams) and metadata (title, authors, date) on the labelled pages in tests/fixtures/extraction.
import path from 'node:path';
import { mean, scoreLabelledSet } from '../src/import/labelled-set.ts';

const TARGET = 0.95;
const rows = await scoreLabelledSet(path.resolve(process.argv[2] ?? 'tests/fixtures/extraction'));
const f = (x: number) => x.toFixed(3);
const mark = (ok: boolean) => (ok ? 'yes' : 'NO');
const share = (k: 'title' | 'authors' | 'date') => `${rows.filter((r) => r[k]).length}/${rows.length}`;
console.log('| page | precision | recall | F1 | title | authors | date |\n| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows)
  console.log(
    `| ${r.page} | ${f(r.precision)} | ${f(r.recall)} | ${f(r.f1)} | ${mark(r.title)} | ${mark(r.authors)} | ${mark(r.date)} |`,
  );
console.log(
  `| mean of ${rows.length} | ${f(mean(rows, 'precision'))} | ${f(mean(rows, 'recall'))} | ${f(mean(rows, 'f1'))} | ${share('title')} | ${share('authors')} | ${share('date')} |`,
);
for (const r of rows.filter((r) => !r.title || !r.authors || !r.date))
  console.log(`  ${r.page}: got ${JSON.stringify(r.got)}`);
console.log(`F1 ${f(mean(rows, 'f1'))} ${mean(rows, 'f1') >= TARGET ? 'meets' : 'is below'} the target of ${TARGET}.`);
