import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { AsyncIterReader, LimitReader, WARCParser, type WARCRecord } from 'warcio';
import yauzl from 'yauzl';
import { countOf } from '../text/plural.ts';
import { headerCharset } from '../content/charset.ts';
import { singleSpaced } from '../text/white-space.ts';

// Reading web archives: WARC files (ISO 28500, plain or gzipped record by record) and WACZ
// packages (a zip holding WARCs under archive/, the Webrecorder Web Archive Collection Zipped
// format). Records are streamed with webrecorder's warcio, one at a time, so a file of any size
// never sits in memory: only the payload of one HTML page is held while it is imported (and the
// segments of segmented records, rare, until the end of the archive: see Segments).

/** File types read as web archives, longest first. */
export const ARCHIVE_TYPES = ['.warc.gz', '.warc', '.wacz'] as const;

/** The web-archive type of a path, or undefined. */
export function archiveType(file: string): (typeof ARCHIVE_TYPES)[number] | undefined {
  const lower = file.toLowerCase();
  return ARCHIVE_TYPES.find((ext) => lower.endsWith(ext));
}

/** What a WARC record is, as the import report counts it. Only `capture` records are imported. */
export type RecordKind =
  | 'capture'
  | 'redirect'
  | 'revisit'
  | 'not-html'
  | 'error'
  | 'other-response'
  | 'request'
  | 'metadata'
  | 'warcinfo'
  | 'resource'
  | 'continuation'
  | 'other';

/** How the report names each kind of record: one, and more than one. */
export const RECORD_KINDS: Record<RecordKind, readonly [one: string, many: string]> = {
  capture: ['HTML page (status 200)', 'HTML pages (status 200)'],
  redirect: ['redirect (3xx)', 'redirects (3xx)'],
  revisit: [
    'revisit record (unchanged since an earlier capture)',
    'revisit records (unchanged since an earlier capture)',
  ],
  'not-html': ['other resource (not HTML)', 'other resources (not HTML)'],
  error: ['error response (4xx, 5xx)', 'error responses (4xx, 5xx)'],
  'other-response': ['other response (not status 200)', 'other responses (not status 200)'],
  request: ['request record', 'request records'],
  metadata: ['metadata record', 'metadata records'],
  warcinfo: ['warcinfo record', 'warcinfo records'],
  resource: ['resource record', 'resource records'],
  continuation: [
    'continuation record (a later segment of a segmented record)',
    'continuation records (later segments of segmented records)',
  ],
  other: ['other record', 'other records'],
};

/** Where a capture came from: the front matter's `warc` object (see docs/design.md). */
export interface WarcProvenance {
  /** The WARC or WACZ file's name, without folders. */
  file: string;
  /** For a WACZ package, the WARC inside it. */
  entry?: string;
  /** WARC-Record-ID. */
  recordId: string;
  /**
   * WARC-Payload-Digest as recorded, only when the payload read matches it (checkPayloadDigest):
   * never a digest the kept bytes were not verified against.
   */
  payloadDigest?: string;
  /** WARC-Target-URI. */
  targetUri: string;
  /** What is wrong with the record, shown with the capture: a WARC-Payload-Digest the payload does not match. */
  warning?: string;
}

/** An HTML response record (status 200), read and decoded. */
export interface ArchivedPage {
  /** The archive as named in messages: "crawl.warc.gz", or "pack.wacz: archive/data.warc.gz". */
  where: string;
  warc: WarcProvenance;
  /** WARC-Date to the second, in UTC ("2026-11-27T10:15:00Z"). */
  captured: string;
  /** The HTTP payload, decoded from its transfer and content encodings; absent with `problem`. */
  payload?: Buffer;
  /** Why the payload cannot be imported (too large, an encoding that cannot be undone). */
  problem?: string;
  /** The Content-Type header's charset, or null. */
  charset: string | null;
  /** Things the report should say about how the payload was read. */
  notes: string[];
}

/** A record that is not imported, as the report lists it. */
export interface SkippedRecord {
  kind: Exclude<RecordKind, 'capture'>;
  where: string;
  uri?: string | undefined;
  /** What the report adds: the status and Location of a redirect, a content type, the date referred to. */
  detail?: string | undefined;
}

/** A web archive that cannot be read on (cut short, damaged, not a WARC or zip); the message says where. */
export class WebArchiveError extends Error {}

/** What readWebArchive calls for each record. */
export interface ArchiveHandlers {
  /**
   * Called for each HTML response record with status 200, in file order (a segmented record once
   * the whole archive is read, with its segments joined); awaited before reading on.
   */
  page(page: ArchivedPage): Promise<void>;
  /** Called for every other record. */
  skipped(record: SkippedRecord): void;
  /** Called with the number of bytes of the archive just read (for a progress bar). */
  bytes?(n: number): void;
}

/**
 * The number of bytes readWebArchive will report through `bytes` for a file: the file's size for
 * a WARC, the (uncompressed) size of the WARC entries of a WACZ. Throws WebArchiveError for a
 * WACZ that is not a readable zip.
 */
export async function archiveBytes(file: string): Promise<number> {
  if (archiveType(file) !== '.wacz') return (await stat(file)).size;
  const zip = await openZip(file);
  try {
    return (await warcEntries(zip, file)).reduce((sum, e) => sum + e.uncompressedSize, 0);
  } finally {
    zip.close();
  }
}

/**
 * Streams every record of a WARC (.warc, .warc.gz) or WACZ (.wacz) file to the handlers, in file
 * order, and returns how many records were read. Segmented records (WARC 1.1 continuation
 * records) are gathered over the whole file, or every WARC of a WACZ, in whatever order their
 * segments lie, and handed over joined (or refused with the reason) once it is all read
 * (joinSegments), also when the file turns out damaged. `maxBytes` is the largest decoded HTML
 * payload kept (a larger page is passed on with `problem` set, not read into memory). Throws
 * WebArchiveError when the file is cut short or damaged, naming the file, the byte offset and the
 * record reached (every record before that point has been handed over); when it holds no record
 * at all (empty, or a WACZ whose WARCs are); and when it is not a WARC (its first line is not
 * "WARC/…").
 */
