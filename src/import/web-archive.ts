import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { AsyncIterReader, LimitReader, WARCParser, type WARCRecord } from 'warcio';
import yauzl from 'yauzl';
import { headerCharset } from './charset.ts';

// Reading web archives: WARC files (ISO 28500, plain or gzipped record by record) and WACZ
// packages (a zip holding WARCs under archive/, the Webrecorder Web Archive Collection Zipped
// format). Records are streamed with webrecorder's warcio, one at a time, so a file of any size
// never sits in memory: only the payload of one HTML page is held while it is imported.

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
  | 'other';

/** How the report names each kind of record. */
export const RECORD_KINDS: Record<RecordKind, string> = {
  capture: 'HTML pages (status 200)',
  redirect: 'redirects (3xx)',
  revisit: 'revisit records (unchanged since an earlier capture)',
  'not-html': 'other resources (not HTML)',
  error: 'error responses (4xx, 5xx)',
  'other-response': 'other responses (not status 200)',
  request: 'request records',
  metadata: 'metadata records',
  warcinfo: 'warcinfo records',
  resource: 'resource records',
  other: 'other records',
};

/** Where a capture came from: the front matter's `warc` object (see docs/design.md). */
export interface WarcProvenance {
  /** The WARC or WACZ file's name, without folders. */
  file: string;
  /** For a WACZ package, the WARC inside it. */
  entry?: string;
  /** WARC-Record-ID. */
  recordId: string;
  /** WARC-Payload-Digest as recorded. */
  payloadDigest?: string;
  /** WARC-Target-URI. */
  targetUri: string;
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
  /** Called for each HTML response record with status 200, in file order; awaited before reading on. */
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
 * order, and returns how many records were read. `maxBytes` is the largest decoded HTML payload
 * kept (a larger page is passed on with `problem` set, not read into memory). Throws
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
  if (archiveType(file) !== '.wacz') {
    const size = (await stat(file)).size;
    const read = await readWarcStream(createReadStream(file), { where: name, name, size, maxBytes }, handlers);
    if (read.records === 0) noRecords(name, size);
    return read;
  }
  const zip = await openZip(file);
  try {
    let records = 0;
    const entries = await warcEntries(zip, file);
    if (entries.length === 0)
      throw new WebArchiveError(
        `${name}: holds no WARC files under archive/ (a WACZ package keeps its WARCs in archive/*.warc or archive/*.warc.gz)`,
      );
    for (const entry of entries) {
      const where = `${name}: ${entry.fileName}`;
      let stream: Readable;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch (err) {
        throw new WebArchiveError(`${where}: cannot be read from the zip: ${(err as Error).message}`);
      }
      const size = entry.uncompressedSize;
      const opts = { where, name, entry: entry.fileName, size, maxBytes };
      records += (await readWarcStream(stream, opts, handlers)).records;
    }
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
    throw new WebArchiveError(`${path.basename(file)}: is not a readable WACZ (zip) file: ${(err as Error).message}`);
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
  const shown = firstLine.replace(/\s+/g, ' ').trim().slice(0, 40);
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
  const kind = recordKind(record);
  if (kind.kind !== 'capture') {
    await drain(record, damaged);
    handlers.skipped({ kind: kind.kind, where: opts.where, uri, detail: kind.detail });
    return;
  }
  const headers = record.httpHeaders!.headers;
  const raw = await readRaw(record, opts.maxBytes, damaged);
  const warc: WarcProvenance = {
    file: opts.name,
    ...(opts.entry && { entry: opts.entry }),
    recordId: record.warcHeader('WARC-Record-ID') ?? '',
    ...(record.warcPayloadDigest && { payloadDigest: record.warcPayloadDigest }),
    targetUri: uri!,
  };
  const page: ArchivedPage = {
    where: opts.where,
    warc,
    captured: warcDate(record.warcDate),
    charset: headerCharset(headers.get('content-type')),
    notes: [],
  };
  if (!warc.recordId) page.problem = 'the record has no WARC-Record-ID';
  else if (!page.captured) page.problem = `the record's WARC-Date "${record.warcDate ?? ''}" is not a date`;
  else if (!raw) page.problem = `the page is over ${mb(opts.maxBytes)} as recorded (raise the limit with --max-mb)`;
  else {
    const decoded = await decodePayload(raw, headers, opts.maxBytes);
    if (decoded.problem) page.problem = decoded.problem;
    else page.payload = decoded.bytes;
    page.notes.push(...decoded.notes);
  }
  await handlers.page(page);
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
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
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

/** WARC-Date to the second in UTC ("2026-11-27T10:15:00Z"), or "" when it is not a date. */
export function warcDate(value: string | null | undefined): string {
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
 * headers) is kept as recorded, with a note. Over `maxBytes` once decoded, or in an unknown
 * coding, it comes back with `problem` set.
 */
export async function decodePayload(
  raw: Buffer,
  headers: { get(name: string): string | null | undefined },
  maxBytes: number,
): Promise<{ bytes: Buffer; notes: string[]; problem?: string }> {
  const notes: string[] = [];
  const transfer = codings(headers.get('transfer-encoding'));
  let bytes = raw;
  if (transfer.at(-1) === 'chunked') {
    bytes = Buffer.from(await new AsyncIterReader([raw], null, true).readFully());
    transfer.pop();
  }
  for (const coding of [...codings(headers.get('content-encoding')), ...transfer].reverse()) {
    const decode = DECODERS[coding];
    if (!decode)
      return { bytes, notes, problem: `the page is sent with the encoding "${coding}", which cannot be decoded` };
    try {
      bytes = decode(bytes, { maxOutputLength: maxBytes + 1 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        return {
          bytes,
          notes,
          problem: `the page unpacks to more than ${mb(maxBytes)} (raise the limit with --max-mb)`,
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

type Decoder = (data: Buffer, opts: { maxOutputLength: number }) => Buffer;

/** Deflate as sent: zlib-wrapped as the standard says, or raw as some servers send it. */
const inflate: Decoder = (data, opts) => {
  try {
    return zlib.inflateSync(data, opts);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw err;
    return zlib.inflateRawSync(data, opts);
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
