import { sha256Hex } from '../text/hash.ts';
import { decodePage } from '../content/charset.ts';
import { controlCharactersShown } from '../content/control-characters.ts';

// What a capture page shows of a capture's bytes (see src/site/captures.ts).

/** Whether a capture's bytes are text a page can show (no NUL bytes, few undecodable ones). */
function isText(bytes: Uint8Array, text: string): boolean {
  if (bytes.includes(0)) return false;
  const bad = text.match(/\uFFFD/g)?.length ?? 0;
  return bad <= Math.max(8, text.length / 1000);
}

/** What the capture page shows of a capture's bytes. */
export interface CaptureView {
  /** SHA-256 of the bytes, lower-case hex (as `sha256sum` prints it). */
  sha256: string;
  /** Size in bytes. */
  bytes: number;
  /** The text in the charset the capture declares or is in, control characters shown as symbols (␟); undefined for binary files. */
  text?: string | undefined;
  /** The charset the text was read in ("utf-8", "windows-1252", ...). */
  charset?: string | undefined;
}

/**
 * Reads a capture's bytes for its page: their hash and size, and their text decoded as a browser
 * would (byte-order mark, then the page's declared charset for HTML, then UTF-8, else
 * windows-1252; src/content/charset.ts). Binary files get no text.
 */
export function viewCapture(file: string, bytes: Uint8Array): CaptureView {
  const sha256 = sha256Hex(bytes);
  const { text, charset } = decodePage(bytes, /\.(x?html?|shtml|xht|svg|xml)$/i.test(file));
  // Shown as it is, control characters included: as their visible symbols (a page cannot carry them).
  return isText(bytes, text)
    ? { sha256, bytes: bytes.length, text: controlCharactersShown(text), charset }
    : { sha256, bytes: bytes.length };
}

/**
 * A capture's text (as viewCapture gives it, control characters already made visible) as the
 * HTML content of a `<pre>`, so that the element's text starts and goes on as the capture does:
 * `&`, `<` and `>` escaped; line breaks as line feeds (a parser turns CR LF and CR into LF
 * anyway); a text that starts with a line feed gets one more in front, since the parser drops the
 * first line feed after `<pre>` (HTML Standard, "in body" insertion mode, start tag "pre"). The
 * download link gives the exact bytes. Written into the element with `set:html` and nothing
 * around it: any white space in the template would become part of the text.
 */
export function preContent(text: string): string {
  const shown = text.replace(/\r\n?/g, '\n');
  const escaped = shown.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return shown.startsWith('\n') ? `\n${escaped}` : escaped;
}