export async function readWebArchive(
  file: string,
  maxBytes: number,
  handlers: ArchiveHandlers,
): Promise<{ records: number }> {
  const name = path.basename(file);
  const segments = newSegments();
  // Segmented records are joined once the whole archive is read, and also when it turns out
  // cut short, so that the captures read before the damage are reported, not dropped.
  const joined = <T>(read: Promise<T>) =>
    read.then(
      async (result) => {
        await joinSegments(segments, handlers, maxBytes);
        return result;
      },
      async (err: unknown) => {
        if (err instanceof WebArchiveError) await joinSegments(segments, handlers, maxBytes);
        throw err;
      },
    );
  if (archiveType(file) !== '.wacz') {
    const size = (await stat(file)).size;
    const read = await joined(
      readWarcStream(createReadStream(file), { where: name, name, size, maxBytes, segments }, handlers),
    );
    if (read.records === 0) noRecords(name, size);
    return read;
  }
  const zip = await openZip(file);
  try {
    const entries = await warcEntries(zip, file);
    if (entries.length === 0)
      throw new WebArchiveError(
        `${name}: holds no WARC files under archive/ (a WACZ package keeps its WARCs in archive/*.warc or archive/*.warc.gz)`,
      );
    const records = await joined(
      (async () => {
        let records = 0;
        for (const entry of entries) {
          const where = `${name}: ${entry.fileName}`;
          let stream: Readable;
          try {
            stream = await zip.openReadStreamPromise(entry);
          } catch (err) {
            throw new WebArchiveError(`${where}: cannot be read from the zip: ${(err as Error).message}`);
          }
          const size = entry.uncompressedSize;
          const opts = { where, name, entry: entry.fileName, size, maxBytes, segments };
          records += (await readWarcStream(stream, opts, handlers)).records;
        }
        return records;
      })(),
    );
    if (records === 0) noRecords(`${name}: ${entries.map((e) => e.fileName).join(', ')}`, entriesSize(entries));
    return { records };
  } finally {
    zip.close();
  }
}

/** The uncompressed bytes of a WACZ's WARC entries. */
const entriesSize = (entries: yauzl.Entry[]) => entries.reduce((sum, e) => sum + e.uncompressedSize, 0);

/** Opens a zip for reading entry by entry, or throws WebArchiveError. */
async function openZip(file: string): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  } catch (err) {
    // yauzl's messages name zip internals; the user needs what it means and what to do.
    const cause = /end of central directory/i.test((err as Error).message)
      ? 'its table of contents at the end is missing, so it was cut short or is not a zip'
      : 'its zip structure is damaged';
    throw new WebArchiveError(
      `${path.basename(file)}: is not a readable WACZ (zip) file: ${cause}; download or copy it again`,
    );
  }
}

/** The WARC entries of a WACZ (archive/….warc, archive/….warc.gz), in name order. */
async function warcEntries(zip: yauzl.ZipFile, file: string): Promise<yauzl.Entry[]> {
  const entries: yauzl.Entry[] = [];
  try {
    for await (const entry of zip.eachEntry())
      if (/^archive\/.+\.warc(?:\.gz)?$/i.test(entry.fileName)) entries.push(entry);
  } catch (err) {
    throw new WebArchiveError(`${path.basename(file)}: its zip directory cannot be read: ${(err as Error).message}`);
  }
  return entries.sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
}

interface StreamOptions {
  where: string;
  name: string;
  entry?: string;
  /** Bytes the stream holds, to tell a complete file from one cut short. */
  size: number;
  maxBytes: number;
  /** The archive's segmented records, gathered until all of it has been read. */
  segments: Segments;
}

/** A stream's chunks, counted as they pass. */
async function* counted(stream: Readable, seen: { bytes: number; gzip?: boolean }, report?: (n: number) => void) {
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (seen.bytes === 0 && chunk.length > 0) seen.gzip = chunk[0] === 0x1f && chunk[1] === 0x8b;
    seen.bytes += chunk.length;
    report?.(chunk.length);
    yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
  }
}

/** Reads the records of one WARC stream. */
async function readWarcStream(
  stream: Readable,
  opts: StreamOptions,
  handlers: ArchiveHandlers,
): Promise<{ records: number }> {
  const seen: { bytes: number; gzip?: boolean } = { bytes: 0 };
  const parser = new WARCParser(counted(stream, seen, handlers.bytes));
  let records = 0;
  let last: string | undefined;
  const damaged = (offset: number, detail: string) =>
    new WebArchiveError(
      `${opts.where}: cut short or damaged at byte ${offset.toLocaleString('en')} of ${opts.size.toLocaleString('en')}, ` +
        `in record ${records + 1}${last ? ` (after ${last})` : ''}: ${detail}. ` +
        `The ${records} record${records === 1 ? '' : 's'} before it ${records === 1 ? 'was' : 'were'} read; repair or fetch the file again to read the rest`,
    );
  try {
    for (;;) {
      let record: WARCRecord | null;
      try {
        record = await parser.parse();
      } catch (err) {
        throw damaged(parser.offset, `the record's headers cannot be read (${(err as Error).message})`);
      }
      if (!record) break;
      if (!/^WARC\/\d/.test(record.warcHeaders.statusline) && records === 0)
        throw notWarc(opts, record.warcHeaders.statusline);
      if (!/^WARC\/\d/.test(record.warcHeaders.statusline))
        throw damaged(
          parser.offset,
          `expected a record starting "WARC/1.0" or "WARC/1.1", found "${record.warcHeaders.statusline.slice(0, 40)}"`,
        );
      const lacking = ['WARC-Type', 'Content-Length'].filter((h) => !record.warcHeader(h));
      if (lacking.length)
        throw damaged(parser.offset, `the record lacks ${lacking.join(' and ')}, which every WARC record has`);
      const offset = parser.offset;
      await readRecord(record, opts, handlers, (detail) => damaged(offset, detail));
      records++;
      last = record.warcTargetURI ?? record.warcHeader('WARC-Record-ID') ?? undefined;
    }
  } finally {
    stream.destroy();
  }
  // The parser stops quietly at a record it cannot finish (a gzip member cut short): the bytes it
  // used must reach the end of the file, or the rest was lost.
  const reader = (parser as unknown as { _reader: AsyncIterReader & { _rawOffset: number } })._reader;
  if (seen.gzip && !reader.compressed)
    throw damaged(reader._rawOffset, 'what follows is not a gzip member (the file is damaged here)');
  const used = reader.compressed ? reader.getRawOffset() : reader.getReadOffset();
  if (used < seen.bytes && !onlyPadding(seen.bytes - used))
    throw damaged(used, 'the file ends in the middle of a record (a gzip member or record cut short)');
  if (seen.bytes < opts.size) throw damaged(seen.bytes, 'the file ended early');
  return { records };
}

