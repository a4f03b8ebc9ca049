import { createHash, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { parseYaml } from '../../src/content/yaml.ts';
import { checkContent } from '../../src/content/check.ts';
import { splitFrontmatter } from '../../src/content/files.ts';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';
import { newsPage, paragraphsFor } from '../fixtures/pages.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';
import { storedZip } from '../helpers/web-archive.ts';

// Whole captures only, and only the bytes the WARC vouches for: segmented records (WARC 1.1
// continuation records) are joined or refused, payload digests are checked, and a record cut
// short is never published as the page. The WARC files are written byte by byte here (a writer
// sharing no code with warcio, which the importer reads with), digests by Node's crypto.

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };
const CASES = path.resolve('tests/fixtures/import-cases');

/** RFC 4648 base32 without padding, as wget and Heritrix print sha1 digests. */
function base32(bytes: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += alphabet[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out;
}
const sha1b32 = (b: Buffer) => `sha1:${base32(createHash('sha1').update(b).digest())}`;
const sha256hex = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const sha256b32 = (b: Buffer) => `sha256:${base32(createHash('sha256').update(b).digest())}`;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A WARC record: version line, headers (Content-Length as given, or the block's), block, two CRLFs. */
function record(headers: Record<string, string>, block: Buffer, contentLength = block.length): Buffer {
  const lines = Object.entries({ ...headers, 'Content-Length': String(contentLength) }).map(([k, v]) => `${k}: ${v}`);
  return Buffer.concat([Buffer.from(`WARC/1.1\r\n${lines.join('\r\n')}\r\n\r\n`), block, Buffer.from('\r\n\r\n')]);
}

const warcinfo = () =>
  record(
    {
      'WARC-Type': 'warcinfo',
      'WARC-Date': '2026-11-20T07:59:00Z',
      'WARC-Record-ID': `<urn:uuid:${randomUUID()}>`,
      'Content-Type': 'application/warc-fields',
    },
    Buffer.from('software: hand-written test records\r\n'),
  );

/** An HTTP response's bytes: status line, headers, blank line, body. */
function http(body: Buffer, headers: Record<string, string> = {}): Buffer {
  const all = { 'Content-Type': 'text/html; charset=utf-8', ...headers };
  const head = Object.entries(all).map(([k, v]) => `${k}: ${v}`);
  return Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\n${head.join('\r\n')}\r\n\r\n`), body]);
}

/** The headers of a response record for url. */
const responseHeaders = (url: string, extra: Record<string, string> = {}) => ({
  'WARC-Type': 'response',
  'WARC-Target-URI': url,
  'WARC-Date': '2026-11-20T08:00:00Z',
  'WARC-Record-ID': `<urn:uuid:${randomUUID()}>`,
  'Content-Type': 'application/http; msgtype=response',
  ...extra,
});

const pageBytes = (n: number) =>
  Buffer.from(
    newsPage({
      title: `Harbour report number ${n}`,
      paragraphs: paragraphsFor(n),
      url: `https://news.example/story-${n}`,
      published: '2026-11-19',
      site: 'Example News',
      author: 'Pat Reporter',
    }),
  );

/** A segmented response: the block split at the given offsets into a response and continuation records. */
function segmented(url: string, block: Buffer, cuts: number[], payloadDigest?: string) {
  const parts = [0, ...cuts, block.length].slice(1).map((end, i, ends) => block.subarray(i ? ends[i - 1] : 0, end));
  const first = responseHeaders(url, {
    'WARC-Segment-Number': '1',
    ...(payloadDigest && { 'WARC-Payload-Digest': payloadDigest }),
  });
  const records = [record(first, parts[0]!)];
  parts.slice(1).forEach((part, i) => {
    const last = i === parts.length - 2;
    records.push(
      record(
        {
          'WARC-Type': 'continuation',
          'WARC-Target-URI': url,
          'WARC-Date': '2026-11-20T08:00:00Z',
          'WARC-Record-ID': `<urn:uuid:${randomUUID()}>`,
          'WARC-Segment-Origin-ID': first['WARC-Record-ID'],
          'WARC-Segment-Number': String(i + 2),
          ...(last && { 'WARC-Segment-Total-Length': String(block.length) }),
        },
        part,
      ),
    );
  });
  return records;
}

