// The site's base path (Astro's resolved `base`) in the one form every address is
// built from: a leading and a trailing slash, "/" for the root. Used by the pages, the Markdown
// pipeline, the build and the browser's search page alike, so none of them writes it differently.

/**
 * `base` with exactly one leading and one trailing slash: "" or undefined -> "/",
 * "archive" and "/archive" -> "/archive/", "/a/b//" -> "/a/b/".
 */
export function normalizeBase(base: string | undefined): string {
  const inner = (base ?? '').replace(/^\/+|\/+$/g, '');
  return inner === '' ? '/' : `/${inner}/`;
}
