import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';
import { WARCRecord, type WARCRecordOpts } from 'warcio';
import { WARCSerializer } from 'warcio/node';
import { readWebArchive } from '../src/import/web-archive.ts';
import { measure } from './process-tree.ts';
import { mulberry32 } from './corpus.ts';

// The web-archive import benchmark: a generated crawl (a gzipped WARC of news pages as a crawler
// writes it: a request and a response per page, some redirects and images, and a share of the
// pages captured again later with an edited paragraph), imported by `npm run import` in a process
// of its own, whose wall time and peak memory (RSS of its process tree) are measured.

/** What to generate. */
export interface CrawlOptions {
  articles: number;
  /** Share of the articles captured a second time, later, with an edited paragraph (0.1 = 10 %). */
  twice: number;
  seed: number;
}

/** What the generated WARC holds. */
interface CrawlSummary {
  file: string;
  bytes: number;
  records: number;
  /** HTML captures: the articles once, plus the second captures. */
  captures: number;
  secondCaptures: number;
}

const PLACES = ['Harbourside', 'Millbrook', 'East Vale', 'Northgate', 'Riverton', 'Kingsford', 'Ashdown', 'Fairhaven'];
const BODIES = [
  'county council',
  'planning board',
  'school district',
  'transit authority',
  'water utility',
  'port commission',
];
const THINGS = [
  'budget',
  'bridge repairs',
  'bus routes',
  'housing plan',
  'flood defences',
  'library hours',
  'ferry contract',
];
const NAMES = [
  'Ana Ruiz',
  'Omar Haddad',
  'Priya Nair',
  'Lars Berg',
  'Chidi Okafor',
  'Mei Chen',
  'Sarah Cole',
  'Tomasz Nowak',
];
const VERBS = ['approved', 'delayed', 'rejected', 'revised', 'postponed', 'debated', 'endorsed'];

/** Picks one of a list. */
const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

/** A sentence of plausible local-news prose. */
function sentence(rng: () => number): string {
  const n = Math.floor(rng() * 90) + 5;
  switch (Math.floor(rng() * 5)) {
    case 0:
      return `The ${pick(rng, BODIES)} in ${pick(rng, PLACES)} ${pick(rng, VERBS)} the ${pick(rng, THINGS)} on Tuesday by ${n % 9} votes to ${(n % 5) + 1}, after a hearing that lasted most of the afternoon.`;
    case 1:
      return `“We have waited long enough for the ${pick(rng, THINGS)},” said ${pick(rng, NAMES)}, who spoke at the meeting for ${n} minutes.`;
    case 2:
      return `Officials said the cost had risen by ${n} percent since the plan was first put forward, mostly because of higher prices for steel and labour.`;
    case 3:
      return `Residents of ${pick(rng, PLACES)} who attended the session said they were worried about traffic, noise and the ${pick(rng, THINGS)}.`;
    default:
      return `A final decision on the ${pick(rng, THINGS)} is expected at the next meeting of the ${pick(rng, BODIES)}, in ${(n % 4) + 2} weeks.`;
  }
}

/** A paragraph of three to five sentences. */
function paragraph(rng: () => number): string {
  return Array.from({ length: 3 + Math.floor(rng() * 3) }, () => sentence(rng)).join(' ');
}