/** Throws WebArchiveError for an archive that held no record: an empty file, or one of padding only. */
function noRecords(where: string, size: number): never {
  throw new WebArchiveError(
    size === 0
      ? `${where}: is empty (0 bytes): there is nothing to import`
      : `${where}: holds no WARC records (${size.toLocaleString('en')} bytes, none of them a record); fetch or export the file again`,
  );
}

/**
 * The error for a file whose first line is not a WARC record's ("WARC/1.0", "WARC/1.1", as
 * ISO 28500 starts every record): a page or other file saved under a .warc name.
 */
function notWarc(opts: StreamOptions, firstLine: string): WebArchiveError {
  const shown = singleSpaced(firstLine).slice(0, 40);
  const html = /^(?:\uFEFF)?\s*<(?:!doctype html|html|head|body|!--)/i.test(firstLine);
  return new WebArchiveError(
    `${opts.where}: is not a WARC file: it starts with "${shown}", not "WARC/"` +
      (html
        ? ' (it is an HTML page: import it under a .html name)'
        : ' (a WARC file starts with "WARC/1.0" or "WARC/1.1")'),
  );
}

/** A few bytes of end-of-file padding (newlines) are not a lost record. */
function onlyPadding(bytes: number): boolean {
  return bytes <= 4;
}

/** Reads one record: an HTML capture is handed to `page`, anything else to `skipped`. */
async function readRecord(
  record: WARCRecord,
  opts: StreamOptions,
  handlers: ArchiveHandlers,
  damaged: (detail: string) => WebArchiveError,
): Promise<void> {
  const uri = record.warcTargetURI ?? undefined;
  if (record.warcType === 'continuation') return continueSegment(record, opts, damaged);
  const kind = recordKind(record);
  const segmentNumber = record.warcHeader('WARC-Segment-Number');
  if (kind.kind !== 'capture') {
    // A segmented record not imported: its continuations are counted, not imported, with it.
    if (segmentNumber)
      segmentGroup(opts.segments, record.warcHeader('WARC-Record-ID') ?? '').first ??= { skipped: true };
    await drain(record, damaged);
    handlers.skipped({ kind: kind.kind, where: opts.where, uri, detail: kind.detail });
    return;
  }
  const headers = record.httpHeaders!.headers;
  const recordId = record.warcHeader('WARC-Record-ID') ?? '';
  const firstSegment = segmentNumber?.trim() === '1' && recordId !== '';
  const group = firstSegment ? segmentGroup(opts.segments, recordId) : undefined;
  if (group?.first && !group.first.skipped) {
    // A second copy of a first segment: only its length and digest are kept, to compare.
    const copy = await readHashed(record, 0, damaged);
    group.firstCopies.push({
      where: opts.where,
      uri,
      blockLength: Number(record.warcHeader('Content-Length')),
      sha256: copy.sha256,
      httpHead: record.httpHeaders!.toString(),
    });
    return;
  }
  // A first segment read after some of its continuations gets what is left of maxBytes; the
  // digest of its HTTP body tells, with its headers, whether a second copy agrees.
  const read = group ? await readHashed(record, Math.max(0, opts.maxBytes - group.held), damaged) : undefined;
  const raw = read ? read.bytes : await readRaw(record, opts.maxBytes, damaged);
  const page: ArchivedPage = {
    where: opts.where,
    warc: {
      file: opts.name,
      ...(opts.entry && { entry: opts.entry }),
      recordId: record.warcHeader('WARC-Record-ID') ?? '',
      targetUri: uri!,
    },
    captured: warcDate(record.warcDate),
    charset: headerCharset(headers.get('content-type')),
    notes: [],
  };
  const facts: CaptureFacts = {
    page,
    headers,
    payloadDigest: record.warcPayloadDigest ?? undefined,
    truncated: record.warcHeader('WARC-Truncated') ?? undefined,
  };
  if (segmentNumber) {
    // WARC 1.1 section 5.8: a record too long for one file is split; the first segment is a
    // response with WARC-Segment-Number 1, the rest are continuation records naming it.
    if (!group) {
      page.problem = `the record says it is segment ${segmentNumber} of a segmented record but is not a continuation record; its first segment is missing, so the page is not whole`;
      await handlers.page(page);
      return;
    }
    if (group.first) {
      page.problem = `the ${opts.where.includes(': ') ? 'package' : 'file'} holds segment 1 of the segmented record ${recordId} twice, once as a record that is not an HTML page (status 200): which is the record cannot be told`;
      await handlers.page(page);
      return;
    }
    group.held += raw?.length ?? Infinity;
    group.first = {
      facts,
      raw,
      blockLength: Number(record.warcHeader('Content-Length')),
      sha256: read!.sha256,
      httpHead: record.httpHeaders!.toString(),
      order: opts.segments.read++,
    };
    return;
  }
  await finishCapture(facts, raw, opts.maxBytes, handlers);
}

/** A capture read so far: the page, its HTTP headers and what the WARC headers claim of its payload. */
interface CaptureFacts {
  page: ArchivedPage;
  headers: { get(name: string): string | null | undefined };
  /** WARC-Payload-Digest as recorded. */
  payloadDigest: string | undefined;
  /** WARC-Truncated: why the writer cut the record short ("length", "time", "disconnect", "unspecified"). */
  truncated: string | undefined;
}

