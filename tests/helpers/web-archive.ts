import { crc32 } from 'node:zlib';
import { WARCRecord, type WARCRecordOpts } from 'warcio';
import { WARCSerializer } from 'warcio/node';

// Web archives made to order for importer tests, written with warcio's own writer, and a WACZ
// package around them (a zip with its entries stored, written here: the project reads zips with
// yauzl and has no zip writer of its own).

const encoder = new TextEncoder();

/** One record to write. */
export interface RecordSpec {
  type: NonNullable<WARCRecordOpts['type']>;
  url?: string;
  /** WARC-Date ("2026-11-27T10:15:00Z"). */
  date?: string;
  statusline?: string;
  httpHeaders?: Record<string, string>;
  /** The record's block after the HTTP headers, exactly as stored. */
  body?: Uint8Array | string;
  warcHeaders?: Record<string, string>;
  refersToUrl?: string;
  refersToDate?: string;
}

/** A record serialized by warcio (gzipped as its own member when `gzip`). */
async function warcRecord(spec: RecordSpec, gzip: boolean): Promise<Uint8Array> {
  const body = typeof spec.body === 'string' ? encoder.encode(spec.body) : spec.body;
  const record = WARCRecord.create(
    {
      type: spec.type,
      ...(spec.url && { url: spec.url }),
      date: spec.date ?? '2026-11-27T10:15:00Z',
      warcVersion: 'WARC/1.1',
      ...(spec.statusline && { statusline: spec.statusline }),
      ...(spec.httpHeaders && { httpHeaders: spec.httpHeaders }),
      ...(spec.warcHeaders && { warcHeaders: spec.warcHeaders }),
      ...(spec.refersToUrl && { refersToUrl: spec.refersToUrl }),
      ...(spec.refersToDate && { refersToDate: spec.refersToDate }),
    },
    body ? [body] : undefined,
  );
  return WARCSerializer.serialize(record, { gzip });
}

/** A whole WARC: a warcinfo record, then the records given. */
export async function warcFile(records: RecordSpec[], gzip: boolean): Promise<Buffer> {
  const info = WARCRecord.createWARCInfo(
    { filename: 'crawl.warc.gz', warcVersion: 'WARC/1.1', date: '2026-11-20T07:59:00Z' },
    { software: 'warcio.js (test fixture)', format: 'WARC File Format 1.1' },
  );
  const parts = [await WARCSerializer.serialize(info, { gzip })];
  for (const spec of records) parts.push(await warcRecord(spec, gzip));
  return Buffer.concat(parts);
}

/** An HTML response record with status 200. */
export function htmlResponse(
  url: string,
  date: string,
  body: Uint8Array | string,
  headers: Record<string, string> = {},
): RecordSpec {
  return {
    type: 'response',
    url,
    date,
    httpHeaders: { 'Content-Type': 'text/html; charset=utf-8', ...headers },
    body,
  };
}

/** A body in HTTP/1.1 chunked transfer coding (RFC 9112 section 7.1), in chunks of `size` bytes. */
export function chunked(data: Uint8Array, size = 500): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) {
    const chunk = data.subarray(i, i + size);
    parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), Buffer.from(chunk), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

/**
 * A zip archive with its entries stored (not compressed), as PKWARE's APPNOTE.TXT describes it:
 * a local header and the data for each entry, then the central directory and its end record.
 * Small files only (no zip64).
 */
export function storedZip(entries: { name: string; data: Uint8Array | string }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data) : Buffer.from(entry.data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6); // needed
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A WACZ package (WACZ 1.1.1) around one gzipped WARC: archive/data.warc.gz, pages/pages.jsonl, datapackage.json. */
export function waczFile(warc: Buffer, pages: { url: string; ts: string; title?: string }[]): Buffer {
  const jsonl = [
    JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: 'All Pages' }),
    ...pages.map((p, i) => JSON.stringify({ id: `page-${i}`, ...p })),
  ].join('\n');
  const datapackage = JSON.stringify({
    profile: 'data-package',
    wacz_version: '1.1.1',
    resources: [
      { name: 'data.warc.gz', path: 'archive/data.warc.gz', bytes: warc.length },
      { name: 'pages.jsonl', path: 'pages/pages.jsonl', bytes: Buffer.byteLength(jsonl) },
    ],
  });
  return storedZip([
    { name: 'archive/data.warc.gz', data: warc },
    { name: 'pages/pages.jsonl', data: jsonl },
    { name: 'datapackage.json', data: datapackage },
  ]);
}
