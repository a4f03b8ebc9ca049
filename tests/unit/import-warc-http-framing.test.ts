import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../src/content/files.ts';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';
import { newsPage, paragraphsFor } from '../fixtures/pages.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';
import { chunked, htmlResponse, warcFile, type RecordSpec } from '../helpers/web-archive.ts';

// An HTTP body the framing shows to be incomplete is never published as the page: chunked
// transfer coding cut inside a chunk or without its last (zero-size) chunk, a compressed stream
// (gzip, deflate, br) that ends early or is damaged. Like a body shorter than its HTTP
// Content-Length, the capture is refused with the reason. The chunked bodies are cut by hand
// here; the compressed ones come from Node's zlib, which the importer decodes with, so the
// oracle is where each body is cut, not how it is decoded.

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };
const CASE = path.resolve('tests/fixtures/import-cases/truncated-http-body');

const page = (n: number) =>
  Buffer.from(
    newsPage({
      title: `Harbour framing report ${n}`,
      paragraphs: paragraphsFor(n),
      url: `https://news.example/framing-${n}`,
      published: '2026-11-19',
      site: 'Example News',
      author: 'Pat Reporter',
    }),
  );

const url = (n: number) => `https://news.example/framing-${n}`;
const response = (n: number, body: Uint8Array, headers: Record<string, string>): RecordSpec =>
  htmlResponse(url(n), '2026-11-20T08:00:00Z', body, headers);

async function importRecords(records: RecordSpec[]) {
  const { root, inbox } = await scratchArchive('archive-warc-framing-');
  const file = path.join(inbox, 'crawl.warc');
  await writeFile(file, await warcFile(records, false));
  return importAll([file], root, options);
}

/** The report line of the capture of url(n). */
const lineOf = (report: string, n: number) => report.split('\n').find((l) => l.includes(`${url(n)} `)) ?? '';