/** A continuation record (a later segment of a segmented record), read and held until the end of the archive. */
interface Continuation {
  /** WARC-Segment-Number as a number (NaN when it is not one), and as written. */
  number: number;
  numberText: string;
  where: string;
  uri: string | undefined;
  /** The record's Content-Length: its block's bytes, for WARC-Segment-Total-Length. */
  blockLength: number;
  /** The block, or null once the segmented record is over maxBytes. */
  bytes: Buffer | null;
  /** SHA-256 of the block (hex), to tell whether two copies of a segment agree. */
  sha256: string;
  /** WARC-Segment-Total-Length, given only by the last segment. */
  total: string | undefined;
  /** The record's position among the archive's segment records, to tell file order. */
  order: number;
}

/** The segments of one segmented record, by WARC-Record-ID of its first segment, as the archive holds them. */
interface SegmentGroup {
  /** The first segment: a capture waiting for its continuations, or `skipped` for a record that is not imported. */
  first?:
    | { skipped: true }
    | {
        skipped?: false;
        facts: CaptureFacts;
        raw: Buffer | null;
        blockLength: number;
        /** SHA-256 (hex) of the HTTP body as stored in this segment. */
        sha256: string;
        /** The status line and HTTP headers as parsed (warcio's serialization), to compare copies. */
        httpHead: string;
        order: number;
      };
  /** Further records with the first segment's WARC-Record-ID and WARC-Segment-Number 1, after `first`. */
  firstCopies: { where: string; uri: string | undefined; blockLength: number; sha256: string; httpHead: string }[];
  continuations: Continuation[];
  /** Bytes held for the capture so far (its first segment's payload and the continuations' blocks). */
  held: number;
}

/**
 * Segmented records of one archive (a WARC file, or every WARC of a WACZ), gathered whatever the
 * order of their segments in the archive and joined once it has all been read (joinSegments).
 * Continuation records are rare (a writer splits a record only when it would overflow its file
 * size limit), so their blocks are held until the end of the archive; each segmented capture holds
 * at most maxBytes (past that only lengths and digests are kept, and the page is refused as too
 * large, as an unsegmented one would be).
 */
interface Segments {
  groups: Map<string, SegmentGroup>;
  /** Segment records read so far. */
  read: number;
}

/** No segmented records yet. */
const newSegments = (): Segments => ({ groups: new Map(), read: 0 });

/** The group of the segmented record whose first segment has WARC-Record-ID `origin`, made when new. */
function segmentGroup(segments: Segments, origin: string): SegmentGroup {
  let group = segments.groups.get(origin);
  if (!group) segments.groups.set(origin, (group = { firstCopies: [], continuations: [], held: 0 }));
  return group;
}

/**
 * Reads a continuation record (WARC 1.1 section 6.8) into the group of the record it names in
 * WARC-Segment-Origin-ID; it is joined, or reported, when the whole archive has been read.
 */
async function continueSegment(
  record: WARCRecord,
  opts: StreamOptions,
  damaged: (detail: string) => WebArchiveError,
): Promise<void> {
  const origin = record.warcHeader('WARC-Segment-Origin-ID') ?? '';
  const group = segmentGroup(opts.segments, origin);
  const numberText = record.warcHeader('WARC-Segment-Number')?.trim() ?? '';
  const block = await readHashed(record, Math.max(0, opts.maxBytes - group.held), damaged);
  group.held += block.length;
  group.continuations.push({
    number: /^\d+$/.test(numberText) ? Number(numberText) : NaN,
    numberText,
    where: opts.where,
    uri: record.warcTargetURI ?? undefined,
    blockLength: Number(record.warcHeader('Content-Length')),
    bytes: block.bytes,
    sha256: block.sha256,
    total: record.warcHeader('WARC-Segment-Total-Length')?.trim() ?? undefined,
    order: opts.segments.read++,
  });
}

/** Segment numbers as "1, 2 and 4", or ranges as "1 to 3". */
function segmentList(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const contiguous = sorted.length > 2 && sorted.at(-1)! - sorted[0]! === sorted.length - 1;
  if (contiguous) return `${sorted[0]} to ${sorted.at(-1)}`;
  return sorted.length < 2 ? String(sorted[0] ?? '') : `${sorted.slice(0, -1).join(', ')} and ${sorted.at(-1)}`;
}

/**
 * Joins the segmented records of an archive once all of it has been read (WARC 1.1 section 5.8,
 * 6.8): the first segment (a response with WARC-Segment-Number 1) and its continuation records
 * (WARC-Segment-Origin-ID naming it), in segment-number order wherever they lie in the archive.
 * A capture is handed over whole, checked against WARC-Segment-Total-Length, or with `problem`
 * saying what is really missing or wrong: a segment the archive does not hold, the last segment
 * (the one with WARC-Segment-Total-Length), segments past the last, a segment held twice with
 * different bytes (the first segment too), lengths that do not add up. Every continuation record
 * is reported through `skipped`: as `continuation` when its first segment is in the archive, else
 * as `other`; so is every second copy of a first segment, as `other`.
 */
