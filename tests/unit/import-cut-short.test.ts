import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { formatDrafts, listDrafts } from '../../src/import/drafts.ts';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';
import { waczFile } from '../helpers/web-archive.ts';

// A capture whose bytes stop before its document does, with nothing in its framing to say so (a
// WARC response with neither Content-Length nor chunking, ended by the connection closing; a
// saved page cut short), is never published as the complete article: it is saved as a draft with
// the partial-capture note, as a teaser-only capture is. Pages that only omit the end tags HTML
// makes optional (</p>, </body>, </html>) stay complete. Where each page is cut is chosen here by
// hand (a byte offset inside a paragraph, a tag, between paragraphs); the oracle is that choice.

const CASE = path.resolve('tests/fixtures/import-cases/cut-short');
const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };

const PARAGRAPHS = Array.from(
  { length: 6 },
  (_, i) =>
    `Paragraph ${i + 1} of the ferry story: the harbour board met again on Tuesday to discuss timetables, fares and the future of the late-night crossing for shift workers.`,
);

/** A news page as a small site prints it; `close` false leaves out </body></html>. */
function page(n: number, opts: { close?: boolean; tail?: string } = {}): string {
  const ps = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry story ${n}</title>` +
    `<link rel="canonical" href="https://w.example/news/${n}"><meta property="og:site_name" content="W News">` +
    `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry story ${n}","datePublished":"2024-05-0${n % 9}","author":{"name":"Kay Dunn"}}</script>` +
    `</head><body><article><h1>Ferry story ${n}</h1>\n${ps}\n</article>${opts.tail ?? '<footer>W News, Harbour Street.</footer>'}` +
    (opts.close === false ? '' : '</body></html>')
  );
}

/** The page cut `before` the first occurrence of a string (the string and all after it left out). */
const cutBefore = (html: string, at: string) => html.slice(0, html.indexOf(at));

/** A WARC 1.1 response record written byte by byte: the HTTP response has no Content-Length and no chunking. */
function unframedResponse(url: string, body: string): Buffer {
  const block = Buffer.concat([
    Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n\r\n'),
    Buffer.from(body),
  ]);
  const head = [
    'WARC/1.1',
    'WARC-Type: response',
    `WARC-Record-ID: <urn:uuid:${randomUUID()}>`,
    'WARC-Date: 2024-05-10T10:00:00Z',
    `WARC-Target-URI: ${url}`,
    'Content-Type: application/http; msgtype=response',
    `Content-Length: ${block.length}`,
  ].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), block, Buffer.from('\r\n\r\n')]);
}

async function readEntry(file: string) {
  const parts = splitFrontmatter(await readFile(file, 'utf8'))!;
  return { data: parseYaml(parts.yaml) as Record<string, unknown>, body: parts.body };
}

/** Imports files written into a fresh archive's inbox: name -> bytes. */
async function importFiles(files: Record<string, string | Buffer>, opts = options) {
  const { root, inbox } = await scratchArchive('archive-cut-short-');
  const paths: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    const file = path.join(inbox, name);
    await writeFile(file, data);
    paths.push(file);
  }
  const run = await importAll(paths, root, opts);
  return { root, inbox, paths, run, report: formatSummary(run, { dryRun: false }) };
}

/** Paragraphs of an article body (headings left out). */
const paragraphs = (body: string) => body.split(/\n\n+/).filter((p) => p.trim() && !p.startsWith('#'));

