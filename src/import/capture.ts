import { sha256Hex } from '../text/hash.ts';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { decodePage } from '../content/charset.ts';

// Reading one capture file: its exact bytes (kept verbatim), and its text when it is something
// the importer can read. Anything else is refused with a one-line reason.

/** Extensions the importer accepts, and whether each holds HTML. */
const CAPTURE_TYPES = [
  { ext: '.html.gz', html: true, gzip: true },
  { ext: '.htm.gz', html: true, gzip: true },
  { ext: '.html', html: true, gzip: false },
  { ext: '.htm', html: true, gzip: false },
  { ext: '.txt', html: false, gzip: false },
] as const;

/** A capture read into memory. */
export interface Capture {
  /** Path as given by the user; for a WARC record, its target URI. */
  path: string;
  /** The file's bytes, exactly as on disk (still gzipped for .gz); for a WARC record, its decoded HTTP payload. */
  bytes: Buffer;
  /** SHA-256 of those bytes. */
  sha256: string;
  /** Extension it was recognised by (".html.gz", ".txt", ...). */
  ext: string;
  /** Whether the content is HTML (else plain text). */
  html: boolean;
  /** Decoded text. */
  text: string;
  /** Charset used to decode it. */
  charset: string;
}

/** Raised for a capture that cannot be imported; its message is the one-line reason. */
export class CaptureError extends Error {}

/**
 * The reason a capture, a record or a file failed, as the report prints it after the file's name
 * (and the record's address): a CaptureError's own message, else "could not be read as <what>:"
 * and the cause in plain words with what to do: a file not there, permission refused, a folder,
 * a full disk, compressed data that ends early or is damaged, a file too large to hold. Any other
 * error is the importer's own fault, and the reason says so rather than quoting the program's
 * message. `what` names what was read ("a saved page", "an HTML page", "a web archive").
 */
export function failureReason(err: unknown, what: string): string {
  if (err instanceof CaptureError) return err.message;
  const e = (err instanceof Error ? err : {}) as Partial<NodeJS.ErrnoException>;
  const file = e.path ?? 'a file it needs';
  const cause = (() => {
    switch (e.code) {
      case 'ENOENT':
        return `${file} is not there (moved or deleted while the import ran?): check the path and run again`;
      case 'EACCES':
      case 'EPERM':
        return `permission to use ${file} was refused: make it readable (and the content folder writable) and run again`;
      case 'EISDIR':
        return `${file} is a folder, not a file: name the files in it, or the folder itself as an input`;
      case 'ENOSPC':
        return 'the disk is full: free some space and run again';
      case 'EMFILE':
      case 'ENFILE':
        return 'too many files are open at once: run again with fewer files';
      case 'Z_BUF_ERROR':
        return 'its compressed data ends early (the file was cut short): save or download it again';
      case 'Z_DATA_ERROR':
      case 'Z_STREAM_ERROR':
        return 'its compressed data is damaged: save or download it again';
      case 'ERR_BUFFER_TOO_LARGE':
      case 'ERR_STRING_TOO_LONG':
        return 'it is too large to hold in memory: split it, or import its pages one by one';
    }
    return 'the importer met something in it that it does not handle (a fault in the importer, not one it can name in the file): keep the file and report the problem with it';
  })();
  return `could not be read as ${what}: ${cause}`;
}

/** The capture type of a path, or undefined when the importer does not read such files. */
export function captureType(file: string) {
  const lower = file.toLowerCase();
  return CAPTURE_TYPES.find((t) => lower.endsWith(t.ext));
}

/** Magic numbers of file types people save by mistake (images, PDF, archives). */
const BINARY_MAGIC = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x25, 0x50, 0x44, 0x46],
  [0x50, 0x4b, 0x03, 0x04],
];

/** True when bytes look like a binary file rather than text: a known magic number, or many NUL bytes. */
function looksBinary(bytes: Uint8Array): boolean {
  if (BINARY_MAGIC.some((magic) => magic.every((b, i) => bytes[i] === b))) return true;
  const head = bytes.subarray(0, 8192);
  if (head[0] === 0xfe || head[0] === 0xff) return false; // UTF-16 with a BOM has NULs by design
  let nul = 0;
  for (const b of head) if (b === 0) nul++;
  return nul > head.length / 100;
}

/**
 * Reads and decodes a capture (.html, .htm, .html.gz or .txt).
 * @param maxBytes the largest page imported, in bytes, after unpacking a .gz capture.
 * @throws {CaptureError} with the reason the capture cannot be imported: not a capture type,
 *   empty, larger than `maxBytes`, not valid gzip, binary, or without text.
 * @throws {NodeJS.ErrnoException} when the file cannot be read.
 */
export async function readCapture(file: string, maxBytes: number): Promise<Capture> {
  const type = captureType(file);
  if (!type) throw new CaptureError('is not a capture type the importer reads (.html, .htm, .html.gz, .txt)');
  const bytes = await readFile(file);
  if (bytes.length === 0) throw new CaptureError('is empty');
  let content: Uint8Array = bytes;
  if (type.gzip) {
    try {
      content = gunzipSync(bytes, { maxOutputLength: maxBytes + 1 });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new CaptureError(
        code === 'ERR_BUFFER_TOO_LARGE'
          ? `unpacks to more than ${mb(maxBytes)}`
          : code === 'Z_BUF_ERROR' && bytes[0] === 0x1f && bytes[1] === 0x8b
            ? 'is cut short: its gzip data ends early; save or download the page again'
            : 'is not a valid gzip file',
      );
    }
  }
  if (content.length > maxBytes)
    throw new CaptureError(
      `is ${mb(content.length)}; pages over ${mb(maxBytes)} are not imported (raise the limit with --max-mb)`,
    );
  if (looksBinary(content)) throw new CaptureError('is a binary file, not a saved page or text');
  const { text, charset } = decodePage(content, type.html);
  if (text.trim() === '') throw new CaptureError('has no text');
  return {
    path: file,
    bytes,
    sha256: sha256Hex(bytes),
    ext: type.ext,
    html: type.html,
    text,
    charset,
  };
}

/**
 * A capture from an HTML page's bytes as received over HTTP (a WARC response record's decoded
 * payload), kept as `.html`. `label` names it in messages (the record's target URI);
 * `transportCharset` is the Content-Type header's charset, which comes before the page's own
 * <meta charset> (see decodePage). Throws CaptureError for an empty or binary payload.
 */
export function captureFromPayload(label: string, bytes: Buffer, transportCharset: string | null): Capture {
  if (bytes.length === 0) throw new CaptureError('is empty');
  if (looksBinary(bytes)) throw new CaptureError('is a binary file, not an HTML page');
  const { text, charset } = decodePage(bytes, true, transportCharset);
  if (text.trim() === '') throw new CaptureError('has no text');
  return {
    path: label,
    bytes,
    sha256: sha256Hex(bytes),
    ext: '.html',
    html: true,
    text,
    charset,
  };
}

/** Bytes as "12.3 MB". */
function mb(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