async function joinSegments(segments: Segments, handlers: ArchiveHandlers, maxBytes: number): Promise<void> {
  for (const [origin, group] of segments.groups) {
    const first = group.first;
    if (!first || first.skipped) {
      for (const c of group.continuations)
        handlers.skipped({
          kind: first ? 'continuation' : 'other',
          where: c.where,
          uri: c.uri,
          detail: first
            ? undefined
            : `continuation of ${origin || 'a record it does not name (no WARC-Segment-Origin-ID)'}, whose first segment (WARC-Segment-Number 1) is not in the ${c.where.includes(': ') ? 'package' : 'file'}`,
        });
      continue;
    }
    /** What holds the segments: a WARC file, or the WARCs of a WACZ package. */
    const holder = first.facts.page.where.includes(': ') ? 'package' : 'file';
    // Each segment number once: a second copy is reported, and refused when its bytes differ.
    const bySegment = new Map<number, Continuation>();
    const problems: string[] = [];
    /** Reports a second copy of segment `numberText` and notes it (same bytes) or refuses the page (different bytes). */
    const secondCopy = (
      kind: 'continuation' | 'other',
      numberText: string,
      copy: { blockLength: number; sha256: string; httpHead?: string },
      c: { where: string; uri: string | undefined; blockLength: number; sha256: string; httpHead?: string },
    ) => {
      const sameBody = copy.sha256 === c.sha256 && copy.blockLength === c.blockLength;
      const agree = sameBody && copy.httpHead === c.httpHead;
      handlers.skipped({
        kind,
        where: c.where,
        uri: c.uri,
        detail: `a second copy of segment ${numberText} of ${origin}, ${agree ? 'the same bytes as the first copy (only one is joined)' : 'with bytes different from the first copy'}`,
      });
      const lengths =
        copy.blockLength === c.blockLength
          ? `both ${c.blockLength.toLocaleString('en')}`
          : `${copy.blockLength.toLocaleString('en')} and ${c.blockLength.toLocaleString('en')}`;
      // A first segment's digests are of its HTTP body; its headers are compared as parsed.
      const digested = copy.httpHead === undefined ? 'SHA-256' : 'SHA-256 of the HTTP body';
      if (!agree)
        problems.push(
          `the ${holder} holds segment ${numberText} twice with different bytes (${lengths} bytes, ` +
            (sameBody
              ? `different HTTP headers, the same body, SHA-256 ${c.sha256.slice(0, 12)}…`
              : `${digested} ${copy.sha256.slice(0, 12)}… and ${c.sha256.slice(0, 12)}…`) +
            `), so which is the page's cannot be told`,
        );
      else
        first.facts.page.notes.push(
          `the ${holder} holds segment ${numberText} of the segmented record twice, with the same bytes; one copy was joined`,
        );
    };
    // A second record with the first segment's WARC-Record-ID is a copy of it (WARC 1.1 section
    // 5.2: a record ID is unique), counted as an other record since it is not a continuation.
    for (const c of group.firstCopies) secondCopy('other', '1', first, c);
    for (const c of [...group.continuations].sort((a, b) => a.order - b.order)) {
      const copy = bySegment.get(c.number);
      if (!copy) {
        bySegment.set(c.number, c);
        handlers.skipped({
          kind: 'continuation',
          where: c.where,
          uri: c.uri,
          detail: `segment ${c.numberText || '(unnumbered)'} of ${origin}`,
        });
        continue;
      }
      secondCopy('continuation', c.numberText, copy, c);
    }
    const unnumbered = [...bySegment.values()].filter((c) => !(c.number >= 2));
    if (unnumbered.length)
      problems.push(
        `its continuation records give WARC-Segment-Number ${unnumbered.map((c) => `"${c.numberText}"`).join(', ')}, where a number from 2 on is required`,
      );
    const lasts = [...bySegment.values()].filter((c) => c.total !== undefined);
    const present = [1, ...[...bySegment.keys()].filter((n) => n >= 2).sort((x, y) => x - y)];
    const last = lasts.length === 1 ? lasts[0]!.number : undefined;
    const missing = last ? Array.from({ length: last - 1 }, (_, i) => i + 1).filter((n) => !present.includes(n)) : [];
    if (lasts.length > 1)
      problems.push(
        `segments ${segmentList(lasts.map((c) => c.number))} each give WARC-Segment-Total-Length, which only the last segment does`,
      );
    else if (last === undefined) {
      const contiguous = present.every((n, i) => n === i + 1) ? present.length : 0;
      const bytes = first.blockLength + [...bySegment.values()].reduce((sum, c) => sum + c.blockLength, 0);
      problems.push(
        (contiguous
          ? `the ${holder} holds only ${contiguous === 1 ? 'its first segment' : `its first ${contiguous} segments`}`
          : `the ${holder} holds its segments ${segmentList(present)}`) +
          ` (${bytes.toLocaleString('en')} bytes), without the continuation record that ends it (the one with WARC-Segment-Total-Length` +
          (present.length > 1
            ? `, which segment ${present.at(-1)} does not give: it is not the last, or lacks the header)`
            : ')'),
      );
    } else {
      const beyond = present.filter((n) => n > last);
      if (missing.length)
        problems.push(
          `segment${missing.length === 1 ? '' : 's'} ${segmentList(missing)} of its ${last} ${missing.length === 1 ? 'is' : 'are'} not in the ${holder} (it holds segments ${segmentList(present)})`,
        );
      if (beyond.length)
        problems.push(
          `the ${holder} holds segment${beyond.length === 1 ? '' : 's'} ${segmentList(beyond)}, past segment ${last}, which gives WARC-Segment-Total-Length as the last`,
        );
    }
    const page = first.facts.page;
    if (problems.length) {
      page.problem =
        `the record is segmented (WARC-Segment-Number) and ${problems.join('; ')}: not imported, so as not to publish part of a page as the whole` +
        ((last === undefined && !lasts.length) || missing.length
          ? ' (segments are joined within one WARC or WACZ file: join the WARC files holding its segments, as in cat a.warc.gz b.warc.gz > all.warc.gz, and import that)'
          : '');
      await handlers.page(page);
      continue;
    }
    const ordered = [...bySegment.values()].sort((a, b) => a.number - b.number);
    const blockLength = first.blockLength + ordered.reduce((sum, c) => sum + c.blockLength, 0);
    const total = lasts[0]!.total!;
    if (Number(total) !== blockLength) {
      page.problem = `the record is segmented, and its ${ordered.length + 1} segments hold ${blockLength.toLocaleString('en')} bytes, but its last segment gives WARC-Segment-Total-Length ${total}: the page is not whole, so it is not imported`;
      await handlers.page(page);
      continue;
    }
    const parts = [first.raw, ...ordered.map((c) => c.bytes)];
    const size = parts.reduce((sum, b) => sum + (b?.length ?? Infinity), 0);
    const joined = size <= maxBytes ? Buffer.concat(parts as Buffer[]) : null;
    const fileOrder = [first, ...ordered].map((s) => s.order);
    const inOrder = fileOrder.every((o, i) => i === 0 || o > fileOrder[i - 1]!);
    page.notes.push(
      `the record is segmented: its ${ordered.length + 1} segments were joined` +
        (inOrder
          ? ''
          : ` in number order (the ${holder} holds them in the order ${[first, ...ordered]
              .map((s, i) => ({ n: i + 1, o: s.order }))
              .sort((a, b) => a.o - b.o)
              .map((s) => s.n)
              .join(', ')})`),
    );
    await finishCapture(first.facts, joined, maxBytes, handlers, ordered.length + 1);
  }
  segments.groups.clear();
}