/** Imports one WARC written from the records given; returns the run, its report and the articles' files. */
async function importWarc(records: Buffer[], name = 'crawl.warc', gzipEach = false) {
  const { root, inbox } = await scratchArchive('archive-warc-integrity-');
  const file = path.join(inbox, name);
  await writeFile(file, Buffer.concat([warcinfo(), ...records].map((r) => (gzipEach ? gzipSync(r) : r))));
  const run = await importAll([file], root, options);
  const report = formatSummary(run, { dryRun: false });
  const entries = await Promise.all(
    run.outcomes
      .filter((o) => o.article)
      .map(async (o) => {
        const parts = splitFrontmatter(await readFile(o.article!, 'utf8'))!;
        const data = parseYaml(parts.yaml) as Record<string, unknown>;
        const kept = await readFile(path.join(root, 'captures', String(data.capture)));
        return { data, body: parts.body, kept, warc: data.warc as Record<string, string> };
      }),
  );
  return { root, run, report, entries };
}

describe('segmented records (WARC 1.1 continuation records)', () => {
  test('the reported case: the continuation is joined and the article has all six paragraphs', async () => {
    const { root, inbox } = await scratchArchive('archive-warc-integrity-');
    const run = await importAll([path.join(CASES, 'segmented-warc-record/segmented.warc')], root, options);
    expect(run.counts.imported).toBe(1);
    const parts = splitFrontmatter(await readFile(run.outcomes[0]!.article!, 'utf8'))!;
    for (const phrase of [
      'spillway gates',
      'cracks were found',
      'two of the six gates',
      'lower the reservoir',
      'Farmers who rely',
      'eleven million',
    ])
      expect(parts.body).toContain(phrase);
    const report = formatSummary(run, { dryRun: false });
    expect(report).toContain('its 2 segments were joined');
    expect(report).not.toMatch(/other records?, not imported/);
    expect(inbox).toBeTruthy();
  });

  test('three segments with other records between them are joined in order, and the digest of the whole payload checks out', async () => {
    const body = pageBytes(31);
    const block = http(body);
    const [a, b, c] = segmented('https://news.example/story-31', block, [300, 2000], sha1b32(body));
    const { run, entries, report } = await importWarc([
      a!,
      record(
        responseHeaders('https://news.example/x.png', {}),
        http(Buffer.from('png'), { 'Content-Type': 'image/png' }),
      ),
      b!,
      c!,
    ]);
    expect(run.counts).toMatchObject({ imported: 1, failed: 0 });
    expect(entries[0]!.kept.equals(body)).toBe(true);
    expect(entries[0]!.warc.payloadDigest).toBe(sha1b32(body));
    expect(report).toContain(
      '2 continuation records (later segments of segmented records), read with the records they continue',
    );
  });

  test('a segmented record whose continuation is missing is refused with the reason, never half imported', async () => {
    for (const gzip of [false, true]) {
      const body = pageBytes(32);
      const [first] = segmented('https://news.example/story-32', http(body), [900]);
      const { run, entries, report } = await importWarc([first!], gzip ? 'crawl.warc.gz' : 'crawl.warc', gzip);
      expect(entries).toEqual([]);
      expect(run.counts).toMatchObject({ imported: 0, failed: 1 });
      expect(report).toMatch(/failed .*story-32.*segmented.*only its first segment.*not imported/);
    }
  });

  test('segments are joined in number order wherever they lie in the file: last first, first last, gzipped or not', async () => {
    const body = pageBytes(33);
    const [a, b, c] = segmented('https://news.example/story-33', http(body), [400, 1500], sha1b32(body));
    const orders: [Buffer[], string][] = [
      [[c!, a!, b!], '3, 1, 2'],
      [[a!, c!, b!], '1, 3, 2'],
      [[b!, c!, a!], '2, 3, 1'],
      [[c!, b!, a!], '3, 2, 1'],
    ];
    for (const gzip of [false, true])
      for (const [records, order] of orders) {
        const { run, entries, report } = await importWarc(records, gzip ? 'crawl.warc.gz' : 'crawl.warc', gzip);
        expect(run.counts).toMatchObject({ imported: 1, failed: 0 });
        expect(entries[0]!.kept.equals(body)).toBe(true);
        expect(entries[0]!.warc.payloadDigest).toBe(sha1b32(body));
        expect(report).toContain(
          `its 3 segments were joined in number order (the file holds them in the order ${order})`,
        );
        expect(report).toContain('2 continuation records (later segments of segmented records)');
        expect(report).not.toMatch(/other records?, not imported|is not in the file|before it/);
      }
  });

  test('segments spread over the WARCs of a WACZ are joined, whichever WARC holds the first', async () => {
    const body = pageBytes(37);
    const [a, b, c] = segmented('https://news.example/story-37', http(body), [500, 1800], sha256hex(body));
    const { root, inbox } = await scratchArchive('archive-warc-integrity-');
    const file = path.join(inbox, 'pack.wacz');
    await writeFile(
      file,
      storedZip([
        { name: 'archive/a.warc', data: Buffer.concat([warcinfo(), c!]) },
        { name: 'archive/b.warc.gz', data: Buffer.concat([warcinfo(), b!, a!].map((r) => gzipSync(r))) },
      ]),
    );
    const run = await importAll([file], root, options);
    expect(run.counts).toMatchObject({ imported: 1, failed: 0 });
    const parts = splitFrontmatter(await readFile(run.outcomes[0]!.article!, 'utf8'))!;
    const data = parseYaml(parts.yaml) as Record<string, unknown>;
    expect((await readFile(path.join(root, 'captures', String(data.capture)))).equals(body)).toBe(true);
    expect((data.warc as Record<string, string>).payloadDigest).toBe(sha256hex(body));
  });

  test('a refusal names what is really missing: a middle segment, the last one, or segments past the last', async () => {
    const body = pageBytes(34);
    const block = http(body);
    const [a, b, c] = segmented('https://news.example/story-34', block, [400, 1500]);
    const origin = /WARC-Segment-Origin-ID: (\S+)/.exec(b!.toString('latin1'))![1]!;
    for (const records of [
      [a!, c!],
      [c!, a!],
    ]) {
      const gap = await importWarc(records);
      expect(gap.entries).toEqual([]);
      expect(gap.report).toMatch(
        /failed .*story-34 .*: the record is segmented .*segment 2 of its 3 is not in the file \(it holds segments 1 and 3\): not imported/,
      );
      expect(gap.report).not.toMatch(/only its first|before it/);
    }
    for (const records of [
      [a!, b!],
      [b!, a!],
    ]) {
      const noLast = await importWarc(records);
      expect(noLast.entries).toEqual([]);
      expect(noLast.report).toMatch(
        /story-34 .*: .*holds only its first 2 segments .*without the continuation record that ends it/,
      );
    }
    const fourth = record(
      {
        'WARC-Type': 'continuation',
        'WARC-Target-URI': 'https://news.example/story-34',
        'WARC-Date': '2026-11-20T08:00:00Z',
        'WARC-Record-ID': `<urn:uuid:${randomUUID()}>`,
        'WARC-Segment-Origin-ID': origin,
        'WARC-Segment-Number': '4',
      },
      Buffer.from('<p>more</p>'),
    );
    const past = await importWarc([a!, fourth, b!, c!]);
    expect(past.entries).toEqual([]);
    expect(past.report).toMatch(
      /story-34 .*: .*holds segment 4, past segment 3, which gives WARC-Segment-Total-Length/,
    );
    const untotalled = Buffer.from(c!.toString('latin1').replace(/WARC-Segment-Total-Length: \d+\r\n/, ''), 'latin1');
    const noTotal = await importWarc([untotalled, a!, b!]);
    expect(noTotal.entries).toEqual([]);
    expect(noTotal.report).toMatch(
      /story-34 .*: .*holds only its first 3 segments .*WARC-Segment-Total-Length, which segment 3 does not give/,
    );
    const lonely = await importWarc([c!, b!]);
    expect(lonely.run.outcomes).toEqual([]);
    expect(lonely.report).toMatch(
      /2 other records, not imported\n {2}https:\/\/news\.example\/story-34: continuation of <urn:uuid:[^>]+>, whose first segment \(WARC-Segment-Number 1\) is not in the file\n/,
    );
    const short = segmented('https://news.example/story-34', block, [400]);
    const lying = Buffer.from(
      short[1]!
        .toString('latin1')
        .replace(`WARC-Segment-Total-Length: ${block.length}`, `WARC-Segment-Total-Length: ${block.length + 500}`),
      'latin1',
    );
    for (const records of [
      [short[0]!, lying],
      [lying, short[0]!],
    ]) {
      const total = await importWarc(records);
      expect(total.entries).toEqual([]);
      expect(total.report).toMatch(/WARC-Segment-Total-Length .*not whole/);
    }
  });

  test('a segment held twice is named a duplicate: joined once when the copies agree, refused when they differ', async () => {
    const body = pageBytes(36);
    const [a, b, c] = segmented('https://news.example/story-36', http(body), [400, 1500], sha1b32(body));
    for (const records of [
      [a!, b!, b!, c!],
      [b!, a!, c!, b!],
    ]) {
      const { run, entries, report } = await importWarc(records);
      expect(run.counts).toMatchObject({ imported: 1, failed: 0 });
      expect(entries[0]!.kept.equals(body)).toBe(true);
      expect(report).toMatch(
        /story-36: a second copy of segment 2 of <urn:uuid:[^>]+>, the same bytes as the first copy/,
      );
      expect(report).toContain(
        'holds segment 2 of the segmented record twice, with the same bytes; one copy was joined',
      );
      expect(report).not.toMatch(/is not in the file|before it|other records?, not imported/);
    }
    // The second copy differs in one byte (the same length).
    const altered = Buffer.from(b!);
    const at = b!.indexOf('\r\n\r\n') + 4 + 100;
    altered[at] = altered[at] === 0x41 ? 0x42 : 0x41;
    for (const records of [
      [a!, b!, altered, c!],
      [altered, c!, a!, b!],
    ]) {
      const { entries, report } = await importWarc(records);
      expect(entries).toEqual([]);
      expect(report).toMatch(
        /failed .*story-36 .*: .*holds segment 2 twice with different bytes \(both [\d,]+ bytes, SHA-256 \w+… and \w+…\).*not imported/,
      );
      expect(report).toMatch(
        /a second copy of segment 2 of <urn:uuid:[^>]+>, with bytes different from the first copy/,
      );
      expect(report).not.toMatch(/is not in the file|before it/);
    }
  });

  test('segments read before the file turns out damaged are still reported, never dropped', async () => {
    const body = pageBytes(38);
    const [a, , c] = segmented('https://news.example/story-38', http(body), [400, 1500]);
    const { root, inbox } = await scratchArchive('archive-warc-integrity-');
    const file = path.join(inbox, 'crawl.warc');
    const cut = Buffer.from('WARC/1.1\r\nWARC-Type: continuation\r\nContent-Length: 900\r\n\r\n<p>only');
    await writeFile(file, Buffer.concat([warcinfo(), c!, a!, cut]));
    const run = await importAll([file], root, options);
    const report = formatSummary(run, { dryRun: false });
    expect(run.counts.imported).toBe(0);
    expect(report).toMatch(/failed .*story-38 .*: .*segment 2 of its 3 is not in the file/);
    expect(report).toMatch(/failed .*crawl\.warc: cut short or damaged at byte/);
  });

  test('a segmented page over the size limit is refused as too large, whatever the order of its segments', async () => {
    const body = pageBytes(39);
    const [a, b, c] = segmented('https://news.example/story-39', http(body), [400, 1500]);
    for (const records of [
      [a!, b!, c!],
      [c!, b!, a!],
    ]) {
      const { root, inbox } = await scratchArchive('archive-warc-integrity-');
      const file = path.join(inbox, 'crawl.warc');
      await writeFile(file, Buffer.concat([warcinfo(), ...records]));
      const run = await importAll([file], root, { ...options, maxBytes: body.length - 10 });
      const report = formatSummary(run, { dryRun: false });
      expect(run.counts).toMatchObject({ imported: 0, failed: 1 });
      expect(report).toMatch(/story-39 .*: the page is over [\d.]+ MB as recorded/);
    }
  });

  test('a first segment held twice is a duplicate like any segment: joined once when the copies agree, refused naming both digests when they differ', async () => {
    const body = pageBytes(30);
    const [a, b, c] = segmented('https://news.example/story-30', http(body), [400, 1500], sha1b32(body));
    for (const gzipEach of [false, true])
      for (const records of [
        [a!, b!, a!, c!],
        [a!, a!, b!, c!],
        [c!, b!, a!, a!],
      ]) {
        const { run, entries, report } = await importWarc(records, 'crawl.warc', gzipEach);
        expect(run.counts).toMatchObject({ imported: 1, failed: 0 });
        expect(entries[0]!.kept.equals(body)).toBe(true);
        expect(report).toMatch(
          /1 other record, not imported\n {2}https:\/\/news\.example\/story-30: a second copy of segment 1 of <urn:uuid:[^>]+>, the same bytes as the first copy/,
        );
        expect(report).toContain(
          'holds segment 1 of the segmented record twice, with the same bytes; one copy was joined',
        );
        expect(report).toMatch(/\n1 capture: 1 imported, .* 0 failed/);
      }
    // The second copy differs in one byte of its body (the same length), or in an HTTP header.
    const blockOf = (r: Buffer) => r.subarray(r.indexOf('\r\n\r\n') + 4, r.length - 4);
    const withBlock = (block: Buffer) => {
      const head = a!.subarray(0, a!.indexOf('\r\n\r\n') + 4);
      return Buffer.concat([head, block, Buffer.from('\r\n\r\n')]);
    };
    const bodyChanged = Buffer.from(blockOf(a!));
    const at = bodyChanged.indexOf('\r\n\r\n') + 4 + 100;
    bodyChanged[at] = bodyChanged[at] === 0x41 ? 0x42 : 0x41;
    const headerChanged = Buffer.from(
      blockOf(a!).toString('latin1').replace('charset=utf-8', 'charset=UTF-8'),
      'latin1',
    );
    /** The HTTP body part of a first segment's block, after its HTTP headers. */
    const bodyOf = (block: Buffer) => block.subarray(block.indexOf('\r\n\r\n') + 4);
    for (const [records, firstCopy, secondCopy] of [
      [[a!, b!, withBlock(bodyChanged), c!], blockOf(a!), bodyChanged],
      [[withBlock(bodyChanged), c!, a!, b!], bodyChanged, blockOf(a!)],
    ] as const) {
      const { run, entries, report } = await importWarc([...records]);
      expect(entries).toEqual([]);
      expect(run.counts).toMatchObject({ imported: 0, failed: 1 });
      // Both digests, computed here over the records' bytes as written, in file order.
      expect(report).toMatch(
        /failed .*story-30 .*: .*holds segment 1 twice with different bytes \(both [\d,]+ bytes, SHA-256 of the HTTP body \w+… and \w+…\).*not imported/,
      );
      expect(report).toContain(
        `${sha256(bodyOf(firstCopy)).slice(0, 12)}… and ${sha256(bodyOf(secondCopy)).slice(0, 12)}…`,
      );
      expect(report).toMatch(
        /story-30: a second copy of segment 1 of <urn:uuid:[^>]+>, with bytes different from the first copy/,
      );
    }
    const { run, report } = await importWarc([a!, withBlock(headerChanged), b!, c!]);
    expect(run.counts).toMatchObject({ imported: 0, failed: 1 });
    expect(report).toMatch(
      /failed .*story-30 .*: .*holds segment 1 twice with different bytes \(both [\d,]+ bytes, different HTTP headers, the same body, SHA-256 \w+…\).*not imported/,
    );
  });

  test('the reported case of a first segment held twice with the same bytes: one capture, imported, exit status 0', async () => {
    const { root } = await scratchArchive('archive-warc-integrity-');
    const run = await importAll([path.join(CASES, 'duplicate-first-segment/dupfirst.warc')], root, options);
    const report = formatSummary(run, { dryRun: false });
    expect(run.counts).toMatchObject({ imported: 1, failed: 0 });
    expect(report).toMatch(/\n1 capture: 1 imported, .* 0 failed/);
    expect(report).toContain('a second copy of segment 1 of <urn:uuid:0ab4efce-d80b-4004-9e19-743d41709c59>');
  });

  test('the continuations of a segmented record that is not a page are counted with it, wherever it lies', async () => {
    const image = http(Buffer.alloc(3000, 7), { 'Content-Type': 'image/png' });
    const [first, second] = segmented('https://news.example/photo.png', image, [1000]);
    for (const records of [
      [first!, second!],
      [second!, first!],
    ]) {
      const { run, report } = await importWarc(records);
      expect(run.outcomes).toEqual([]);
      expect(report).toContain('1 other resource (not HTML), not imported');
      expect(report).toContain(
        '1 continuation record (a later segment of a segmented record), read with the record it continues',
      );
      expect(report).not.toMatch(/other records?, not imported/);
    }
  });

  test('a continuation whose first segment is not in the file is listed, not imported', async () => {
    const [, second] = segmented('https://news.example/story-35', http(pageBytes(35)), [700]);
    const { run, report } = await importWarc([second!]);
    expect(run.outcomes).toEqual([]);
    expect(report).toMatch(
      /1 other record, not imported\n {2}https:\/\/news\.example\/story-35: continuation of <urn:uuid:/,
    );
  });
});

