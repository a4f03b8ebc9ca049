import type { RehypePlugins } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeRemoteImages from './rehype-remote-images.ts';
import remarkNewsGfm from './remark-news-gfm.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

// How every article body is rendered. Raw HTML is parsed first so the sanitizer sees it;
// everything after the sanitizer is trusted code. Verbatim text: no typographic rewriting of
// the original's quotes (smartypants off). Tables and strikethrough only, of GFM (see remark-news-gfm.ts).

/** Options for `unified()` from @astrojs/markdown-remark; the tests render with the same ones. */
export const markdownOptions = {
  gfm: false,
  smartypants: false,
  remarkPlugins: [remarkNewsGfm],
  rehypePlugins: [rehypeRaw, [rehypeSanitize, sanitizeSchema], rehypeRemoteImages] as RehypePlugins,
};