/** Escapes text for HTML. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** A saved news page as a crawler receives it: head metadata, navigation, article, related links, footer. */
function newsHtml(a: { title: string; url: string; published: string; author: string; paragraphs: string[] }): string {
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    datePublished: a.published,
    author: { '@type': 'Person', name: a.author },
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(a.title)} | The Valley Courier</title>
<meta property="og:title" content="${esc(a.title)}"><meta property="og:site_name" content="The Valley Courier">
<link rel="canonical" href="${a.url}"><meta property="article:published_time" content="${a.published}">
<meta name="author" content="${esc(a.author)}"><script type="application/ld+json">${ld}</script></head>
<body><div class="cookie-banner">We use cookies. <button>OK</button></div>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>
<article><h1>${esc(a.title)}</h1><p class="byline">By ${esc(a.author)}</p><div class="share-bar">Share Tweet Email</div>
${a.paragraphs.map((p, i) => `<p>${esc(p)}</p>${i === 2 ? '<p>ADVERTISEMENT</p>' : ''}`).join('\n')}
</article>
<aside class="related"><h3>Related</h3><ul>${[1, 2, 3].map((i) => `<li><a href="/story/${i}">More local news ${i}</a></li>`).join('')}</ul></aside>
<footer>© The Valley Courier. All rights reserved.</footer></body></html>`;
}

/** Writes a chunk, waiting when the stream asks to. */
async function put(out: WriteStream, chunk: Uint8Array): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

/** A WARC date n seconds after the crawl started. */
const at = (start: number, seconds: number) => `${new Date(start + seconds * 1000).toISOString().slice(0, 19)}Z`;

/**
 * Writes a gzipped WARC (record by record, so memory stays flat) of `articles` news pages, each
 * as a request and a 200 response, with a redirect every 10th page and an image every 20th; then
 * the share `twice` of the pages captured again a week later, each with one paragraph rewritten
 * and every other one with a new headline. Returns what it holds.
 */
async function writeCrawl(file: string, opts: CrawlOptions): Promise<CrawlSummary> {
  await mkdir(path.dirname(file), { recursive: true });
  const rng = mulberry32(opts.seed);
  const out = createWriteStream(file);
  const start = Date.UTC(2026, 10, 20, 6, 0, 0);
  let records = 0;
  const write = async (opts: WARCRecordOpts, body?: Uint8Array) => {
    const record = WARCRecord.create({ warcVersion: 'WARC/1.1', ...opts }, body ? [body] : undefined);
    await put(out, await WARCSerializer.serialize(record, { gzip: true }));
    records++;
  };
  const encoder = new TextEncoder();
  await put(
    out,
    await WARCSerializer.serialize(
      WARCRecord.createWARCInfo(
        { filename: path.basename(file), warcVersion: 'WARC/1.1', date: at(start, 0) },
        { software: 'news-archive bench', format: 'WARC File Format 1.1' },
      ),
      { gzip: true },
    ),
  );
  records++;
  const again: number[] = [];
  const pageFacts = (i: number) => {
    const r = mulberry32(opts.seed * 1_000_003 + i);
    return {
      title: `${pick(r, PLACES)} ${pick(r, BODIES)} ${pick(r, VERBS)} ${pick(r, THINGS)} (${i})`,
      url: `https://courier.example/local/story-${i}`,
      published: `2026-${String((i % 10) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      author: pick(r, NAMES),
      paragraphs: Array.from({ length: 6 + Math.floor(r() * 5) }, () => paragraph(r)),
    };
  };
  for (let i = 0; i < opts.articles; i++) {
    const page = pageFacts(i);
    const date = at(start, i * 2);
    if (i % 10 === 0)
      await write(
        {
          type: 'response',
          url: `https://courier.example/s/${i}`,
          date,
          statusline: 'HTTP/1.1 301 Moved Permanently',
          httpHeaders: { Location: page.url, 'Content-Type': 'text/html' },
        },
        encoder.encode('<html><body>Moved</body></html>'),
      );
    await write({
      type: 'request',
      url: page.url,
      date,
      statusline: `GET ${new URL(page.url).pathname} HTTP/1.1`,
      httpHeaders: { Host: 'courier.example', 'User-Agent': 'bench-crawler' },
    });
    await write(
      { type: 'response', url: page.url, date, httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' } },
      encoder.encode(newsHtml(page)),
    );
    if (i % 20 === 0)
      await write(
        {
          type: 'response',
          url: `https://courier.example/img/${i}.jpg`,
          date,
          httpHeaders: { 'Content-Type': 'image/jpeg' },
        },
        new Uint8Array(4096).fill(0xff),
      );
    if (rng() < opts.twice) again.push(i);
  }
  for (const [n, i] of again.entries()) {
    const page = pageFacts(i);
    const edit = mulberry32(opts.seed + i);
    page.paragraphs[1] = paragraph(edit);
    if (n % 2 === 0) page.title = `${page.title}, officials say`;
    await write(
      {
        type: 'response',
        url: page.url,
        date: at(start, 7 * 86_400 + n * 2),
        httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' },
      },
      encoder.encode(newsHtml(page)),
    );
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return {
    file,
    bytes: (await stat(file)).size,
    records,
    captures: opts.articles + again.length,
    secondCaptures: again.length,
  };
}

/** One measured import of a generated crawl. */
export interface WarcBenchResult {
  crawl: CrawlSummary;
  seconds: number;
  peakBytes: number;
  /** The import's final counts, as its report prints them. */
  imported: number;
  versions: number;
  failed: number;
  skipped: number;
  /** Records the import says it read. */
  recordsRead: number;
  /** Seconds to read every record and decode every page without importing (in this process). */
  readSeconds: number;
  output: string;
}

/**
 * Generates a crawl in `dir`, imports it into `dir`/content with `npm run import` (run as
 * `node scripts/import.ts`, in a process of its own, memory sampled every 100 ms) and returns
 * the counts and measures. Throws when the import's report cannot be read.
 */
export async function runWarcBench(dir: string, opts: CrawlOptions): Promise<WarcBenchResult> {
  const crawl = await writeCrawl(path.join(dir, 'crawl.warc.gz'), opts);
  // Reading alone, to tell the cost of the WARC from the cost of extraction.
  const started = performance.now();
  await readWebArchive(crawl.file, 20_000_000, { page: async () => {}, skipped: () => {} });
  const readSeconds = (performance.now() - started) / 1000;
  const content = path.join(dir, 'content');
  await mkdir(content, { recursive: true });
  const local = path.resolve('node_modules/.bin/node');
  const node = existsSync(local) ? local : process.execPath;
  const run = await measure(node, ['scripts/import.ts', '--content', content, crawl.file], {});
  const totals =
    /(\d+) captures?: (\d+) imported, (\d+) added as versions, \d+ replaced, (\d+) skipped, (\d+) failed/.exec(
      run.output,
    );
  const read = /: ([\d,]+) records? read/.exec(run.output);
  if (!totals || !read) throw new Error(`the import printed no report (exit ${run.code}):\n${run.output.slice(-2000)}`);
  return {
    crawl,
    seconds: run.seconds,
    peakBytes: run.peakBytes,
    imported: Number(totals[2]),
    versions: Number(totals[3]),
    skipped: Number(totals[4]),
    failed: Number(totals[5]),
    recordsRead: Number(read[1]!.replace(/,/g, '')),
    readSeconds,
    output: run.output,
  };
}