describe('a capture cut short without framing to say so is a partial capture, never the complete article', () => {
  test('the reported case: a WARC response with no Content-Length and no chunking, cut mid-paragraph', async () => {
    // The record's HTTP body is the first 1,000 bytes of a six-paragraph page: it stops in the
    // fourth paragraph ("…for shift worker").
    const { root } = await scratchArchive('archive-cut-short-');
    const run = await importAll([path.join(CASE, 'unframed-cut.warc')], root, options);
    const report = formatSummary(run, { dryRun: false });
    expect(run.counts).toMatchObject({ imported: 1, failed: 0 });
    const { data } = await readEntry(run.outcomes[0]!.article!);
    expect(data.draft).toBe(true);
    expect(String(data.editorsNote)).toMatch(/^Partial capture: the saved page stops part-way through this article/);
    expect(report).toMatch(/partial capture, the page ends before its document does \([^)]*text stops mid-sentence/);
  });

  test('the same record whole is a complete article, published', async () => {
    const { run } = await importFiles({ 'whole.warc': unframedResponse('https://w.example/news/4', page(4)) });
    const { data, body } = await readEntry(run.outcomes[0]!.article!);
    expect(data.draft).toBeUndefined();
    expect(data.editorsNote).toBeUndefined();
    expect(paragraphs(body)).toHaveLength(6);
  });

  test('a WACZ holding such a record', async () => {
    const cut = cutBefore(page(5), 'the future of the late-night crossing for shift workers.</p>\n<p>Paragraph 5');
    const warc = unframedResponse('https://w.example/news/5', cut);
    const wacz = waczFile(warc, [{ url: 'https://w.example/news/5', ts: '2024-05-10T10:00:00Z' }]);
    const { run } = await importFiles({ 'crawl.wacz': wacz });
    expect(run.counts.imported).toBe(1);
    const { data } = await readEntry(run.outcomes[0]!.article!);
    expect(data.draft).toBe(true);
    expect(String(data.editorsNote)).toMatch(/^Partial capture: the saved page stops part-way/);
  });

  test.each([
    [
      'mid-sentence',
      (h: string) =>
        cutBefore(h, 'fares and the future of the late-night crossing for shift workers.</p>\n<p>Paragraph 4'),
    ],
    ['inside a tag', (h: string) => `${cutBefore(h, '<p>Paragraph 4')}<p cla`],
    ['between two paragraphs', (h: string) => cutBefore(h, '<p>Paragraph 4')],
    ['inside a comment after a paragraph', (h: string) => `${cutBefore(h, '<p>Paragraph 4')}<!-- ad slot `],
  ])('a saved page cut %s', async (_, cut) => {
    const { run, report } = await importFiles({ 'saved.html': cut(page(6)) });
    expect(run.counts.imported).toBe(1);
    const { data, body } = await readEntry(run.outcomes[0]!.article!);
    expect(paragraphs(body).length).toBeLessThan(6);
    expect(data.draft).toBe(true);
    expect(String(data.editorsNote)).toMatch(/^Partial capture: the saved page stops part-way/);
    expect(report).toContain('partial capture, the page ends before its document does');
  });

  test('--drafts lists it with the reason', async () => {
    const { root } = await importFiles({ 'saved.html': cutBefore(page(7), '<p>Paragraph 4') });
    expect(formatDrafts(await listDrafts(root), (p) => p)).toContain(
      'the saved page stops part-way through the article',
    );
  });
});

describe('pages that omit end tags HTML makes optional stay complete', () => {
  /** The page without its <article> wrapper and every end tag HTML makes optional. */
  const minimal = page(8, { close: false, tail: '' }).replace(/<\/?article>|<\/p>/g, '');
  test.each([
    ['without </body></html>', page(8, { close: false })],
    ['without </p>, </body>, </html>', page(8, { close: false }).replace(/<\/p>/g, '')],
    ['with no wrapper and no optional end tag, ending on a full sentence', minimal],
    [
      'with no wrapper and no optional end tag, ending on a closing quotation mark',
      minimal.replace(
        /Paragraph 6 of the ferry story:[^<]*$/,
        'Paragraph 6: “We will keep the late boat whatever it costs.”',
      ),
    ],
    [
      'with a wrapper <div> never closed, ending on its footer',
      page(8, { close: false }).replace('<body>', '<body><div class="wrap">'),
    ],
    [
      'ending on a footer line with no full stop, its <footer> never closed',
      page(8, { close: false, tail: '<footer><p>© W News 2024' }),
    ],
  ])('%s', async (_, html) => {
    const { run } = await importFiles({ 'page.html': html });
    expect(run.counts.imported).toBe(1);
    const { data, body } = await readEntry(run.outcomes[0]!.article!);
    expect(data.draft).toBeUndefined();
    expect(data.editorsNote).toBeUndefined();
    expect(paragraphs(body)).toHaveLength(6);
  });
});

describe("the editor's note on a capture cut short follows the partial-capture rules", () => {
  async function edited(edit: (d: Record<string, unknown>) => Record<string, unknown>) {
    const { root, paths } = await importFiles({ 'saved.html': cutBefore(page(3), '<p>Paragraph 4') });
    const run = await importAll(paths, root, options);
    expect(run.counts.skipped).toBe(1);
    const file = (await listDrafts(root))[0]!.file;
    const { data, body } = await readEntry(file);
    await writeFile(file, `---\n${stringify(edit({ ...data }), { lineWidth: 0 }).trimEnd()}\n---\n\n${body}`);
    const again = await importAll(paths, root, { ...options, force: true });
    expect(again.counts.failed).toBe(0);
    return readEntry(file);
  }

  test('a note the editor rewrote, and the draft they published, stay as written', async () => {
    const mine = 'The printed edition holds the rest; this copy ends at the fourth paragraph.';
    const after = await edited((d) => {
      delete d.draft;
      return { ...d, editorsNote: mine };
    });
    expect(after.data.editorsNote).toBe(mine);
    expect(after.data.draft).toBeUndefined();
  });

  test("the importer's note with the editor's own after it stays once", async () => {
    const mine = 'Checked against the print edition.';
    const after = await edited((d) => ({ ...d, editorsNote: `${String(d.editorsNote)} ${mine}` }));
    expect(String(after.data.editorsNote).split('Partial capture').length).toBe(2);
    expect(String(after.data.editorsNote).endsWith(` ${mine}`)).toBe(true);
  });
});