/**
 * Checks and decodes a capture's stored HTTP body (`stored`, null when over maxBytes; joined from
 * `segments` segments when the record is segmented), then hands the page over: refused when the
 * writer marked it truncated, it is shorter than its HTTP Content-Length, or its chunked or
 * compressed framing ends early (decodePayload). The payload digest is
 * checked (checkPayloadDigest) and recorded only when it matches; a mismatch is put down to the
 * record's length only on evidence (a body the HTTP Content-Length disagrees with, or whose first
 * Content-Length bytes match the digest), else to the payload being altered or damaged.
 */
async function finishCapture(
  facts: CaptureFacts,
  stored: Buffer | null,
  maxBytes: number,
  handlers: ArchiveHandlers,
  segments = 1,
): Promise<void> {
  const { page, headers } = facts;
  let raw = stored;
  const lengthHeader = headers.get('content-length')?.trim() ?? '';
  const declared = /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : NaN;
  const chunked = codings(headers.get('transfer-encoding')).includes('chunked');
  /** The HTTP Content-Length, when it applies (not chunked) and disagrees with the body's length. */
  const disagrees = (body: Buffer) => !chunked && Number.isInteger(declared) && declared !== body.length;
  const vouched = (digest: string, bytes: Buffer) => {
    page.warc.payloadDigest = digest;
    const extra = raw!.length - bytes.length;
    if (extra)
      page.notes.push(
        `the record's Content-Length counts ${countOf(extra, 'byte')} past the payload its WARC-Payload-Digest vouches for; the payload was kept without ${extra === 1 ? 'it' : 'them'}`,
      );
    raw = bytes;
  };
  if (raw && facts.payloadDigest) {
    const check = checkPayloadDigest(facts.payloadDigest, raw);
    // The HTTP Content-Length as evidence: the record holds more than it announces, and what it
    // announces is what the digest vouches for.
    const prefix =
      !check.matches && !check.unknown && disagrees(raw) && declared < raw.length
        ? checkPayloadDigest(facts.payloadDigest, raw.subarray(0, declared))
        : undefined;
    if (check.matches) vouched(facts.payloadDigest, check.bytes);
    else if (prefix?.matches) vouched(facts.payloadDigest, prefix.bytes);
    else {
      const read = `the payload ${segments > 1 ? `joined from its ${segments} segments` : 'read'} (${raw.length.toLocaleString('en')} bytes; ${check.actual})`;
      page.warc.warning = check.unknown
        ? `the record's WARC-Payload-Digest ${facts.payloadDigest} is in a form the importer cannot check, so it is not recorded`
        : disagrees(raw)
          ? `the record's WARC-Payload-Digest ${facts.payloadDigest} does not match ${read}, and its HTTP Content-Length announces ${declared.toLocaleString('en')} bytes: the record's Content-Length may be wrong, or the payload altered or damaged, so this copy may differ from what was captured`
          : `the record's WARC-Payload-Digest ${facts.payloadDigest} does not match ${read}: the payload has been altered or damaged since the digest was computed, so this copy may differ from what was captured`;
      page.notes.push(page.warc.warning);
    }
  }
  // Without a digest to go by, the HTTP Content-Length tells a record one to three separator
  // bytes long (CR/LF past the body) the same way.
  if (raw && !facts.payloadDigest && !chunked && Number.isInteger(declared) && declared < raw.length) {
    const extra = raw.subarray(declared);
    if (extra.length <= 3 && extra.every((b) => b === 0x0a || b === 0x0d)) {
      page.notes.push(
        `the record's Content-Length counts ${countOf(extra.length, 'byte')} past the ${declared.toLocaleString('en')} its HTTP Content-Length announces; the payload was kept without ${extra.length === 1 ? 'it' : 'them'}`,
      );
      raw = raw.subarray(0, declared);
    }
  }
  if (!page.warc.recordId) page.problem = 'the record has no WARC-Record-ID';
  else if (!page.captured) page.problem = `the record's WARC-Date is not a date`;
  else if (facts.truncated)
    page.problem = `the record is marked truncated (WARC-Truncated: ${facts.truncated}): the crawler kept only part of the page, so it is not imported`;
  else if (!raw) page.problem = `the page is over ${mb(maxBytes)} as recorded (raise the limit with --max-mb)`;
  else if (!chunked && Number.isInteger(declared) && declared > raw.length)
    page.problem = `the record holds ${raw.length.toLocaleString('en')} of the ${declared.toLocaleString('en')} bytes its HTTP Content-Length announces: the page was cut short, so it is not imported`;
  else {
    const decoded = decodePayload(raw, headers, maxBytes);
    if (decoded.problem) page.problem = decoded.problem;
    else page.payload = decoded.bytes;
    page.notes.push(...decoded.notes);
  }
  await handlers.page(page);
}

/** Node's names of the digest algorithms WARC writers use, by their WARC-Payload-Digest label. */
const DIGEST_ALGORITHMS: Record<string, string> = {
  sha1: 'sha1',
  sha256: 'sha256',
  sha512: 'sha512',
  sha384: 'sha384',
  sha224: 'sha224',
  md5: 'md5',
};

