// `npm run bench:warc -- [--articles 5000] [--twice 0.1] [--seed 1] [--keep]`: generates a
// gzipped WARC crawl of news pages (see bench/warc-crawl.ts), imports it into a scratch content
// folder with `npm run import`, and prints throughput and the import's peak memory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { numberOption, optionsOrExit, argsOrExit } from './options.ts';

const { values } = argsOrExit('npm run bench:warc', {
  options: {
    articles: { type: 'string', default: '5000' },
    twice: { type: 'string', default: '0.1' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});

const opts = optionsOrExit('npm run bench:warc', () => ({
  articles: numberOption('articles', values.articles, { integer: true, above: 0, example: '5000' }),
  twice: numberOption('twice', values.twice, { min: 0, max: 1, example: '0.1' }),
  seed: numberOption('seed', values.seed, { integer: true, min: 0, example: '1' }),
}));

const dir = await mkdtemp(path.join(tmpdir(), 'bench-warc-'));
try {
  const { runWarcBench } = await import('../bench/warc-crawl.ts');
  const r = await runWarcBench(dir, opts);
  const mb = (b: number) => (b / 1_000_000).toFixed(1);
  console.log(`| articles | WARC | records | captures | seconds | records/s | captures/s | MB/s | peak RSS |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
| ${opts.articles.toLocaleString('en')} | ${mb(r.crawl.bytes)} MB | ${r.crawl.records.toLocaleString('en')} | ${r.crawl.captures.toLocaleString('en')} | ${r.seconds.toFixed(1)} | ${(r.crawl.records / r.seconds).toFixed(0)} | ${(r.crawl.captures / r.seconds).toFixed(1)} | ${(r.crawl.bytes / 1_000_000 / r.seconds).toFixed(2)} | ${mb(r.peakBytes)} MB |`);
  const checks: [string, boolean][] = [
    [`every record read (${r.recordsRead} of ${r.crawl.records})`, r.recordsRead === r.crawl.records],
    [`every article imported (${r.imported} of ${opts.articles})`, r.imported === opts.articles],
    [
      `every second capture added as a version (${r.versions} of ${r.crawl.secondCaptures})`,
      r.versions === r.crawl.secondCaptures,
    ],
    [`no capture failed (${r.failed})`, r.failed === 0],
  ];
  console.log(
    `reading and decoding alone (no import): ${r.readSeconds.toFixed(2)} s, ${(r.crawl.records / r.readSeconds).toFixed(0)} records/s, ${(r.crawl.bytes / 1_000_000 / r.readSeconds).toFixed(1)} MB/s`,
  );
  for (const [what, ok] of checks) console.log(`${ok ? 'ok' : 'FAILED'}: ${what}`);
  if (values.keep) console.log(`kept ${dir}`);
  process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
} finally {
  if (!values.keep) await rm(dir, { recursive: true, force: true });
}
