// `npm run bench:extract [folder]`: scores body extraction (precision, recall, F1 over word
// 4-grams) and metadata (title, authors, date, source name) on the labelled pages in
// tests/fixtures/extraction, next to Mozilla Readability alone on the same pages.
import path from 'node:path';
import { mean, scoreLabelledSet } from '../src/import/labelled-set.ts';

/** Targets for the labelled set (see docs/extraction.md). */
const TARGET = { f1: 0.97, worseThanReadability: 0.02, title: 0.95, authors: 0.9, date: 0.95, source: 0.95 };

const rows = await scoreLabelledSet(path.resolve(process.argv[2] ?? 'tests/fixtures/extraction'), { compare: true });
const f = (x: number) => x.toFixed(3);
const mark = (ok: boolean | undefined) => (ok === undefined ? '–' : ok ? 'yes' : 'NO');
const share = (k: 'title' | 'authors' | 'date' | 'source') => {
  const labelled = rows.filter((r) => r[k] !== undefined);
  return { ok: labelled.filter((r) => r[k]).length, of: labelled.length };
};
console.log(
  '| page | precision | recall | F1 | Readability F1 | difference | title | authors | date | source |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
);
for (const r of rows)
  console.log(
    `| ${r.page} | ${f(r.precision)} | ${f(r.recall)} | ${f(r.f1)} | ${f(r.readabilityF1!)} | ${r.f1 - r.readabilityF1! >= 0 ? '+' : ''}${f(r.f1 - r.readabilityF1!)} | ${mark(r.title)} | ${mark(r.authors)} | ${mark(r.date)} | ${mark(r.source)} |`,
  );
const shares = { title: share('title'), authors: share('authors'), date: share('date'), source: share('source') };
const pct = (s: { ok: number; of: number }) => `${s.ok}/${s.of}`;
console.log(
  `| mean of ${rows.length} | ${f(mean(rows, 'precision'))} | ${f(mean(rows, 'recall'))} | ${f(mean(rows, 'f1'))} | ${f(mean(rows, 'readabilityF1'))} | ${f(mean(rows, 'f1') - mean(rows, 'readabilityF1'))} | ${pct(shares.title)} | ${pct(shares.authors)} | ${pct(shares.date)} | ${pct(shares.source)} |`,
);
for (const r of rows.filter((r) => !r.title || !r.authors || !r.date || r.source === false))
  console.log(`  ${r.page}: got ${JSON.stringify(r.got)}`);
const worst = rows.reduce((w, r) => Math.min(w, r.f1 - r.readabilityF1!), Infinity);
const checks: [string, boolean][] = [
  [`mean F1 ${f(mean(rows, 'f1'))} >= ${TARGET.f1}`, mean(rows, 'f1') >= TARGET.f1],
  [
    `no page worse than Readability alone by more than ${TARGET.worseThanReadability} (worst ${f(worst)})`,
    worst >= -TARGET.worseThanReadability,
  ],
  ...(['title', 'authors', 'date', 'source'] as const).map((k): [string, boolean] => [
    `${k} ${pct(shares[k])} >= ${TARGET[k] * 100} %`,
    shares[k].ok >= TARGET[k] * shares[k].of,
  ]),
];
for (const [what, ok] of checks) console.log(`${ok ? 'meets' : 'MISSES'}: ${what}`);
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
