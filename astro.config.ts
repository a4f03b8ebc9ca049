import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import contentCheck from './src/integrations/content-check.ts';
import pagefindIndex from './src/integrations/pagefind.ts';
import { markdownOptions } from './src/markdown/pipeline.ts';
import { contentDir } from './src/lib/content-dir.ts';

// ARCHIVE_SITE: the public address the site is served from (feeds and sitemaps need it).
// ARCHIVE_BASE: the sub-path under that address, e.g. /archive/ for GitHub Pages project sites.
const site = process.env.ARCHIVE_SITE || 'http://127.0.0.1:4321';
const base = process.env.ARCHIVE_BASE || '/';

// Astro caches parsed content; one cache per content folder, so switching archives never mixes them.
const cacheKey = createHash('sha256').update(contentDir()).digest('hex').slice(0, 12);

export default defineConfig({
  site,
  base,
  cacheDir: `./node_modules/.astro/${cacheKey}`,
  trailingSlash: 'ignore',
  // Keep the whitespace between inline elements of article bodies ("<em>a</em> <strong>b</strong>").
  compressHTML: false,
  // One cached stylesheet file instead of a copy inlined in every page (and no inline style for the CSP).
  build: { inlineStylesheets: 'never' },
  markdown: {
    // Unified (remark/rehype) instead of the default engine: article bodies must pass through
    // rehype-sanitize (see src/markdown/pipeline.ts).
    processor: unified(markdownOptions),
    syntaxHighlight: false,
  },
  integrations: [contentCheck(), sitemap(), pagefindIndex()],
});