/** Bytes of an RFC 4648 base32 string (upper or lower case, padded or not), or null. */
function base32Bytes(text: string): Buffer | null {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const chars = text.toUpperCase().replace(/=+$/, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of chars) {
    const i = alphabet.indexOf(c);
    if (i < 0) return null;
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The digest bytes a WARC digest value may stand for: base32 (as most writers), hex, base64. */
function digestValues(text: string): Buffer[] {
  const values: Buffer[] = [];
  const b32 = /^[A-Za-z2-7]+=*$/.test(text) ? base32Bytes(text) : null;
  if (b32) values.push(b32);
  if (/^(?:[0-9a-f]{2})+$/i.test(text)) values.push(Buffer.from(text, 'hex'));
  if (/^[A-Za-z0-9+/_-]+=*$/.test(text)) values.push(Buffer.from(text, 'base64'));
  return values;
}

/**
 * Checks a WARC-Payload-Digest ("algorithm:value", WARC 1.1 section 5.9: sha1 in base32 as wget,
 * Heritrix and warcio write it; sha256 in base32 or hex, as warcio.js writes it; base64) against
 * the HTTP body as stored in the record. When it does not match and the body ends in up to three
 * CR/LF bytes, the body without them is tried too: writers whose Content-Length counts part of
 * the record separator (as some wget versions do) store bytes the digest does not cover.
 * Returns the bytes the digest vouches for, or why it cannot: `unknown` for an algorithm or form
 * it cannot read, else `actual`, the body's own digest in the record's form.
 */
function checkPayloadDigest(
  declared: string,
  body: Buffer,
): { matches: true; bytes: Buffer } | { matches: false; unknown?: true; actual?: string } {
  const m = /^([A-Za-z0-9-]+):(.+)$/.exec(declared.trim());
  const algorithm = m && DIGEST_ALGORITHMS[m[1]!.toLowerCase().replace(/-/g, '')];
  const values = m ? digestValues(m[2]!.trim()) : [];
  if (!algorithm || values.length === 0) return { matches: false, unknown: true };
  const digest = (b: Buffer) => createHash(algorithm).update(b).digest();
  for (let cut = 0; cut <= 3 && cut <= body.length; cut++) {
    if (cut > 0 && body[body.length - cut] !== 0x0a && body[body.length - cut] !== 0x0d) break;
    const bytes = body.subarray(0, body.length - cut);
    const d = digest(bytes);
    if (values.some((v) => v.equals(d))) return { matches: true, bytes };
  }
  const own = digest(body);
  const form = /^[A-Z2-7]+=*$/.test(m[2]!.trim()) ? base32(own) : own.toString('hex');
  return { matches: false, actual: `${m[1]}:${form}` };
}

/** RFC 4648 base32, upper case, without padding (as WARC writers print sha1 digests). */
function base32(bytes: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** The kind of a record, with what the report adds about it. */
function recordKind(record: WARCRecord): { kind: RecordKind; detail?: string } {
  const type = record.warcType;
  switch (type) {
    case 'response': {
      const http = record.httpHeaders;
      const status = Number(http?.statusCode);
      if (!http || !status || !/^https?:/i.test(record.warcTargetURI ?? ''))
        return { kind: 'other-response', detail: 'not an HTTP response' };
      const contentType = http.headers.get('content-type') ?? '';
      if (status >= 300 && status < 400) {
        const location = http.headers.get('location');
        return { kind: 'redirect', detail: `${status}${location ? ` to ${location}` : ''}` };
      }
      if (status >= 400) return { kind: 'error', detail: String(status) };
      if (status !== 200) return { kind: 'other-response', detail: String(status) };
      if (!/^\s*(?:text\/html|application\/xhtml\+xml)\b/i.test(contentType))
        return { kind: 'not-html', detail: contentType.split(';')[0]?.trim() || 'no Content-Type' };
      return { kind: 'capture' };
    }
    case 'revisit': {
      const date = record.warcRefersToDate;
      return { kind: 'revisit', ...(date && { detail: `same as the capture of ${date}` }) };
    }
    case 'request':
    case 'metadata':
    case 'warcinfo':
    case 'resource':
      return { kind: type };
    default:
      return { kind: 'other', detail: String(type ?? 'no WARC-Type') };
  }
}

/** The record's reader, which knows how many bytes of the record are still to come. */
function limitReader(record: WARCRecord): LimitReader | undefined {
  const reader = record.reader;
  return reader instanceof LimitReader ? reader : undefined;
}

/** Reads past a record's content, checking it is all there. */
async function drain(record: WARCRecord, damaged: (detail: string) => WebArchiveError): Promise<void> {
  for await (const _chunk of record.reader);
  const missing = limitReader(record)?.limit ?? 0;
  if (missing > 0) throw damaged(`the record is ${missing.toLocaleString('en')} bytes short of its Content-Length`);
}

/** The record's HTTP body as stored (still transfer- and content-encoded), or null when over maxBytes. */
async function readRaw(
  record: WARCRecord,
  maxBytes: number,
  damaged: (detail: string) => WebArchiveError,
): Promise<Buffer | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of record.reader) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  }
  const missing = limitReader(record)?.limit ?? 0;
  if (missing > 0) throw damaged(`the record is ${missing.toLocaleString('en')} bytes short of its Content-Length`);
  return size <= maxBytes ? Buffer.concat(chunks) : null;
}

/**
 * A continuation record's block (the next bytes of the segmented record's), or a first segment's
 * HTTP body (after its HTTP headers): its length, SHA-256 (hex) and the bytes, or null for the
 * bytes when over maxBytes.
 */
async function readHashed(
  record: WARCRecord,
  maxBytes: number,
  damaged: (detail: string) => WebArchiveError,
): Promise<{ bytes: Buffer | null; length: number; sha256: string }> {
  const hash = createHash('sha256');
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of record.reader) {
    hash.update(chunk);
    length += chunk.length;
    if (length <= maxBytes) chunks.push(chunk);
  }
  const missing = limitReader(record)?.limit ?? 0;
  if (missing > 0) throw damaged(`the record is ${missing.toLocaleString('en')} bytes short of its Content-Length`);
  return { bytes: length <= maxBytes ? Buffer.concat(chunks) : null, length, sha256: hash.digest('hex') };
}

/** WARC-Date to the second in UTC ("2026-11-27T10:15:00Z"), or "" when it is not a date. */
function warcDate(value: string | null | undefined): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(value?.trim() ?? '');
  if (!m) {
    const t = Date.parse(value ?? '');
    return Number.isNaN(t) ? '' : `${new Date(t).toISOString().slice(0, 19)}Z`;
  }
  return `${m[1]}Z`;
}

/** The codings of a Transfer-Encoding or Content-Encoding header, in the order applied. */
function codings(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity');
}

/**
 * An HTTP body as the page's bytes: transfer codings undone (chunked, then any compression named
 * there), then content codings (gzip, x-gzip, deflate, br, zstd where Node has it) in reverse order
 * of application (RFC 9112 section 6.1, RFC 9110 section 8.4). A body that says it is compressed
 * but is not (some crawlers store the body their browser already decoded, with the original
 * headers) is kept as recorded, with a note. Over `maxBytes` once decoded, in an unknown coding,
 * or cut short or damaged as its framing shows (chunked coding ending early, see dechunked; a
 * compressed stream that ends early or does not unpack and is not plain markup), it comes back
 * with `problem` set.
 */
