// Types for html-encoding-sniffer, which ships none.
declare module 'html-encoding-sniffer' {
  /**
   * The WHATWG encoding sniffing algorithm (https://html.spec.whatwg.org/#encoding-sniffing-algorithm):
   * byte-order mark, then the transport layer's label, then (unless `xml`) the prescan of the
   * first 1024 bytes for <meta charset> or http-equiv Content-Type, then `defaultEncoding`.
   * Returns a canonical encoding name ("UTF-8", "windows-1252"), or `defaultEncoding` as given.
   */
  export default function sniffHTMLEncoding(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string },
  ): string;
}
