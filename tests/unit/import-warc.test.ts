import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { parseYaml } from '../../src/content/yaml.ts';
import { checkContent } from '../../src/content/check.ts';
import { listFiles, splitFrontmatter } from '../../src/content/files.ts';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';
import { newsPage, paragraphsFor } from '../fixtures/pages.ts';
import { chunked, htmlResponse, warcFile, waczFile, type RecordSpec } from '../helpers/web-archive.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';

// Importing web archives (WARC, WACZ) generated here with warcio's writer: what is a capture and
// what is only counted, the kept payload and its provenance, versions of one address, idempotent
// re-runs, and a damaged file.

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };

/** Front matter and body of a Markdown file. */
async function readEntry(file: string): Promise<{ data: Record<string, unknown>; body: string; text: string }> {
  const text = await readFile(file, 'utf8');
  const parts = splitFrontmatter(text)!;
  return { data: parseYaml(parts.yaml) as Record<string, unknown>, body: parts.body, text };
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

const SITE = 'Example News';
const page = (n: number, title = `Harbour report number ${n}`, paragraphs = paragraphsFor(n)) =>
  newsPage({
    title,
    paragraphs,
    url: `https://news.example/story-${n}`,
    published: '2026-11-19',
    site: SITE,
    author: 'Pat Reporter',
  });

const BRIDGE_URL = 'https://news.example/bridge';
const OLD_TITLE = 'Council approves bridge repairs';
const NEW_TITLE = 'Council approves bridge repairs after a long debate';
const bridgeParagraphs = paragraphsFor(77);
const editedParagraphs = [
  bridgeParagraphs[0]!,
  'Supporters said the measure would repair the old stone bridge, closed to lorries since the spring floods, while opponents warned that the cost had doubled.',
  ...bridgeParagraphs.slice(2),
];
const bridgeOld = newsPage({
  title: OLD_TITLE,
  paragraphs: bridgeParagraphs,
  url: BRIDGE_URL,
  published: '2026-11-19',
  site: SITE,
});
const bridgeNew = newsPage({
  title: NEW_TITLE,
  paragraphs: editedParagraphs,
  url: BRIDGE_URL,
  published: '2026-11-19',
  site: SITE,
});
const OLD_DATE = '2026-11-20T08:00:00Z';
const NEW_DATE = '2026-11-27T10:15:00Z';

/** A page whose text is windows-1252 and says so only in the HTTP header. */
const latin = Buffer.from(
  page(4, 'Café owners in Zürich protest', paragraphsFor(4)).replace('<meta charset="utf-8">', ''),
  'latin1',
);

/** The records of the test crawl: every kind the importer meets. */
function crawl(bridgeFirst: 'old' | 'new'): RecordSpec[] {
  const bridge = [htmlResponse(BRIDGE_URL, OLD_DATE, bridgeOld), htmlResponse(BRIDGE_URL, NEW_DATE, bridgeNew)];
  if (bridgeFirst === 'new') bridge.reverse();
  return [
    {
      type: 'request',
      url: 'https://news.example/story-1',
      statusline: 'GET /story-1 HTTP/1.1',
      httpHeaders: { Host: 'news.example' },
    },
    htmlResponse('https://news.example/story-1', '2026-11-20T08:01:00Z', page(1)),
    // gzip content coding
    htmlResponse('https://news.example/story-2', '2026-11-20T08:02:00Z', gzipSync(page(2)), {
      'Content-Encoding': 'gzip',
    }),
    // chunked transfer coding
    htmlResponse('https://news.example/story-3', '2026-11-20T08:03:00Z', chunked(Buffer.from(page(3))), {
      'Transfer-Encoding': 'chunked',
    }),
    // charset from the header only
    htmlResponse('https://news.example/story-4', '2026-11-20T08:04:00Z', latin, {
      'Content-Type': 'text/html; charset=windows-1252',
    }),
    // brotli and chunked together
    htmlResponse(
      'https://news.example/story-5',
      '2026-11-20T08:05:00Z',
      chunked(brotliCompressSync(Buffer.from(page(5))), 300),
      {
        'Content-Encoding': 'br',
        'Transfer-Encoding': 'chunked',
      },
    ),
    ...bridge,
    {
      type: 'response',
      url: 'https://news.example/old-bridge',
      date: '2026-11-20T08:06:00Z',
      statusline: 'HTTP/1.1 301 Moved Permanently',
      httpHeaders: { Location: BRIDGE_URL, 'Content-Type': 'text/html' },
      body: '<html><body>Moved</body></html>',
    },
    {
      type: 'response',
      url: 'https://news.example/photo.png',
      date: '2026-11-20T08:07:00Z',
      httpHeaders: { 'Content-Type': 'image/png' },
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    },
    {
      type: 'response',
      url: 'https://news.example/missing',
      date: '2026-11-20T08:08:00Z',
      statusline: 'HTTP/1.1 404 Not Found',
      httpHeaders: { 'Content-Type': 'text/html' },
      body: '<html><head><title>Not found</title></head><body><p>No such page.</p></body></html>',
    },
    {
      type: 'revisit',
      url: 'https://news.example/story-1',
      date: '2026-11-28T09:00:00Z',
      refersToUrl: 'https://news.example/story-1',
      refersToDate: '2026-11-20T08:01:00Z',
      warcHeaders: { 'WARC-Payload-Digest': 'sha256:0000000000000000000000000000000000000000000000000000000000000000' },
    },
    {
      type: 'response',
      url: 'https://news.example/',
      date: '2026-11-20T08:09:00Z',
      httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' },
      body: `<html><head><title>Example News</title></head><body><nav>${Array.from({ length: 40 }, (_, i) => `<a href="/s${i}">Story headline number ${i} about the harbour</a>`).join(' ')}</nav></body></html>`,
    },
    {
      type: 'metadata',
      url: 'https://news.example/story-1',
      date: '2026-11-20T08:01:00Z',
      body: 'outlinks: https://news.example/\r\n',
    },
  ];
}

/** The decoded page each capture's kept file must hold, by address. */
const expectedBytes: Record<string, Buffer> = {
  'https://news.example/story-1': Buffer.from(page(1)),
  'https://news.example/story-2': Buffer.from(page(2)),
  'https://news.example/story-3': Buffer.from(page(3)),
  'https://news.example/story-4': latin,
  'https://news.example/story-5': Buffer.from(page(5)),
};

describe('a WARC crawl', () => {
  test('captures are the HTML 200 responses; the rest is counted by kind; the kept capture is the decoded payload with its provenance', async () => {
    const { root, inbox } = await scratchArchive('archive-warc-');
    const file = path.join(inbox, 'crawl.warc.gz');
    await writeFile(file, await warcFile(crawl('old'), true));
    let lastProgress = [0, 0];
    const run = await importAll([file], root, options, (done, total) => (lastProgress = [done, total]));
    expect(run.outcomes.filter((o) => o.status === 'failed')).toEqual([]);
    expect(run.counts).toEqual({ imported: 6, versioned: 1, replaced: 0, skipped: 0, failed: 0 });
    expect(run.records!.counts).toEqual({
      warcinfo: 1,
      request: 1,
      capture: 7,
      redirect: 1,
      'not-html': 1,
      error: 1,
      revisit: 1,
      'not-article': 1,
      metadata: 1,
    });
    expect(run.records!.archives).toEqual([{ file, records: 15 }]);
    expect(lastProgress[0]).toBe(lastProgress[1]);
    expect(lastProgress[1]).toBe((await readFile(file)).length);
    const report = formatSummary(run, { dryRun: false });
    expect(report).toContain(
      '1 redirect (3xx), not imported\n  https://news.example/old-bridge: 301 to https://news.example/bridge',
    );
    expect(report).toContain('  https://news.example/photo.png: image/png');
    expect(report).toContain('  https://news.example/missing: 404');
    expect(report).toContain('  https://news.example/story-1: same as the capture of 2026-11-20T08:01:00Z');
    expect(report).toMatch(
      /1 HTML page that is not an article .*\n {2}https:\/\/news\.example\/: (?:looks like an index page|has no article text)/,
    );
    expect(report).toContain('7 captures: 6 imported, 1 added as a version, 0 replaced, 0 skipped, 0 failed');

    // Each capture: the kept bytes are the payload decoded, captureSha256 is theirs, warc names the record.
    for (const [url, bytes] of Object.entries(expectedBytes)) {
      const o = run.outcomes.find((x) => x.record?.uri === url)!;
      expect(o.status).toBe('imported');
      const { data } = await readEntry(o.article!);
      expect(data.url).toBe(url);
      expect(data.captured).toBe(o.record!.date);
      const kept = await readFile(path.join(root, 'captures', String(data.capture)));
      expect(kept.equals(bytes)).toBe(true);
      expect(data.captureSha256).toBe(sha256(kept));
      const warc = data.warc as Record<string, string>;
      expect(warc.file).toBe('crawl.warc.gz');
      expect(warc.targetUri).toBe(url);
      expect(warc.recordId).toMatch(/^<urn:uuid:[0-9a-f-]{36}>$/);
      expect(warc.payloadDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(warc.entry).toBeUndefined();
    }
    const cafe = run.outcomes.find((x) => x.record?.uri === 'https://news.example/story-4')!;
    expect((await readEntry(cafe.article!)).data.title).toBe('Café owners in Zürich protest');
  }, 60_000);

  test('two captures of one address, oldest first: the article holds the newer, the older moves to versions/ unchanged', async () => {
    const { root, inbox } = await scratchArchive('archive-warc-');
    const file = path.join(inbox, 'crawl.warc.gz');
    await writeFile(file, await warcFile(crawl('old'), true));
    // What the article file was after the first capture alone, to compare with the moved version.
    const { root: firstOnly, inbox: inbox2 } = await scratchArchive('archive-warc-');
    const oldOnly = path.join(inbox2, 'crawl.warc.gz');
    await writeFile(
      oldOnly,
      await warcFile(
        crawl('old').filter((r) => r.date !== NEW_DATE),
        true,
      ),
    );
    const first = await importAll([oldOnly], firstOnly, options);
    const firstText = await readFile(first.outcomes.find((o) => o.record?.uri === BRIDGE_URL)!.article!, 'utf8');

    const run = await importAll([file], root, options);
    const added = run.outcomes.find((o) => o.status === 'versioned')!;
    const article = path.join(root, 'articles/2026/11/council-approves-bridge-repairs.md');
    const versionFile = path.join(root, 'versions/2026/11/council-approves-bridge-repairs/20261120080000.md');
    expect(added.article).toBe(article);
    expect(added.version).toMatchObject({
      id: '20261127101500',
      latest: true,
      comparedWith: OLD_DATE,
      titleChanged: true,
    });
    expect(added.version!.added).toBeGreaterThan(10);
    expect(added.version!.removed).toBeGreaterThan(10);
    expect(await listFiles(path.join(root, 'versions'))).toEqual([
      '2026/11/council-approves-bridge-repairs/20261120080000.md',
    ]);
    // The older version is the first article file, byte for byte (the random record ids aside, the
    // two runs wrote the same WARC, so only the warc.recordId may differ).
    const moved = await readFile(versionFile, 'utf8');
    const withoutIds = (t: string) => t.replace(/recordId: .*\n/, '').replace(/payloadDigest: .*\n/, '');
    expect(withoutIds(moved)).toBe(withoutIds(firstText));
    const old = await readEntry(versionFile);
    expect(old.data).toMatchObject({
      title: OLD_TITLE,
      captured: OLD_DATE,
      capture: '2026/11/council-approves-bridge-repairs.html',
    });
    expect(old.body).toContain(bridgeParagraphs[1]!.slice(0, 60));
    const latest = await readEntry(article);
    expect(latest.data).toMatchObject({
      title: NEW_TITLE,
      captured: NEW_DATE,
      capture: '2026/11/council-approves-bridge-repairs.20261127101500.html',
      url: BRIDGE_URL,
      source: 'example-news',
    });
    expect((latest.data.warc as Record<string, string>).targetUri).toBe(BRIDGE_URL);
    expect(latest.body).toContain('closed to lorries since the spring floods');
    const kept = await readFile(path.join(root, 'captures', String(latest.data.capture)));
    expect(kept.equals(Buffer.from(bridgeNew))).toBe(true);
    expect(latest.data.captureSha256).toBe(sha256(kept));
    expect((await readFile(path.join(root, 'captures', String(old.data.capture)))).equals(Buffer.from(bridgeOld))).toBe(
      true,
    );
    expect(formatSummary(run, { dryRun: false })).toMatch(
      /added .*crawl\.warc\.gz https:\/\/news\.example\/bridge \(2026-11-27T10:15:00Z\) as the latest version of .*council-approves-bridge-repairs\.md\n {2}changed since the capture of 2026-11-20T08:00:00Z: \d+ words added, \d+ words removed, headline changed/,
    );

    // Importing the same crawl again changes nothing: every capture is a duplicate.
    const before = await Promise.all(
      (await listFiles(root)).map(async (f) => [f, await readFile(path.join(root, f), 'utf8')] as const),
    );
    const again = await importAll([file], root, options);
    expect(again.counts).toEqual({ imported: 0, versioned: 0, replaced: 0, skipped: 7, failed: 0 });
    for (const o of again.outcomes) expect(o.reason).toMatch(/already archived as .* \(same original URL, same text\)/);
    const after = await Promise.all(
      (await listFiles(root)).map(async (f) => [f, await readFile(path.join(root, f), 'utf8')] as const),
    );
    expect(after).toEqual(before);

    // What the importer wrote is what the site reads: the build's checker finds nothing wrong, and
    // sees the article with its one earlier version.
    const checked = await checkContent(root);
    expect(checked.problems).toEqual([]);
    expect(checked.entries.versions.map((v) => v.id)).toEqual([
      '2026/11/council-approves-bridge-repairs/20261120080000',
    ]);
  }, 60_000);

  test('a damaged WARC: a clear error naming the file and how far it got, and what came before is kept', async () => {
    const { root, inbox } = await scratchArchive('archive-warc-');
    const whole = await warcFile(
      [1, 2, 3].map((n) => htmlResponse(`https://news.example/story-${n}`, `2026-11-20T08:0${n}:00Z`, page(n))),
      true,
    );
    const cut = whole.subarray(0, whole.length - 200);
    const file = path.join(inbox, 'cut.warc.gz');
    await writeFile(file, cut);
    const run = await importAll([file], root, options);
    // The damaged file is counted apart from the captures it held.
    expect(run.counts).toEqual({ imported: 2, versioned: 0, replaced: 0, skipped: 0, failed: 0 });
    expect(run.archivesFailed).toBe(1);
    const failed = run.outcomes.find((o) => o.status === 'failed')!;
    expect(failed.file).toBe(file);
    expect(failed.reason).toMatch(
      /^cut short or damaged at byte [\d,]+ of [\d,]+, in record 4 \(after https:\/\/news\.example\/story-2\): .*The 3 records before it were read/,
    );
    expect(formatSummary(run, { dryRun: false })).toContain(`failed ${file}: cut short`);
    expect((await listFiles(path.join(root, 'articles'))).length).toBe(2);
  }, 60_000);
});

describe('a WACZ package', () => {
  test('the WARC inside is read; newest capture first puts the older one in versions/ only, with the entry in its provenance', async () => {
    const { root, inbox } = await scratchArchive('archive-warc-');
    const warc = await warcFile(crawl('new'), true);
    const file = path.join(inbox, 'pack.wacz');
    await writeFile(
      file,
      waczFile(warc, [
        { url: BRIDGE_URL, ts: NEW_DATE, title: NEW_TITLE },
        { url: 'https://news.example/story-1', ts: '2026-11-20T08:01:00Z' },
      ]),
    );
    const run = await importAll([file], root, options);
    expect(run.outcomes.filter((o) => o.status === 'failed')).toEqual([]);
    expect(run.counts).toEqual({ imported: 6, versioned: 1, replaced: 0, skipped: 0, failed: 0 });
    expect(run.records!.counts.redirect).toBe(1);
    const added = run.outcomes.find((o) => o.status === 'versioned')!;
    const article = path.join(root, 'articles/2026/11/council-approves-bridge-repairs-after-a-long-debate.md');
    expect(added.version).toMatchObject({
      article,
      id: '20261120080000',
      latest: false,
      comparedWith: NEW_DATE,
      titleChanged: true,
    });
    const latest = await readEntry(article);
    expect(latest.data).toMatchObject({ title: NEW_TITLE, captured: NEW_DATE });
    expect(latest.data.warc).toMatchObject({ file: 'pack.wacz', entry: 'archive/data.warc.gz', targetUri: BRIDGE_URL });
    const version = await readEntry(
      path.join(root, 'versions/2026/11/council-approves-bridge-repairs-after-a-long-debate/20261120080000.md'),
    );
    expect(version.data).toMatchObject({
      title: OLD_TITLE,
      captured: OLD_DATE,
      capture: '2026/11/council-approves-bridge-repairs-after-a-long-debate.20261120080000.html',
      warc: { file: 'pack.wacz', entry: 'archive/data.warc.gz', targetUri: BRIDGE_URL },
    });
    // A version file holds the fields of its capture; the article's own fields stay in the article file.
    expect(Object.keys(version.data)).not.toContain('people');
    expect(Object.keys(version.data)).not.toContain('source');
    const kept = await readFile(path.join(root, 'captures', String(version.data.capture)));
    expect(kept.equals(Buffer.from(bridgeOld))).toBe(true);
    expect(version.data.captureSha256).toBe(sha256(kept));
    const again = await importAll([file], root, options);
    expect(again.counts).toMatchObject({ imported: 0, versioned: 0, skipped: 7 });
  }, 60_000);

  test('a zip without WARCs, and a file that is not a zip, are refused with the reason', async () => {
    const { root, inbox } = await scratchArchive('archive-warc-');
    const { storedZip } = await import('../helpers/web-archive.ts');
    await writeFile(path.join(inbox, 'empty.wacz'), storedZip([{ name: 'datapackage.json', data: '{}' }]));
    await writeFile(path.join(inbox, 'junk.wacz'), 'not a zip at all');
    const run = await importAll([inbox], root, options);
    const by = Object.fromEntries(run.outcomes.map((o) => [path.basename(o.file), o.reason]));
    expect(by['empty.wacz']).toMatch(/^holds no WARC files under archive\//);
    expect(by['junk.wacz']).toMatch(/^is not a readable WACZ \(zip\) file/);
  });
});

describe('mixed inputs', () => {
  test('a folder with saved pages and a WARC imports both; a saved page of an archived address becomes a version', async () => {
    const { root, inbox } = await scratchArchive('archive-warc-');
    await writeFile(
      path.join(inbox, 'crawl.warc'),
      await warcFile([htmlResponse(BRIDGE_URL, OLD_DATE, bridgeOld)], false),
    );
    await writeFile(path.join(inbox, 'z-saved.html'), bridgeNew);
    await writeFile(path.join(inbox, 'other.html'), page(9));
    const run = await importAll([inbox], root, options);
    expect(run.counts).toEqual({ imported: 2, versioned: 1, replaced: 0, skipped: 0, failed: 0 });
    const saved = run.outcomes.find((o) => o.file.endsWith('z-saved.html'))!;
    // The saved file's date is today's (its modification time), after the crawl's.
    expect(saved.version).toMatchObject({ latest: true, titleChanged: true });
    expect(existsSync(path.join(root, 'versions/2026/11/council-approves-bridge-repairs/20261120080000.md'))).toBe(
      true,
    );
    const latest = await readEntry(path.join(root, 'articles/2026/11/council-approves-bridge-repairs.md'));
    expect(latest.data.warc).toBeUndefined();
    expect(latest.data.title).toBe(NEW_TITLE);

    // --force extracts again the version made from the same capture, nothing else (here to what
    // its file already holds: nothing is written, and nothing counted as replaced).
    const forced = await importAll([path.join(inbox, 'crawl.warc')], root, { ...options, force: true });
    expect(forced.outcomes.map((o) => o.reason)).toEqual([
      expect.stringMatching(/20261120080000\.md; extracted again, it gives what the file already holds/),
    ]);
    expect(forced.counts).toMatchObject({ replaced: 0, skipped: 1 });
    expect(await listFiles(path.join(root, 'versions'))).toEqual([
      '2026/11/council-approves-bridge-repairs/20261120080000.md',
    ]);
    expect((await readEntry(path.join(root, 'articles/2026/11/council-approves-bridge-repairs.md'))).data.title).toBe(
      NEW_TITLE,
    );
  }, 60_000);
});

test('npm run import -- crawl.warc.gz prints the report with the records by kind', async () => {
  const { root, inbox } = await scratchArchive('archive-warc-');
  const file = path.join(inbox, 'crawl.warc.gz');
  await writeFile(file, await warcFile(crawl('old'), true));
  const run = spawnSync(path.resolve('node_modules/.bin/node'), ['scripts/import.ts', '--content', root, file], {
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('15 records read');
  expect(run.stdout).toContain('1 error response (4xx, 5xx), not imported');
  expect(run.stdout).toContain('7 captures: 6 imported, 1 added as a version, 0 replaced, 0 skipped, 0 failed');
}, 60_000); // starts the command in a process of its own
