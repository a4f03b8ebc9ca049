// `npm run bench:extract`: scores body extraction and metadata on the labelled pages in
// tests/fixtures/extraction (each page.html with page.expected.json) and prints the table.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readCapture } from '../src/import/capture.ts';
import { convertCapture } from '../src/import/import-one.ts';
import { ngramScore } from '../src/import/score.ts';

const DIR = path.resolve(process.argv[2] ?? 'tests/fixtures/extraction');

/** One labelled page's expected facts. */
interface Expected {
  title: string;
  authors: string[];
  published: string;
  body: string;
}

/** Scores one page. */
async function scorePage(file: string) {
  const want = JSON.parse(await readFile(file.replace(/\.html(\.gz)?$/, '.expected.json'), 'utf8')) as Expected;
  const { meta, body } = convertCapture(await readCapture(file, 20_000_000));
  const s = ngramScore(body.text, want.body);
  const same = (a: string[] = [], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return {
    page: path.basename(file),
    ...s,
    title: meta.title?.value === want.title,
    authors: same(meta.authors?.value, want.authors),
    date: meta.published?.value === want.published,
    got: { title: meta.title?.value, authors: meta.authors?.value, published: meta.published?.value },
  };
}

const files = (await readdir(DIR)).filter((f) => /\.html(\.gz)?$/.test(f)).sort();
const rows = await Promise.all(files.map((f) => scorePage(path.join(DIR, f))));
const pct = (x: number) => x.toFixed(3);
const mark = (ok: boolean) => (ok ? 'yes' : 'NO');
console.log(`| page | precision | recall | F1 | title | authors | date |\n| --- | --- | --- | --- | --- | --- | --- |`);
for (const r of rows)
  console.log(
    `| ${r.page} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} | ${mark(r.title)} | ${mark(r.authors)} | ${mark(r.date)} |`,
  );
const mean = (k: 'precision' | 'recall' | 'f1') => rows.reduce((a, r) => a + r[k], 0) / rows.length;
const share = (k: 'title' | 'authors' | 'date') => `${rows.filter((r) => r[k]).length}/${rows.length}`;
console.log(
  `| **mean of ${rows.length}** | ${pct(mean('precision'))} | ${pct(mean('recall'))} | ${pct(mean('f1'))} | ${share('title')} | ${share('authors')} | ${share('date')} |`,
);
for (const r of rows.filter((r) => !r.title || !r.authors || !r.date))
  console.log(`  ${r.page}: got ${JSON.stringify(r.got)}`);
const target = 0.95;
console.log(
  mean('f1') >= target
    ? `F1 ${pct(mean('f1'))} meets the target of ${target}.`
    : `F1 ${pct(mean('f1'))} is below the target of ${target}.`,
);