describe('an HTTP body cut short is refused, never published as the page', () => {
  test('the reported case: a chunked body cut mid-chunk with no last chunk is refused; the same record ending properly has six paragraphs', async () => {
    const { root } = await scratchArchive('archive-warc-framing-');
    const cut = await importAll([path.join(CASE, 'chunked-cut.warc')], root, options);
    expect(cut.counts).toMatchObject({ imported: 0, failed: 1 });
    expect(formatSummary(cut, { dryRun: false })).toMatch(
      /failed .*chunked-cut\.warc https:\/\/w\.example\/news\/4 .*: the chunked body ends .*cut short, so it is not imported/,
    );
    const ok = await importAll([path.join(CASE, 'chunked-ok.warc')], root, options);
    expect(ok.counts.imported).toBe(1);
    const body = splitFrontmatter(await readFile(ok.outcomes[0]!.article!, 'utf8'))!.body;
    expect(body.split(/\n\n+/).filter((p) => p.trim() && !p.startsWith('#')).length).toBe(6);
  });

  test('chunked transfer coding: cut in a chunk, in a chunk-size line, in the first chunk, or without the last chunk', async () => {
    const bodies = [1, 2, 3, 4].map((n) => page(100 + n));
    const whole = bodies.map((b) => chunked(b, 400));
    const records = [
      // Cut 100 bytes into the second chunk ("190\r\n" + 400 + "\r\n" = 407 bytes per chunk).
      response(101, whole[0]!.subarray(0, 407 + 5 + 100), { 'Transfer-Encoding': 'chunked' }),
      // Every chunk whole, the last (zero-size) chunk missing.
      response(102, whole[1]!.subarray(0, whole[1]!.length - 5), { 'Transfer-Encoding': 'chunked' }),
      // Cut inside the first chunk.
      response(103, whole[2]!.subarray(0, 200), { 'Transfer-Encoding': 'chunked' }),
      // Cut after a chunk-size line's digits, before its CRLF.
      response(104, whole[3]!.subarray(0, 407 + 2), { 'Transfer-Encoding': 'chunked' }),
      // Controls: whole, and a body stored already unchunked under the original header.
      response(105, chunked(page(105), 400), { 'Transfer-Encoding': 'chunked' }),
      response(106, page(106), { 'Transfer-Encoding': 'chunked' }),
    ];
    const run = await importRecords(records);
    const report = formatSummary(run, { dryRun: false });
    expect(run.counts).toMatchObject({ imported: 2, failed: 4 });
    expect(lineOf(report, 101)).toMatch(/^failed .*the chunked body ends 100 bytes into a chunk of 400 bytes/);
    expect(lineOf(report, 102)).toMatch(/^failed .*without its last \(zero-size\) chunk/);
    expect(lineOf(report, 103)).toMatch(/^failed .*ends 195 bytes into a chunk of 400 bytes/);
    expect(lineOf(report, 104)).toMatch(/^failed .*the chunked body ends inside a chunk-size line/);
    for (const n of [101, 102, 103, 104]) expect(lineOf(report, n)).toMatch(/cut short, so it is not imported/);
    expect(lineOf(report, 105)).toMatch(/^imported /);
    expect(lineOf(report, 106)).toMatch(/^imported /);
  });

  test('a gzip, deflate or br stream that ends early is refused; one that is damaged is refused; plain HTML under a compression header is kept', async () => {
    const cutAt = (b: Buffer, keep: number) => b.subarray(0, Math.floor(b.length * keep));
    const damaged = (b: Buffer) => {
      const copy = Buffer.from(b);
      const at = copy.length >> 1;
      copy[at] = copy[at]! ^ 0xff;
      return copy;
    };
    const records = [
      response(111, cutAt(gzipSync(page(111)), 0.6), { 'Content-Encoding': 'gzip' }),
      response(112, cutAt(deflateSync(page(112)), 0.6), { 'Content-Encoding': 'deflate' }),
      response(113, cutAt(deflateRawSync(page(113)), 0.6), { 'Content-Encoding': 'deflate' }),
      response(114, cutAt(brotliCompressSync(page(114)), 0.6), { 'Content-Encoding': 'br' }),
      // Whole chunks around a gzip stream that ends early.
      response(115, chunked(cutAt(gzipSync(page(115)), 0.9), 300), {
        'Transfer-Encoding': 'chunked',
        'Content-Encoding': 'gzip',
      }),
      // The last 4 bytes (the length in the gzip trailer) missing.
      response(116, gzipSync(page(116)).subarray(0, -4), { 'Content-Encoding': 'x-gzip' }),
      response(117, damaged(gzipSync(page(117))), { 'Content-Encoding': 'gzip' }),
      // Controls: whole, and plain HTML stored under the original header.
      response(118, gzipSync(page(118)), { 'Content-Encoding': 'gzip' }),
      response(119, page(119), { 'Content-Encoding': 'gzip' }),
      response(120, page(120), { 'Content-Encoding': 'br' }),
    ];
    const run = await importRecords(records);
    const report = formatSummary(run, { dryRun: false });
    for (const [n, coding] of [
      [111, 'gzip'],
      [112, 'deflate'],
      [113, 'deflate'],
      [114, 'br'],
      [115, 'gzip'],
      [116, 'x-gzip'],
    ] as const)
      expect(lineOf(report, n)).toMatch(
        new RegExp(`^failed .*: the page's ${coding} stream ends early: the page was cut short, so it is not imported`),
      );
    expect(lineOf(report, 117)).toMatch(/^failed .*: the page's gzip stream is damaged/);
    for (const n of [118, 119, 120]) expect(lineOf(report, n)).toMatch(/^imported /);
    expect(report).toContain('the headers say the page is gzip-encoded, but the payload is not; kept as recorded');
    expect(run.counts).toMatchObject({ imported: 3, failed: 7 });
    expect(report).not.toMatch(/Cannot |TypeError|undefined|null/);
  });

  test('the reported case of a gzip body cut short is refused with the reason', async () => {
    const { root } = await scratchArchive('archive-warc-framing-');
    const run = await importAll([path.join(CASE, 'gzip-cut.warc')], root, options);
    expect(run.counts).toMatchObject({ imported: 0, failed: 1 });
    expect(formatSummary(run, { dryRun: false })).toMatch(
      /failed .*gzip-cut\.warc https:\/\/w\.example\/news\/5 .*: the page's gzip stream ends early: the page was cut short, so it is not imported/,
    );
  });
});
