import type { RehypePlugins } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeBaseLinks from './rehype-base-links.ts';
import rehypeControlCharacters from './rehype-control-characters.ts';
import rehypeInPageAnchors from './rehype-in-page-anchors.ts';
import rehypeParagraphAnchors from './rehype-paragraph-anchors.ts';
import rehypeRemoteImages from './rehype-remote-images.ts';
import remarkNewsGfm from './remark-news-gfm.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

// How every article body is rendered. Raw HTML is parsed first so the sanitizer sees it;
// everything after the sanitizer is trusted code. Verbatim text: no typographic rewriting of
// the original's quotes (smartypants off). Tables, strikethrough and footnotes only, of GFM (see
// remark-news-gfm.ts).

/** Options for `unified()` from @astrojs/markdown-remark for a site built under `base`. */
export function markdownOptionsFor(base: string) {
  return {
    gfm: false,
    smartypants: false,
    remarkPlugins: [remarkNewsGfm],
    // Footnote ids are given no prefix here: the sanitizer prefixes every id once, and
    // rehypeInPageAnchors gives the links to them the same prefix.
    remarkRehype: { clobberPrefix: '' },
    rehypePlugins: [
      rehypeRaw,
      [rehypeSanitize, sanitizeSchema],
      rehypeControlCharacters,
      rehypeRemoteImages,
      rehypeInPageAnchors,
      rehypeParagraphAnchors,
      [rehypeBaseLinks, { base }],
    ] as RehypePlugins,
  };
}

/**
 * The same options without the GFM extensions, for a body that cannot hold a table, a
 * strikethrough or a footnote: they need a `|`, a `~` or a `[^`. The HTML is the same (checked on every body of a
 * 10,000-article corpus and every hostile payload, tests/unit/sanitize.test.ts), and the table
 * scanner is a large share of the render time (see docs/performance.md, "Figures behind the code").
 */
export function plainMarkdownOptionsFor(base: string) {
  return { ...markdownOptionsFor(base), remarkPlugins: [] };
}

/** The options for a site at the root ("/"), with which the tests render. */
export const markdownOptions = markdownOptionsFor('/');

/** The plain options (plainMarkdownOptionsFor) for a site at the root. */
export const plainMarkdownOptions = plainMarkdownOptionsFor('/');

/** Whether a body may use tables, strikethrough or footnotes, so needs `markdownOptions` rather than the plain ones. */
export function mayUseGfm(markdown: string): boolean {
  return /[|~]|\[\^/.test(markdown);
}
