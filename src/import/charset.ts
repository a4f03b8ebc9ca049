// Decoding a saved page's bytes in the charset the page declares. Order of authority, as
// browsers use it (the HTML standard's encoding sniffing): a byte-order mark, then the charset of
// the HTTP Content-Type header when the page came with one (a WARC record), then <meta charset> /
// http-equiv Content-Type in the first 4 kB, then UTF-8 (falling back to windows-1252 when the
// bytes are not valid UTF-8).

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

/** The charset a byte-order mark announces, or null. */
function bomCharset(bytes: Uint8Array): string | null {
  for (const [mark, label] of BOMS) if (mark.every((b, i) => bytes[i] === b)) return label;
  return null;
}

/** The charset declared in the first 4 kB of an HTML page, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return meta?.[1]?.toLowerCase() ?? null;
}

/** Whether TextDecoder knows a charset label. */
function known(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** The charset parameter of an HTTP Content-Type value ("text/html; charset=ISO-8859-1" -> "iso-8859-1"), or null. */
export function headerCharset(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase() ?? null;
}

/**
 * The page's text and the charset used to read it. `transportCharset` is the charset the HTTP
 * Content-Type header gave (see headerCharset), when the page came with its headers; a label
 * TextDecoder does not know is ignored.
 */
export function decodePage(
  bytes: Uint8Array,
  isHtml: boolean,
  transportCharset?: string | null,
): { text: string; charset: string } {
  const bom = bomCharset(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), charset: bom };
  if (transportCharset && known(transportCharset))
    return { text: new TextDecoder(transportCharset).decode(bytes), charset: transportCharset };
  const declared = isHtml ? declaredCharset(bytes) : null;
  if (declared && known(declared)) return { text: new TextDecoder(declared).decode(bytes), charset: declared };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252' };
  }
}