describe('the kept bytes are the bytes the WARC vouches for', () => {
  test('digests in the forms writers use (sha1 base32, sha256 hex and base32) are checked and recorded', async () => {
    for (const digest of [sha1b32, sha256hex, sha256b32]) {
      const body = pageBytes(40);
      const { entries } = await importWarc([
        record(responseHeaders('https://news.example/story-40', { 'WARC-Payload-Digest': digest(body) }), http(body)),
      ]);
      expect(entries[0]!.warc.payloadDigest).toBe(digest(body));
      expect(entries[0]!.warc.warning).toBeUndefined();
      expect(entries[0]!.data.captureSha256).toBe(sha256(entries[0]!.kept));
    }
  });

  test('a digest in a form that cannot be checked is not recorded, and the capture says so', async () => {
    const body = pageBytes(46);
    const { entries } = await importWarc([
      record(
        responseHeaders('https://news.example/story-46', { 'WARC-Payload-Digest': 'sha3-256:ABCDEF' }),
        http(body),
      ),
    ]);
    expect(entries[0]!.warc.payloadDigest).toBeUndefined();
    expect(entries[0]!.warc.warning).toMatch(/sha3-256:ABCDEF is in a form the importer cannot check/);
  });

  test('a Content-Length one byte long (as wget writes some records): the extra byte is not kept, and the digest holds', async () => {
    for (const gzip of [false, true]) {
      const body = pageBytes(41);
      const block = http(body);
      const rec = record(
        responseHeaders('https://news.example/story-41', { 'WARC-Payload-Digest': sha1b32(body) }),
        block,
        block.length + 1,
      );
      const { entries, report } = await importWarc([rec, warcinfo()], gzip ? 'crawl.warc.gz' : 'crawl.warc', gzip);
      expect(entries).toHaveLength(1);
      expect(entries[0]!.kept.equals(body)).toBe(true);
      expect(sha1b32(entries[0]!.kept)).toBe(entries[0]!.warc.payloadDigest);
      expect(report).toMatch(/Content-Length counts 1 byte past the payload/);
    }
  });

  test('without a digest, a record one byte long is told by its HTTP Content-Length, and the extra byte is not kept', async () => {
    const body = pageBytes(45);
    const block = http(body, { 'Content-Length': String(body.length) });
    const rec = record(responseHeaders('https://news.example/story-45'), block, block.length + 1);
    const { entries, report } = await importWarc([rec, warcinfo()]);
    expect(entries[0]!.kept.equals(body)).toBe(true);
    expect(report).toMatch(/Content-Length counts 1 byte past the [\d,]+ its HTTP Content-Length announces/);
  });

  test('a payload that does not match its digest: the digest is not recorded as the capture’s, and the report and the capture say so', async () => {
    const body = pageBytes(42);
    const changed = Buffer.from(body.toString('utf8').replace('county commission', 'county commissioner'));
    const declared = sha1b32(body);
    const { entries, report, root } = await importWarc([
      record(responseHeaders('https://news.example/story-42', { 'WARC-Payload-Digest': declared }), http(changed)),
    ]);
    const e = entries[0]!;
    expect(e.kept.equals(changed)).toBe(true);
    expect(e.warc.payloadDigest).toBeUndefined();
    expect(e.warc.warning).toContain(`WARC-Payload-Digest ${declared} does not match`);
    expect(e.warc.warning).toContain(sha1b32(changed));
    expect(report).toContain(`note: the record's WARC-Payload-Digest ${declared} does not match`);
    const check = await checkContent(root);
    expect(check.problems).toEqual([]);
  });

  test('a payload altered at its own length is said to be altered or damaged, not blamed on the record’s length', async () => {
    const body = pageBytes(47);
    // The same number of bytes, one word changed: as tampering or a flipped bit leaves a record.
    const changed = Buffer.from(body.toString('utf8').replace('Tuesday', 'TUESDAY'));
    expect(changed.length).toBe(body.length);
    for (const digest of [sha1b32, sha256hex])
      for (const headers of [{ 'Content-Length': String(changed.length) }, {}, { 'Transfer-Encoding': 'chunked' }]) {
        const block = http(
          headers['Transfer-Encoding']
            ? Buffer.from(`${changed.length.toString(16)}\r\n${changed.toString('latin1')}\r\n0\r\n\r\n`, 'latin1')
            : changed,
          headers,
        );
        const { entries } = await importWarc([
          record(responseHeaders('https://news.example/story-47', { 'WARC-Payload-Digest': digest(body) }), block),
        ]);
        const warning = entries[0]!.warc.warning!;
        expect(warning).toContain(`WARC-Payload-Digest ${digest(body)} does not match the payload read`);
        expect(warning).toMatch(/the payload has been altered or damaged since the digest was computed/);
        expect(warning).not.toMatch(/Content-Length/);
        expect(entries[0]!.warc.payloadDigest).toBeUndefined();
      }
    // Segmented: the joined payload is checked, and named so.
    const segmentedRecords = segmented('https://news.example/story-48', http(changed), [600], sha1b32(body));
    const joined = await importWarc(segmentedRecords);
    expect(joined.entries[0]!.warc.warning).toMatch(
      /does not match the payload joined from its 2 segments .*altered or damaged since the digest was computed/,
    );
  });

  test('a length problem is suggested only on evidence: the HTTP Content-Length disagrees, or the digest holds without the extra bytes', async () => {
    const body = pageBytes(49);
    const http49 = (b: Buffer) => http(b, { 'Content-Length': String(body.length) });
    // The record's Content-Length takes in 12 bytes that are not separator bytes; the first
    // Content-Length bytes are what the digest vouches for: kept without the rest.
    const extra = Buffer.concat([http49(body), Buffer.from('WARC/1.1\r\nX-')]);
    const kept = await importWarc([
      record(responseHeaders('https://news.example/story-49', { 'WARC-Payload-Digest': sha1b32(body) }), extra),
    ]);
    expect(kept.entries[0]!.kept.equals(body)).toBe(true);
    expect(kept.entries[0]!.warc.payloadDigest).toBe(sha1b32(body));
    expect(kept.report).toMatch(/Content-Length counts 12 bytes past the payload its WARC-Payload-Digest vouches for/);
    // The same, with the payload changed too: the length is suspect, and so is the payload.
    const changed = Buffer.from(body.toString('utf8').replace('Tuesday', 'TUESDAY'));
    const both = await importWarc([
      record(
        responseHeaders('https://news.example/story-50', { 'WARC-Payload-Digest': sha1b32(body) }),
        Buffer.concat([http49(changed), Buffer.from('WARC/1.1\r\nX-')]),
      ),
    ]);
    expect(both.entries[0]!.warc.warning).toMatch(
      new RegExp(
        `does not match the payload read \\(${(body.length + 12).toLocaleString('en')} bytes; .*its HTTP Content-Length announces ${body.length.toLocaleString('en')} bytes: the record's Content-Length may be wrong, or the payload altered or damaged`,
      ),
    );
  });

  test('a record cut short (its declared length or the writer stops early) is refused, not published as the page', async () => {
    const body = pageBytes(43);
    const block = http(body, { 'Content-Length': String(body.length) });
    // The writer's Content-Length stops 6 bytes early: the rest sits before the next record.
    const cut = record(
      responseHeaders('https://news.example/story-43', { 'WARC-Payload-Digest': sha1b32(body) }),
      block,
      block.length - 6,
    );
    const short = await importWarc([cut]);
    expect(short.entries).toEqual([]);
    expect(short.report).toMatch(/story-43.*holds [\d,]+ of the [\d,]+ bytes its HTTP Content-Length announces/);
    // A record its writer marked truncated.
    const truncated = await importWarc([
      record(
        responseHeaders('https://news.example/story-44', { 'WARC-Truncated': 'length' }),
        http(body.subarray(0, 1500)),
      ),
    ]);
    expect(truncated.entries).toEqual([]);
    expect(truncated.report).toMatch(/story-44.*WARC-Truncated: length/);
    expect(existsSync(path.join(truncated.root, 'articles'))).toBe(false);
  });
});

test('the report counts records in the right number: one redirect, two redirects', async () => {
  const redirect = (n: number) =>
    record(
      responseHeaders(`https://news.example/old-${n}`),
      Buffer.from(`HTTP/1.1 301 Moved Permanently\r\nLocation: https://news.example/story-${n}\r\n\r\n`),
    );
  const one = await importWarc([redirect(1)]);
  expect(one.report).toContain('1 redirect (3xx), not imported');
  expect(one.report).toContain('1 warcinfo record, not imported');
  expect(one.report).toContain('2 records read');
  expect(one.report).toContain('0 captures:');
  const two = await importWarc([redirect(1), redirect(2), warcinfo()]);
  expect(two.report).toContain('2 redirects (3xx), not imported');
  expect(two.report).toContain('2 warcinfo records, not imported');
});
