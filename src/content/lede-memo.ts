// The articles loader reads every article file it parses; the related lists
// (src/site/related-archive.ts) need the opening prose of the bodies they have not counted in an
// earlier build. The loader keeps that opening here (markdownLede), and the related lists take it
// instead of reading the file a second time. Astro loads the content config and the pages as
// separate module instances in one process, hence one map on globalThis (as front-matter-memo.ts).
// Keyed by the file's path and the digest of its whole text, so an opening is only used for the
// exact file it was read from.

type Memo = Map<string, string>;
const KEY = Symbol.for('news-archive.article-ledes');

function memo(): Memo {
  const g = globalThis as { [KEY]?: Memo };
  return (g[KEY] ??= new Map());
}

/**
 * A copy of `text` holding only its own characters. A string cut from a longer one (`slice`, a
 * regular expression's match) keeps the whole longer string alive in V8, so an opening kept as cut
 * would hold its whole file: about twice the memory at the benchmark's articles (docs/performance.md,
 * "Related coverage, charts and data files: what each costs"). Written out as UTF-16 code units and
 * read back, so every code unit is kept as it was, a lone surrogate at the cut included.
 */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

/** Records the opening prose of the article file at `filePath` (as the collection records it) whose text has `digest`. */
export function rememberLede(filePath: string, digest: string, lede: string): void {
  memo().set(`${digest} ${filePath}`, ownCopy(lede));
}

/** The opening prose recorded for this file and digest, if any; each is handed out once. */
export function takeLede(filePath: string, digest: string): string | undefined {
  const m = memo();
  const key = `${digest} ${filePath}`;
  const lede = m.get(key);
  m.delete(key);
  return lede;
}

/** Forgets every opening recorded and not taken (an article left out of the site, or counted before). */
export function forgetLedes(): void {
  memo().clear();
}
