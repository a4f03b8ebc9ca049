// Decoding a saved page's bytes in the charset the page declares, by the WHATWG encoding sniffing
// algorithm (https://html.spec.whatwg.org/#encoding-sniffing-algorithm, through
// html-encoding-sniffer): a byte-order mark, then the charset the transport gave (an HTTP
// Content-Type, when the capture kept one), then for HTML the prescan of the first 1024 bytes for
// <meta charset> or <meta http-equiv="Content-Type" content="...; charset=...">, in either
// attribute order and outside comments. Where nothing is declared the importer reads UTF-8 when
// the bytes are valid UTF-8 and windows-1252 otherwise, rather than the standard's locale default,
// since most pages saved today are UTF-8.

import sniffHTMLEncoding from 'html-encoding-sniffer';

/** What the sniffer returns when nothing is declared: not an encoding name. */
const UNDECLARED = '';

/**
 * The charset a page declares, as a lower-case WHATWG encoding name ("utf-8", "windows-1252",
 * "shift_jis"), or null when there is no byte-order mark, no transport charset and (for HTML) no
 * declaration in the first 1024 bytes. Labels are mapped as the Encoding Standard says
 * ("iso-8859-1" and "ascii" are windows-1252; a <meta> naming UTF-16 means UTF-8, since a page
 * that can declare it in ASCII is not UTF-16; "x-user-defined" in a <meta> is windows-1252).
 */
function declaredCharset(
  bytes: Uint8Array,
  { html = true, transportCharset }: { html?: boolean; transportCharset?: string | undefined } = {},
): string | null {
  const name = sniffHTMLEncoding(bytes, {
    xml: !html,
    defaultEncoding: UNDECLARED,
    ...(transportCharset && { transportLayerEncodingLabel: transportCharset }),
  });
  return name === UNDECLARED ? null : name.toLowerCase();
}

/** A decoder for a WHATWG encoding name, or null where the runtime has none ("x-user-defined"). */
function decoder(name: string): TextDecoder | null {
  try {
    return new TextDecoder(name);
  } catch {
    return null;
  }
}

/** The charset parameter of an HTTP Content-Type value ("text/html; charset=ISO-8859-1" -> "iso-8859-1"), or null. */
export function headerCharset(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase() ?? null;
}

/**
 * The page's text and the charset used to read it (a lower-case WHATWG encoding name). `isHtml`
 * turns on the <meta> prescan; `transportCharset` is the charset label an HTTP Content-Type gave,
 * when known. A byte-order mark is removed from the text. Never throws: bytes that are not valid
 * in the charset become U+FFFD.
 */
export function decodePage(
  bytes: Uint8Array,
  isHtml: boolean,
  transportCharset?: string | null,
): { text: string; charset: string } {
  const declared = declaredCharset(bytes, { html: isHtml, transportCharset: transportCharset ?? undefined });
  const known = declared && decoder(declared);
  if (declared && known) return { text: known.decode(bytes), charset: declared };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252' };
  }
}
