import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import archive from './src/integrations/archive.ts';
import { markdownOptions } from './src/markdown/pipeline.ts';
import { contentDir } from './src/lib/content-dir.ts';
import { cspConfig } from './src/lib/csp.ts';
import headersFile from './src/integrations/headers-file.ts';

// ARCHIVE_SITE: the public address the site is served from (feeds and sitemaps need it).
// ARCHIVE_BASE: the sub-path under that address, e.g. /archive/ for GitHub Pages project sites.
const site = process.env.ARCHIVE_SITE || 'http://127.0.0.1:4321';
const base = process.env.ARCHIVE_BASE || '/';

// Astro caches rendered content. One cache per content folder and per version of the Markdown
// pipeline (src/markdown/), so switching archives never mixes them and a sanitizer change is
// never hidden behind HTML rendered by the old one.
const pipeline = readdirSync('src/markdown')
  .sort()
  .map((f) => readFileSync(`src/markdown/${f}`));
const cacheKey = createHash('sha256').update(contentDir()).update(Buffer.concat(pipeline)).digest('hex').slice(0, 12);

export default defineConfig({
  site,
  base,
  cacheDir: process.env.ARCHIVE_CACHE_DIR || `./node_modules/.astro/${cacheKey}`,
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
  // A strict Content-Security-Policy in every page (src/lib/csp.ts explains each directive).
  security: { csp: cspConfig },
  integrations: [archive(), sitemap(), headersFile()],
});