function decodePayload(
  raw: Buffer,
  headers: { get(name: string): string | null | undefined },
  maxBytes: number,
): { bytes: Buffer; notes: string[]; problem?: string } {
  const notes: string[] = [];
  const transfer = codings(headers.get('transfer-encoding'));
  let bytes = raw;
  if (transfer.at(-1) === 'chunked') {
    const body = dechunked(raw);
    if (body && 'cut' in body)
      return { bytes, notes, problem: `${body.cut}: the page was cut short, so it is not imported` };
    if (body && 'malformed' in body) return { bytes, notes, problem: `${body.malformed}, so it is not imported` };
    // A body that does not start with a chunk-size line was stored already unchunked.
    if (body) bytes = body.bytes;
    transfer.pop();
  }
  for (const coding of [...codings(headers.get('content-encoding')), ...transfer].reverse()) {
    const decode = DECODERS[coding];
    if (!decode)
      return { bytes, notes, problem: `the page is sent with the encoding "${coding}", which cannot be decoded` };
    try {
      bytes = decode(bytes, { maxOutputLength: maxBytes + 1 });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE')
        return {
          bytes,
          notes,
          problem: `the page unpacks to more than ${mb(maxBytes)} (raise the limit with --max-mb)`,
        };
      // Plain markup under a compression header: some crawlers store the body their browser
      // already decoded, with the original headers. Anything else is a stream cut or damaged.
      if (!looksLikeMarkup(bytes))
        return {
          bytes,
          notes,
          problem:
            code === 'Z_BUF_ERROR'
              ? `the page's ${coding} stream ends early: the page was cut short, so it is not imported`
              : `the page's ${coding} stream is damaged and cannot be unpacked, so it is not imported`,
        };
      notes.push(`the headers say the page is ${coding}-encoded, but the payload is not; kept as recorded`);
    }
  }
  if (bytes.length > maxBytes)
    return {
      bytes,
      notes,
      problem: `the page is ${mb(bytes.length)}; pages over ${mb(maxBytes)} are not imported (raise the limit with --max-mb)`,
    };
  return { bytes, notes };
}

/**
 * A body in HTTP/1.1 chunked transfer coding (RFC 9112 section 7.1) undone: chunk-size lines in
 * hex (chunk extensions ignored), each chunk's data followed by CRLF, up to the last chunk of size
 * zero (trailer fields after it are dropped). A bare LF is accepted for CRLF, as parsers do
 * (RFC 9112 section 2.2). Returns null for a body that does not start with a chunk-size line (one
 * stored already unchunked), `cut` saying where a body ends early (inside a chunk, inside a
 * chunk-size line, or without the last chunk), `malformed` for a chunk-size line that is not one.
 */
function dechunked(raw: Buffer): { bytes: Buffer } | { cut: string } | { malformed: string } | null {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    if (pos >= raw.length)
      return {
        cut: `the chunked body ends without its last (zero-size) chunk, after ${countOf(parts.length, 'chunk')}`,
      };
    const eol = raw.indexOf(0x0a, pos);
    const line = raw
      .subarray(pos, eol < 0 ? raw.length : eol)
      .toString('latin1')
      .replace(/\r$/, '');
    const size = /^([0-9a-f]+)[ \t]*(?:;.*)?$/i.exec(line);
    if (!size) {
      if (parts.length === 0) return null;
      return eol < 0 && /^[0-9a-f]*$/i.test(line)
        ? { cut: 'the chunked body ends inside a chunk-size line' }
        : {
            malformed: `chunk ${parts.length + 1} of the chunked body has no valid size line ("${line.slice(0, 20)}")`,
          };
    }
    if (eol < 0) return parts.length === 0 ? null : { cut: 'the chunked body ends inside a chunk-size line' };
    const length = parseInt(size[1]!, 16);
    if (length === 0) return { bytes: Buffer.concat(parts) };
    const start = eol + 1;
    if (start + length > raw.length)
      return {
        cut: `the chunked body ends ${countOf(raw.length - start, 'byte')} into a chunk of ${countOf(length, 'byte')}, without its last (zero-size) chunk`,
      };
    parts.push(raw.subarray(start, start + length));
    pos = start + length;
    if (raw[pos] === 0x0d) pos++;
    if (pos < raw.length && raw[pos] !== 0x0a)
      return { malformed: `chunk ${parts.length} of the chunked body is longer than its size line says` };
    pos++;
  }
}

/** Whether bytes start as markup does: "<" after any byte-order mark and white space. */
function looksLikeMarkup(bytes: Buffer): boolean {
  const text = bytes
    .subarray(0, 64)
    .toString('latin1')
    .replace(/^(?:\xef\xbb\xbf|\xfe\xff|\xff\xfe)/, '');
  return /^[\s\0]*<\0?[!?a-z]/i.test(text);
}

type Decoder = (data: Buffer, opts: { maxOutputLength: number }) => Buffer;

/** Deflate as sent: zlib-wrapped as the standard says, or raw as some servers send it. */
const inflate: Decoder = (data, opts) => {
  try {
    return zlib.inflateSync(data, opts);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw err;
    try {
      return zlib.inflateRawSync(data, opts);
    } catch (rawErr) {
      // A zlib stream that ended early says so; read as raw deflate it only looks damaged.
      throw (err as NodeJS.ErrnoException).code === 'Z_BUF_ERROR' ? err : rawErr;
    }
  }
};

const zstd = (zlib as unknown as { zstdDecompressSync?: Decoder }).zstdDecompressSync;

/** The content codings Node's zlib can undo, by their HTTP names. */
const DECODERS: Record<string, Decoder | undefined> = {
  gzip: zlib.gunzipSync,
  'x-gzip': zlib.gunzipSync,
  deflate: inflate,
  br: zlib.brotliDecompressSync,
  ...(zstd && { zstd }),
};

/** Bytes as "12.3 MB". */
function mb(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
