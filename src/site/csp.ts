// The archive's Content-Security-Policy. Article bodies come from the open web: even if markup
// got past the sanitizer, the browser must refuse to run it or to load anything from elsewhere.
// Scripts and styles come only from the site's own files; nothing inline needs allowing broadly.

/** Directives besides script-src and style-src (Astro adds those, with any hashes). */
const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-src 'none'",
  "manifest-src 'self'",
] as const;

/** script-src: the site's own files, and WebAssembly compilation for Pagefind's search. */
const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];

/** style-src: the site's own stylesheet only. */
const STYLE_SOURCES = ["'self'"];

/** Astro's `security.csp` setting. */
export const cspConfig = {
  directives: [...CSP_DIRECTIVES],
  scriptDirective: { resources: SCRIPT_SOURCES },
  styleDirective: { resources: STYLE_SOURCES },
};

/** The same policy as one header value, for hosts that read a _headers file; adds what a meta tag cannot say. */
export function cspHeader(): string {
  return [
    ...CSP_DIRECTIVES,
    `script-src ${SCRIPT_SOURCES.join(' ')}`,
    `style-src ${STYLE_SOURCES.join(' ')}`,
    "frame-ancestors 'none'",
  ].join('; ');
}
